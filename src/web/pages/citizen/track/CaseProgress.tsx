/** A tracked case: its stage, facts and the public steps with their times and after-photos. */
import { Descriptions, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import type { PublicCase, PublicStep } from './types';

// Solid dark colours: Ant Design's light preset tags (green on pale green) fall short of 4.5:1.
const STAGE_COLORS: Record<string, string> = { closed: '#237804', voided: '#595959', merged: '#595959' };

export function CaseProgress({ view }: { view: PublicCase }) {
  const { t } = useTranslation(['citizenTrack', 'common']);
  const stepLabel = (s: PublicStep) => t(`steps.${s.step}`, { defaultValue: s.label });
  const facts = [
    {
      key: 'stage',
      label: t('stage'),
      children: (
        <Tag color={STAGE_COLORS[view.stage] ?? '#0958d9'} data-testid="track-stage">
          {t(`common:stages.${view.stage}`, { defaultValue: view.stageName })}
        </Tag>
      ),
    },
    { key: 'reportedAt', label: t('reportedAt'), children: formatDateTime(view.reportedAt) },
    ...(view.closedAt
      ? [{ key: 'closedAt', label: t('closedAt'), children: formatDateTime(view.closedAt) }]
      : []),
    ...(view.supporters
      ? [
          {
            key: 'supporters',
            label: t('supporters'),
            children: t('supportersCount', { count: view.supporters }),
          },
        ]
      : []),
    ...(view.satisfaction
      ? [{ key: 'satisfaction', label: t('satisfaction'), children: t(`rating.${view.satisfaction}`) }]
      : []),
    ...(view.description
      ? [{ key: 'description', label: t('description'), children: view.description, span: 'filled' as const }]
      : []),
  ];
  return (
    <section aria-labelledby="cz-track-result" className="cz-card">
      <h2 id="cz-track-result">{t('result', { caseNo: view.caseNo })}</h2>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={facts} />
      <h3>{t('history')}</h3>
      <Timeline
        data-testid="track-history"
        items={view.history.map((s, i) => ({
          key: `${s.step}-${i}`,
          color: s.passed === false ? 'red' : s.step === 'closed' ? 'green' : 'blue',
          content: (
            <div>
              <strong>{stepLabel(s)}</strong>
              {s.passed !== undefined && <> · {t(s.passed ? 'checkPassed' : 'checkFailed')}</>}
              <div>{formatDateTime(s.at)}</div>
              {s.photos && s.photos.length > 0 && (
                <div className="cz-timeline-photos">
                  {s.photos.map((sha, n) => (
                    <a key={sha} href={`/api/public/files/${sha}`} target="_blank" rel="noreferrer">
                      <img
                        src={`/api/public/files/${sha}`}
                        alt={t('photosOf', { step: stepLabel(s), index: n + 1 })}
                        loading="lazy"
                      />
                    </a>
                  ))}
                </div>
              )}
            </div>
          ),
        }))}
      />
    </section>
  );
}
