/**
 * One rule's configuration, tenant-wide or for one power-list item: enabled, severity, days to respond and the
 * thresholds (params, as JSON: each rule kind has its own; the server validates them and names a bad one).
 */
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { SEVERITIES, type Rule, type Severity } from '../types';
import { useSubmit } from '../useSubmit';

interface Values {
  powerItemCode?: string;
  enabled: boolean;
  severity: Severity;
  respondWorkingDays: number;
  params: string;
}

interface Props {
  rule: Rule;
  title: string;
  onClose: () => void;
  onSaved: () => void;
}

export function RuleEditor({ rule, title, onClose, onSaved }: Props) {
  const { t } = useTranslation(['oversight', 'common']);
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, run } = useSubmit();
  const e = rule.effective;

  async function save(v: Values) {
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(v.params) as Record<string, unknown>;
      if (!params || typeof params !== 'object' || Array.isArray(params)) throw new Error();
    } catch {
      setError(new ApiError(400, 'VALIDATION_FAILED', t('rules.paramsInvalid'), 'params'));
      return;
    }
    const item = v.powerItemCode?.trim() || null;
    // Version of the override being replaced; 0 creates the first one for this scope.
    const current = item ? rule.byPowerItem.find((o) => o.powerItemCode === item) : e;
    await run(async () => {
      unwrap(
        await api.PUT('/api/supervision/rules/{ruleId}', {
          params: { path: { ruleId: rule.id } },
          body: {
            powerItemCode: item,
            enabled: v.enabled,
            severity: v.severity,
            respondWorkingDays: v.respondWorkingDays,
            params,
            version: current?.version ?? 0,
          },
        }),
      );
      onSaved();
    });
  }

  return (
    <Modal
      open
      title={t('rules.editTitle', { rule: title })}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          enabled: e.enabled,
          severity: e.severity,
          respondWorkingDays: e.respondWorkingDays,
          params: JSON.stringify(e.params, null, 2),
        }}
      >
        <Form.Item name="powerItemCode" label={t('rules.powerItemCode')} extra={t('rules.powerItemHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="severity" label={t('rules.severity')}>
          <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`common:warnings.${s}`) }))} />
        </Form.Item>
        <Form.Item name="respondWorkingDays" label={t('rules.respondDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="params" label={t('rules.params')} rules={[{ required: true }]}>
          <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
