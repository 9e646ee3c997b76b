/** SQL of the evaluation module: rollups, case facts, durations, schemes and snapshots. */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { CaseFacts, Credit, Dimension, Duration, EventIn } from './domain/counters.js';

// ── Projection state ────────────────────────────────────────────────────────────────────────────────────

export async function loadFacts(
  ex: Executor,
  tenantId: number,
  caseIds: readonly string[],
): Promise<Map<string, CaseFacts>> {
  if (caseIds.length === 0) return new Map();
  const r = await sql<{ caseId: string; facts: CaseFacts }>`
    SELECT case_id AS "caseId", facts FROM evaluation_case_facts
    WHERE tenant_id = ${tenantId} AND case_id = ANY(${[...caseIds]}::text[])`.execute(ex);
  return new Map(r.rows.map((row) => [row.caseId, row.facts]));
}

export async function saveFacts(
  ex: Executor,
  tenantId: number,
  facts: ReadonlyMap<string, CaseFacts>,
): Promise<void> {
  if (facts.size === 0) return;
  const ids = [...facts.keys()];
  const docs = ids.map((id) => JSON.stringify(facts.get(id)));
  await sql`
    INSERT INTO evaluation_case_facts (tenant_id, case_id, facts)
    SELECT ${tenantId}, id, doc::jsonb FROM unnest(${ids}::text[], ${docs}::text[]) AS u(id, doc)
    ON CONFLICT (tenant_id, case_id) DO UPDATE SET facts = excluded.facts`.execute(ex);
}

/** Adds summed credits (one per key) to the rollups. */
export async function addCredits(ex: Executor, tenantId: number, credits: readonly Credit[]): Promise<void> {
  if (credits.length === 0) return;
  await sql`
    INSERT INTO evaluation_rollups (tenant_id, dim, day, code, metric, n)
    SELECT ${tenantId}, dim, day, code, metric, n
    FROM unnest(${credits.map((c) => c.dim)}::text[], ${credits.map((c) => c.day)}::date[],
      ${credits.map((c) => c.code)}::text[], ${credits.map((c) => c.metric)}::text[],
      ${credits.map((c) => c.n)}::bigint[]) AS u(dim, day, code, metric, n)
    ON CONFLICT (tenant_id, dim, day, code, metric) DO UPDATE SET n = evaluation_rollups.n + excluded.n`.execute(
    ex,
  );
}

export async function addDurations(ex: Executor, tenantId: number, rows: readonly Duration[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO evaluation_durations (tenant_id, seq, stage, day, unit_code, grid_code, seconds)
    SELECT ${tenantId}, seq, stage, day, unit_code, grid_code, seconds
    FROM unnest(${rows.map((d) => d.seq)}::bigint[], ${rows.map((d) => d.stage)}::text[],
      ${rows.map((d) => d.day)}::date[], ${rows.map((d) => d.unitCode)}::text[],
      ${rows.map((d) => d.gridCode)}::text[], ${rows.map((d) => d.seconds)}::bigint[])
      AS u(seq, stage, day, unit_code, grid_code, seconds)
    ON CONFLICT DO NOTHING`.execute(ex);
}

export async function reset(ex: Executor, tenantId: number): Promise<void> {
  await sql`DELETE FROM evaluation_rollups WHERE tenant_id = ${tenantId}`.execute(ex);
  await sql`DELETE FROM evaluation_case_facts WHERE tenant_id = ${tenantId}`.execute(ex);
  await sql`DELETE FROM evaluation_durations WHERE tenant_id = ${tenantId}`.execute(ex);
}

// ── Reading rollups ─────────────────────────────────────────────────────────────────────────────────────

export interface TotalRow {
  code: string;
  metric: string;
  n: number;
}

/** Sums of every counter per object of one dimension over [from, to]. */
export async function totals(
  ex: Executor,
  tenantId: number,
  dim: Dimension,
  from: string,
  to: string,
  options: { codePrefix?: string; metrics?: readonly string[] } = {},
): Promise<TotalRow[]> {
  const prefix = options.codePrefix ? sql`AND code LIKE ${`${options.codePrefix}%`}` : sql``;
  const metrics = options.metrics ? sql`AND metric = ANY(${[...options.metrics]}::text[])` : sql``;
  const r = await sql<{ code: string; metric: string; n: string }>`
    SELECT code, metric, sum(n)::text AS n FROM evaluation_rollups
    WHERE tenant_id = ${tenantId} AND dim = ${dim} AND day BETWEEN ${from}::date AND ${to}::date
      ${prefix} ${metrics}
    GROUP BY code, metric`.execute(ex);
  return r.rows.map((row) => ({ code: row.code, metric: row.metric, n: Number(row.n) }));
}

/** 超期未处置 as of the end of `to`: the running sum of its +1 / −1 credits up to that day. */
export async function overdueLevels(
  ex: Executor,
  tenantId: number,
  dim: Dimension,
  to: string,
  codePrefix?: string,
): Promise<Map<string, number>> {
  const prefix = codePrefix ? sql`AND code LIKE ${`${codePrefix}%`}` : sql``;
  const r = await sql<{ code: string; n: string }>`
    SELECT code, sum(n)::text AS n FROM evaluation_rollups
    WHERE tenant_id = ${tenantId} AND dim = ${dim} AND metric = 'overdueOpen' AND day <= ${to}::date ${prefix}
    GROUP BY code`.execute(ex);
  return new Map(r.rows.map((row) => [row.code, Number(row.n)]));
}

/** Medians of finished stage durations in [from, to], per stage, for a unit or a region prefix. */
export async function medians(
  ex: Executor,
  tenantId: number,
  from: string,
  to: string,
  filter: { unitCode?: string; gridPrefix?: string },
): Promise<Record<string, number | null>> {
  const unit = filter.unitCode ? sql`AND unit_code = ${filter.unitCode}` : sql``;
  const grid = filter.gridPrefix ? sql`AND grid_code LIKE ${`${filter.gridPrefix}%`}` : sql``;
  const r = await sql<{ stage: string; median: string | null }>`
    SELECT stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::text AS median
    FROM evaluation_durations
    WHERE tenant_id = ${tenantId} AND day BETWEEN ${from}::date AND ${to}::date ${unit} ${grid}
    GROUP BY stage`.execute(ex);
  return Object.fromEntries(
    r.rows.map((row) => [row.stage, row.median === null ? null : Number(row.median)]),
  );
}

export async function allRollups(
  ex: Executor,
  tenantId: number,
  dims?: readonly Dimension[],
): Promise<Credit[]> {
  const only = dims ? sql`AND dim = ANY(${[...dims]}::text[])` : sql``;
  const r = await sql<{ day: string; dim: Dimension; code: string; metric: string; n: string }>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, dim, code, metric, n::text AS n FROM evaluation_rollups
    WHERE tenant_id = ${tenantId} AND n <> 0 ${only}`.execute(ex);
  return r.rows.map((row) => ({ ...row, n: Number(row.n) }));
}

export async function allDurationCount(ex: Executor, tenantId: number): Promise<number> {
  const r = await sql<{ n: string }>`
    SELECT count(*)::text AS n FROM evaluation_durations WHERE tenant_id = ${tenantId}`.execute(ex);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * One page of the case events the projection has applied (up to its stored position), each case's events in
 * order, after the given (case, version) — the consistency check walks the log with it in one snapshot.
 */
export async function appliedCaseEvents(
  ex: Executor,
  tenantId: number,
  projection: string,
  after: { streamId: string; version: number },
  limit: number,
): Promise<(EventIn & { version: number })[]> {
  const r = await sql<{
    seq: string;
    name: string;
    streamId: string;
    version: number;
    occurredAt: Date;
    payload: Record<string, unknown>;
  }>`
    SELECT e.seq::text AS seq, e.name, e.stream_id AS "streamId", e.stream_version AS version,
      e.occurred_at AS "occurredAt", e.payload
    FROM events e
    JOIN projection_positions p ON p.tenant_id = e.tenant_id AND p.name = ${projection}
    WHERE e.tenant_id = ${tenantId} AND e.stream_type = 'case' AND (e.tx_id, e.seq) <= (p.tx_id, p.seq)
      AND (e.stream_id, e.stream_version) > (${after.streamId}, ${after.version})
    ORDER BY e.stream_id, e.stream_version
    LIMIT ${limit}`.execute(ex);
  return r.rows.map((row) => ({ ...row, seq: Number(row.seq), occurredAt: new Date(row.occurredAt) }));
}

export async function tenantTimeZone(ex: Executor, tenantId: number): Promise<string> {
  const r = await sql<{ tz: string }>`SELECT time_zone AS tz FROM tenants WHERE id = ${tenantId}`.execute(ex);
  return r.rows[0]?.tz ?? 'Asia/Shanghai';
}

// ── Schemes and snapshots ───────────────────────────────────────────────────────────────────────────────

export interface StoredScheme {
  code: string;
  year: number;
  version: number;
  definition: unknown;
  createdAt: Date;
}

export async function listSchemes(ex: Executor, tenantId: number): Promise<StoredScheme[]> {
  const r = await sql<StoredScheme>`
    SELECT code, year, version, definition, created_at AS "createdAt" FROM evaluation_schemes
    WHERE tenant_id = ${tenantId} ORDER BY code, year, version`.execute(ex);
  return r.rows;
}

/** The newest version of a scheme for a year (the latest year ≤ `year` when that year has none). */
export async function findScheme(
  ex: Executor,
  tenantId: number,
  code: string,
  year: number,
): Promise<StoredScheme | null> {
  const r = await sql<StoredScheme>`
    SELECT code, year, version, definition, created_at AS "createdAt" FROM evaluation_schemes
    WHERE tenant_id = ${tenantId} AND code = ${code} AND year <= ${year}
    ORDER BY year DESC, version DESC LIMIT 1`.execute(ex);
  return r.rows[0] ?? null;
}

export async function insertScheme(
  ex: Executor,
  tenantId: number,
  code: string,
  year: number,
  definition: unknown,
  now: Date,
): Promise<number> {
  const r = await sql<{ version: number }>`
    INSERT INTO evaluation_schemes (tenant_id, code, year, version, definition, created_at)
    SELECT ${tenantId}, ${code}, ${year}, coalesce(max(version), 0) + 1, ${JSON.stringify(definition)}::jsonb, ${now}
    FROM evaluation_schemes WHERE tenant_id = ${tenantId} AND code = ${code} AND year = ${year}
    RETURNING version`.execute(ex);
  return r.rows[0]?.version ?? 1;
}

export interface Snapshot {
  period: string;
  schemeCode: string;
  schemeYear: number;
  schemeVersion: number;
  status: 'prepared' | 'published';
  result: unknown;
  preparedAt: Date;
  publishedAt: Date | null;
}

const SNAPSHOT_COLUMNS = sql`period, scheme_code AS "schemeCode", scheme_year AS "schemeYear",
  scheme_version AS "schemeVersion", status, result, prepared_at AS "preparedAt", published_at AS "publishedAt"`;

export async function findSnapshot(
  ex: Executor,
  tenantId: number,
  period: string,
  schemeCode: string,
): Promise<Snapshot | null> {
  const r = await sql<Snapshot>`
    SELECT ${SNAPSHOT_COLUMNS} FROM evaluation_snapshots
    WHERE tenant_id = ${tenantId} AND period = ${period} AND scheme_code = ${schemeCode}`.execute(ex);
  return r.rows[0] ?? null;
}

export async function listSnapshots(ex: Executor, tenantId: number): Promise<Snapshot[]> {
  const r = await sql<Snapshot>`
    SELECT ${SNAPSHOT_COLUMNS} FROM evaluation_snapshots WHERE tenant_id = ${tenantId}
    ORDER BY period DESC, scheme_code`.execute(ex);
  return r.rows;
}

/** Writes a prepared snapshot; a published one is never touched (returns false). */
export async function savePrepared(
  ex: Executor,
  tenantId: number,
  s: Omit<Snapshot, 'status' | 'publishedAt'>,
): Promise<boolean> {
  const r = await sql`
    INSERT INTO evaluation_snapshots
      (tenant_id, period, scheme_code, scheme_year, scheme_version, status, result, prepared_at)
    VALUES (${tenantId}, ${s.period}, ${s.schemeCode}, ${s.schemeYear}, ${s.schemeVersion}, 'prepared',
      ${JSON.stringify(s.result)}::jsonb, ${s.preparedAt})
    ON CONFLICT (tenant_id, period, scheme_code) DO UPDATE SET
      scheme_year = excluded.scheme_year, scheme_version = excluded.scheme_version, result = excluded.result,
      prepared_at = excluded.prepared_at
    WHERE evaluation_snapshots.status = 'prepared'`.execute(ex);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function publish(
  ex: Executor,
  tenantId: number,
  period: string,
  schemeCode: string,
  now: Date,
): Promise<boolean> {
  const r = await sql`
    UPDATE evaluation_snapshots SET status = 'published', published_at = ${now}
    WHERE tenant_id = ${tenantId} AND period = ${period} AND scheme_code = ${schemeCode} AND status = 'prepared'`.execute(
    ex,
  );
  return Number(r.numAffectedRows ?? 0) > 0;
}

// ── Hot spots ───────────────────────────────────────────────────────────────────────────────────────────

/** Objects of a dimension with at least `min` of a counter in [from, to], largest first. */
export async function topCodes(
  ex: Executor,
  tenantId: number,
  dim: Dimension,
  metric: string,
  from: string,
  to: string,
  options: { min?: number; limit?: number; codePrefix?: string } = {},
): Promise<{ code: string; n: number }[]> {
  const prefix = options.codePrefix ? sql`AND code LIKE ${`${options.codePrefix}%`}` : sql``;
  const r = await sql<{ code: string; n: string }>`
    SELECT code, sum(n)::text AS n FROM evaluation_rollups
    WHERE tenant_id = ${tenantId} AND dim = ${dim} AND metric = ${metric}
      AND day BETWEEN ${from}::date AND ${to}::date ${prefix}
    GROUP BY code HAVING sum(n) >= ${options.min ?? 1}
    ORDER BY sum(n) DESC, code LIMIT ${options.limit ?? 1000}`.execute(ex);
  return r.rows.map((row) => ({ code: row.code, n: Number(row.n) }));
}
