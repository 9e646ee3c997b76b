import { convertGeometry, convertPosition, type Crs } from './domain/crs.js';
import type { LocatedPoint } from './commands.js';
import type { RegionSummary, StoredComponent, StoredRegion } from './store.js';

/** Regions and components leave the server as GeoJSON in the coordinate system the client asked for. */
export function presentRegionSummary(r: RegionSummary) {
  return {
    code: r.code,
    level: r.level,
    parentCode: r.parentCode,
    name: r.name,
    areaM2: Math.round(r.areaM2),
    synthetic: r.synthetic,
    source: r.source,
  };
}

export function presentRegionFeature(r: StoredRegion, crs: Crs) {
  return {
    type: 'Feature' as const,
    id: r.code,
    properties: presentRegionSummary(r),
    geometry: crs === 'wgs84' ? r.geometry : convertGeometry(r.geometry, 'wgs84', crs),
  };
}

export function presentComponentFeature(c: StoredComponent, crs: Crs, distanceM?: number) {
  return {
    type: 'Feature' as const,
    id: c.id,
    properties: {
      id: c.id,
      majorCode: c.majorCode,
      minorCode: c.minorCode,
      name: c.name,
      gridCode: c.gridCode,
      ownerUnit: c.ownerUnit,
      maintainerUnit: c.maintainerUnit,
      status: c.status,
      synthetic: c.synthetic,
      ...(distanceM !== undefined ? { distanceM: Math.round(distanceM * 10) / 10 } : {}),
    },
    geometry: { type: 'Point' as const, coordinates: convertPosition([c.lng, c.lat], 'wgs84', crs) },
  };
}

const brief = (r: RegionSummary | null) =>
  r ? { code: r.code, name: r.name, synthetic: r.synthetic } : null;

export function presentLocated(p: LocatedPoint, crs: Crs) {
  return {
    position: convertPosition(p.position, 'wgs84', crs),
    crs,
    grid: brief(p.grid) as { code: string; name: string; synthetic: boolean },
    community: brief(p.community),
    street: brief(p.street),
    district: brief(p.district),
  };
}
