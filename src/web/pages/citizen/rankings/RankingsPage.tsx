/**
 * 考评公开: GET /api/public/evaluation/rankings in a table, with the object type and period in the address
 * (a shared link shows the same table). A plain table, no chart library.
 */
import { Alert, DatePicker, Select, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError, unwrap, type paths } from '../../../api/client';
import { formatNumber, formatPercent } from '../../../i18n/format';
import '../citizen-forms.css';
import './messages';
import { parsePeriod, periodLabel, type Granularity } from './period';

type Ranking =
  paths['/api/public/evaluation/rankings']['get']['responses'][200]['content']['application/json'];
type Row = Ranking['items'][number];
type ObjectType = paths['/api/public/evaluation/rankings']['get']['parameters']['query']['objectType'];

const OBJECT_TYPES: ObjectType[] = ['street', 'community', 'unit', 'category', 'channel', 'district'];
const GRANULARITIES: Granularity[] = ['month', 'quarter', 'year'];
const COUNTS = ['filed', 'handled', 'closed'] as const;
const RATES = ['handleRate', 'handledOnTimeRate', 'closeRate', 'closedOnTimeRate'] as const;

export default function RankingsPage() {
  const { t } = useTranslation(['citizenRankings', 'common']);
  const [search, setSearch] = useSearchParams();
  const objectType = (OBJECT_TYPES as string[]).includes(search.get('objectType') ?? '')
    ? (search.get('objectType') as ObjectType)
    : 'street';
  const parsed = parsePeriod(search.get('period')) ?? { granularity: 'month' as const, date: dayjs() };
  const period = periodLabel(parsed.date, parsed.granularity);
  const [data, setData] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api
      .GET('/api/public/evaluation/rankings', { params: { query: { period, objectType } } })
      .then((res) => live && setData(unwrap(res)))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [period, objectType]);

  const set = (next: { objectType?: ObjectType; period?: string }) =>
    setSearch(
      { objectType: next.objectType ?? objectType, period: next.period ?? period },
      { replace: true },
    );

  const nameOf = (r: Row) =>
    objectType === 'channel'
      ? t(`common:channels.${r.code}`, { defaultValue: r.name ?? r.code })
      : (r.name ?? r.code);
  const columns: TableColumnsType<Row> = [
    { key: 'rank', title: t('columns.rank'), dataIndex: 'rank', width: 72, align: 'right' },
    { key: 'name', title: t('columns.name'), render: (_, r) => nameOf(r) },
    ...COUNTS.map((k) => ({
      key: k,
      title: t(`columns.${k}`),
      align: 'right' as const,
      render: (_: unknown, r: Row) => formatNumber(r.counts[k]),
    })),
    ...RATES.map((k) => ({
      key: k,
      title: t(`columns.${k}`),
      align: 'right' as const,
      render: (_: unknown, r: Row) => formatPercent(r.rates[k]),
    })),
    { key: 'score', title: t('columns.score'), align: 'right', render: (_, r) => formatNumber(r.score, 1) },
  ];

  return (
    <div className="cz-wide">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div className="cz-toolbar">
        <label>
          {t('objectType')}
          <Select<ObjectType>
            aria-label={t('objectType')}
            data-testid="rankings-object-type"
            value={objectType}
            style={{ width: 160 }}
            onChange={(v) => set({ objectType: v })}
            options={OBJECT_TYPES.map((o) => ({ value: o, label: t(`objectTypes.${o}`) }))}
          />
        </label>
        <label>
          {t('granularity')}
          <Select<Granularity>
            aria-label={t('granularity')}
            value={parsed.granularity}
            style={{ width: 120 }}
            onChange={(g) => set({ period: periodLabel(parsed.date, g) })}
            options={GRANULARITIES.map((g) => ({ value: g, label: t(`granularities.${g}`) }))}
          />
        </label>
        <label>
          {t('period')}
          <DatePicker
            aria-label={t('period')}
            picker={parsed.granularity}
            value={parsed.date}
            allowClear={false}
            format={() => period}
            onChange={(d) => d && set({ period: periodLabel(d, parsed.granularity) })}
          />
        </label>
      </div>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="code"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        title={() => t('caption', { period, objectType: t(`objectTypes.${objectType}`) })}
        data-testid="rankings-table"
      />
    </div>
  );
}
