/** A rule as JSON (match, target, priority …), saved with the version read; the server reports what is wrong. */
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap, type paths } from '../../../api/client';

type RuleBody = paths['/api/dispatch/rules/{id}']['put']['requestBody']['content']['application/json'];
export interface Rule {
  id: string;
  name: string;
  priority: number;
  enabled: boolean;
  match: unknown;
  target: unknown;
  version: number;
}

const TEMPLATE = {
  name: '',
  priority: 100,
  enabled: true,
  match: { categoryType: 'event' },
  target: { principle: 'territory' },
};

export function RuleJsonModal({ rule, onClose }: { rule: Rule | null; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [id, setId] = useState(rule?.id ?? '');
  const [text, setText] = useState(() => {
    if (!rule) return JSON.stringify(TEMPLATE, null, 2);
    const { name, priority, enabled, match, target } = rule;
    return JSON.stringify({ name, priority, enabled, match, target }, null, 2);
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    let body: RuleBody;
    try {
      body = JSON.parse(text) as RuleBody;
    } catch (e) {
      setError(t('dispatch.jsonInvalid', { message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      unwrap(
        await api.PUT('/api/dispatch/rules/{id}', {
          params: { path: { id: id.trim() } },
          body: { ...body, version: rule?.version ?? 0 },
        }),
      );
      void message.success(t('common.saved'));
      onClose(true);
    } catch (e) {
      const problems =
        e instanceof ApiError
          ? (e.details as { problems?: { message: string }[] } | undefined)?.problems
          : undefined;
      setError(
        problems?.length
          ? problems.map((p) => p.message).join('；')
          : e instanceof Error
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={720}
      title={rule ? `${t('dispatch.editJson')} · ${rule.id}` : t('dispatch.newRule')}
      okButtonProps={{ loading: busy, disabled: !id.trim() }}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
    >
      <Form layout="vertical">
        <Form.Item label={t('dispatch.ruleId')} htmlFor="rule-id">
          <Input id="rule-id" value={id} disabled={!!rule} onChange={(e) => setId(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('dispatch.json')} htmlFor="rule-json">
          <Input.TextArea
            id="rule-json"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 12, maxRows: 24 }}
            style={{ fontFamily: 'monospace' }}
            spellCheck={false}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" role="alert" title={error} />}
    </Modal>
  );
}
