/**
 * The citizen portal (公众服务): no sign-in, every call goes to /api/public/… (plus the public geo and taxonomy
 * reads). The home page ships with this chunk; everything else loads when opened, so the first page a citizen
 * opens stays small (the map library only loads inside the report page).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes } from 'react-router';
import { PageLoading } from '../../app/guards';
import './citizen.css';
import { HomePage } from './home/HomePage';
import { LanguageToggle } from './LanguageToggle';
import './messages';
import { NotFoundPage } from './NotFoundPage';

const ReportPage = lazy(() => import('./report/ReportPage'));
const TrackPage = lazy(() => import('./track/TrackPage'));
const RankingsPage = lazy(() => import('./rankings/RankingsPage'));
const PowerListPage = lazy(() => import('./power-list/PowerListPage'));

export default function CitizenPortal() {
  const { t } = useTranslation(['citizen', 'common']);
  return (
    <div className="cz-portal">
      <a className="cz-skip-link" href="#main">
        {t('common:nav.skipToContent')}
      </a>
      <header className="cz-portal-header">
        <Link to="/" className="cz-portal-brand">
          {t('frame.brand')}
        </Link>
        <nav aria-label={t('frame.nav')} className="cz-portal-nav">
          <NavLink to="/report">{t('common:nav.report')}</NavLink>
          <NavLink to="/track">{t('common:nav.track')}</NavLink>
          <NavLink to="/rankings">{t('common:nav.rankings')}</NavLink>
          <NavLink to="/power-list">{t('frame.powerList')}</NavLink>
        </nav>
        <div className="cz-portal-tools">
          <LanguageToggle />
          <Link to="/login">{t('frame.staff')}</Link>
        </div>
      </header>
      <main id="main" className="cz-portal-main">
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route index element={<HomePage />} />
            <Route path="report" element={<ReportPage />} />
            <Route path="track" element={<TrackPage />} />
            <Route path="track/:caseNo" element={<TrackPage />} />
            <Route path="rankings" element={<RankingsPage />} />
            <Route path="power-list" element={<PowerListPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
      <footer className="cz-portal-footer">{t('frame.footer')}</footer>
    </div>
  );
}
