/** The generated records as GeoJSON FeatureCollections (for files, map layers and inspection). */
import type { PointGeometry, PolygonalGeometry } from '../types.js';
import type { ComponentRecord, RegionRecord } from './records.js';
import type { SyntheticDistrict } from './district.js';

export interface Feature<G, P> {
  type: 'Feature';
  id: string;
  geometry: G;
  properties: P;
}

export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

export type RegionProperties = Omit<RegionRecord, 'geometry'>;
export type ComponentProperties = Omit<ComponentRecord, 'location'>;

export function regionsToFeatureCollection(
  records: readonly RegionRecord[],
): FeatureCollection<PolygonalGeometry, RegionProperties> {
  return {
    type: 'FeatureCollection',
    features: records.map(({ geometry, ...properties }) => ({
      type: 'Feature',
      id: properties.code,
      geometry,
      properties,
    })),
  };
}

export function componentsToFeatureCollection(
  records: readonly ComponentRecord[],
): FeatureCollection<PointGeometry, ComponentProperties> {
  return {
    type: 'FeatureCollection',
    features: records.map(({ location, ...properties }) => ({
      type: 'Feature',
      id: properties.id,
      geometry: location,
      properties,
    })),
  };
}

/** One FeatureCollection per level. */
export function syntheticDistrictToGeoJson(
  district: SyntheticDistrict,
): Record<
  'district' | 'streets' | 'communities' | 'grids',
  FeatureCollection<PolygonalGeometry, RegionProperties>
> {
  return {
    district: regionsToFeatureCollection([district.district]),
    streets: regionsToFeatureCollection(district.streets),
    communities: regionsToFeatureCollection(district.communities),
    grids: regionsToFeatureCollection(district.grids),
  };
}
