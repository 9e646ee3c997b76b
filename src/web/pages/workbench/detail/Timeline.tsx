/** Every event of the case, oldest first: time, step, who (role), and the step's facts. */
import { Timeline as AntTimeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { unitName, useReference } from '../reference';
import type { HistoryEvent } from '../types';

const COLORS: Record<string, string> = {
  voided: 'gray',
  returned: 'orange',
  reworked: 'orange',
  markedOverdue: 'red',
  warned: 'orange',
  closed: 'green',
  forceClosed: 'red',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function Facts({ step, p }: { step: string; p: Record<string, unknown> }) {
  const { t } = useTranslation(['workbench', 'common']);
  const ref = useReference();
  const lines: string[] = [];
  if (step === 'checked') lines.push(t(p.passed === true ? 'timeline.passed' : 'timeline.notPassed'));
  if (step === 'verified') {
    lines.push(t(p.confirmed === false ? 'timeline.notConfirmed' : 'timeline.confirmed'));
  }
  if (step === 'warned' && str(p.level)) {
    lines.push(t('timeline.warned', { level: t(`common:warnings.${str(p.level)}`) }));
  }
  if (str(p.until)) lines.push(t('timeline.until', { date: formatDateTime(str(p.until)) }));
  if (str(p.reason)) lines.push(t('timeline.reason', { reason: str(p.reason) }));
  if (str(p.note)) lines.push(t('timeline.note', { note: str(p.note) }));
  if (['dispatched', 'redispatched', 'accepted', 'returned'].includes(step) && str(p.unitCode)) {
    lines.push(t('timeline.unit', { unit: unitName(ref, str(p.unitCode)) }));
  }
  return (
    <>
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </>
  );
}

export function Timeline({ events }: { events: HistoryEvent[] }) {
  const { t } = useTranslation(['workbench', 'common']);
  return (
    <AntTimeline
      items={events.map((e) => {
        const step = e.name.replace(/^cases\.case\./, '');
        const role = e.actor?.role ?? null;
        return {
          key: e.seq,
          color: COLORS[step] ?? 'blue',
          children: (
            <div data-testid={`event-${step}`}>
              <Typography.Text strong>
                {t(`common:caseEvents.${step}`, { defaultValue: step })}
              </Typography.Text>{' '}
              <Typography.Text>
                {formatDateTime(e.at)} ·{' '}
                {role ? t(`common:roles.${role}`, { defaultValue: role }) : t('timeline.system')}
              </Typography.Text>
              <Facts step={step} p={e.payload} />
            </div>
          ),
        };
      })}
    />
  );
}
