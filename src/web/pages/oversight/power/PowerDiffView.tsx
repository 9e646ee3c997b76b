/** What changed between two versions (or the draft and the current list): added, removed, changed fields. */
import { Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PowerDiff } from '../types';
import { diffValue } from './diffValue';

export function PowerDiffView({ diff }: { diff: PowerDiff }) {
  const { t } = useTranslation('oversight');
  const from =
    diff.fromVersion === null ? t('power.none') : t('power.versionN', { version: diff.fromVersion });
  const to = diff.toVersion === null ? t('power.draft') : t('power.versionN', { version: diff.toVersion });
  const changes = diff.changed.flatMap((c) =>
    c.changes.map((f) => ({ key: `${c.code}:${f.field}`, code: c.code, name: c.name, ...f })),
  );
  const empty =
    diff.added.length === 0 && diff.removed.length === 0 && changes.length === 0 && !diff.caseLoopItemCode;
  return (
    <section data-testid="power-diff" aria-label={t('power.diffTitle', { from, to })}>
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        {t('power.diffTitle', { from, to })}
      </Typography.Title>
      {empty && <Empty description={t('power.noChanges')} />}
      {diff.added.length > 0 && (
        <Typography.Paragraph data-testid="diff-added">
          <strong>{t('power.added')}</strong>：{diff.added.map((i) => `${i.code} ${i.name}`).join('；')}
        </Typography.Paragraph>
      )}
      {diff.removed.length > 0 && (
        <Typography.Paragraph data-testid="diff-removed">
          <strong>{t('power.removed')}</strong>：{diff.removed.map((i) => `${i.code} ${i.name}`).join('；')}
        </Typography.Paragraph>
      )}
      {diff.caseLoopItemCode && (
        <Typography.Paragraph>
          <strong>{t('power.caseLoopChanged')}</strong>：{diffValue(t, 'code', diff.caseLoopItemCode.before)}{' '}
          → {diffValue(t, 'code', diff.caseLoopItemCode.after)}
        </Typography.Paragraph>
      )}
      {changes.length > 0 && (
        <Table
          size="small"
          pagination={false}
          data-testid="diff-changed"
          dataSource={changes}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('power.item'), key: 'item', render: (_, c) => `${c.code} ${c.name}` },
            {
              title: t('power.field'),
              key: 'field',
              render: (_, c) => t(`power.fields.${c.field}`, { defaultValue: c.field }),
            },
            {
              title: t('power.before'),
              key: 'before',
              render: (_, c) => <del>{diffValue(t, c.field, c.before)}</del>,
            },
            {
              title: t('power.after'),
              key: 'after',
              render: (_, c) => <ins>{diffValue(t, c.field, c.after)}</ins>,
            },
          ]}
        />
      )}
    </section>
  );
}
