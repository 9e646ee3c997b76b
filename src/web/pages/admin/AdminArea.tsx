/** 系统管理: taxonomy (with the Excel import), units, staff, dispatch rules, calendar, grid imports. */
import { Menu } from 'antd';
import { lazy, Suspense } from 'react';
import { PageLoading } from '../../app/guards';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import './messages';

const TaxonomyPage = lazy(() => import('./taxonomy/TaxonomyPage'));
const UnitsPage = lazy(() => import('./org/UnitsPage'));
const StaffPage = lazy(() => import('./org/StaffPage'));
const DispatchRulesPage = lazy(() => import('./dispatch/DispatchRulesPage'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage'));
const GeoImportPage = lazy(() => import('./geo/GeoImportPage'));

const SECTIONS = ['taxonomy', 'units', 'staff', 'dispatch', 'calendar', 'geo'] as const;

export default function AdminArea() {
  const { t } = useTranslation('admin');
  const location = useLocation();
  const selected = location.pathname.split('/')[3] ?? 'taxonomy';
  return (
    <>
      <nav aria-label={t('nav.label')} style={{ marginBottom: 16 }}>
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          items={SECTIONS.map((s) => ({
            key: s,
            label: <Link to={`/console/admin/${s}`}>{t(`nav.${s}`)}</Link>,
          }))}
        />
      </nav>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to="taxonomy" replace />} />
          <Route path="taxonomy" element={<TaxonomyPage />} />
          <Route path="units" element={<UnitsPage />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="dispatch" element={<DispatchRulesPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="geo" element={<GeoImportPage />} />
          <Route path="*" element={<Navigate to="taxonomy" replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
