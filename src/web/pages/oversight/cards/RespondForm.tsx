/** 纠错: the unit's or officer's answer to an open card (explanation, corrective action, attachments). */
import { Button, Card as Panel, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { HashUpload } from '../../../components/HashUpload';
import { ErrorAlert } from '../ErrorAlert';
import type { Card } from '../types';
import { useSubmit } from '../useSubmit';

interface Values {
  explanation: string;
  correctiveAction: string;
  attachments?: string[];
}

export function RespondForm({ card, onDone }: { card: Card; onDone: () => void }) {
  const { t } = useTranslation(['oversight', 'common']);
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit();

  async function submit(v: Values) {
    await run(async () => {
      unwrap(
        await api.POST('/api/supervision/cards/{id}/respond', {
          params: { path: { id: card.id } },
          // The card's version: a card changed meanwhile (escalated, answered) answers 409.
          body: {
            version: card.version,
            explanation: v.explanation,
            correctiveAction: v.correctiveAction,
            attachments: v.attachments ?? [],
          },
        }),
      );
      form.resetFields();
      onDone();
    });
  }

  return (
    <Panel
      title={<h2 style={{ fontSize: 17, margin: 0 }}>{t('respond.title')}</h2>}
      style={{ marginTop: 20 }}
      data-testid="respond-form"
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="explanation"
          label={t('respond.explanation')}
          rules={[{ required: true, min: 4, max: 2000, message: t('respond.explanationRule') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="correctiveAction"
          label={t('respond.correctiveAction')}
          rules={[{ required: true, min: 2, max: 2000, message: t('respond.correctiveActionRule') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="attachments" label={t('respond.attachments')} extra={t('respond.attachmentsHint')}>
          <HashUpload accept="image/jpeg,image/png,image/webp,application/pdf" label={t('respond.upload')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('respond.submit')}
        </Button>
      </Form>
    </Panel>
  );
}
