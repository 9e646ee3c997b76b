/**
 * The case's clocks with the working time left: the calendar (`GET /api/calendar/elapsed`) measures the span
 * between now and the deadline in the clock's own kind of time (office minutes for office clocks). If the
 * calendar cannot answer, the wall time left is shown and labelled as such.
 */
import { Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { formatDateTime, formatDuration, formatNumber } from '../../../i18n/format';
import { elapsedQuery, wallMinutesLeft } from '../time';
import type { CaseTimer } from '../types';
import { useNow } from '../useNow';
import { WarningTag } from '../WarningTag';

async function workMinutesLeft(timer: CaseTimer, now: number): Promise<number> {
  const q = elapsedQuery(timer.limit.unit);
  const nowIso = new Date(now).toISOString();
  const overdue = Date.parse(timer.deadline) < now;
  const res = unwrap(
    await api.GET('/api/calendar/elapsed', {
      params: {
        query: overdue
          ? { from: timer.deadline, to: nowIso, unit: q.unit }
          : { from: nowIso, to: timer.deadline, unit: q.unit },
      },
    }),
  );
  const minutes = Math.round(res.elapsed * q.minutesPerUnit);
  return overdue ? -minutes : minutes;
}

function Left({ timer, now }: { timer: CaseTimer; now: number }) {
  const { t } = useTranslation('workbench');
  const [work, setWork] = useState<number | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    workMinutesLeft(timer, now)
      .then((m) => live && setWork(m))
      .catch(() => live && setWork('failed'));
    return () => {
      live = false;
    };
  }, [timer, now]);
  if (timer.paused) return <Tag>{t('clocks.paused')}</Tag>;
  if (work === null) return <>…</>;
  if (work === 'failed') {
    const wall = wallMinutesLeft(timer.deadline, now);
    return (
      <>
        {t(wall < 0 ? 'clocks.wallOverdue' : 'clocks.wallLeft', { duration: formatDuration(Math.abs(wall)) })}
      </>
    );
  }
  return work < 0 ? (
    <Typography.Text type="danger">
      {t('clocks.workOverdue', { duration: formatDuration(-work) })}
    </Typography.Text>
  ) : (
    <>{t('clocks.workLeft', { duration: formatDuration(work) })}</>
  );
}

export function Clocks({ timers }: { timers: CaseTimer[] }) {
  const { t } = useTranslation('workbench');
  const now = useNow(60_000);
  if (timers.length === 0) return <Typography.Text>{t('clocks.none')}</Typography.Text>;
  return (
    <Table<CaseTimer>
      size="small"
      rowKey="kind"
      pagination={false}
      dataSource={timers}
      columns={[
        { title: t('clocks.columns.kind'), dataIndex: 'kind', render: (k: string) => t(`clocks.kind.${k}`) },
        {
          title: t('clocks.columns.limit'),
          key: 'limit',
          render: (_, c) =>
            t('limit', {
              amount: formatNumber(c.limit.amount * c.multiplier, 1).replace(/[.,]0$/, ''),
              unit: t(`units.${c.limit.unit}`),
            }),
        },
        {
          title: t('clocks.columns.deadline'),
          dataIndex: 'deadline',
          render: (d: string) => formatDateTime(d),
        },
        { title: t('clocks.columns.left'), key: 'left', render: (_, c) => <Left timer={c} now={now} /> },
        {
          title: t('clocks.columns.light'),
          dataIndex: 'warning',
          render: (w: string | null) => <WarningTag warning={w} />,
        },
      ]}
    />
  );
}
