/**
 * 权力清单 公示: the items in force with their units (GET /api/public/power-list), searchable, with each item's
 * basis and duties on expansion; and every published version (GET /api/public/power-list/versions).
 */
import { Alert, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../api/client';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import '../citizen-forms.css';
import './messages';
import { PowerItemDetail } from './PowerItemDetail';
import type { PowerItem, PowerList, PowerVersions, TimeLimit } from './types';

type Version = PowerVersions['items'][number];

export default function PowerListPage() {
  const { t } = useTranslation('citizenPowerList');
  const [list, setList] = useState<PowerList | null>(null);
  const [versions, setVersions] = useState<PowerVersions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    let live = true;
    Promise.all([api.GET('/api/public/power-list'), api.GET('/api/public/power-list/versions')])
      .then(([l, v]) => {
        if (!live) return;
        setList(unwrap(l));
        setVersions(unwrap(v));
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);

  const units = useMemo(() => list?.units ?? {}, [list]);
  const unit = (code: string) => units[code] ?? code;
  const limit = (l: TimeLimit) =>
    l ? t('limit', { value: formatNumber(l.value), unit: t(`common:power.units.${l.unit}`) }) : '—';
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!list || !q) return list?.items ?? [];
    return list.items.filter((i) =>
      [i.code, i.name, units[i.implementingUnitCode] ?? '', t(`common:power.types.${i.type}`)].some((s) =>
        s.toLowerCase().includes(q),
      ),
    );
  }, [list, query, units, t]);

  const columns: TableColumnsType<PowerItem> = [
    { key: 'code', title: t('columns.code'), dataIndex: 'code', width: 120 },
    { key: 'name', title: t('columns.name'), dataIndex: 'name' },
    {
      key: 'type',
      title: t('columns.type'),
      render: (_, i) => <Tag>{t(`common:power.types.${i.type}`)}</Tag>,
    },
    { key: 'source', title: t('columns.source'), render: (_, i) => t(`common:power.sources.${i.source}`) },
    { key: 'unit', title: t('columns.unit'), render: (_, i) => unit(i.implementingUnitCode) },
    { key: 'statutory', title: t('columns.statutoryLimit'), render: (_, i) => limit(i.statutoryLimit) },
    { key: 'promised', title: t('columns.promisedLimit'), render: (_, i) => limit(i.promisedLimit) },
  ];
  const versionColumns: TableColumnsType<Version> = [
    { key: 'version', title: t('versions.version'), dataIndex: 'version', width: 80 },
    { key: 'from', title: t('versions.effectiveFrom'), render: (_, v) => formatDate(v.effectiveFrom) },
    {
      key: 'to',
      title: t('versions.effectiveTo'),
      render: (_, v) => (v.effectiveTo ? formatDate(v.effectiveTo) : t('versions.open')),
    },
    {
      key: 'status',
      title: t('versions.status'),
      render: (_, v) => (
        <Tag color={v.status === 'inForce' ? '#237804' : 'default'}>{t(`versions.statuses.${v.status}`)}</Tag>
      ),
    },
    {
      key: 'count',
      title: t('versions.itemCount'),
      align: 'right',
      render: (_, v) => formatNumber(v.itemCount),
    },
    { key: 'note', title: t('versions.note'), dataIndex: 'note' },
    { key: 'published', title: t('versions.publishedAt'), render: (_, v) => formatDateTime(v.publishedAt) },
  ];

  return (
    <div className="cz-wide">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      {list && (
        <p>
          <strong>
            {t('current', {
              version: list.version,
              from: formatDate(list.effectiveFrom),
              count: list.items.length,
            })}
          </strong>
          <br />
          {list.note}
        </p>
      )}
      <Input.Search
        aria-label={t('search')}
        placeholder={t('search')}
        allowClear
        style={{ maxWidth: 360, marginBottom: 12 }}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="power-search"
      />
      <Table<PowerItem>
        rowKey="code"
        size="middle"
        loading={!list && !error}
        columns={columns}
        dataSource={shown}
        expandable={{ expandedRowRender: (item) => <PowerItemDetail item={item} units={units} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="power-table"
      />
      <section aria-labelledby="cz-versions" style={{ marginTop: 24 }}>
        <h2 id="cz-versions">{t('versions.title')}</h2>
        <Table<Version>
          rowKey="version"
          size="small"
          columns={versionColumns}
          dataSource={versions?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </section>
    </div>
  );
}
