/**
 * 权力阳光: electronic-supervision cards, 问责, rules, quarterly grading, the power list and the audit record.
 * Each section is its own chunk; the menu shows the sections the user's roles can use (access.ts).
 */
import { Menu } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageLoading } from '../../app/guards';
import { useSession } from '../../app/session';
import { SECTION_ROLES, SECTIONS, type Section } from './access';
import './messages';

const CardsPage = lazy(() => import('./cards/CardsPage'));
const CardDetailPage = lazy(() => import('./cards/CardDetailPage'));
const AccountabilityPage = lazy(() => import('./accountability/AccountabilityPage'));
const RulesPage = lazy(() => import('./rules/RulesPage'));
const GradingPage = lazy(() => import('./grading/GradingPage'));
const PowerListPage = lazy(() => import('./power/PowerListPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));

const PAGES: Record<Section, React.ReactNode> = {
  cards: <CardsPage />,
  accountability: <AccountabilityPage />,
  rules: <RulesPage />,
  grading: <GradingPage />,
  'power-list': <PowerListPage />,
  audit: <AuditPage />,
};

export default function OversightArea() {
  const { t } = useTranslation('oversight');
  const { hasRole } = useSession();
  const location = useLocation();
  const visible = SECTIONS.filter((s) => hasRole(...SECTION_ROLES[s]));
  const first = visible[0] ?? 'power-list';
  const selected = location.pathname.split('/')[3] ?? first;
  return (
    <>
      <nav aria-label={t('nav.label')} style={{ marginBottom: 16 }}>
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          items={visible.map((s) => ({
            key: s,
            label: <Link to={`/console/oversight/${s}`}>{t(`nav.${s}`)}</Link>,
          }))}
        />
      </nav>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to={first} replace />} />
          {visible.map((s) => (
            <Route key={s} path={s} element={PAGES[s]} />
          ))}
          {visible.includes('cards') && <Route path="cards/:id" element={<CardDetailPage />} />}
          <Route path="*" element={<Navigate to={`/console/oversight/${first}`} replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
