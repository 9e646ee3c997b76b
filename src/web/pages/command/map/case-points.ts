/**
 * Case points: the server sends columns (one array per field, cheap to parse for 100,000 cases); the map wants
 * GeoJSON. Pure, so it is unit-tested without a browser.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';

/** The answer of GET /api/cases/map. */
export interface CaseColumns {
  count: number;
  truncated: boolean;
  ids: string[];
  caseNos: string[];
  lng: number[];
  lat: number[];
  /** 0 none, 1 prompt, 2 yellow, 3 red */
  warning: number[];
  stage: string[];
}

export const LIGHTS = ['normal', 'prompt', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** Deadline-light colours, readable on both the light and the dark (big-screen) background. */
export const LIGHT_COLORS: Record<Light, string> = {
  normal: '#389e0d',
  prompt: '#1677ff',
  yellow: '#d4b106',
  red: '#cf1322',
};

export function lightOf(warning: number): Light {
  return LIGHTS[Math.max(0, Math.min(3, Math.trunc(warning) || 0))] ?? 'normal';
}

/** Short property names: 100,000 features are copied to the map's worker. */
export interface CasePointProps {
  /** case number */
  n: string;
  /** warning level 0..3 */
  w: number;
}

export type Project = (lng: number, lat: number) => [number, number];

export function columnsToGeoJSON(
  cols: CaseColumns,
  project?: Project,
): FeatureCollection<Point, CasePointProps> {
  const size = Math.min(cols.lng.length, cols.lat.length, cols.caseNos.length);
  const features = new Array<Feature<Point, CasePointProps>>(size);
  for (let i = 0; i < size; i++) {
    const lng = cols.lng[i] ?? 0;
    const lat = cols.lat[i] ?? 0;
    features[i] = {
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: project ? project(lng, lat) : [lng, lat] },
      properties: { n: cols.caseNos[i] ?? '', w: cols.warning[i] ?? 0 },
    };
  }
  return { type: 'FeatureCollection', features };
}

export function countByLight(warning: readonly number[]): Record<Light, number> {
  const out: Record<Light, number> = { normal: 0, prompt: 0, yellow: 0, red: 0 };
  for (const w of warning) out[lightOf(w)]++;
  return out;
}

/** A bounding box [minLng, minLat, maxLng, maxLat] of any GeoJSON geometry's positions, or null if empty. */
export function bboxOf(geometries: readonly unknown[]): [number, number, number, number] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]);
      maxY = Math.max(maxY, c[1]);
      return;
    }
    for (const inner of c) visit(inner);
  };
  for (const g of geometries) {
    if (g && typeof g === 'object' && 'coordinates' in g) visit(g.coordinates);
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}
