/** Open cases of the same kind near the chosen point, offered before a new report ("me too" instead). */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { NearbyCase } from './types';

interface Props {
  items: NearbyCase[];
  busy: boolean;
  onSame: (caseNo: string) => void;
  onDifferent: () => void;
}

export function DuplicateSuggestions({ items, busy, onSame, onDifferent }: Props) {
  const { t } = useTranslation('citizenReport');
  return (
    <section className="cz-duplicates" aria-labelledby="cz-dup-title" data-testid="duplicates">
      <h2 id="cz-dup-title">{t('duplicates.title')}</h2>
      <Alert type="info" title={t('duplicates.intro')} />
      <ul className="cz-dup-list">
        {items.map((c) => (
          <li key={c.caseNo} className="cz-dup-item">
            {c.photo && (
              <img
                src={`/api/public/files/${c.photo}`}
                alt={t('duplicates.photoAlt', { caseNo: c.caseNo })}
              />
            )}
            <div className="cz-dup-body">
              <div className="cz-dup-head">
                <strong>{c.caseNo}</strong> · {c.stageName}
              </div>
              <p>{c.description}</p>
              <div className="cz-dup-meta">
                {t('duplicates.distance', { meters: formatNumber(c.distanceM) })} ·{' '}
                {t('duplicates.reportedAt', { time: formatDateTime(c.reportedAt) })} ·{' '}
                {t('duplicates.supporters', { count: c.supporters + 1 })}
              </div>
            </div>
            <Button type="primary" loading={busy} onClick={() => onSame(c.caseNo)}>
              {t('duplicates.same')}
            </Button>
          </li>
        ))}
      </ul>
      <Button onClick={onDifferent} disabled={busy} data-testid="submit-anyway">
        {t('duplicates.different')}
      </Button>
    </section>
  );
}
