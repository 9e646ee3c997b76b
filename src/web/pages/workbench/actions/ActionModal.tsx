/**
 * One step's form in a modal. The server decides: its refusal is shown next to the field it names (or above
 * the form) and nothing changes; a stale version reloads the case and says so.
 */
import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { CaseView } from '../types';
import { buildBody, formField, type StepValues } from './buildBody';
import { runStep } from './runStep';
import { FIELD_NAMES, StepFields } from './StepFields';
import type { ActionKind } from './verbs';

interface Props {
  kind: ActionKind;
  c: CaseView;
  onClose: () => void;
  onDone: (updated: CaseView) => void;
  onConflict: () => void;
}

export function ActionModal({ kind, c, onClose, onDone, onConflict }: Props) {
  const { t } = useTranslation(['workbench', 'common']);
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = t(`common:caseActions.${kind}`);

  async function submit() {
    let values: StepValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await runStep(c.caseNo, kind, buildBody(kind, c.version, values)));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
        onConflict();
        return;
      }
      const message = e instanceof Error ? e.message : String(e);
      const field = e instanceof ApiError ? formField(e.field, FIELD_NAMES) : null;
      if (field) form.setFields([{ name: field as keyof StepValues, errors: [message] }]);
      else setError(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('forms.title', { action, caseNo: c.caseNo })}
      okText={action}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" name={`step-${kind}`}>
        <StepFields kind={kind} c={c} />
      </Form>
    </Modal>
  );
}
