/** The newest case events as they happen: time, case number (a link to it), step, street and unit. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StreamEvent } from '../../api/events';
import { formatDateTime } from '../../i18n/format';
import { caseHref } from './links';
import { stepOf } from './periods';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function LiveFeed({
  events,
  streets,
  units,
}: {
  events: readonly StreamEvent[];
  streets: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation('command');
  const stepLabel = (name: string) => {
    const key = `common:caseEvents.${stepOf(name)}`;
    return i18n.exists(key) ? t(key) : t('common:caseEvents.other');
  };
  return (
    <section
      aria-labelledby="cz-feed-title"
      className="cz-panel cz-feed"
      data-testid="live-feed"
      // It scrolls: keyboard users reach it with Tab and scroll it with the arrow keys.
      tabIndex={0}
    >
      <Typography.Title level={2} id="cz-feed-title" style={{ fontSize: 15, margin: '0 0 8px' }}>
        {t('feed.title')}
      </Typography.Title>
      {events.length === 0 ? (
        <Typography.Text>{t('feed.empty')}</Typography.Text>
      ) : (
        <ol aria-live="polite" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {events.map((e) => {
            const caseNo = text(e.payload.caseNo);
            const street = text(e.payload.streetCode);
            const unit = text(e.payload.unitCode);
            const place = [
              street && (streets.get(street) ?? street),
              unit && (units.get(unit) ?? unit),
            ].filter(Boolean);
            return (
              <li key={e.seq} className="cz-feed-item">
                <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>{' '}
                <strong>{stepLabel(e.name)}</strong> {caseNo && <Link to={caseHref(caseNo)}>{caseNo}</Link>}
                {place.length > 0 && <div>{place.join(' · ')}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
