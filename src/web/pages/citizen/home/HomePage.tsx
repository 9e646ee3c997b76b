/**
 * The portal's front door. Plain elements only (no Ant Design components): this page ships with the first
 * load and must stay within the 300 KB budget. Actions that navigate are links, styled as big buttons.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const STEPS = ['report', 'verify', 'handle', 'check', 'rate'] as const;

export function HomePage() {
  const { t } = useTranslation('citizen');
  return (
    <div className="cz-home">
      <section className="cz-hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <div className="cz-hero-actions">
          <Link to="/report" className="cz-big-action cz-big-action-primary">
            <span className="cz-big-action-label">{t('home.report')}</span>
            <span className="cz-big-action-hint">{t('home.reportHint')}</span>
          </Link>
          <Link to="/track" className="cz-big-action">
            <span className="cz-big-action-label">{t('home.track')}</span>
            <span className="cz-big-action-hint">{t('home.trackHint')}</span>
          </Link>
        </div>
      </section>
      <section aria-labelledby="cz-how" className="cz-card">
        <h2 id="cz-how">{t('home.how')}</h2>
        <ol className="cz-steps">
          {STEPS.map((s) => (
            <li key={s}>{t(`home.steps.${s}`)}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="cz-open" className="cz-card">
        <h2 id="cz-open">{t('home.open')}</h2>
        <ul className="cz-open-links">
          <li>
            <Link to="/rankings">{t('home.rankings')}</Link>
            <span>{t('home.rankingsHint')}</span>
          </li>
          <li>
            <Link to="/power-list">{t('home.powerList')}</Link>
            <span>{t('home.powerListHint')}</span>
          </li>
        </ul>
      </section>
    </div>
  );
}
