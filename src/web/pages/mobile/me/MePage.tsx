/** 我的: who is signed in, the language, how to install the app, sign-out. */
import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { useSession } from '../../../app/session';
import { useOutboxItems } from '../outbox/useOutbox';

export default function MePage() {
  const { t } = useTranslation(['mobile', 'common']);
  const { account, logout } = useSession();
  const navigate = useNavigate();
  const pending = useOutboxItems().length;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('me.title')}
      </Typography.Title>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          {
            key: 'a',
            label: t('me.account'),
            children: `${account?.displayName ?? ''} (${account?.username ?? ''})`,
          },
          {
            key: 'r',
            label: t('me.roles'),
            children: account?.roles.map((r) => t(`common:roles.${r}`)).join('、'),
          },
          { key: 'l', label: t('me.language'), children: <LanguageSwitch /> },
        ]}
      />
      <Typography.Paragraph style={{ margin: 0 }}>{t('me.install')}</Typography.Paragraph>
      {pending > 0 && <Alert type="warning" showIcon title={t('me.pendingLogout', { count: pending })} />}
      <Button
        size="large"
        block
        icon={<LogoutOutlined />}
        style={{ minHeight: 52 }}
        onClick={() => void logout().then(() => navigate('/login'))}
      >
        {t('me.logout')}
      </Button>
    </Flex>
  );
}
