/** SQL for the power list: published versions (immutable) and the tenant's one open draft. */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { PowerList, PowerListVersion } from './domain/types.js';

interface VersionRow {
  version: number;
  effective_from: string;
  note: string;
  content: PowerList;
  published_at: Date;
}

const toVersion = (r: VersionRow): PowerListVersion => ({
  version: r.version,
  effectiveFrom: r.effective_from,
  note: r.note,
  publishedAt: new Date(r.published_at).toISOString(),
  items: r.content.items,
  caseLoopItemCode: r.content.caseLoopItemCode,
});

/** Every published version, oldest first (a list has tens of items and few versions: small). */
export async function readVersions(ex: Executor, tenantId: number): Promise<PowerListVersion[]> {
  const r = await sql<VersionRow>`
    SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, note, content, published_at
    FROM power_list_versions WHERE tenant_id = ${tenantId} ORDER BY version`.execute(ex);
  return r.rows.map(toVersion);
}

export async function readVersion(
  ex: Executor,
  tenantId: number,
  version: number,
): Promise<PowerListVersion | null> {
  const r = await sql<VersionRow>`
    SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, note, content, published_at
    FROM power_list_versions WHERE tenant_id = ${tenantId} AND version = ${version}`.execute(ex);
  return r.rows[0] ? toVersion(r.rows[0]) : null;
}

/** The newest published version (by number), locked against a concurrent publication when forUpdate. */
export async function readLatest(ex: Executor, tenantId: number): Promise<PowerListVersion | null> {
  const r = await sql<VersionRow>`
    SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, note, content, published_at
    FROM power_list_versions WHERE tenant_id = ${tenantId} ORDER BY version DESC LIMIT 1`.execute(ex);
  return r.rows[0] ? toVersion(r.rows[0]) : null;
}

/** Moves whenever a version is published: the cache key across processes. */
export async function readRevision(ex: Executor, tenantId: number): Promise<number> {
  const r = await sql<{ v: number }>`
    SELECT coalesce(max(version), 0)::int AS v FROM power_list_versions WHERE tenant_id = ${tenantId}`.execute(
    ex,
  );
  return r.rows[0]?.v ?? 0;
}

export async function insertVersion(
  ex: Executor,
  tenantId: number,
  v: { version: number; effectiveFrom: string; note: string; list: PowerList },
  publishedBy: number | null,
  now: Date,
): Promise<void> {
  await sql`
    INSERT INTO power_list_versions (tenant_id, version, effective_from, note, content, item_count, published_at, published_by)
    VALUES (${tenantId}, ${v.version}, ${v.effectiveFrom}::date, ${v.note}, ${JSON.stringify(v.list)}::jsonb,
            ${v.list.items.length}, ${now}, ${publishedBy})`.execute(ex);
}

export async function readTimeZone(ex: Executor, tenantId: number): Promise<string> {
  const r = await sql<{ time_zone: string }>`SELECT time_zone FROM tenants WHERE id = ${tenantId}`.execute(
    ex,
  );
  return r.rows[0]?.time_zone ?? 'Asia/Shanghai';
}

export interface Draft extends PowerList {
  baseVersion: number | null;
  note: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

interface DraftRow {
  base_version: number | null;
  note: string;
  content: PowerList;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

export async function readDraft(ex: Executor, tenantId: number, forUpdate = false): Promise<Draft | null> {
  const r = await sql<DraftRow>`
    SELECT base_version, note, content, revision, created_at, updated_at
    FROM power_list_drafts WHERE tenant_id = ${tenantId} ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(ex);
  const row = r.rows[0];
  if (!row) return null;
  return {
    baseVersion: row.base_version,
    note: row.note,
    revision: row.revision,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    items: row.content.items,
    caseLoopItemCode: row.content.caseLoopItemCode,
  };
}

/** Creates the draft; false when one exists already (the primary key refuses a second). */
export async function insertDraft(
  ex: Executor,
  tenantId: number,
  d: { baseVersion: number | null; note: string; list: PowerList },
  actorId: number | null,
  now: Date,
): Promise<boolean> {
  const r = await sql`
    INSERT INTO power_list_drafts (tenant_id, base_version, note, content, created_at, created_by, updated_at, updated_by)
    VALUES (${tenantId}, ${d.baseVersion}, ${d.note}, ${JSON.stringify(d.list)}::jsonb, ${now}, ${actorId}, ${now}, ${actorId})
    ON CONFLICT (tenant_id) DO NOTHING`.execute(ex);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function updateDraft(
  ex: Executor,
  tenantId: number,
  d: { note: string; list: PowerList },
  actorId: number | null,
  now: Date,
): Promise<number> {
  const r = await sql<{ revision: number }>`
    UPDATE power_list_drafts SET note = ${d.note}, content = ${JSON.stringify(d.list)}::jsonb,
      revision = revision + 1, updated_at = ${now}, updated_by = ${actorId}
    WHERE tenant_id = ${tenantId} RETURNING revision`.execute(ex);
  return r.rows[0]?.revision ?? 0;
}

export async function deleteDraft(ex: Executor, tenantId: number): Promise<void> {
  await sql`DELETE FROM power_list_drafts WHERE tenant_id = ${tenantId}`.execute(ex);
}
