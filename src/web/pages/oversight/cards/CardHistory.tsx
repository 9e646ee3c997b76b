/** Who was told about the card, and the 问责 records that rest on it. */
import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format';
import type { Accountability, CardDetail } from '../types';

interface Props {
  notifications: CardDetail['notifications'];
  accountability: Accountability[];
  unitName: (code: string | null) => string;
  showAccountabilityLink: boolean;
  /** Set when the user may record 问责: the link starts a record on this card. */
  recordForCard: string | null;
}

export function CardHistory(props: Props) {
  const { notifications, accountability, unitName, showAccountabilityLink, recordForCard } = props;
  const { t } = useTranslation('oversight');
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
        {t('cards.notifications')}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey={(n) => `${n.recipientKind}-${n.accountId ?? n.unitCode ?? ''}-${n.reason}-${n.createdAt}`}
        dataSource={notifications}
        locale={{ emptyText: t('cards.noNotifications') }}
        columns={[
          {
            title: t('cards.recipient'),
            key: 'who',
            render: (_, n) =>
              n.accountId
                ? t('cards.officer', { id: n.accountId })
                : t('cards.unitHead', { unit: unitName(n.unitCode) }),
          },
          {
            title: t('cards.reason'),
            key: 'reason',
            render: (_, n) => t(`cards.reasons.${n.reason}`, { defaultValue: n.reason }),
          },
          { title: t('cards.sentAt'), key: 'at', render: (_, n) => formatDateTime(n.createdAt) },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
        {t('accountability.title')}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={accountability}
        locale={{ emptyText: t('accountability.none') }}
        columns={[
          {
            title: t('accountability.outcome'),
            key: 'outcome',
            render: (_, a) => t(`outcomes.${a.outcome}`),
          },
          { title: t('accountability.basis'), dataIndex: 'basis' },
          { title: t('accountability.decidedAt'), key: 'at', render: (_, a) => formatDateTime(a.decidedAt) },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        {recordForCard && (
          <Link to={`/console/oversight/accountability?card=${recordForCard}`}>
            {t('accountability.createForCard')}
          </Link>
        )}
        {showAccountabilityLink && (
          <Link to="/console/oversight/accountability">{t('accountability.goTo')}</Link>
        )}
      </Space>
    </>
  );
}
