/** 存证核验: the signed checkpoints of the tamper-evident record, and verification of everything (admin, 监察). */
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError, unwrap } from '../../../api/client';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import type { VerifyResult } from '../types';
import { useCheckpoints } from './useCheckpoints';
import { VerifyResultView } from './VerifyResultView';

const short = (hex: string | null) => (hex ? `${hex.slice(0, 16)}…` : '—');

export default function AuditPage() {
  const { t } = useTranslation('oversight');
  const [round, setRound] = useState(0);
  const checkpoints = useCheckpoints(round);
  const [busy, setBusy] = useState<'verify' | 'sign' | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function verify() {
    setBusy('verify');
    setResult(null);
    try {
      setResult(unwrap(await api.POST('/api/audit/verify')));
      setError(null);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }
  async function sign() {
    setBusy('sign');
    try {
      unwrap(await api.POST('/api/audit/checkpoints'));
      setError(null);
      setRound((r) => r + 1);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('audit.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" loading={busy === 'verify'} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
        <Button loading={busy === 'sign'} onClick={() => void sign()}>
          {t('audit.sign')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      <div aria-live="polite">{result && <VerifyResultView result={result} />}</div>
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
        {t('audit.checkpoints')}
      </Typography.Title>
      <ErrorAlert error={checkpoints.error} />
      <Table
        rowKey="no"
        size="small"
        data-testid="audit-checkpoints"
        loading={checkpoints.loading}
        dataSource={checkpoints.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('audit.noCheckpoints') }}
        columns={[
          { title: t('audit.no'), dataIndex: 'no', align: 'right' },
          { title: t('audit.createdAt'), key: 'at', render: (_, c) => formatDateTime(c.createdAt) },
          {
            title: t('audit.events'),
            key: 'ev',
            align: 'right',
            render: (_, c) => formatNumber(c.eventCount),
          },
          {
            title: t('audit.leaves'),
            key: 'lv',
            align: 'right',
            render: (_, c) => formatNumber(c.leafCount),
          },
          {
            title: t('audit.root'),
            key: 'root',
            render: (_, c) => (
              <Typography.Text code copyable={{ text: c.root }} title={c.root}>
                {short(c.root)}
              </Typography.Text>
            ),
          },
          {
            title: t('audit.hash'),
            key: 'hash',
            render: (_, c) => <Typography.Text code>{short(c.hash)}</Typography.Text>,
          },
          {
            title: t('audit.keyId'),
            key: 'key',
            render: (_, c) => <Typography.Text code>{c.keyId}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
