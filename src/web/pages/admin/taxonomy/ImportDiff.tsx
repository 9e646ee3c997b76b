/** What a published version changed against the one before: counts per level and each changed field. */
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntryDiff, TaxonomyDiff } from './types';

function text(v: unknown): string {
  if (v == null) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function ImportDiff({ diff }: { diff: TaxonomyDiff }) {
  const { t } = useTranslation('admin');
  const summary = (d: EntryDiff<unknown>) =>
    t('taxImport.diffSummary', {
      added: d.added.length,
      removed: d.removed.length,
      changed: d.changed.length,
    });
  const changes = [...diff.majors.changed, ...diff.minors.changed, ...diff.standards.changed].flatMap((c) =>
    c.changes.map((f) => ({ key: `${c.key}:${f.field}`, id: c.key, ...f })),
  );
  return (
    <div style={{ marginTop: 12 }} data-testid="taxonomy-diff">
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('taxImport.diffTitle')}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'ma', label: t('taxImport.diffMajors'), children: summary(diff.majors) },
          { key: 'mi', label: t('taxImport.diffMinors'), children: summary(diff.minors) },
          { key: 'st', label: t('taxImport.diffStandards'), children: summary(diff.standards) },
        ]}
      />
      {changes.length > 0 && (
        <Table
          size="small"
          rowKey="key"
          dataSource={changes}
          pagination={changes.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: t('taxImport.colKey'), dataIndex: 'id', width: 110 },
            { title: t('taxImport.colField'), dataIndex: 'field', width: 140 },
            { title: t('taxImport.colBefore'), dataIndex: 'before', render: text },
            { title: t('taxImport.colAfter'), dataIndex: 'after', render: text },
          ]}
        />
      )}
    </div>
  );
}
