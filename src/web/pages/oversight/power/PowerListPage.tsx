/** 权责清单: the list in force, its version history and diffs, and for editors the draft of the next version. */
import { Input, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useSession } from '../../../app/session';
import { formatDate } from '../../../i18n/format';
import { POWER_LIST_EDITORS } from '../access';
import { ErrorAlert } from '../ErrorAlert';
import type { PowerItem } from '../types';
import { useLoad } from '../../../app/useLoad';
import { DraftPanel } from './DraftPanel';
import { LimitText } from './LimitText';
import { PowerItemDetail } from './PowerItemDetail';
import { VersionHistory } from './VersionHistory';

export default function PowerListPage() {
  const { t } = useTranslation('oversight');
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'current';
  const [search, setSearch] = useState('');
  const list = useLoad(async () => unwrap(await api.GET('/api/oversight/power-list')), []);
  const units = list.data?.units ?? {};
  const q = search.trim().toLowerCase();
  const items = (list.data?.items ?? []).filter(
    (i) => !q || i.code.toLowerCase().includes(q) || i.name.toLowerCase().includes(q),
  );
  const columns: ColumnsType<PowerItem> = [
    { title: t('power.code'), dataIndex: 'code', width: 120 },
    {
      title: t('power.name'),
      key: 'name',
      render: (_, i) => (
        <>
          {i.name}
          {i.code === list.data?.caseLoopItemCode && <> · {t('power.caseLoop')}</>}
        </>
      ),
    },
    { title: t('power.type'), key: 'type', render: (_, i) => t(`common:power.types.${i.type}`) },
    { title: t('power.source'), key: 'source', render: (_, i) => t(`common:power.sources.${i.source}`) },
    {
      title: t('power.implementing'),
      key: 'unit',
      render: (_, i) => units[i.implementingUnitCode] ?? i.implementingUnitCode,
    },
    { title: t('power.statutoryLimit'), key: 's', render: (_, i) => <LimitText limit={i.statutoryLimit} /> },
    { title: t('power.promisedLimit'), key: 'p', render: (_, i) => <LimitText limit={i.promisedLimit} /> },
  ];
  const current = (
    <>
      {list.data && (
        <Typography.Paragraph data-testid="power-current">
          {t('power.current', {
            version: list.data.version,
            from: formatDate(list.data.effectiveFrom),
            count: list.data.items.length,
          })}
          {list.data.note && ` · ${list.data.note}`}
        </Typography.Paragraph>
      )}
      <Input.Search
        aria-label={t('power.search')}
        placeholder={t('power.search')}
        allowClear
        style={{ maxWidth: 360, marginBottom: 12 }}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Table
        rowKey="code"
        size="small"
        data-testid="power-items"
        loading={list.loading}
        dataSource={items}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        expandable={{ expandedRowRender: (i) => <PowerItemDetail item={i} units={units} /> }}
      />
    </>
  );
  const tabs = [
    { key: 'current', label: t('power.tabs.current'), children: current },
    { key: 'history', label: t('power.tabs.history'), children: <VersionHistory /> },
    ...(hasRole(...POWER_LIST_EDITORS)
      ? [{ key: 'draft', label: t('power.tabs.draft'), children: <DraftPanel units={units} /> }]
      : []),
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('power.title')}
      </Typography.Title>
      <ErrorAlert error={list.error} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={tabs}
        destroyOnHidden
      />
    </>
  );
}
