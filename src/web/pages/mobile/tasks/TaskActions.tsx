/** The buttons of a task exactly as the case's allowedActions lists them: 核实 (confirm/reject), 核查 (pass/fail). */
import { Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '../report/PhotoPicker';

export type TaskDecision =
  | { action: 'verify'; ok: boolean; reason?: string; photos: File[] }
  | { action: 'check'; ok: boolean; reason?: string; photos: File[] };

const MIN_REASON = 4;

export function TaskActions({
  allowed,
  busy,
  onDecide,
}: {
  allowed: readonly string[];
  busy: boolean;
  onDecide: (d: TaskDecision) => void;
}) {
  const { t } = useTranslation(['mobile', 'common']);
  const [rejecting, setRejecting] = useState<'verify' | 'check' | null>(null);
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [reasonError, setReasonError] = useState(false);
  const action = allowed.includes('verify') ? 'verify' : allowed.includes('check') ? 'check' : null;
  if (!action) return null;

  const yes = action === 'verify' ? t('task.confirm') : t('task.pass');
  const no = action === 'verify' ? t('task.reject') : t('task.fail');
  const decideNo = () => {
    if (reason.trim().length < MIN_REASON) return setReasonError(true);
    onDecide({ action, ok: false, reason: reason.trim(), photos });
  };

  return (
    <Flex vertical gap={12}>
      {action === 'check' && (
        <Form.Item label={t('task.afterPhoto')} style={{ marginBottom: 0 }}>
          <PhotoPicker photos={photos} onChange={setPhotos} max={3} buttonLabel={t('task.addAfterPhoto')} />
        </Form.Item>
      )}
      {rejecting && (
        <Form.Item
          label={t('task.reason')}
          htmlFor="cz-task-reason"
          extra={t('task.reasonHelp')}
          validateStatus={reasonError ? 'error' : undefined}
          help={reasonError ? t('task.reasonRequired') : undefined}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            id="cz-task-reason"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(false);
            }}
          />
        </Form.Item>
      )}
      <Flex gap={8}>
        <Button
          type="primary"
          size="large"
          block
          loading={busy && !rejecting}
          disabled={busy || rejecting !== null}
          onClick={() => onDecide({ action, ok: true, photos })}
          style={{ minHeight: 52 }}
        >
          {yes}
        </Button>
        <Button
          size="large"
          block
          loading={busy && rejecting !== null}
          disabled={busy}
          onClick={() => (rejecting ? decideNo() : setRejecting(action))}
          style={{ minHeight: 52 }}
        >
          {no}
        </Button>
      </Flex>
      {rejecting && (
        <Button size="large" onClick={() => setRejecting(null)}>
          {t('common:actions.cancel')}
        </Button>
      )}
    </Flex>
  );
}
