/** Publish the draft as the next version, in force from a date (today or later; the server checks). */
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, unwrap } from '../../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { asApiError } from '../useLoad';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function publish(v: Values) {
    setBusy(true);
    try {
      const res = unwrap(
        await api.POST('/api/oversight/power-list/draft/publish', {
          body: {
            revision,
            effectiveFrom: v.effectiveFrom,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      );
      setError(null);
      onPublished(res.version);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
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
