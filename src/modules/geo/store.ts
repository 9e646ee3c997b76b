import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import { geometryBbox } from './domain/bbox.js';
import type { RegionLevel } from './domain/region-codes.js';
import type { Bbox, PolygonalGeometry } from './domain/types.js';

/** A region as stored (WGS-84). */
export interface StoredRegion {
  code: string;
  level: RegionLevel;
  parentCode: string | null;
  name: string;
  geometry: PolygonalGeometry;
  areaM2: number;
  synthetic: boolean;
  source: string | null;
}

export type RegionSummary = Omit<StoredRegion, 'geometry'>;

export interface StoredComponent {
  id: string;
  majorCode: string;
  minorCode: string;
  name: string;
  lng: number;
  lat: number;
  gridCode: string | null;
  ownerUnit: string | null;
  maintainerUnit: string | null;
  status: string;
  synthetic: boolean;
  source: string | null;
}

// Statement size stays moderate: a 12,000-grid layer goes in a handful of statements.
const BATCH = 2_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function insertRegions(
  ex: Executor,
  tenantId: number,
  regions: readonly StoredRegion[],
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  for (const batch of chunks(regions, BATCH)) {
    const rows = batch.map((r) => {
      const [minLng, minLat, maxLng, maxLat] = geometryBbox(r.geometry);
      return {
        code: r.code,
        level: r.level,
        parent_code: r.parentCode,
        name: r.name,
        geometry: r.geometry,
        min_lng: minLng,
        min_lat: minLat,
        max_lng: maxLng,
        max_lat: maxLat,
        area_m2: r.areaM2,
        synthetic: r.synthetic,
        source: r.source,
      };
    });
    await sql`
      INSERT INTO regions (tenant_id, code, level, parent_code, name, geometry, min_lng, min_lat, max_lng, max_lat,
                           area_m2, synthetic, source, updated_at)
      SELECT ${tenantId}, code, level, parent_code, name, geometry, min_lng, min_lat, max_lng, max_lat,
             area_m2, synthetic, source, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        code text, level text, parent_code text, name text, geometry jsonb, min_lng float8, min_lat float8,
        max_lng float8, max_lat float8, area_m2 float8, synthetic boolean, source text)`.execute(ex);
    done += batch.length;
    onProgress?.(done, regions.length);
  }
}

export async function deleteLevel(ex: Executor, tenantId: number, level: RegionLevel): Promise<number> {
  const r = await sql`DELETE FROM regions WHERE tenant_id = ${tenantId} AND level = ${level}`.execute(ex);
  return Number(r.numAffectedRows ?? 0);
}

/** Codes of regions at `level` whose parent is not among the regions one level up. */
export async function orphanCodes(
  ex: Executor,
  tenantId: number,
  level: RegionLevel,
  limit = 20,
): Promise<string[]> {
  const r = await sql<{ code: string }>`
    SELECT c.code FROM regions c
    WHERE c.tenant_id = ${tenantId} AND c.level = ${level}
      AND NOT EXISTS (SELECT 1 FROM regions p WHERE p.tenant_id = c.tenant_id AND p.code = c.parent_code)
    ORDER BY c.code LIMIT ${limit}`.execute(ex);
  return r.rows.map((row) => row.code);
}

interface RegionRow {
  code: string;
  level: RegionLevel;
  parent_code: string | null;
  name: string;
  area_m2: number;
  synthetic: boolean;
  source: string | null;
  geometry?: PolygonalGeometry;
}

function toRegion(row: RegionRow): RegionSummary & { geometry?: PolygonalGeometry } {
  return {
    code: row.code,
    level: row.level,
    parentCode: row.parent_code,
    name: row.name,
    areaM2: row.area_m2,
    synthetic: row.synthetic,
    source: row.source,
    ...(row.geometry ? { geometry: row.geometry } : {}),
  };
}

export async function listRegions(
  ex: Executor,
  tenantId: number,
  level: RegionLevel,
): Promise<StoredRegion[]> {
  const r = await sql<RegionRow & { geometry: PolygonalGeometry }>`
    SELECT code, level, parent_code, name, area_m2, synthetic, source, geometry
    FROM regions WHERE tenant_id = ${tenantId} AND level = ${level} ORDER BY code`.execute(ex);
  return r.rows.map((row) => toRegion(row) as StoredRegion);
}

export async function listRegionSummaries(ex: Executor, tenantId: number): Promise<RegionSummary[]> {
  const r = await sql<RegionRow>`
    SELECT code, level, parent_code, name, area_m2, synthetic, source
    FROM regions WHERE tenant_id = ${tenantId} ORDER BY code`.execute(ex);
  return r.rows.map(toRegion);
}

export async function findRegion(ex: Executor, tenantId: number, code: string): Promise<StoredRegion | null> {
  const r = await sql<RegionRow & { geometry: PolygonalGeometry }>`
    SELECT code, level, parent_code, name, area_m2, synthetic, source, geometry
    FROM regions WHERE tenant_id = ${tenantId} AND code = ${code}`.execute(ex);
  const row = r.rows[0];
  return row ? (toRegion(row) as StoredRegion) : null;
}

/** Regions of a level whose bounding box meets the given box (the map's viewport), at most `limit`. */
export async function regionsInBbox(
  ex: Executor,
  tenantId: number,
  level: RegionLevel,
  bbox: Bbox,
  limit: number,
): Promise<StoredRegion[]> {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const r = await sql<RegionRow & { geometry: PolygonalGeometry }>`
    SELECT code, level, parent_code, name, area_m2, synthetic, source, geometry
    FROM regions
    WHERE tenant_id = ${tenantId} AND level = ${level}
      AND min_lng <= ${maxLng} AND max_lng >= ${minLng} AND min_lat <= ${maxLat} AND max_lat >= ${minLat}
    ORDER BY code LIMIT ${limit}`.execute(ex);
  return r.rows.map((row) => toRegion(row) as StoredRegion);
}

export async function upsertComponents(
  ex: Executor,
  tenantId: number,
  components: readonly StoredComponent[],
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  for (const batch of chunks(components, 5_000)) {
    const rows = batch.map((c) => ({
      id: c.id,
      major_code: c.majorCode,
      minor_code: c.minorCode,
      name: c.name,
      lng: c.lng,
      lat: c.lat,
      grid_code: c.gridCode,
      owner_unit: c.ownerUnit,
      maintainer_unit: c.maintainerUnit,
      status: c.status,
      synthetic: c.synthetic,
      source: c.source,
    }));
    await sql`
      INSERT INTO components (tenant_id, id, major_code, minor_code, name, lng, lat, grid_code, owner_unit,
                              maintainer_unit, status, synthetic, source, updated_at)
      SELECT ${tenantId}, id, major_code, minor_code, name, lng, lat, grid_code, owner_unit, maintainer_unit,
             status, synthetic, source, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        id text, major_code text, minor_code text, name text, lng float8, lat float8, grid_code text,
        owner_unit text, maintainer_unit text, status text, synthetic boolean, source text)
      ON CONFLICT (tenant_id, id) DO UPDATE SET
        major_code = excluded.major_code, minor_code = excluded.minor_code, name = excluded.name,
        lng = excluded.lng, lat = excluded.lat, grid_code = excluded.grid_code, owner_unit = excluded.owner_unit,
        maintainer_unit = excluded.maintainer_unit, status = excluded.status, synthetic = excluded.synthetic,
        source = excluded.source, updated_at = excluded.updated_at`.execute(ex);
    done += batch.length;
    onProgress?.(done, components.length);
  }
}

interface ComponentRow {
  id: string;
  major_code: string;
  minor_code: string;
  name: string;
  lng: number;
  lat: number;
  grid_code: string | null;
  owner_unit: string | null;
  maintainer_unit: string | null;
  status: string;
  synthetic: boolean;
  source: string | null;
}

const toComponent = (r: ComponentRow): StoredComponent => ({
  id: r.id,
  majorCode: r.major_code,
  minorCode: r.minor_code,
  name: r.name,
  lng: r.lng,
  lat: r.lat,
  gridCode: r.grid_code,
  ownerUnit: r.owner_unit,
  maintainerUnit: r.maintainer_unit,
  status: r.status,
  synthetic: r.synthetic,
  source: r.source,
});

export async function listComponents(ex: Executor, tenantId: number): Promise<StoredComponent[]> {
  const r = await sql<ComponentRow>`
    SELECT id, major_code, minor_code, name, lng, lat, grid_code, owner_unit, maintainer_unit, status, synthetic, source
    FROM components WHERE tenant_id = ${tenantId} ORDER BY id`.execute(ex);
  return r.rows.map(toComponent);
}

export async function componentsInBbox(
  ex: Executor,
  tenantId: number,
  bbox: Bbox,
  limit: number,
): Promise<StoredComponent[]> {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const r = await sql<ComponentRow>`
    SELECT id, major_code, minor_code, name, lng, lat, grid_code, owner_unit, maintainer_unit, status, synthetic, source
    FROM components
    WHERE tenant_id = ${tenantId} AND lng BETWEEN ${minLng} AND ${maxLng} AND lat BETWEEN ${minLat} AND ${maxLat}
    ORDER BY id LIMIT ${limit}`.execute(ex);
  return r.rows.map(toComponent);
}

export async function findComponent(
  ex: Executor,
  tenantId: number,
  id: string,
): Promise<StoredComponent | null> {
  const r = await sql<ComponentRow>`
    SELECT id, major_code, minor_code, name, lng, lat, grid_code, owner_unit, maintainer_unit, status, synthetic, source
    FROM components WHERE tenant_id = ${tenantId} AND id = ${id}`.execute(ex);
  return r.rows[0] ? toComponent(r.rows[0]) : null;
}

export async function findComponentIds(
  ex: Executor,
  tenantId: number,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await sql<{ id: string }>`
    SELECT id FROM components WHERE tenant_id = ${tenantId} AND id = ANY(${ids}::text[])`.execute(ex);
  return new Set(r.rows.map((row) => row.id));
}

export interface GeoVersions {
  regions: number;
  components: number;
}

export async function readVersions(ex: Executor, tenantId: number): Promise<GeoVersions> {
  const r = await sql<{ regions_version: number; components_version: number }>`
    SELECT regions_version, components_version FROM geo_versions WHERE tenant_id = ${tenantId}`.execute(ex);
  const row = r.rows[0];
  return { regions: row?.regions_version ?? 0, components: row?.components_version ?? 0 };
}

export async function bumpVersion(
  ex: Executor,
  tenantId: number,
  what: 'regions' | 'components',
): Promise<GeoVersions> {
  const regions = what === 'regions' ? 1 : 0;
  const components = what === 'components' ? 1 : 0;
  const r = await sql<{ regions_version: number; components_version: number }>`
    INSERT INTO geo_versions (tenant_id, regions_version, components_version) VALUES (${tenantId}, ${regions}, ${components})
    ON CONFLICT (tenant_id) DO UPDATE SET
      regions_version = geo_versions.regions_version + ${regions},
      components_version = geo_versions.components_version + ${components}
    RETURNING regions_version, components_version`.execute(ex);
  const row = r.rows[0] as { regions_version: number; components_version: number };
  return { regions: row.regions_version, components: row.components_version };
}
