/** 综合评价: rankings, the indicator table, hot spots and the monthly bulletin; filters live in the URL. */
import { Menu } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageLoading } from '../../app/guards';
import './messages';

const RankingsPage = lazy(() => import('./RankingsPage'));
const IndicatorsPage = lazy(() => import('./IndicatorsPage'));
const HotspotsPage = lazy(() => import('./HotspotsPage'));
const BulletinPage = lazy(() => import('./BulletinPage'));

const SECTIONS = ['rankings', 'indicators', 'hotspots', 'bulletin'] as const;

export default function EvaluationArea() {
  const { t } = useTranslation('evaluation');
  const location = useLocation();
  const selected = location.pathname.split('/')[3] ?? 'rankings';
  // The filters travel with the section links, so switching sections keeps the period.
  const search = location.search;
  return (
    <>
      <nav aria-label={t('nav.label')} style={{ marginBottom: 16 }}>
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          items={SECTIONS.map((s) => ({
            key: s,
            label: <Link to={`/console/evaluation/${s}${search}`}>{t(`nav.${s}`)}</Link>,
          }))}
        />
      </nav>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to={`rankings${search}`} replace />} />
          <Route path="rankings" element={<RankingsPage />} />
          <Route path="indicators" element={<IndicatorsPage />} />
          <Route path="hotspots" element={<HotspotsPage />} />
          <Route path="bulletin" element={<BulletinPage />} />
          <Route path="*" element={<Navigate to="rankings" replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
