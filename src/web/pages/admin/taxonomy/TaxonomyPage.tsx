/** The current taxonomy (categories and 立结案标准), its versions, the workbook export and the Excel import. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { downloadFile } from '../../../app/download';
import { useLoad } from '../../../app/useLoad';
import { TaxonomyImport } from './TaxonomyImport';
import type { TaxonomyView } from './types';
import { useTimeLimitText } from './useTimeLimitText';

export default function TaxonomyPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const current = useLoad(async () => unwrap(await api.GET('/api/taxonomy')) as TaxonomyView, []);
  const versions = useLoad(async () => unwrap(await api.GET('/api/taxonomy/versions')).items, []);
  const [query, setQuery] = useState('');
  const limitText = useTimeLimitText();
  const table = current.data;

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const x of table?.majors ?? []) m.set(`${x.kind}-${x.code}`, x.name);
    for (const x of table?.minors ?? []) m.set(`${x.kind}-${x.majorCode}${x.code}`, x.name);
    return m;
  }, [table]);

  const rows = useMemo(() => {
    const q = query.trim();
    const all = table?.standards ?? [];
    if (!q) return all;
    return all.filter((s) =>
      [s.id, names.get(`${s.kind}-${s.majorCode}${s.minorCode}`), s.filingCondition, s.closingCondition].some(
        (v) => v?.includes(q),
      ),
    );
  }, [table, query, names]);

  const reloadAll = () => {
    current.reload();
    versions.reload();
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('taxonomy.title')}
      </Typography.Title>
      {current.error && (
        <Alert type="error" title={t('common.loadFailed', { message: current.error.message })} />
      )}
      <Card
        title={t('taxonomy.current')}
        loading={current.loading && !table}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile('/api/taxonomy/export.xlsx', `taxonomy-v${table?.version ?? ''}.xlsx`).catch(
                (e: Error) => message.error(e.message),
              )
            }
          >
            {t('taxonomy.export')}
          </Button>
        }
      >
        {table && (
          <Descriptions
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'v',
                label: t('common.version'),
                children: (
                  <span data-testid="taxonomy-version">
                    {t('taxonomy.versionN', { version: table.version })}
                  </span>
                ),
              },
              { key: 'n', label: t('taxonomy.note'), children: table.note || '—' },
              {
                key: 'e',
                label: t('taxonomy.effectiveFrom'),
                children: table.effectiveFrom ?? t('taxonomy.onPublication'),
              },
              {
                key: 'c',
                label: t('taxonomy.standardCount'),
                span: 3,
                children: t('taxonomy.counts', {
                  majors: formatNumber(table.majors.length),
                  minors: formatNumber(table.minors.length),
                  standards: formatNumber(table.standards.length),
                }),
              },
            ]}
          />
        )}
      </Card>
      <TaxonomyImport currentCount={table?.standards.length ?? 0} onPublished={reloadAll} />
      <Card title={t('taxImport.diffStandards')}>
        <Input.Search
          aria-label={t('taxonomy.search')}
          placeholder={t('taxonomy.searchPlaceholder')}
          allowClear
          style={{ maxWidth: 360, marginBottom: 12 }}
          onSearch={setQuery}
          onChange={(e) => !e.target.value && setQuery('')}
        />
        <Table
          rowKey="id"
          size="small"
          loading={current.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('taxonomy.colId'), dataIndex: 'id', width: 110 },
            {
              title: t('taxonomy.colKind'),
              dataIndex: 'kind',
              width: 70,
              render: (k: string) => t(`common:categoryType.${k}`),
            },
            {
              title: t('taxonomy.colMajor'),
              key: 'major',
              width: 110,
              render: (_, s) => names.get(`${s.kind}-${s.majorCode}`),
            },
            {
              title: t('taxonomy.colMinor'),
              key: 'minor',
              width: 140,
              render: (_, s) => names.get(`${s.kind}-${s.majorCode}${s.minorCode}`),
            },
            { title: t('taxonomy.colFiling'), dataIndex: 'filingCondition' },
            {
              title: t('taxonomy.colLimit'),
              key: 'limit',
              width: 130,
              render: (_, s) => limitText(s.timeLimit),
            },
            { title: t('taxonomy.colClosing'), dataIndex: 'closingCondition' },
          ]}
        />
      </Card>
      <Card title={t('taxonomy.versions')}>
        <Table
          rowKey="version"
          size="small"
          loading={versions.loading}
          dataSource={versions.data ?? []}
          pagination={false}
          columns={[
            { title: t('common.version'), dataIndex: 'version', width: 80 },
            { title: t('taxonomy.note'), dataIndex: 'note' },
            {
              title: t('taxonomy.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              render: (v: string | null) => v ?? t('taxonomy.onPublication'),
            },
            {
              title: t('taxonomy.publishedAt'),
              dataIndex: 'publishedAt',
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t('taxonomy.standardCount'),
              dataIndex: 'standardCount',
              render: (n: number) => formatNumber(n),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
