/** 满意 / 基本满意 / 不满意 for a closed case, once (POST /api/public/rating). */
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../api/client';
import type { Credentials, PublicCase, Satisfaction } from './types';

const CHOICES: Satisfaction[] = ['satisfied', 'basically', 'dissatisfied'];

interface Values {
  satisfaction?: Satisfaction;
  comment?: string;
}

export function RatingForm({
  credentials,
  onRated,
}: {
  credentials: Credentials;
  onRated: (v: PublicCase) => void;
}) {
  const { t } = useTranslation('citizenTrack');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function rate(v: Values) {
    if (!v.satisfaction) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.POST('/api/public/rating', {
        body: { ...credentials, satisfaction: v.satisfaction, comment: v.comment?.trim() || null },
      });
      onRated(unwrap(res) as unknown as PublicCase);
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      if (err?.field === 'comment' || err?.field === 'satisfaction') {
        form.setFields([{ name: err.field, errors: [err.message] }]);
      } else {
        setError(err?.message ?? String(e));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="cz-rate-title" className="cz-card" data-testid="rating-form">
      <h2 id="cz-rate-title">{t('rating.title')}</h2>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void rate(v)}>
        <Form.Item
          name="satisfaction"
          label={t('rating.label')}
          rules={[{ required: true, message: t('rating.required') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={CHOICES.map((c) => ({ value: c, label: t(`rating.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('rating.comment')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('rating.submit')}
        </Button>
      </Form>
    </section>
  );
}
