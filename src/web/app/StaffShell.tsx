/** The staff console frame: the menu of the areas the account's roles use, the account, language, sign-out. */
import {
  AlertOutlined,
  BarChartOutlined,
  LogoutOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { AREA_ROLES } from './areas';
import { PageLoading } from './guards';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './session';

const AREAS = [
  { key: 'command', icon: <AlertOutlined />, label: 'nav.command' },
  { key: 'work', icon: <ProfileOutlined />, label: 'nav.work' },
  { key: 'evaluation', icon: <BarChartOutlined />, label: 'nav.evaluation' },
  { key: 'oversight', icon: <SafetyCertificateOutlined />, label: 'nav.oversight' },
  { key: 'admin', icon: <SettingOutlined />, label: 'nav.admin' },
] as const;

export default function StaffShell() {
  const { t } = useTranslation();
  const { account, hasRole, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = location.pathname.split('/')[2] ?? '';
  const items = AREAS.filter((a) => hasRole(...AREA_ROLES[a.key])).map((a) => ({
    key: a.key,
    icon: a.icon,
    label: t(a.label),
  }));
  return (
    <Layout style={{ minHeight: '100%' }}>
      <a className="cz-skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <Layout.Sider breakpoint="lg" collapsedWidth={56} theme="dark" width={176}>
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '16px 20px' }}>
          {t('app.name')}
        </div>
        <nav aria-label={t('nav.menu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            items={items}
            onClick={(e) => void navigate(`/console/${e.key}`)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '0 16px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong>{t('app.title')}</Typography.Text>
          <Space>
            <Typography.Text data-testid="current-user">
              {account?.displayName} · {account?.roles.map((r) => t(`roles.${r}`)).join('、')}
            </Typography.Text>
            <LanguageSwitch size="small" />
            <Button
              size="small"
              icon={<LogoutOutlined />}
              onClick={() => void logout().then(() => navigate('/login'))}
            >
              {t('nav.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
