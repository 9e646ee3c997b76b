/** 评价指标表: every count and rate of every object of a type over a period, with the CSV export. */
import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../i18n/format';
import { EmptyState } from './EmptyState';
import { ExportCsvButton } from './ExportCsvButton';
import { FilterBar } from './FilterBar';
import { COUNT_KEYS, RATE_KEYS } from './indicators';
import type { TableRow } from './types';
import { useEvalQuery } from './useEvalQuery';
import { useEvalTable } from './useEvalTable';
import { useObjectName } from './useObjectName';

export default function IndicatorsPage() {
  const { t } = useTranslation('evaluation');
  const [query, update] = useEvalQuery();
  // The indicator table has no scheme or sort of its own.
  const plain = { ...query, scheme: undefined, sort: undefined, order: 'desc' as const };
  const table = useEvalTable('indicators', plain);
  const nameOf = useObjectName(query.objectType);
  const columns: ColumnsType<TableRow> = [
    { title: t('table.name'), key: 'name', fixed: 'left', width: 160, render: (_, r) => nameOf(r) },
    { title: t('table.code'), dataIndex: 'code', width: 130 },
    ...RATE_KEYS.map((k) => ({
      title: t(`rates.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: TableRow) => formatPercent(r.rates[k]),
    })),
    ...COUNT_KEYS.map((k) => ({
      title: t(`counts.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: TableRow) => formatNumber(r.counts[k]),
    })),
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('indicators.title')}
      </Typography.Title>
      <FilterBar query={query} onChange={update}>
        <ExportCsvButton path="/api/evaluation/indicators" query={plain} />
      </FilterBar>
      {table.error && <Alert type="error" title={t('errors.loadFailed', { message: table.error.message })} />}
      <Table
        rowKey="code"
        size="small"
        loading={table.loading}
        dataSource={table.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState objectType={query.objectType} period={query.period} /> }}
      />
    </>
  );
}
