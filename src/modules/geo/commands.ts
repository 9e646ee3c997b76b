/**
 * Geography as a service: the in-memory geocoder and component index per tenant (rebuilt when an import
 * bumps the version), and the all-or-nothing imports of region layers and components.
 */
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { AppError } from '../../platform/http/app-error.js';
import { createVersionedCache } from '../../platform/versioned-cache.js';
import { geometryAreaM2 } from './domain/area.js';
import { convertPosition, type Crs } from './domain/crs.js';
import { GridGeocoder } from './domain/geocoder.js';
import { validateParsedImport, type ImportParseResult } from './domain/import-parse.js';
import { buildPointIndex, nearestPoints, type PointIndex } from './domain/nearest.js';
import { impliedParentCode, parentLevel, type RegionLevel } from './domain/region-codes.js';
import type { PolygonalGeometry } from './domain/types.js';
import type { ValidationProblem } from './domain/validation-types.js';
import type { ParsedComponent } from './domain/component-import.js';
import * as store from './store.js';

export interface RegionIndex {
  geocoder: GridGeocoder;
  /** Every region without geometry, for names and the tree. */
  regions: Map<string, store.RegionSummary>;
}

export interface ComponentIndex {
  points: PointIndex;
  components: store.StoredComponent[];
}

export interface LocatedPoint {
  /** WGS-84. */
  position: [number, number];
  grid: store.RegionSummary;
  community: store.RegionSummary | null;
  street: store.RegionSummary | null;
  district: store.RegionSummary | null;
}

export class ImportRejectedError extends AppError {
  constructor(
    readonly problems: ValidationProblem[],
    featureCount: number,
  ) {
    super(422, 'IMPORT_INVALID', `the import has ${problems.length} problem(s); nothing was imported`, {
      details: { featureCount, problemCount: problems.length, problems: problems.slice(0, 500) },
    });
  }
}

export function createGeoService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  const regionCache = createVersionedCache<RegionIndex>({
    clock,
    readVersion: async (tenantId) => (await store.readVersions(db.sql, tenantId)).regions,
    load: async (tenantId) => {
      const version = (await store.readVersions(db.sql, tenantId)).regions;
      const [grids, summaries] = await Promise.all([
        store.listRegions(db.sql, tenantId, 'grid'),
        store.listRegionSummaries(db.sql, tenantId),
      ]);
      const regions = new Map(summaries.map((r) => [r.code, r]));
      const geocoder = GridGeocoder.build(
        grids.map((g) => ({
          code: g.code,
          communityCode: g.parentCode ?? '',
          streetCode: regions.get(g.parentCode ?? '')?.parentCode ?? '',
          districtCode: g.code.slice(0, 6),
          geometry: g.geometry,
        })),
      );
      return { value: { geocoder, regions }, version };
    },
  });

  const componentCache = createVersionedCache<ComponentIndex>({
    clock,
    readVersion: async (tenantId) => (await store.readVersions(db.sql, tenantId)).components,
    load: async (tenantId) => {
      const version = (await store.readVersions(db.sql, tenantId)).components;
      const components = await store.listComponents(db.sql, tenantId);
      return {
        value: { points: buildPointIndex(components.map((c) => [c.lng, c.lat] as const)), components },
        version,
      };
    },
  });

  /** point (in any supported system) → grid, community, street, district; null outside every grid. */
  async function locate(tenantId: number, lng: number, lat: number, crs: Crs): Promise<LocatedPoint | null> {
    const index = await regionCache.get(tenantId);
    const position = convertPosition([lng, lat], crs, 'wgs84');
    const match = index.geocoder.locateRegion(position[0], position[1]);
    if (!match) return null;
    const grid = index.regions.get(match.grid);
    if (!grid) return null;
    return {
      position,
      grid,
      community: index.regions.get(match.community) ?? null,
      street: index.regions.get(match.street) ?? null,
      district: index.regions.get(match.district) ?? null,
    };
  }

  async function nearestComponents(
    tenantId: number,
    lng: number,
    lat: number,
    crs: Crs,
    k: number,
    maxDistanceM: number,
  ): Promise<{ component: store.StoredComponent; distanceM: number }[]> {
    const index = await componentCache.get(tenantId);
    const [x, y] = convertPosition([lng, lat], crs, 'wgs84');
    return nearestPoints(index.points, x, y, k, maxDistanceM).map((hit) => ({
      component: index.components[hit.index] as store.StoredComponent,
      distanceM: hit.distanceM,
    }));
  }

  /**
   * Replaces a whole region layer (e.g. a new survey of the unit grids), all or nothing: every feature is
   * validated against the layer above, and the layer below must still find all its parents.
   */
  async function importRegions(
    actor: Actor,
    input: {
      level: RegionLevel;
      parsed: ImportParseResult;
      synthetic: boolean;
      source: string;
      dryRun: boolean;
      onProgress?: (done: number, total: number) => void;
    },
  ): Promise<{ imported: number; replaced: number; dryRun: boolean }> {
    const { level, parsed } = input;
    const up = parentLevel(level);
    const parents = up ? await store.listRegions(db.sql, actor.tenantId, up) : [];
    const parentGeometry = new Map<string, PolygonalGeometry>(parents.map((p) => [p.code, p.geometry]));
    const report = validateParsedImport(parsed, { level, ...(up ? { parents: parentGeometry } : {}) });
    const problems = [...report.problems];
    for (const f of parsed.features) {
      const code = f.code ?? undefined;
      const parent = f.parentCode ?? (f.code ? impliedParentCode(f.code, level) : null);
      if (up && parent && !parentGeometry.has(parent)) {
        problems.push({
          featureIndex: f.featureIndex,
          code,
          problem: 'MISSING_PARENT',
          message: `parent region ${parent} does not exist`,
        });
      }
      // Grids may be nameless (they are known by code); streets and communities are not.
      if (!f.name && level !== 'grid') {
        problems.push({
          featureIndex: f.featureIndex,
          code,
          problem: 'MISSING_NAME',
          message: `a ${level} needs a name`,
        });
      }
    }
    if (parsed.features.length === 0) {
      problems.push({ featureIndex: -1, problem: 'EMPTY_IMPORT', message: 'the import holds no features' });
    }
    if (problems.length > 0) throw new ImportRejectedError(problems, parsed.features.length);

    const parentNames = new Map(parents.map((p) => [p.code, p.name]));
    const rows: store.StoredRegion[] = parsed.features.map((f) => {
      const geometry = f.geometry as PolygonalGeometry;
      const code = f.code as string;
      const parentCode = f.parentCode ?? impliedParentCode(code, level);
      return {
        code,
        level,
        parentCode,
        name: f.name ?? `${parentNames.get(parentCode ?? '') ?? ''}${code.slice(-3)}号网格`,
        geometry,
        areaM2: geometryAreaM2(geometry),
        synthetic: input.synthetic,
        source: input.source,
      };
    });
    if (input.dryRun) return { imported: rows.length, replaced: 0, dryRun: true };

    const now = clock.now();
    const replaced = await db.transaction(async (tx) => {
      const removed = await store.deleteLevel(tx, actor.tenantId, level);
      await store.insertRegions(tx, actor.tenantId, rows, now, input.onProgress);
      const down: Record<RegionLevel, RegionLevel | null> = {
        district: 'street',
        street: 'community',
        community: 'grid',
        grid: null,
      };
      const child = down[level];
      if (child) {
        const orphans = await store.orphanCodes(tx, actor.tenantId, child);
        if (orphans.length > 0) {
          throw new ImportRejectedError(
            orphans.map((code) => ({
              featureIndex: -1,
              code,
              problem: 'MISSING_PARENT',
              message: `existing ${child} ${code} would lose its parent`,
            })),
            rows.length,
          );
        }
      }
      await store.bumpVersion(tx, actor.tenantId, 'regions');
      await appendEvents(tx, actor, now, [
        {
          streamType: 'geo',
          streamId: `${level}s`,
          name: 'geo.regions.imported',
          payload: {
            level,
            count: rows.length,
            replaced: removed,
            synthetic: input.synthetic,
            source: input.source,
          },
        },
      ]);
      return removed;
    });
    regionCache.invalidate(actor.tenantId);
    return { imported: rows.length, replaced, dryRun: false };
  }

  /** Adds or replaces components by id, all or nothing; each is placed in the grid its point falls in. */
  async function importComponents(
    actor: Actor,
    input: {
      components: ParsedComponent[];
      problems: ValidationProblem[];
      dryRun: boolean;
      onProgress?: (done: number, total: number) => void;
    },
  ): Promise<{ imported: number; dryRun: boolean }> {
    const index = await regionCache.get(actor.tenantId);
    const districtCode = [...index.regions.values()].find((r) => r.level === 'district')?.code;
    const problems = [...input.problems];
    const rows: store.StoredComponent[] = input.components.map((c, i) => {
      if (districtCode && !c.id.startsWith(districtCode)) {
        problems.push({
          featureIndex: i,
          code: c.id,
          problem: 'BAD_CODE',
          message: `the id does not start with the district code ${districtCode}`,
        });
      }
      const gridIndex = index.geocoder.locate(c.lng, c.lat);
      if (gridIndex < 0) {
        problems.push({
          featureIndex: i,
          code: c.id,
          problem: 'OUTSIDE_PARENT',
          message: 'the location is outside every unit grid',
        });
      }
      return { ...c, gridCode: gridIndex >= 0 ? (index.geocoder.gridAt(gridIndex)?.code ?? null) : null };
    });
    if (rows.length === 0 && problems.length === 0) {
      problems.push({ featureIndex: -1, problem: 'EMPTY_IMPORT', message: 'the import holds no components' });
    }
    if (problems.length > 0) throw new ImportRejectedError(problems, input.components.length);
    if (input.dryRun) return { imported: rows.length, dryRun: true };
    const now = clock.now();
    await db.transaction(async (tx) => {
      await store.upsertComponents(tx, actor.tenantId, rows, now, input.onProgress);
      await store.bumpVersion(tx, actor.tenantId, 'components');
      await appendEvents(tx, actor, now, [
        {
          streamType: 'geo',
          streamId: 'components',
          name: 'geo.components.imported',
          payload: { count: rows.length },
        },
      ]);
    });
    componentCache.invalidate(actor.tenantId);
    return { imported: rows.length, dryRun: false };
  }

  return {
    locate,
    nearestComponents,
    importRegions,
    importComponents,
    regionIndex: (tenantId: number) => regionCache.get(tenantId),
    regionsInBbox: store.regionsInBbox.bind(null, db.sql),
    componentsInBbox: store.componentsInBbox.bind(null, db.sql),
    findRegion: (tenantId: number, code: string) => store.findRegion(db.sql, tenantId, code),
    findComponent: (tenantId: number, id: string) => store.findComponent(db.sql, tenantId, id),
  };
}

export type GeoService = ReturnType<typeof createGeoService>;
