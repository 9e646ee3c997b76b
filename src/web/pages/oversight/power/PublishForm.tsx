/** Publish the draft as the next version, in force from a date (today or later; the server checks). */
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { useSubmit } from '../useSubmit';

interface Values {
  effectiveFrom: string;
  note?: string;
}

export function PublishForm({
  revision,
  onPublished,
}: {
  revision: number;
  onPublished: (v: number) => void;
}) {
  const { t } = useTranslation('oversight');
  const { busy, error, run } = useSubmit();
  async function publish(v: Values) {
    await run(async () => {
      const res = unwrap(
        await api.POST('/api/oversight/power-list/draft/publish', {
          body: {
            revision,
            effectiveFrom: v.effectiveFrom,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      );
      onPublished(res.version);
    });
  }
  return (
    <section style={{ marginTop: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        {t('power.publish')}
      </Typography.Title>
      <ErrorAlert error={error} />
      <Form layout="inline" onFinish={(v: Values) => void publish(v)} style={{ rowGap: 8 }}>
        <Form.Item name="effectiveFrom" label={t('power.effectiveFrom')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('power.note')}>
          <Input style={{ width: 280 }} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('power.publish')}
        </Button>
      </Form>
    </section>
  );
}
