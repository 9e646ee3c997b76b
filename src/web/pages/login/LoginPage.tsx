/** Staff sign-in; then to the page the account was sent away from, or its role's home. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { homeFor, useSession, type Account } from '../../app/session';
import { ChangePasswordForm } from './ChangePasswordForm';

export default function LoginPage() {
  const { t } = useTranslation();
  const { login, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ account: Account; password: string } | null>(null);

  async function goOn(account: Account) {
    const next = params.get('next');
    await navigate(next?.startsWith('/') && !next.startsWith('//') ? next : homeFor(account), {
      replace: true,
    });
  }

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const account = await login(values.username.trim(), values.password);
      if (account.mustChangePassword) setPending({ account, password: values.password });
      else await goOn(account);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('status.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main
      id="main"
      style={{ minHeight: '100%', display: 'grid', placeItems: 'center', background: '#f5f7fa' }}
    >
      <Card style={{ width: 360 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('app.name')} · {t('login.title')}
          </Typography.Title>
          <LanguageSwitch size="small" />
        </div>
        {pending ? (
          <div style={{ marginTop: 16 }}>
            <ChangePasswordForm
              currentPassword={pending.password}
              onDone={() =>
                void refresh().then(() => goOn({ ...pending.account, mustChangePassword: false }))
              }
            />
          </div>
        ) : (
          <Form
            layout="vertical"
            style={{ marginTop: 16 }}
            onFinish={(v: { username: string; password: string }) => void submit(v)}
          >
            <Form.Item label={t('login.username')} name="username" rules={[{ required: true }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.demoHint')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
