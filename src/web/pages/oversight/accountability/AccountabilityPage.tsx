/** 问责: accountability records resting on cards; supervisors record, change and withdraw them. */
import { Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type ApiError, asApiError, unwrap } from '../../../api/client';
import { useSession } from '../../../app/session';
import { formatDateTime } from '../../../i18n/format';
import { SUPERVISORS } from '../access';
import { ErrorAlert } from '../ErrorAlert';
import type { Accountability } from '../types';
import { useLoad } from '../../../app/useLoad';
import { useUnitNames } from '../useUnitNames';
import { AccountabilityForm } from './AccountabilityForm';

export default function AccountabilityPage() {
  const { t } = useTranslation(['oversight', 'common']);
  const { hasRole } = useSession();
  const canWrite = hasRole(...SUPERVISORS);
  const units = useUnitNames();
  const [params, setParams] = useSearchParams();
  const withdrawn = params.get('withdrawn') === '1';
  // A card's detail page links here with ?card=<id> to start a record on that card.
  const fromCard = params.get('card');
  const list = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/supervision/accountability', {
          params: { query: { includeWithdrawn: withdrawn } },
        }),
      ).items,
    [withdrawn],
  );
  const [editing, setEditing] = useState<Accountability | 'new' | null>(fromCard && canWrite ? 'new' : null);
  const [error, setError] = useState<ApiError | null>(null);

  async function withdraw(a: Accountability) {
    try {
      unwrap(
        await api.DELETE('/api/supervision/accountability/{id}', {
          params: { path: { id: a.id }, query: { version: a.version } },
        }),
      );
      setError(null);
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }

  const subject = (a: Accountability) =>
    a.subjectKind === 'unit'
      ? units.name(a.subjectUnitCode)
      : (a.subjectName ?? t('cards.officer', { id: a.subjectAccountId ?? '—' }));

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('accountability.title')}
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('accountability.create')}
          </Button>
        )}
        <Space>
          <Switch
            id="acc-withdrawn"
            checked={withdrawn}
            onChange={(v) => setParams(v ? { withdrawn: '1' } : {}, { replace: true })}
          />
          <label htmlFor="acc-withdrawn">{t('accountability.showWithdrawn')}</label>
        </Space>
      </Space>
      <ErrorAlert error={list.error ?? error} />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('accountability.none') }}
        columns={[
          { title: t('accountability.subject'), key: 'subject', render: (_, a) => subject(a) },
          {
            title: t('accountability.outcome'),
            key: 'outcome',
            render: (_, a) => (
              <>
                {t(`outcomes.${a.outcome}`)}
                {a.withdrawnAt && <Tag style={{ marginLeft: 8 }}>{t('accountability.withdrawn')}</Tag>}
              </>
            ),
          },
          { title: t('accountability.basis'), dataIndex: 'basis' },
          {
            title: t('accountability.cards'),
            key: 'cards',
            render: (_, a) => (
              <Space wrap>
                {a.cardIds.map((id, i) => (
                  <Link key={id} to={`/console/oversight/cards/${id}`}>
                    {t('accountability.cardN', { n: i + 1 })}
                  </Link>
                ))}
              </Space>
            ),
          },
          { title: t('accountability.decidedAt'), key: 'at', render: (_, a) => formatDateTime(a.decidedAt) },
          ...(canWrite
            ? [
                {
                  title: t('accountability.actions'),
                  key: 'actions',
                  render: (_: unknown, a: Accountability) =>
                    a.withdrawnAt ? null : (
                      <Space>
                        <Button size="small" onClick={() => setEditing(a)}>
                          {t('accountability.edit')}
                        </Button>
                        <Popconfirm
                          title={t('accountability.withdrawConfirm')}
                          onConfirm={() => void withdraw(a)}
                        >
                          <Button size="small" danger>
                            {t('accountability.withdraw')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <AccountabilityForm
          record={editing === 'new' ? null : editing}
          initialCardIds={fromCard ? [fromCard] : []}
          units={units.options}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}
