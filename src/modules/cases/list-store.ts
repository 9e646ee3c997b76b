/** Case lists within a viewer's data scope: filters, keyset pages, stage counts, nearby open cases. */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { DataScope } from '../org/index.js';
import { CASE_COLUMNS, toCase, UUID, type CaseRow } from './store.js';
import type { CaseRecord } from './types.js';

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
  /** A request waiting for a decision: any, or one kind (延期 / 挂账 / 申诉). */
  pending?: 'any' | 'extension' | 'hold' | 'appeal';
  /** Pressed (督办) at least once. */
  pressed?: boolean;
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
  if (f.pending === 'any') conds.push(sql`state->'pendingRequest' <> 'null'::jsonb`);
  else if (f.pending) conds.push(sql`state->'pendingRequest'->>'kind' = ${f.pending}`);
  if (f.pressed) conds.push(sql`(state->>'pressCount')::int > 0`);
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

/**
 * Open cases within scope per stage (the workbench tabs), plus `pendingRequests` (延期/挂账/申诉 waiting for a
 * decision) and `pressed` (督办) across the open stages.
 */
export async function countByStage(
  ex: Executor,
  tenantId: number,
  scope: RawBuilder<unknown>,
): Promise<Record<string, number>> {
  const r = await sql<{ stage: string; n: number; pending: number; pressed: number }>`
    SELECT stage, count(*)::int AS n,
      count(*) FILTER (WHERE state->'pendingRequest' <> 'null'::jsonb)::int AS pending,
      count(*) FILTER (WHERE (state->>'pressCount')::int > 0)::int AS pressed
    FROM cases
    WHERE tenant_id = ${tenantId} AND ${scope} AND stage NOT IN ('closed', 'voided', 'merged')
    GROUP BY stage`.execute(ex);
  const out: Record<string, number> = Object.fromEntries(r.rows.map((row) => [row.stage, row.n]));
  out.pendingRequests = r.rows.reduce((n, row) => n + row.pending, 0);
  out.pressed = r.rows.reduce((n, row) => n + row.pressed, 0);
  return out;
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

/** Every open case in scope as a map point, in columns (the command-center map draws 100k of them). */
export async function openCasePoints(
  ex: Executor,
  tenantId: number,
  scope: RawBuilder<unknown>,
  max: number,
): Promise<{
  ids: string[];
  caseNos: string[];
  lng: number[];
  lat: number[];
  warning: number[];
  stage: string[];
}> {
  const r = await sql<{ id: string; case_no: string; lng: number; lat: number; w: number; stage: string }>`
    SELECT id, case_no, lng, lat, stage,
      CASE warning WHEN 'prompt' THEN 1 WHEN 'yellow' THEN 2 WHEN 'red' THEN 3 ELSE 0 END AS w
    FROM cases
    WHERE tenant_id = ${tenantId} AND ${scope} AND stage NOT IN ('closed', 'voided', 'merged')
    ORDER BY reported_at DESC LIMIT ${max}`.execute(ex);
  const out = { ids: [] as string[], caseNos: [] as string[], lng: [] as number[], lat: [] as number[] };
  const warning: number[] = [];
  const stage: string[] = [];
  for (const row of r.rows) {
    out.ids.push(row.id);
    out.caseNos.push(row.case_no);
    // Six decimals is 0.1 m: enough for a map and a third of the bytes of a full double.
    out.lng.push(Math.round(Number(row.lng) * 1e6) / 1e6);
    out.lat.push(Math.round(Number(row.lat) * 1e6) / 1e6);
    warning.push(row.w);
    stage.push(row.stage);
  }
  return { ...out, warning, stage };
}
