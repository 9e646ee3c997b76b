/** The queue's table: one row per case, the number linking to its detail page; rows selectable for bulk steps. */
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format';
import { Countdown } from '../Countdown';
import { categoryName, unitName, useReference } from '../reference';
import type { CaseView } from '../types';
import { useNow } from '../useNow';
import { WarningTag } from '../WarningTag';

interface Props {
  items: CaseView[];
  loading: boolean;
  showPending: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
}

export function CaseTable({ items, loading, showPending, selected, onSelect }: Props) {
  const { t } = useTranslation(['workbench', 'common']);
  const ref = useReference();
  const now = useNow();
  const columns: TableColumnsType<CaseView> = [
    {
      title: t('queue.columns.caseNo'),
      dataIndex: 'caseNo',
      width: 200,
      render: (caseNo: string) => <Link to={`cases/${encodeURIComponent(caseNo)}`}>{caseNo}</Link>,
    },
    { title: t('queue.columns.category'), key: 'category', render: (_, c) => categoryName(ref, c) },
    {
      title: t('queue.columns.address'),
      dataIndex: 'address',
      ellipsis: true,
      render: (a: string | null, c) => a ?? c.description ?? '—',
    },
    {
      title: t('queue.columns.channel'),
      dataIndex: 'channel',
      render: (ch: string) => t(`common:channels.${ch}`),
    },
    { title: t('queue.columns.stage'), dataIndex: 'stage', render: (s: string) => t(`common:stages.${s}`) },
    ...(showPending
      ? [
          {
            title: t('queue.columns.pending'),
            key: 'pending',
            render: (_: unknown, c: CaseView) =>
              c.pendingRequest ? (
                <Typography.Text title={c.pendingRequest.reason}>
                  {t(`queue.pending.${c.pendingRequest.kind}`)}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    {
      title: t('queue.columns.light'),
      dataIndex: 'warning',
      width: 90,
      render: (w: string | null) => <WarningTag warning={w} />,
    },
    {
      title: t('queue.columns.deadline'),
      dataIndex: 'deadline',
      width: 150,
      render: (d: string | null) => formatDateTime(d),
    },
    {
      title: t('queue.columns.countdown'),
      key: 'countdown',
      width: 150,
      render: (_, c) => <Countdown deadline={c.deadline} now={now} />,
    },
    { title: t('queue.columns.unit'), dataIndex: 'unitCode', render: (u: string | null) => unitName(ref, u) },
  ];
  return (
    <Table<CaseView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (c) => ({ 'aria-label': c.caseNo }),
      }}
    />
  );
}
