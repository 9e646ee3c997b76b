/** Amend the holiday calendar for one date, citing the notice (POST /api/calendar/amendments). */
import { Alert, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';

interface Values {
  date: Dayjs;
  status: 'off' | 'work' | 'remove';
  name?: string;
  reference: string;
}

export function AmendmentForm({ onAmended }: { onAmended: () => void }) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    try {
      const answer = unwrap(
        await api.POST('/api/calendar/amendments', {
          body: {
            reference: v.reference.trim(),
            entries: [
              {
                date: v.date.format('YYYY-MM-DD'),
                isOffDay: v.status === 'remove' ? null : v.status === 'off',
                ...(v.name?.trim() ? { name: v.name.trim() } : {}),
              },
            ],
          },
        }),
      );
      setResult({
        ok: true,
        text: t('calendar.amended', { version: answer.version, count: answer.changes.length }),
      });
      onAmended();
    } catch (e) {
      setResult({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('calendar.amendTitle')}>
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={(v) => void submit(v)}
        initialValues={{ status: 'off' }}
      >
        <Form.Item label={t('calendar.date')} name="date" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label={t('calendar.isOffDay')} name="status">
          <Select
            style={{ width: 160 }}
            options={[
              { value: 'off', label: t('calendar.holiday') },
              { value: 'work', label: t('calendar.makeupDay') },
              { value: 'remove', label: t('calendar.remove') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('calendar.name')} name="name">
          <Input />
        </Form.Item>
        <Form.Item label={t('calendar.reference')} name="reference" rules={[{ required: true }]}>
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('calendar.amend')}
        </Button>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.ok ? 'success' : 'error'}
          role="status"
          title={result.text}
        />
      )}
    </Card>
  );
}
