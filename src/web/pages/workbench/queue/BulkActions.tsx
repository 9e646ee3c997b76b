/**
 * Bulk steps on the selected rows: only kinds some selected case allows (its `allowedActions`), sent one case
 * at a time with that case's version; each case's result is reported (a 409 on one does not stop the rest).
 */
import { Alert, Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { runStep } from '../actions/runStep';
import { bulkBody, bulkKindsFor, type BulkKind } from '../actions/verbs';
import type { CaseView } from '../types';

interface Result {
  caseNo: string;
  ok: boolean;
  message?: string;
}

export function BulkActions({ selected, onDone }: { selected: CaseView[]; onDone: () => void }) {
  const { t } = useTranslation(['workbench', 'common']);
  const [asking, setAsking] = useState<BulkKind | null>(null);
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<{ kind: BulkKind; rows: Result[] } | null>(null);
  const kinds = bulkKindsFor(selected);
  if (selected.length === 0) return null;

  const action = (k: BulkKind) => t(`common:caseActions.${k}`);
  const eligible = (k: BulkKind) => selected.filter((c) => bulkBody(k, c) !== null);

  async function run(kind: BulkKind) {
    setAsking(null);
    const cases = eligible(kind);
    const rows: Result[] = [];
    setRunning({ done: 0, total: cases.length });
    for (const c of cases) {
      const body = bulkBody(kind, c);
      if (!body) continue;
      try {
        await runStep(c.caseNo, kind, body);
        rows.push({ caseNo: c.caseNo, ok: true });
      } catch (e) {
        rows.push({ caseNo: c.caseNo, ok: false, message: e instanceof ApiError ? e.message : String(e) });
      }
      setRunning({ done: rows.length, total: cases.length });
    }
    setRunning(null);
    setResults({ kind, rows });
    onDone();
  }

  const okCount = results?.rows.filter((r) => r.ok).length ?? 0;
  return (
    <Space wrap aria-live="polite">
      <Typography.Text>{t('bulk.selected', { count: selected.length })}</Typography.Text>
      {kinds.map((k) => (
        <Button key={k} type="primary" disabled={running !== null} onClick={() => setAsking(k)}>
          {t('bulk.run', { action: action(k) })}
        </Button>
      ))}
      {running && <Typography.Text>{t('bulk.running', running)}</Typography.Text>}
      <Modal
        open={asking !== null}
        title={asking ? t('bulk.run', { action: action(asking) }) : ''}
        okText={t('common:actions.ok')}
        cancelText={t('common:actions.cancel')}
        onOk={() => asking && void run(asking)}
        onCancel={() => setAsking(null)}
      >
        {asking && (
          <Space direction="vertical">
            <span>{t('bulk.confirm', { count: eligible(asking).length, action: action(asking) })}</span>
            {asking === 'dispatch' && <span>{t('bulk.dispatchAuto')}</span>}
            {asking === 'file' && <span>{t('bulk.fileByStandard')}</span>}
            {eligible(asking).length < selected.length && (
              <Alert
                type="info"
                showIcon
                message={t('bulk.skipped', {
                  count: selected.length - eligible(asking).length,
                  action: action(asking),
                })}
              />
            )}
          </Space>
        )}
      </Modal>
      <Modal
        open={results !== null}
        title={results ? t('bulk.resultsTitle', { action: action(results.kind) }) : ''}
        footer={<Button onClick={() => setResults(null)}>{t('common:actions.close')}</Button>}
        onCancel={() => setResults(null)}
      >
        {results && (
          <>
            <Typography.Paragraph data-testid="bulk-summary">
              {t('bulk.summary', { ok: okCount, failed: results.rows.length - okCount })}
            </Typography.Paragraph>
            <List
              size="small"
              dataSource={results.rows}
              renderItem={(r) => (
                <List.Item>
                  <Space>
                    <Tag color={r.ok ? '#237804' : 'red'}>{r.ok ? t('bulk.ok') : t('bulk.failed')}</Tag>
                    <span>{r.caseNo}</span>
                    {r.message && <Typography.Text type="danger">{r.message}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </>
        )}
      </Modal>
    </Space>
  );
}
