/** The verification's answer: everything intact, or each broken record, event and checkpoint by name. */
import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import type { VerifyResult } from '../types';

export function VerifyResultView({ result }: { result: VerifyResult }) {
  const { t } = useTranslation('oversight');
  const counts = t('audit.counts', {
    events: formatNumber(result.events),
    records: formatNumber(result.records),
    checkpoints: formatNumber(result.checkpoints),
    heads: formatNumber(result.heads),
    ms: formatNumber(result.ms),
  });
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="verify-result"
        data-ok="true"
        title={t('audit.ok')}
        description={counts}
      />
    );
  }
  return (
    <section data-testid="verify-result" data-ok="false">
      <Alert
        type="error"
        showIcon
        title={t('audit.broken', { count: result.problems.length + result.moreProblems })}
        description={counts}
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        pagination={false}
        rowKey={(p, i) =>
          `${p.kind}-${p.streamType ?? ''}-${p.streamId ?? ''}-${p.streamVersion ?? ''}-${p.checkpoint ?? ''}-${i ?? 0}`
        }
        dataSource={result.problems}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('audit.kind'),
            key: 'kind',
            render: (_, p) => t(`audit.kinds.${p.kind}`, { defaultValue: p.kind }) + ` (${p.kind})`,
          },
          {
            title: t('audit.record'),
            key: 'record',
            render: (_, p) => (p.streamType ? `${p.streamType}/${p.streamId ?? ''}` : '—'),
          },
          {
            title: t('audit.event'),
            key: 'event',
            render: (_, p) => (p.streamVersion != null ? t('audit.eventN', { n: p.streamVersion }) : '—'),
          },
          {
            title: t('audit.checkpoint'),
            key: 'cp',
            render: (_, p) => (p.checkpoint != null ? `#${p.checkpoint}` : '—'),
          },
          { title: t('audit.message'), dataIndex: 'message' },
        ]}
      />
      {result.moreProblems > 0 && (
        <Alert type="warning" title={t('audit.more', { count: result.moreProblems })} />
      )}
    </section>
  );
}
