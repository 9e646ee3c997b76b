/**
 * SQL of the case loop. Writes are set-based (one statement for many rows), because intake groups concurrent
 * requests into one transaction and per-statement cost dominates (ARCHITECTURE §8).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { DataScope } from '../org/index.js';
import type { CaseState } from './domain/states.js';
import type { StoredCaseSettings } from './domain/settings.js';
import type { CaseRecord, TimerRecord } from './types.js';

interface CaseRow {
  id: string;
  case_no: string;
  version: number;
  stage: CaseRecord['stage'];
  channel: CaseRecord['channel'];
  state: CaseState;
  category_type: CaseRecord['categoryType'];
  major_code: string | null;
  minor_code: string | null;
  standard_id: string | null;
  taxonomy_version: number | null;
  handle_limit: CaseRecord['handleLimit'];
  unit_code: string | null;
  lng: number;
  lat: number;
  grid_code: string | null;
  community_code: string | null;
  street_code: string | null;
  component_id: string | null;
  address: string | null;
  description: string;
  photos: string[];
  reporter: CaseRecord['reporter'];
  source: Record<string, unknown>;
  priority: CaseRecord['priority'];
  flags: string[];
  supporters: number;
  tracking_digest: string | null;
  satisfaction: CaseRecord['satisfaction'];
  rated_at: Date | null;
  reported_at: Date;
  filed_at: Date | null;
  closed_at: Date | null;
  deadline: Date | null;
  warning: CaseRecord['warning'];
  reported_by: number | null;
  updated_at: Date;
}

const CASE_COLUMNS =
  sql.raw(`id, case_no, version, stage, channel, state, category_type, major_code, minor_code,
  standard_id, taxonomy_version, handle_limit, unit_code, lng, lat, grid_code, community_code, street_code,
  component_id, address, description, photos, reporter, source, priority, flags, supporters, tracking_digest,
  satisfaction, rated_at, reported_at, filed_at, closed_at, deadline, warning, reported_by, updated_at`);

const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id,
  caseNo: r.case_no,
  version: r.version,
  stage: r.stage,
  channel: r.channel,
  state: r.state,
  categoryType: r.category_type,
  majorCode: r.major_code,
  minorCode: r.minor_code,
  standardId: r.standard_id,
  taxonomyVersion: r.taxonomy_version,
  handleLimit: r.handle_limit,
  unitCode: r.unit_code,
  lng: r.lng,
  lat: r.lat,
  gridCode: r.grid_code,
  communityCode: r.community_code,
  streetCode: r.street_code,
  componentId: r.component_id,
  address: r.address,
  description: r.description,
  photos: r.photos,
  reporter: r.reporter,
  source: r.source,
  priority: r.priority,
  flags: r.flags,
  supporters: r.supporters,
  trackingDigest: r.tracking_digest,
  satisfaction: r.satisfaction,
  ratedAt: r.rated_at,
  reportedAt: r.reported_at,
  filedAt: r.filed_at,
  closedAt: r.closed_at,
  deadline: r.deadline,
  warning: r.warning,
  reportedBy: r.reported_by,
  updatedAt: r.updated_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case by internal id or by its case number. */
export async function findCase(ex: Executor, tenantId: number, ref: string): Promise<CaseRecord | null> {
  const where = UUID.test(ref) ? sql`id = ${ref}::uuid` : sql`case_no = ${ref}`;
  const r = await sql<CaseRow>`SELECT ${CASE_COLUMNS} FROM cases
    WHERE tenant_id = ${tenantId} AND ${where}`.execute(ex);
  return r.rows[0] ? toCase(r.rows[0]) : null;
}

export async function findCasesByIds(
  ex: Executor,
  tenantId: number,
  ids: readonly string[],
): Promise<CaseRecord[]> {
  if (ids.length === 0) return [];
  const r = await sql<CaseRow>`SELECT ${CASE_COLUMNS} FROM cases
    WHERE tenant_id = ${tenantId} AND id = ANY(${ids}::uuid[])`.execute(ex);
  return r.rows.map(toCase);
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

function caseJson(c: CaseRecord): Record<string, unknown> {
  return {
    id: c.id,
    case_no: c.caseNo,
    version: c.version,
    stage: c.stage,
    channel: c.channel,
    state: c.state,
    category_type: c.categoryType,
    major_code: c.majorCode,
    minor_code: c.minorCode,
    standard_id: c.standardId,
    taxonomy_version: c.taxonomyVersion,
    handle_limit: c.handleLimit,
    unit_code: c.unitCode,
    lng: c.lng,
    lat: c.lat,
    grid_code: c.gridCode,
    community_code: c.communityCode,
    street_code: c.streetCode,
    component_id: c.componentId,
    address: c.address,
    description: c.description,
    photos: c.photos,
    reporter: c.reporter,
    source: c.source,
    priority: c.priority,
    flags: c.flags,
    supporters: c.supporters,
    tracking_digest: c.trackingDigest,
    satisfaction: c.satisfaction,
    rated_at: c.ratedAt,
    reported_at: c.reportedAt,
    filed_at: c.filedAt,
    closed_at: c.closedAt,
    deadline: c.deadline,
    warning: c.warning,
    reported_by: c.reportedBy,
    updated_at: c.updatedAt,
  };
}

const RECORDSET = sql.raw(`x(id uuid, case_no text, version int, stage text, channel text, state jsonb,
  category_type text, major_code text, minor_code text, standard_id text, taxonomy_version int, handle_limit jsonb,
  unit_code text, lng float8, lat float8, grid_code text, community_code text, street_code text,
  component_id text, address text, description text, photos text[], reporter jsonb, source jsonb, priority text,
  flags text[], supporters int, tracking_digest text, satisfaction text, rated_at timestamptz,
  reported_at timestamptz, filed_at timestamptz, closed_at timestamptz, deadline timestamptz, warning text,
  reported_by bigint, updated_at timestamptz, expected_version int)`);

export async function insertCases(
  ex: Executor,
  tenantId: number,
  cases: readonly CaseRecord[],
): Promise<void> {
  if (cases.length === 0) return;
  await sql`INSERT INTO cases (tenant_id, ${CASE_COLUMNS})
    SELECT ${tenantId}, ${CASE_COLUMNS} FROM jsonb_to_recordset(${JSON.stringify(cases.map(caseJson))}::jsonb)
      AS ${RECORDSET}`.execute(ex);
}

/**
 * Writes new states of many cases, each only if it still has the version the command read. Returns the ids
 * written; a missing id lost a race (409).
 */
export async function updateCases(
  ex: Executor,
  tenantId: number,
  updates: readonly { record: CaseRecord; expectedVersion: number }[],
): Promise<Set<string>> {
  if (updates.length === 0) return new Set();
  const rows = updates.map((u) => ({ ...caseJson(u.record), expected_version: u.expectedVersion }));
  const r = await sql<{ id: string }>`
    UPDATE cases c SET version = x.version, stage = x.stage, state = x.state, category_type = x.category_type,
      major_code = x.major_code, minor_code = x.minor_code, standard_id = x.standard_id,
      taxonomy_version = x.taxonomy_version, handle_limit = x.handle_limit, unit_code = x.unit_code,
      photos = x.photos, source = x.source, priority = x.priority, flags = x.flags, supporters = x.supporters,
      satisfaction = x.satisfaction, rated_at = x.rated_at, filed_at = x.filed_at, closed_at = x.closed_at,
      deadline = x.deadline, warning = x.warning, updated_at = x.updated_at
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS ${RECORDSET}
    WHERE c.tenant_id = ${tenantId} AND c.id = x.id AND c.version = x.expected_version
    RETURNING c.id`.execute(ex);
  return new Set(r.rows.map((row) => row.id));
}

/** Changes that are not lifecycle steps (supporters, the current warning) and need no version check. */
export async function touchCase(
  ex: Executor,
  tenantId: number,
  id: string,
  patch: { supportersDelta?: number; warning?: CaseRecord['warning']; source?: Record<string, unknown> },
): Promise<void> {
  await sql`UPDATE cases SET
      supporters = supporters + ${patch.supportersDelta ?? 0},
      warning = ${patch.warning === undefined ? sql`warning` : sql`${patch.warning}`},
      source = ${patch.source === undefined ? sql`source` : sql`source || ${JSON.stringify(patch.source)}::jsonb`}
    WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`.execute(ex);
}

// ── Lists ───────────────────────────────────────────────────────────────────────────────────────────────

export interface CaseFilter {
  stages?: readonly string[];
  channel?: string;
  unitCode?: string;
  streetCode?: string;
  communityCode?: string;
  gridCode?: string;
  majorCode?: string;
  minorCode?: string;
  warning?: string;
  flag?: string;
  reportedFrom?: Date;
  reportedTo?: Date;
  q?: string;
}

export type CaseSort = 'deadline' | '-reportedAt' | 'reportedAt' | '-updatedAt';

/** The data-scope condition: all, or cases in the viewer's regions or units (ARCHITECTURE §6). */
export function scopeCondition(scope: DataScope, extra: { reportedBy?: number } = {}): RawBuilder<unknown> {
  if (scope.all) return sql`true`;
  const regions = scope.regionCodes;
  const units = scope.unitCodes;
  const parts: RawBuilder<unknown>[] = [];
  // Region codes nest by prefix (org/domain/scope.ts): a street's code begins every grid code inside it.
  if (regions.length > 0) parts.push(sql`grid_code LIKE ANY(${regions.map((c) => `${c}%`)}::text[])`);
  if (units.length > 0) parts.push(sql`unit_code = ANY(${units}::text[])`);
  if (extra.reportedBy !== undefined) parts.push(sql`reported_by = ${extra.reportedBy}`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

interface Cursor {
  key: string | number | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'id' in parsed && 'key' in parsed) {
      const c = parsed as Cursor;
      if (typeof c.id === 'string' && UUID.test(c.id)) return c;
    }
  } catch {
    // fall through
  }
  return null;
}

const SORTS: Record<CaseSort, { column: string; desc: boolean }> = {
  deadline: { column: 'deadline', desc: false },
  reportedAt: { column: 'reported_at', desc: false },
  '-reportedAt': { column: 'reported_at', desc: true },
  '-updatedAt': { column: 'updated_at', desc: true },
};

export async function listCases(
  ex: Executor,
  tenantId: number,
  options: {
    filter: CaseFilter;
    scope: RawBuilder<unknown>;
    sort: CaseSort;
    limit: number;
    cursor: Cursor | null;
  },
): Promise<{ items: CaseRecord[]; nextCursor: string | null }> {
  const f = options.filter;
  const conds: RawBuilder<unknown>[] = [sql`tenant_id = ${tenantId}`, options.scope];
  if (f.stages && f.stages.length > 0) conds.push(sql`stage = ANY(${f.stages}::text[])`);
  if (f.channel) conds.push(sql`channel = ${f.channel}`);
  if (f.unitCode) conds.push(sql`unit_code = ${f.unitCode}`);
  if (f.streetCode) conds.push(sql`street_code = ${f.streetCode}`);
  if (f.communityCode) conds.push(sql`community_code = ${f.communityCode}`);
  if (f.gridCode) conds.push(sql`grid_code = ${f.gridCode}`);
  if (f.majorCode) conds.push(sql`major_code = ${f.majorCode}`);
  if (f.minorCode) conds.push(sql`minor_code = ${f.minorCode}`);
  if (f.warning) conds.push(sql`warning = ${f.warning}`);
  if (f.flag) conds.push(sql`${f.flag} = ANY(flags)`);
  if (f.reportedFrom) conds.push(sql`reported_at >= ${f.reportedFrom}`);
  if (f.reportedTo) conds.push(sql`reported_at < ${f.reportedTo}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(sql`(case_no LIKE ${like} OR description LIKE ${like} OR address LIKE ${like})`);
  }
  const sort = SORTS[options.sort];
  const column = sql.ref(sort.column);
  // Keyset pagination; NULL deadlines sort last (a far-future stand-in keeps the comparison simple).
  const key = sort.column === 'deadline' ? sql`coalesce(deadline, 'infinity'::timestamptz)` : column;
  if (options.cursor) {
    const value =
      options.cursor.key === null ? sql`'infinity'::timestamptz` : sql`${options.cursor.key}::timestamptz`;
    conds.push(
      sort.desc
        ? sql`(${key}, id) < (${value}, ${options.cursor.id}::uuid)`
        : sql`(${key}, id) > (${value}, ${options.cursor.id}::uuid)`,
    );
  }
  const order = sort.desc ? sql`${key} DESC, id DESC` : sql`${key} ASC, id ASC`;
  const r = await sql<CaseRow>`SELECT ${CASE_COLUMNS} FROM cases WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY ${order} LIMIT ${options.limit + 1}`.execute(ex);
  const rows = r.rows.map(toCase);
  const more = rows.length > options.limit;
  const items = more ? rows.slice(0, options.limit) : rows;
  const last = items[items.length - 1];
  const lastKey = (c: CaseRecord): string | null => {
    const v =
      sort.column === 'deadline' ? c.deadline : sort.column === 'updated_at' ? c.updatedAt : c.reportedAt;
    return v ? v.toISOString() : null;
  };
  return {
    items,
    nextCursor: more && last ? encodeCursor({ key: lastKey(last), id: last.id }) : null,
  };
}

/** Counts per stage within scope (the workbench tabs). */
export async function countByStage(
  ex: Executor,
  tenantId: number,
  scope: RawBuilder<unknown>,
): Promise<Record<string, number>> {
  const r = await sql<{ stage: string; n: number }>`SELECT stage, count(*)::int AS n FROM cases
    WHERE tenant_id = ${tenantId} AND ${scope} AND stage NOT IN ('closed', 'voided', 'merged')
    GROUP BY stage`.execute(ex);
  return Object.fromEntries(r.rows.map((row) => [row.stage, row.n]));
}

/** Open cases within a box around a point (the caller measures exact distance). */
export async function openCasesInBox(
  ex: Executor,
  tenantId: number,
  box: { minLng: number; maxLng: number; minLat: number; maxLat: number },
  category: { majorCode: string; minorCode: string } | null,
  max: number,
): Promise<CaseRecord[]> {
  const cat = category
    ? sql`AND major_code = ${category.majorCode} AND minor_code = ${category.minorCode}`
    : sql``;
  const r = await sql<CaseRow>`SELECT ${CASE_COLUMNS} FROM cases
    WHERE tenant_id = ${tenantId} AND stage NOT IN ('closed', 'voided', 'merged')
      AND lat BETWEEN ${box.minLat} AND ${box.maxLat} AND lng BETWEEN ${box.minLng} AND ${box.maxLng} ${cat}
    ORDER BY reported_at DESC LIMIT ${max}`.execute(ex);
  return r.rows.map(toCase);
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

// ── Timers ──────────────────────────────────────────────────────────────────────────────────────────────

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
    started_at: t.startedAt,
    limit_amount: t.limit.amount,
    limit_unit: t.limit.unit,
    multiplier: t.multiplier,
    pauses: t.pauses,
    paused_at: t.pausedAt,
    deadline: t.deadline,
    prompt_at: t.promptAt,
    yellow_at: t.yellowAt,
    fired: t.fired,
    generation: t.generation,
    fire_at: t.fireAt,
    calendar_version: t.calendarVersion,
  };
}

export async function upsertTimers(
  ex: Executor,
  tenantId: number,
  timers: readonly TimerRecord[],
): Promise<void> {
  if (timers.length === 0) return;
  await sql`INSERT INTO case_timers (${TIMER_COLUMNS})
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
      calendar_version = excluded.calendar_version`.execute(ex);
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

/**
 * Locks up to `limit` due clocks that no other sweeper holds (SKIP LOCKED), with their cases: two processes
 * sweeping at once take disjoint rows, so every warning is raised once.
 */
export async function lockDueTimers(
  ex: Executor,
  now: Date,
  limit: number,
): Promise<{ timers: (TimerRecord & { tenantId: number })[]; cases: Map<string, CaseRecord> }> {
  // The locked cases come back with their clocks (as JSON), so the sweep need not read them again.
  const r = await sql<TimerRow & { case_row: Record<string, unknown> }>`SELECT ${sql.raw(
    'ct.tenant_id, ct.case_id, ct.kind, ct.stage, ct.started_at, ct.limit_amount, ct.limit_unit, ct.multiplier, ct.pauses, ct.paused_at, ct.deadline, ct.prompt_at, ct.yellow_at, ct.fired, ct.generation, ct.fire_at, ct.calendar_version',
  )}, to_jsonb(c) AS case_row
    FROM case_timers ct JOIN cases c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id
    WHERE ct.fire_at <= ${now}
    ORDER BY ct.fire_at LIMIT ${limit}
    FOR UPDATE OF ct, c SKIP LOCKED`.execute(ex);
  const cases = new Map<string, CaseRecord>();
  for (const row of r.rows) {
    if (!cases.has(row.case_id)) cases.set(row.case_id, caseFromJson(row.case_row));
  }
  return { timers: r.rows.map(toTimer), cases };
}

const DATE_COLUMNS = ['rated_at', 'reported_at', 'filed_at', 'closed_at', 'deadline', 'updated_at'] as const;

/** A case row read as JSON (to_jsonb): timestamps arrive as text. */
function caseFromJson(json: Record<string, unknown>): CaseRecord {
  const row = { ...json } as Record<string, unknown>;
  for (const column of DATE_COLUMNS) {
    const v = row[column];
    row[column] = typeof v === 'string' ? new Date(v) : null;
  }
  return toCase(row as unknown as CaseRow);
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

export async function tenantsWithStaleTimers(
  ex: Executor,
  versions: ReadonlyMap<number, number>,
): Promise<number[]> {
  const r = await sql<{ tenant_id: number }>`SELECT DISTINCT tenant_id FROM case_timers`.execute(ex);
  return r.rows.map((row) => row.tenant_id).filter((id) => versions.get(id) !== undefined);
}

// ── Idempotency keys ────────────────────────────────────────────────────────────────────────────────────

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

// ── Camera folding ──────────────────────────────────────────────────────────────────────────────────────

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

// ── Settings ────────────────────────────────────────────────────────────────────────────────────────────

export async function readSettings(
  ex: Executor,
  tenantId: number,
): Promise<{ content: StoredCaseSettings; version: number } | null> {
  const r = await sql<{ content: StoredCaseSettings; version: number }>`
    SELECT content, version FROM case_settings WHERE tenant_id = ${tenantId}`.execute(ex);
  return r.rows[0] ?? null;
}

export async function writeSettings(
  ex: Executor,
  tenantId: number,
  content: StoredCaseSettings,
  expectedVersion: number | null,
  now: Date,
): Promise<number | null> {
  if (expectedVersion === null) {
    const r = await sql<{ version: number }>`INSERT INTO case_settings (tenant_id, content, updated_at)
      VALUES (${tenantId}, ${JSON.stringify(content)}::jsonb, ${now})
      ON CONFLICT (tenant_id) DO NOTHING RETURNING version`.execute(ex);
    return r.rows[0]?.version ?? null;
  }
  const r = await sql<{ version: number }>`UPDATE case_settings
    SET content = ${JSON.stringify(content)}::jsonb, version = version + 1, updated_at = ${now}
    WHERE tenant_id = ${tenantId} AND version = ${expectedVersion} RETURNING version`.execute(ex);
  return r.rows[0]?.version ?? null;
}

// ── Outbox ──────────────────────────────────────────────────────────────────────────────────────────────

export async function enqueue(
  ex: Executor,
  tenantId: number,
  items: readonly { topic: string; target: string; payload: unknown }[],
  now: Date,
): Promise<void> {
  if (items.length === 0) return;
  await sql`INSERT INTO outbox (tenant_id, topic, target, payload, next_attempt_at, created_at)
    SELECT ${tenantId}, topic, target, payload, ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x(topic text, target text, payload jsonb)`.execute(
    ex,
  );
}

export interface OutboxItem {
  tenantId: number;
  id: number;
  topic: string;
  target: string;
  payload: unknown;
  attempts: number;
}

export async function lockDueOutbox(ex: Executor, now: Date, limit: number): Promise<OutboxItem[]> {
  const r = await sql<OutboxItem>`SELECT tenant_id AS "tenantId", id, topic, target, payload, attempts
    FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ${now}
    ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(ex);
  return r.rows;
}

export async function markOutbox(
  ex: Executor,
  item: OutboxItem,
  result: { delivered: true; at: Date } | { delivered: false; error: string; retryAt: Date },
): Promise<void> {
  if (result.delivered) {
    await sql`UPDATE outbox SET delivered_at = ${result.at}, attempts = attempts + 1, last_error = NULL
      WHERE tenant_id = ${item.tenantId} AND id = ${item.id}`.execute(ex);
  } else {
    await sql`UPDATE outbox SET attempts = attempts + 1, last_error = ${result.error},
      next_attempt_at = ${result.retryAt} WHERE tenant_id = ${item.tenantId} AND id = ${item.id}`.execute(ex);
  }
}

// ── History ─────────────────────────────────────────────────────────────────────────────────────────────

export interface CaseEventRow {
  seq: number;
  streamVersion: number;
  name: string;
  actorKind: string;
  actorId: number | null;
  actorRole: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export async function caseHistory(ex: Executor, tenantId: number, caseId: string): Promise<CaseEventRow[]> {
  const r =
    await sql<CaseEventRow>`SELECT seq, stream_version AS "streamVersion", name, actor_kind AS "actorKind",
      actor_id AS "actorId", actor_role AS "actorRole", occurred_at AS "occurredAt", payload
    FROM events WHERE tenant_id = ${tenantId} AND stream_type = 'case' AND stream_id = ${caseId}
    ORDER BY stream_version`.execute(ex);
  return r.rows;
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

export async function rateCase(
  ex: Executor,
  tenantId: number,
  id: string,
  satisfaction: string,
  at: Date,
): Promise<boolean> {
  const r = await sql`UPDATE cases SET satisfaction = ${satisfaction}, rated_at = ${at}
    WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND satisfaction IS NULL AND stage = 'closed'`.execute(
    ex,
  );
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** The sweeper's small writes: raised levels and next look of clocks, and the case's current warning. */
export async function markFired(
  ex: Executor,
  tenantId: number,
  timers: readonly { caseId: string; kind: string; fired: string | null; fireAt: Date | null }[],
  warnings: readonly { caseId: string; warning: string }[],
): Promise<void> {
  if (timers.length > 0) {
    await sql`UPDATE case_timers t SET fired = x.fired, fire_at = x."fireAt"
      FROM jsonb_to_recordset(${JSON.stringify(timers)}::jsonb) AS x("caseId" uuid, kind text, fired text, "fireAt" timestamptz)
      WHERE t.tenant_id = ${tenantId} AND t.case_id = x."caseId" AND t.kind = x.kind`.execute(ex);
  }
  if (warnings.length > 0) {
    await sql`UPDATE cases c SET warning = x.warning
      FROM jsonb_to_recordset(${JSON.stringify(warnings)}::jsonb) AS x("caseId" uuid, warning text)
      WHERE c.tenant_id = ${tenantId} AND c.id = x."caseId"`.execute(ex);
  }
}
