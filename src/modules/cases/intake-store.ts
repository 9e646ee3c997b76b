/** SQL that only intake needs: case numbers, Idempotency-Key answers, camera folding, 12345 tickets. */
import { sql } from 'kysely';
import { prepared, type Executor } from '../../platform/db/index.js';
import { CASE_COLUMNS, toCase, type CaseRow } from './store.js';
import type { CaseRecord } from './types.js';

export interface StoredAnswer {
  requestDigest: string;
  status: number;
  body: unknown;
}

export async function findAnswer(
  ex: Executor,
  tenantId: number,
  owner: string,
  key: string,
): Promise<StoredAnswer | null> {
  const r = await sql<{ request_digest: string; status: number; body: unknown }>`
    SELECT request_digest, status, body FROM idempotency_keys
    WHERE tenant_id = ${tenantId} AND owner = ${owner} AND key = ${key}`.execute(ex);
  const row = r.rows[0];
  return row ? { requestDigest: row.request_digest, status: row.status, body: row.body } : null;
}

/** Records first answers; returns the keys that were new (the others belong to an earlier request). */
export async function saveAnswers(
  ex: Executor,
  tenantId: number,
  rows: readonly { owner: string; key: string; requestDigest: string; status: number; body: unknown }[],
  now: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const r = await sql<{ owner: string; key: string }>`
    INSERT INTO idempotency_keys (tenant_id, owner, key, request_digest, status, body, created_at)
    SELECT ${tenantId}, owner, key, "requestDigest", status, body, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(owner text, key text, "requestDigest" text, status int, body jsonb)
    ON CONFLICT DO NOTHING RETURNING owner, key`.execute(ex);
  return new Set(r.rows.map((row) => `${row.owner}\u0000${row.key}`));
}

/**
 * Claims the fold key for a new report, or returns the open report it folds into. The window slides: every
 * event inside it extends it.
 */
export async function claimFold(
  ex: Executor,
  tenantId: number,
  foldKey: string,
  newCaseId: string,
  now: Date,
  windowUntil: Date,
): Promise<string> {
  const r = await sql<{ case_id: string }>`
    INSERT INTO camera_folds AS f (tenant_id, fold_key, case_id, window_until)
    VALUES (${tenantId}, ${foldKey}, ${newCaseId}::uuid, ${windowUntil})
    ON CONFLICT (tenant_id, fold_key) DO UPDATE SET
      case_id = CASE WHEN f.window_until > ${now} THEN f.case_id ELSE excluded.case_id END,
      window_until = excluded.window_until
    RETURNING case_id`.execute(ex);
  return r.rows[0]?.case_id ?? newCaseId;
}

/** The report a fold key pointed at is finished: the key now belongs to a new report. */
export async function takeFold(
  ex: Executor,
  tenantId: number,
  foldKey: string,
  caseId: string,
): Promise<void> {
  await sql`UPDATE camera_folds SET case_id = ${caseId}::uuid
    WHERE tenant_id = ${tenantId} AND fold_key = ${foldKey}`.execute(ex);
}

/** One more camera event folded into an open report: count it and note when it was last seen. */
export async function foldInto(
  ex: Executor,
  tenantId: number,
  caseId: string,
  seenAt: Date,
): Promise<CaseRecord | null> {
  const r = await sql<CaseRow>`UPDATE cases SET source = source || jsonb_build_object(
        'count', coalesce((source ->> 'count')::int, 1) + 1, 'lastSeenAt', ${seenAt.toISOString()}::text)
    WHERE tenant_id = ${tenantId} AND id = ${caseId}::uuid AND stage NOT IN ('closed', 'voided', 'merged')
    RETURNING ${CASE_COLUMNS}`.execute(ex);
  return r.rows[0] ? toCase(r.rows[0]) : null;
}

export async function findHotlineTicket(
  ex: Executor,
  tenantId: number,
  ticketId: string,
): Promise<CaseRecord | null> {
  const r = await sql<CaseRow>`SELECT ${CASE_COLUMNS} FROM cases
    WHERE tenant_id = ${tenantId} AND channel = 'hotline' AND source ->> 'ticketId' = ${ticketId}`.execute(
    ex,
  );
  return r.rows[0] ? toCase(r.rows[0]) : null;
}

/** Reserves `count` consecutive numbers of the day; returns the first. */
export async function allocateCaseNumbers(
  ex: Executor,
  tenantId: number,
  day: string,
  count: number,
): Promise<number> {
  const r = await sql<{ last: number }>`
    INSERT INTO case_numbers (tenant_id, day, last) VALUES (${tenantId}, ${day}::date, ${count})
    ON CONFLICT (tenant_id, day) DO UPDATE SET last = case_numbers.last + ${count}
    RETURNING last`.execute(ex);
  return (r.rows[0]?.last ?? count) - count + 1;
}

/**
 * Takes case numbers outside any transaction, for several (tenant, day) counters in one statement; returns
 * the first number of each range by `${tenantId}:${day}`. Each counter row is locked only for this statement,
 * so batches that overlap do not wait on each other's COMMIT. Its own commit skips the WAL flush
 * (`synchronous_commit` off for this transaction): a case that uses a number commits later and its WAL
 * flush covers this record too, while a number whose case never commits is lost with it or left as a gap.
 */
export async function reserveCaseNumbers(
  ex: Executor,
  ranges: readonly { tenantId: number; day: string; count: number }[],
): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  if (ranges.length === 0) return first;
  // One order for every caller, so two statements never lock two counters in opposite orders.
  const sorted = [...ranges].sort((a, b) => a.tenantId - b.tenantId || a.day.localeCompare(b.day));
  const r = await prepared(sql<{ tenant_id: number; day: string; last: number }>`
    INSERT INTO case_numbers (tenant_id, day, last)
    SELECT u.tenant_id, u.day, u.count
    FROM unnest(${sorted.map((g) => g.tenantId)}::int[], ${sorted.map((g) => g.day)}::date[],
                ${sorted.map((g) => g.count)}::int[]) WITH ORDINALITY AS u(tenant_id, day, count, ord)
      CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
    ORDER BY u.ord
    ON CONFLICT (tenant_id, day) DO UPDATE SET last = case_numbers.last + excluded.last
    RETURNING tenant_id, to_char(day, 'YYYY-MM-DD') AS day, last`).execute(ex);
  const counts = new Map(sorted.map((g) => [`${g.tenantId}:${g.day}`, g.count]));
  for (const row of r.rows) {
    const key = `${row.tenant_id}:${row.day}`;
    first.set(key, row.last - (counts.get(key) ?? 0) + 1);
  }
  return first;
}
