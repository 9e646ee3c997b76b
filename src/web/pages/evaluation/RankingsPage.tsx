/** 综合评价排名: by a scheme's score or one indicator, with the top N as a bar chart and a CSV export. */
import { Alert, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/guards';
import { formatNumber, formatPercent } from '../../i18n/format';
import { EmptyState } from './EmptyState';
import { ExportCsvButton } from './ExportCsvButton';
import { FilterBar } from './FilterBar';
import { isRateKey, RANKING_RATES } from './indicators';
import type { Bar } from './RankingChart';
import type { TableRow } from './types';
import { useEvalQuery } from './useEvalQuery';
import { useEvalTable } from './useEvalTable';
import { useObjectName } from './useObjectName';

const RankingChart = lazy(() => import('./RankingChart'));
const TOP_N = 10;

export default function RankingsPage() {
  const { t } = useTranslation('evaluation');
  const [query, update] = useEvalQuery();
  const table = useEvalTable('rankings', query);
  const nameOf = useObjectName(query.objectType);
  const rows = useMemo(() => table.data?.items ?? [], [table.data]);
  const hasScore = rows.some((r) => r.score);
  const sortKey = query.sort ?? (query.scheme ? 'score' : 'handledOnTimeRate');
  const metricLabel =
    sortKey === 'score'
      ? t('filters.score')
      : isRateKey(sortKey)
        ? t(`rates.${sortKey}`)
        : t(`counts.${sortKey}`);

  const bars: Bar[] = useMemo(
    () =>
      rows.slice(0, TOP_N).flatMap((r) => {
        const v =
          sortKey === 'score' ? r.score?.total : isRateKey(sortKey) ? r.rates[sortKey] : r.counts[sortKey];
        if (v == null) return [];
        const label =
          sortKey === 'score' ? formatNumber(v, 1) : isRateKey(sortKey) ? formatPercent(v) : formatNumber(v);
        return [{ name: nameOf(r), value: v, label }];
      }),
    [rows, sortKey, nameOf],
  );

  const columns: ColumnsType<TableRow> = [
    { title: t('table.rank'), dataIndex: 'rank', width: 70, render: (v?: number) => v ?? '—' },
    { title: t('table.name'), key: 'name', render: (_, r) => nameOf(r) },
    { title: t('table.code'), dataIndex: 'code', width: 140 },
    ...(hasScore
      ? [
          {
            title: t('table.score'),
            key: 'score',
            width: 90,
            render: (_: unknown, r: TableRow) => formatNumber(r.score?.total, 1),
          },
        ]
      : []),
    ...RANKING_RATES.map((k) => ({
      title: t(`rates.${k}`),
      key: k,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: TableRow) => formatPercent(r.rates[k]),
    })),
    {
      title: t('counts.dueHandle'),
      key: 'due',
      align: 'right',
      width: 100,
      render: (_, r) => formatNumber(r.counts.dueHandle),
    },
    {
      title: t('counts.closed'),
      key: 'closed',
      align: 'right',
      width: 90,
      render: (_, r) => formatNumber(r.counts.closed),
    },
  ];

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('rankings.title')}
      </Typography.Title>
      <FilterBar query={query} onChange={update} withScheme>
        <ExportCsvButton path="/api/evaluation/rankings" query={query} />
      </FilterBar>
      {table.error && <Alert type="error" title={t('errors.loadFailed', { message: table.error.message })} />}
      {table.data?.scheme && (
        <Typography.Paragraph>
          {t('rankings.schemeUsed', { name: table.data.scheme.name, year: table.data.scheme.year })}
        </Typography.Paragraph>
      )}
      {bars.length > 0 && (
        <Card
          size="small"
          title={t('rankings.chartTitle', { count: bars.length, metric: metricLabel })}
          style={{ marginBottom: 16 }}
        >
          <Suspense fallback={<PageLoading />}>
            <RankingChart
              bars={bars}
              percent={isRateKey(sortKey)}
              label={t('rankings.chartLabel', {
                count: bars.length,
                metric: metricLabel,
                list: bars.map((b) => `${b.name} ${b.label}`).join('；'),
              })}
            />
          </Suspense>
        </Card>
      )}
      <Table
        rowKey="code"
        size="small"
        data-testid="eval-rankings"
        loading={table.loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState objectType={query.objectType} period={query.period} /> }}
      />
    </>
  );
}
