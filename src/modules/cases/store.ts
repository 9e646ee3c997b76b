/**
 * SQL of case rows. Writes are set-based (one statement for many rows), because intake groups concurrent
 * requests into one transaction and per-statement cost dominates (ARCHITECTURE §8). Lists, clocks, intake's
 * own tables, the outbox and the settings have their own stores beside this one.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import { isoInstant, isoInstantOrNull } from '../../platform/iso-instant.js';
import type { CaseState } from './domain/states.js';
import type { CaseRecord } from './types.js';

export interface CaseRow {
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

export const CASE_COLUMNS =
  sql.raw(`id, case_no, version, stage, channel, state, category_type, major_code, minor_code,
  standard_id, taxonomy_version, handle_limit, unit_code, lng, lat, grid_code, community_code, street_code,
  component_id, address, description, photos, reporter, source, priority, flags, supporters, tracking_digest,
  satisfaction, rated_at, reported_at, filed_at, closed_at, deadline, warning, reported_by, updated_at`);

export const toCase = (r: CaseRow): CaseRecord => ({
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

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    rated_at: isoInstantOrNull(c.ratedAt),
    reported_at: isoInstant(c.reportedAt),
    filed_at: isoInstantOrNull(c.filedAt),
    closed_at: isoInstantOrNull(c.closedAt),
    deadline: isoInstantOrNull(c.deadline),
    warning: c.warning,
    reported_by: c.reportedBy,
    updated_at: isoInstant(c.updatedAt),
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
  await insertCasesSql(tenantId, cases)?.execute(ex);
}

/** `insertCases` as a write to send with others (`oneStatement`); null when there is nothing to insert. */
export function insertCasesSql(tenantId: number, cases: readonly CaseRecord[]): RawBuilder<unknown> | null {
  if (cases.length === 0) return null;
  return sql`INSERT INTO cases (tenant_id, ${CASE_COLUMNS})
    SELECT ${tenantId}, ${CASE_COLUMNS} FROM jsonb_to_recordset(${JSON.stringify(cases.map(caseJson))}::jsonb)
      AS ${RECORDSET}`;
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
