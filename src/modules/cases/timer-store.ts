/**
 * SQL of the stage clocks. The sweeper reads only due rows (partial index on fire_at) and locks them with their
 * cases (SKIP LOCKED), so two processes never raise one warning twice.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import { isoInstant, isoInstantOrNull } from '../../platform/iso-instant.js';
import { chainHeadKey, type ChainHead } from '../../platform/events/index.js';
import { CASE_STREAM } from './events.js';
import type { CaseRecord, CaseScopeFacts, TimerRecord } from './types.js';

interface TimerRow {
  tenant_id: number;
  case_id: string;
  kind: TimerRecord['kind'];
  stage: TimerRecord['stage'];
  started_at: Date;
  limit_amount: number;
  limit_unit: TimerRecord['limit']['unit'];
  multiplier: number;
  pauses: TimerRecord['pauses'];
  paused_at: Date | null;
  deadline: Date;
  prompt_at: Date | null;
  yellow_at: Date | null;
  fired: TimerRecord['fired'];
  generation: number;
  fire_at: Date | null;
  calendar_version: number;
}

const TIMER_COLUMNS =
  sql.raw(`tenant_id, case_id, kind, stage, started_at, limit_amount, limit_unit, multiplier,
  pauses, paused_at, deadline, prompt_at, yellow_at, fired, generation, fire_at, calendar_version`);

const toTimer = (r: TimerRow): TimerRecord & { tenantId: number } => ({
  tenantId: r.tenant_id,
  caseId: r.case_id,
  kind: r.kind,
  stage: r.stage,
  startedAt: r.started_at,
  limit: { amount: r.limit_amount, unit: r.limit_unit },
  multiplier: r.multiplier,
  pauses: r.pauses,
  pausedAt: r.paused_at,
  deadline: r.deadline,
  promptAt: r.prompt_at,
  yellowAt: r.yellow_at,
  fired: r.fired,
  generation: r.generation,
  fireAt: r.fire_at,
  calendarVersion: r.calendar_version,
});

export async function timersOf(
  ex: Executor,
  tenantId: number,
  caseIds: readonly string[],
): Promise<TimerRecord[]> {
  if (caseIds.length === 0) return [];
  const r = await sql<TimerRow>`SELECT ${TIMER_COLUMNS} FROM case_timers
    WHERE tenant_id = ${tenantId} AND case_id = ANY(${caseIds}::uuid[])`.execute(ex);
  return r.rows.map(toTimer);
}

function timerJson(t: TimerRecord): Record<string, unknown> {
  return {
    case_id: t.caseId,
    kind: t.kind,
    stage: t.stage,
    started_at: isoInstant(t.startedAt),
    limit_amount: t.limit.amount,
    limit_unit: t.limit.unit,
    multiplier: t.multiplier,
    pauses: t.pauses,
    paused_at: isoInstantOrNull(t.pausedAt),
    deadline: isoInstant(t.deadline),
    prompt_at: isoInstantOrNull(t.promptAt),
    yellow_at: isoInstantOrNull(t.yellowAt),
    fired: t.fired,
    generation: t.generation,
    fire_at: isoInstantOrNull(t.fireAt),
    calendar_version: t.calendarVersion,
  };
}

export async function upsertTimers(
  ex: Executor,
  tenantId: number,
  timers: readonly TimerRecord[],
): Promise<void> {
  await upsertTimersSql(tenantId, timers)?.execute(ex);
}

/** `upsertTimers` as a write to send with others (`oneStatement`); null when there is nothing to write. */
export function upsertTimersSql(
  tenantId: number,
  timers: readonly TimerRecord[],
): RawBuilder<unknown> | null {
  if (timers.length === 0) return null;
  return sql`INSERT INTO case_timers (${TIMER_COLUMNS})
    SELECT ${tenantId}, case_id, kind, stage, started_at, limit_amount, limit_unit, multiplier, pauses, paused_at,
      deadline, prompt_at, yellow_at, fired, generation, fire_at, calendar_version
    FROM jsonb_to_recordset(${JSON.stringify(timers.map(timerJson))}::jsonb) AS x(case_id uuid, kind text,
      stage text, started_at timestamptz, limit_amount float8, limit_unit text, multiplier int, pauses jsonb,
      paused_at timestamptz, deadline timestamptz, prompt_at timestamptz, yellow_at timestamptz, fired text,
      generation int, fire_at timestamptz, calendar_version int)
    ON CONFLICT (tenant_id, case_id, kind) DO UPDATE SET stage = excluded.stage, started_at = excluded.started_at,
      limit_amount = excluded.limit_amount, limit_unit = excluded.limit_unit, multiplier = excluded.multiplier,
      pauses = excluded.pauses, paused_at = excluded.paused_at, deadline = excluded.deadline,
      prompt_at = excluded.prompt_at, yellow_at = excluded.yellow_at, fired = excluded.fired,
      generation = excluded.generation, fire_at = excluded.fire_at,
      calendar_version = excluded.calendar_version`;
}

export async function deleteTimers(
  ex: Executor,
  tenantId: number,
  keys: readonly { caseId: string; kind: string }[],
): Promise<void> {
  if (keys.length === 0) return;
  await sql`DELETE FROM case_timers t USING jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
      AS x("caseId" uuid, kind text)
    WHERE t.tenant_id = ${tenantId} AND t.case_id = x."caseId" AND t.kind = x.kind`.execute(ex);
}

/** What the sweep needs of a locked case: its step state, current warning and the facts its events carry. */
export type SweptCase = Pick<CaseRecord, 'id' | 'version' | 'stage' | 'state' | 'warning'> & CaseScopeFacts;

/**
 * Locks up to `limit` due clocks that no other sweeper holds (SKIP LOCKED), with their cases: two processes
 * sweeping at once take disjoint rows, so every warning is raised once. The locked cases come back with their
 * clocks and the heads of their event chains, so the sweep reads nothing else before it writes.
 */
export async function lockDueTimers(
  ex: Executor,
  now: Date,
  limit: number,
  /**
   * Also make the caller's transaction commit without waiting for the disk (`synchronous_commit = off` for
   * this transaction only), in the same round trip: for the sweeper, whose lost work is redone. It is certain
   * only when a clock is locked; with nothing locked there is nothing to commit.
   */
  options: { asyncCommit?: boolean } = {},
): Promise<{
  timers: (TimerRecord & { tenantId: number })[];
  cases: Map<string, SweptCase>;
  heads: Map<string, ChainHead>;
}> {
  const r = await sql<TimerRow & SweptRow & { head_version: number | null; head_hash: string | null }>`
    WITH ${options.asyncCommit ? sql`relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),` : sql``}
    locked AS (
      SELECT ${sql.raw(
        'ct.tenant_id, ct.case_id, ct.kind, ct.stage, ct.started_at, ct.limit_amount, ct.limit_unit, ct.multiplier, ct.pauses, ct.paused_at, ct.deadline, ct.prompt_at, ct.yellow_at, ct.fired, ct.generation, ct.fire_at, ct.calendar_version',
      )}, ${sql.raw(
        'c.case_no, c.version AS case_version, c.stage AS case_stage, c.state AS case_state, c.warning AS case_warning, c.unit_code, c.grid_code, c.community_code, c.street_code',
      )}
      FROM case_timers ct JOIN cases c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id
      WHERE ct.fire_at <= ${now}
      ORDER BY ct.fire_at LIMIT ${limit}
      FOR UPDATE OF ct, c SKIP LOCKED
    )
    SELECT locked.*, h.stream_version AS head_version, encode(h.hash, 'hex') AS head_hash
    FROM locked LEFT JOIN LATERAL (
      SELECT stream_version, hash FROM events e
      WHERE e.tenant_id = locked.tenant_id AND e.stream_type = ${CASE_STREAM} AND e.stream_id = locked.case_id::text
      ORDER BY stream_version DESC LIMIT 1
    ) h ON true
    ${options.asyncCommit ? sql`CROSS JOIN relaxed` : sql``}`.execute(ex);
  const cases = new Map<string, SweptCase>();
  const heads = new Map<string, ChainHead>();
  for (const row of r.rows) {
    if (cases.has(row.case_id)) continue;
    cases.set(row.case_id, {
      id: row.case_id,
      caseNo: row.case_no,
      version: row.case_version,
      stage: row.case_stage,
      state: row.case_state,
      warning: row.case_warning,
      unitCode: row.unit_code,
      gridCode: row.grid_code,
      communityCode: row.community_code,
      streetCode: row.street_code,
    });
    heads.set(chainHeadKey(CASE_STREAM, row.case_id), {
      version: row.head_version ?? 0,
      hash: row.head_hash === null ? null : Buffer.from(row.head_hash, 'hex'),
    });
  }
  return { timers: r.rows.map(toTimer), cases, heads };
}

interface SweptRow {
  case_no: string;
  case_version: number;
  case_stage: CaseRecord['stage'];
  case_state: CaseRecord['state'];
  case_warning: CaseRecord['warning'];
  unit_code: string | null;
  grid_code: string | null;
  community_code: string | null;
  street_code: string | null;
}

/** Running clocks of one tenant computed on an older calendar version (after an amendment). */
export async function staleTimers(
  ex: Executor,
  tenantId: number,
  calendarVersion: number,
  limit: number,
): Promise<TimerRecord[]> {
  const r = await sql<TimerRow>`SELECT ${TIMER_COLUMNS} FROM case_timers
    WHERE tenant_id = ${tenantId} AND calendar_version <> ${calendarVersion} AND kind <> 'hold'
    LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(ex);
  return r.rows.map(toTimer);
}

/**
 * The sweeper's small writes, to send with its events (`oneStatement`): the raised level and next look of each
 * clock, and the current warning of cases whose row is not rewritten otherwise.
 */
export function markFiredSql(
  tenantId: number,
  timers: readonly { caseId: string; kind: string; fired: string | null; fireAt: Date | null }[],
  warnings: readonly { caseId: string; warning: string }[],
): RawBuilder<unknown>[] {
  const writes: RawBuilder<unknown>[] = [];
  if (timers.length > 0) {
    writes.push(sql`UPDATE case_timers t SET fired = x.fired, fire_at = x."fireAt"
      FROM jsonb_to_recordset(${JSON.stringify(timers)}::jsonb) AS x("caseId" uuid, kind text, fired text, "fireAt" timestamptz)
      WHERE t.tenant_id = ${tenantId} AND t.case_id = x."caseId" AND t.kind = x.kind`);
  }
  if (warnings.length > 0) {
    writes.push(sql`UPDATE cases c SET warning = x.warning
      FROM jsonb_to_recordset(${JSON.stringify(warnings)}::jsonb) AS x("caseId" uuid, warning text)
      WHERE c.tenant_id = ${tenantId} AND c.id = x."caseId"`);
  }
  return writes;
}

/**
 * A case the sweeper marks overdue: its new step state and version (the row is locked, so the version it read
 * is current) and its warning.
 */
export function markOverdueSql(
  tenantId: number,
  updates: readonly { caseId: string; state: CaseRecord['state']; warning: string | null; at: Date }[],
): RawBuilder<unknown> {
  const rows = updates.map((u) => ({ ...u, version: u.state.version }));
  return sql`UPDATE cases c SET state = x.state, version = x.version, warning = x.warning, updated_at = x.at
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x("caseId" uuid, state jsonb, version int, warning text, at timestamptz)
    WHERE c.tenant_id = ${tenantId} AND c.id = x."caseId"`;
}
