/**
 * The Excel import: choose the workbook, check it with a dry run, read the report (row errors, or what would be
 * published), then confirm. The server validates all or nothing, so a failed check never changes the table.
 */
import { Alert, Button, Card, DatePicker, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, rawFetch, unwrap } from '../../../api/client';
import { FilePicker } from '../FilePicker';
import { ImportDiff } from './ImportDiff';
import { SheetErrorsTable } from './SheetErrorsTable';
import type { SheetError, TaxonomyDiff } from './types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportAnswer {
  version: number | null;
  standardCount: number;
  warnings: SheetError[];
}

type Outcome =
  | { kind: 'checked'; answer: ImportAnswer }
  | { kind: 'invalid'; errors: SheetError[]; warnings: SheetError[] }
  | { kind: 'noChanges' }
  | { kind: 'failed'; message: string }
  | { kind: 'published'; answer: ImportAnswer; diff: TaxonomyDiff | null };

export function TaxonomyImport(props: { currentCount: number; onPublished: () => void }) {
  const { t } = useTranslation('admin');
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    const q = new URLSearchParams({
      dryRun: String(dryRun),
      note: note.trim() || t('taxImport.noteDefault'),
    });
    if (effectiveFrom) q.set('effectiveFrom', effectiveFrom.format('YYYY-MM-DD'));
    try {
      const res = await rawFetch(`/api/taxonomy/import?${q.toString()}`, {
        method: 'POST',
        headers: { 'content-type': XLSX },
        body: file,
      });
      const answer = (await res.json()) as ImportAnswer;
      if (dryRun) {
        setOutcome({ kind: 'checked', answer });
      } else {
        setOutcome({ kind: 'published', answer, diff: await diffOf(answer.version) });
        props.onPublished();
      }
    } catch (e) {
      setOutcome(outcomeOf(e));
    } finally {
      setBusy(false);
    }
  }

  const choose = (f: File | null) => {
    setFile(f);
    setOutcome(null);
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('taxImport.title')}</h2>}>
      <Typography.Paragraph>{t('taxImport.intro')}</Typography.Paragraph>
      <FilePicker
        label={t('taxImport.file')}
        accept=".xlsx"
        file={file}
        onChange={choose}
        testId="taxonomy-file"
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('taxImport.note')} htmlFor="tax-import-note">
          <Input
            id="tax-import-note"
            value={note}
            placeholder={t('taxImport.noteDefault')}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('taxImport.effectiveFrom')} htmlFor="tax-import-effective">
          <DatePicker id="tax-import-effective" value={effectiveFrom} onChange={setEffectiveFrom} />
        </Form.Item>
      </Form>
      <Space wrap>
        <Button
          type="primary"
          disabled={!file}
          loading={busy && outcome?.kind !== 'checked'}
          onClick={() => void send(true)}
        >
          {t('taxImport.dryRun')}
        </Button>
        {outcome?.kind === 'checked' && (
          <Button type="primary" danger loading={busy} onClick={() => void send(false)}>
            {t('taxImport.confirm')}
          </Button>
        )}
      </Space>
      <div role="status" aria-live="polite" style={{ marginTop: 16 }} data-testid="taxonomy-import-report">
        {outcome && <OutcomeReport outcome={outcome} currentCount={props.currentCount} />}
      </div>
    </Card>
  );
}

function OutcomeReport({ outcome, currentCount }: { outcome: Outcome; currentCount: number }) {
  const { t } = useTranslation('admin');
  switch (outcome.kind) {
    case 'checked':
      return (
        <>
          <Alert
            type="success"
            title={t('taxImport.valid', { count: outcome.answer.standardCount })}
            description={t('taxImport.validDetail', { current: currentCount })}
          />
          {outcome.answer.warnings.length > 0 && (
            <SheetErrorsTable
              caption={t('taxImport.warnings', { count: outcome.answer.warnings.length })}
              rows={outcome.answer.warnings}
            />
          )}
        </>
      );
    case 'invalid':
      return (
        <>
          <Alert type="error" title={t('taxImport.invalid', { count: outcome.errors.length })} />
          <SheetErrorsTable
            caption={t('taxImport.invalid', { count: outcome.errors.length })}
            rows={outcome.errors}
          />
        </>
      );
    case 'noChanges':
      return <Alert type="warning" title={t('taxImport.noChanges')} />;
    case 'failed':
      return <Alert type="error" title={outcome.message} />;
    case 'published':
      return (
        <>
          <Alert
            type="success"
            title={t('taxImport.published', {
              version: outcome.answer.version ?? '',
              count: outcome.answer.standardCount,
            })}
          />
          {outcome.diff && <ImportDiff diff={outcome.diff} />}
        </>
      );
  }
}

function outcomeOf(e: unknown): Outcome {
  if (e instanceof ApiError && e.code === 'XLSX_INVALID') {
    const d = (e.details ?? {}) as { errors?: SheetError[]; warnings?: SheetError[] };
    return { kind: 'invalid', errors: d.errors ?? [], warnings: d.warnings ?? [] };
  }
  if (e instanceof ApiError && e.code === 'NO_CHANGES') return { kind: 'noChanges' };
  return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
}

async function diffOf(version: number | null): Promise<TaxonomyDiff | null> {
  if (version == null || version < 2) return null;
  try {
    const res = await api.GET('/api/taxonomy/versions/{from}/diff/{to}', {
      params: { path: { from: version - 1, to: version } },
    });
    return unwrap(res) as TaxonomyDiff;
  } catch {
    // The import itself succeeded; the diff is a courtesy.
    return null;
  }
}
