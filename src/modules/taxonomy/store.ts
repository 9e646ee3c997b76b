import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { CategoryOrder, TaxonomyVersion } from './domain/types.js';

interface VersionRow {
  version: number;
  effective_from: string | null;
  note: string;
  content: Pick<TaxonomyVersion, 'majors' | 'minors' | 'standards'>;
}

const toVersion = (r: VersionRow): TaxonomyVersion => ({
  version: r.version,
  effectiveFrom: r.effective_from,
  note: r.note,
  ...r.content,
});

export interface CurrentTaxonomy {
  version: TaxonomyVersion;
  order: CategoryOrder;
  /** Increases with every published version or order change (cache key across processes). */
  revision: number;
}

export async function readCurrent(
  ex: Executor,
  tenantId: number,
  forUpdate = false,
): Promise<CurrentTaxonomy | null> {
  const r = await sql<VersionRow & { category_order: CategoryOrder; revision: number }>`
    SELECT v.version, to_char(v.effective_from, 'YYYY-MM-DD') AS effective_from, v.note, v.content, c.category_order, c.revision
    FROM taxonomy_current c JOIN taxonomy_versions v ON v.tenant_id = c.tenant_id AND v.version = c.version
    WHERE c.tenant_id = ${tenantId} ${forUpdate ? sql`FOR UPDATE OF c` : sql``}`.execute(ex);
  const row = r.rows[0];
  return row ? { version: toVersion(row), order: row.category_order, revision: row.revision } : null;
}

export async function readRevision(ex: Executor, tenantId: number): Promise<number> {
  const r = await sql<{
    revision: number;
  }>`SELECT revision FROM taxonomy_current WHERE tenant_id = ${tenantId}`.execute(ex);
  return r.rows[0]?.revision ?? 0;
}

export async function readVersion(
  ex: Executor,
  tenantId: number,
  version: number,
): Promise<TaxonomyVersion | null> {
  const r = await sql<VersionRow>`
    SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, note, content
    FROM taxonomy_versions WHERE tenant_id = ${tenantId} AND version = ${version}`.execute(ex);
  return r.rows[0] ? toVersion(r.rows[0]) : null;
}

export interface VersionSummary {
  version: number;
  effectiveFrom: string | null;
  note: string;
  standardCount: number;
  publishedAt: Date;
  publishedBy: number | null;
}

export async function listVersions(ex: Executor, tenantId: number): Promise<VersionSummary[]> {
  const r = await sql<{
    version: number;
    effective_from: string | null;
    note: string;
    standard_count: number;
    published_at: Date;
    published_by: number | null;
  }>`
    SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, note, standard_count, published_at, published_by
    FROM taxonomy_versions WHERE tenant_id = ${tenantId} ORDER BY version`.execute(ex);
  return r.rows.map((row) => ({
    version: row.version,
    effectiveFrom: row.effective_from,
    note: row.note,
    standardCount: row.standard_count,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  }));
}

export async function insertVersion(
  ex: Executor,
  tenantId: number,
  v: TaxonomyVersion,
  publishedBy: number | null,
  now: Date,
): Promise<void> {
  const content = { majors: v.majors, minors: v.minors, standards: v.standards };
  await sql`
    INSERT INTO taxonomy_versions (tenant_id, version, effective_from, note, content, standard_count, published_at, published_by)
    VALUES (${tenantId}, ${v.version}, ${v.effectiveFrom}::date, ${v.note}, ${JSON.stringify(content)}::jsonb, ${v.standards.length}, ${now}, ${publishedBy})`.execute(
    ex,
  );
}

export async function setCurrent(
  ex: Executor,
  tenantId: number,
  version: number,
  order: CategoryOrder | null,
): Promise<number> {
  const r = await sql<{ revision: number }>`
    INSERT INTO taxonomy_current (tenant_id, version, category_order)
    VALUES (${tenantId}, ${version}, ${JSON.stringify(order ?? { component: [], event: [] })}::jsonb)
    ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version,
      category_order = CASE WHEN ${order === null} THEN taxonomy_current.category_order ELSE excluded.category_order END,
      revision = taxonomy_current.revision + 1
    RETURNING revision`.execute(ex);
  return r.rows[0]?.revision ?? 0;
}
