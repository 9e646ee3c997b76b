/** A one-time password (the first admin's, or one set by an admin) must be replaced before anything else. */
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';

interface Values {
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({
  currentPassword,
  onDone,
}: {
  currentPassword: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      unwrap(
        await api.POST('/api/auth/password', { body: { currentPassword, newPassword: values.newPassword } }),
      );
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('status.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form layout="vertical" onFinish={(v: Values) => void submit(v)}>
      <Typography.Paragraph>{t('login.changePassword')}</Typography.Paragraph>
      <Form.Item
        label={t('login.newPassword')}
        name="newPassword"
        extra={t('login.passwordRule')}
        rules={[{ required: true, min: 12 }]}
      >
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('login.confirmPassword')}
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('login.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('login.changeSubmit')}
      </Button>
    </Form>
  );
}
