/**
 * The inspector's phone app at /m (no staff frame): a top bar, the page in <main>, a bottom tab bar. All pages
 * are in this one chunk on purpose: once /m has loaded, every tab opens offline (lazy chunks loaded before the
 * service worker took control would not be cached).
 */
import { FormOutlined, InboxOutlined, ScheduleOutlined, UserOutlined } from '@ant-design/icons';
import { App, Badge } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import './messages';
import MePage from './me/MePage';
import OutboxPage from './outbox/OutboxPage';
import { usePositionReporting } from '../../api/position-reporting';
import { useOnline, useOutboxAutoSend, useOutboxItems } from './outbox/useOutbox';
import ReportPage from './report/ReportPage';
import TaskDetail from './tasks/TaskDetail';
import TasksPage from './tasks/TasksPage';

const BAR_HEIGHT = 64;

function Tab({ to, icon, label, end }: { to: string; icon: ReactNode; label: string; end?: boolean }) {
  return (
    <NavLink
      to={to}
      end={end}
      style={({ isActive }) => ({
        flex: 1,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 2,
        minHeight: BAR_HEIGHT,
        fontSize: 13,
        color: isActive ? '#0958d9' : '#333',
        fontWeight: isActive ? 600 : 400,
        textDecoration: 'none',
      })}
    >
      <span style={{ fontSize: 22, lineHeight: 1 }} aria-hidden>
        {icon}
      </span>
      {label}
    </NavLink>
  );
}

export default function MobileApp() {
  const { t } = useTranslation(['mobile', 'common']);
  const { message } = App.useApp();
  useOutboxAutoSend((sent) => {
    for (const s of sent) void message.success(t('outbox.sentToast', { caseNo: s.caseNo }));
  });
  const online = useOnline();
  // The command center shows where inspectors are while the app is open (GET /api/org/positions).
  usePositionReporting(online);
  const pending = useOutboxItems().length;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100dvh', background: '#f5f5f5' }}>
      <a className="cz-skip-link" href="#main">
        {t('common:nav.skipToContent')}
      </a>
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '0 16px',
          minHeight: 52,
          background: '#0958d9',
          color: '#fff',
          fontWeight: 600,
          fontSize: 17,
          flex: 'none',
        }}
      >
        <span>{t('appBar.title')}</span>
        <span
          data-testid="network-state"
          role="status"
          style={{
            fontSize: 13,
            padding: '2px 10px',
            borderRadius: 12,
            border: '1px solid #fff',
            background: online ? 'transparent' : '#fffbe6',
            color: online ? '#fff' : '#873800',
          }}
        >
          {online ? t('appBar.online') : t('appBar.offline')}
        </span>
      </header>
      <main id="main" tabIndex={-1} style={{ flex: 1, overflowY: 'auto', padding: 16, outline: 'none' }}>
        <Routes>
          <Route index element={<ReportPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="tasks/:ref" element={<TaskDetail />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="me" element={<MePage />} />
          <Route path="*" element={<Navigate to="/m" replace />} />
        </Routes>
      </main>
      <nav
        aria-label={t('tabs.label')}
        style={{
          display: 'flex',
          flex: 'none',
          background: '#fff',
          borderTop: '1px solid #d9d9d9',
          paddingBottom: 'env(safe-area-inset-bottom)',
        }}
      >
        <Tab to="/m" end icon={<FormOutlined />} label={t('tabs.report')} />
        <Tab to="/m/tasks" icon={<ScheduleOutlined />} label={t('tabs.tasks')} />
        <Tab
          to="/m/outbox"
          icon={
            <Badge count={pending} size="small" offset={[6, 0]}>
              <InboxOutlined style={{ fontSize: 22 }} />
            </Badge>
          }
          label={t('tabs.outbox')}
        />
        <Tab to="/m/me" icon={<UserOutlined />} label={t('tabs.me')} />
      </nav>
    </div>
  );
}
