/** 电子监察卡片: the cards within the user's data scope, newest first, filtered through the URL. */
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asApiError, unwrap } from '../../../api/client';
import { formatDateTime } from '../../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import type { Card } from '../types';
import { useLoad } from '../../../app/useLoad';
import { localized } from '../localized';
import { useRuleTitles } from '../useRuleTitles';
import { useUnitNames } from '../useUnitNames';
import { CardFilterBar } from './CardFilterBar';
import { SeverityTag, StatusTag } from './SeverityTag';
import { CardTarget } from './CardTarget';
import { useCardEvents } from './useCardEvents';
import { toApiQuery, useCardQuery } from './useCardQuery';

export default function CardsPage() {
  const { t } = useTranslation('oversight');
  const [filters, update, clear] = useCardQuery();
  const units = useUnitNames();
  const rules = useRuleTitles();
  const key = JSON.stringify(filters);
  const first = useLoad(
    async () => unwrap(await api.GET('/api/supervision/cards', { params: { query: toApiQuery(filters) } })),
    [key],
  );
  useCardEvents(first.reload);
  const [more, setMore] = useState<{ items: Card[]; cursor: string | null }>({ items: [], cursor: null });
  const [moreError, setMoreError] = useState<ReturnType<typeof asApiError> | null>(null);
  useEffect(() => {
    setMore({ items: [], cursor: first.data?.nextCursor ?? null });
  }, [first.data]);

  async function loadMore() {
    if (!more.cursor) return;
    try {
      const page = unwrap(
        await api.GET('/api/supervision/cards', { params: { query: toApiQuery(filters, more.cursor) } }),
      );
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor }));
      setMoreError(null);
    } catch (e) {
      setMoreError(asApiError(e));
    }
  }

  const columns: ColumnsType<Card> = [
    {
      title: t('cards.columns.severity'),
      key: 'severity',
      width: 90,
      render: (_, c) => <SeverityTag severity={c.severity} />,
    },
    {
      title: t('cards.columns.rule'),
      key: 'rule',
      render: (_, c) => (
        <Link to={`/console/oversight/cards/${c.id}`} data-testid="card-link">
          {localized(c.ruleTitle)}
        </Link>
      ),
    },
    { title: t('cards.columns.target'), key: 'target', render: (_, c) => <CardTarget card={c} /> },
    { title: t('cards.columns.unit'), key: 'unit', render: (_, c) => units.name(c.unitCode) },
    {
      title: t('cards.columns.status'),
      key: 'status',
      render: (_, c) => <StatusTag status={c.status} outcome={c.outcome} />,
    },
    { title: t('cards.columns.firedAt'), key: 'firedAt', render: (_, c) => formatDateTime(c.firedAt) },
    { title: t('cards.columns.dueBy'), key: 'dueBy', render: (_, c) => formatDateTime(c.dueBy) },
  ];
  const rows = [...(first.data?.items ?? []), ...more.items];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('cards.title')}
      </Typography.Title>
      <CardFilterBar
        filters={filters}
        onChange={update}
        onClear={clear}
        units={units}
        rules={rules.options}
      />
      <ErrorAlert error={first.error ?? moreError} />
      <Table
        rowKey="id"
        size="small"
        data-testid="cards-table"
        loading={first.loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('cards.empty') }}
      />
      {more.cursor && (
        <Button style={{ marginTop: 12 }} onClick={() => void loadMore()}>
          {t('cards.more')}
        </Button>
      )}
    </>
  );
}
