/** The plain objects the synthetic generators produce: ready for a store to insert, or for GeoJSON. */
import type { GeocoderGrid } from '../geocoder.js';
import type { RegionLevel } from '../region-codes.js';
import type { PointGeometry, PolygonalGeometry } from '../types.js';

export interface RegionRecord {
  level: RegionLevel;
  code: string;
  name: string;
  /** null for the district. */
  parentCode: string | null;
  districtCode: string;
  streetCode: string | null;
  communityCode: string | null;
  /** WGS-84. */
  geometry: PolygonalGeometry;
  areaM2: number;
  /** True for generated geometry: the UI and API must show it as synthetic, not surveyed. */
  synthetic: boolean;
  /** Where the geometry comes from, in words. */
  source: string;
}

export interface ComponentRecord {
  /** 16 digits: 6 district + 2 major + 2 minor + 6 serial. */
  id: string;
  /** 4 digits: major + minor. */
  categoryCode: string;
  majorCode: string;
  minorCode: string;
  name: string;
  /** WGS-84. */
  location: PointGeometry;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  ownerUnitCode: string;
  maintainerUnitCode: string;
  synthetic: true;
  source: string;
}

export const SYNTHETIC_SOURCE = 'synthetic demo geometry (generated, not surveyed)';
export const DATAV_SOURCE =
  'DataV GeoAtlas outline (AMap), GCJ-02 → WGS-84 derived; display data, not surveyed';

/** A unit-grid record as the geocoder's input. */
export function toGeocoderGrid(record: RegionRecord): GeocoderGrid {
  if (record.level !== 'grid' || record.communityCode === null || record.streetCode === null) {
    throw new Error(`region ${record.code} is not a unit grid`);
  }
  return {
    code: record.code,
    communityCode: record.communityCode,
    streetCode: record.streetCode,
    districtCode: record.districtCode,
    geometry: record.geometry,
  };
}
