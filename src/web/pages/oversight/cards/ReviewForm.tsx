/** Review of a card by supervision: accept the answer (closes it), reject it (open again) or dismiss (误报). */
import { Button, Card as Panel, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import type { Card } from '../types';
import { useSubmit } from '../useSubmit';

type Decision = 'accept' | 'reject' | 'dismiss';
interface Values {
  decision: Decision;
  note?: string;
}

export function ReviewForm({ card, onDone }: { card: Card; onDone: () => void }) {
  const { t } = useTranslation(['oversight', 'common']);
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit();
  const decision = Form.useWatch('decision', form);
  // Accepting needs an answer to accept; an open card can only be dismissed.
  const decisions: Decision[] = card.status === 'responded' ? ['accept', 'reject', 'dismiss'] : ['dismiss'];

  async function submit(v: Values) {
    await run(async () => {
      unwrap(
        await api.POST('/api/supervision/cards/{id}/review', {
          params: { path: { id: card.id } },
          body: { version: card.version, decision: v.decision, note: v.note?.trim() || null },
        }),
      );
      form.resetFields();
      onDone();
    });
  }

  return (
    <Panel
      title={<h2 style={{ fontSize: 17, margin: 0 }}>{t('review.title')}</h2>}
      style={{ marginTop: 20 }}
      data-testid="review-form"
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: decisions[0] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="decision" label={t('review.decision')} rules={[{ required: true }]}>
          <Radio.Group options={decisions.map((d) => ({ value: d, label: t(`cards.decisions.${d}`) }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('review.note')}
          rules={[{ required: decision !== 'accept', message: t('review.noteRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('review.submit')}
        </Button>
      </Form>
    </Panel>
  );
}
