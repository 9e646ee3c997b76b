/**
 * Polygon areas of rules (e.g. the part of 西湖风景名胜区 inside the district): validation, a bounding box that
 * rejects most points with four comparisons, an exact even-odd point-in-polygon test, and an area in m² used
 * only to rank overlapping polygon rules (the smaller area is the more specific one).
 *
 * Boundary rule, as in the geo module: a point on an edge is decided as if moved a hair east (a ray is cast
 * eastwards; an edge counts when its y-range holds the point half-open). Rule areas are policy zones rather
 * than a tiling, so the rule only needs to be deterministic, not exact to the last bit.
 */
import type { RuleArea } from './types.js';

export interface CompiledArea {
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
  /** Every ring of every polygon as flat [lng0, lat0, lng1, lat1, …]; even-odd over all of them. */
  readonly rings: readonly Float64Array[];
  readonly areaM2: number;
}

/** Metres per degree of latitude on the mean Earth radius (6,371,008.8 m). */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/** A valid WGS-84 `[lng, lat, …]`, or null. */
function position(value: unknown): [number, number] | null {
  if (!isList(value) || value.length < 2) return null;
  const [lng, lat] = value;
  if (typeof lng !== 'number' || typeof lat !== 'number') return null;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    return null;
  }
  return [lng, lat];
}

/** Shoelace in degrees², signed. */
function ringShoelace(ring: Float64Array): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    sum += ring[j]! * ring[i + 1]! - ring[i]! * ring[j + 1]!;
  }
  return sum / 2;
}

/** Compiles a rule's polygon, or returns why it cannot be used (in Chinese, for the rule editor). */
export function compileArea(area: RuleArea): CompiledArea | { error: string } {
  // The type says Polygon | MultiPolygon, but rules arrive as stored JSON: walk it as unknown data.
  const type: unknown = area.type;
  const coordinates: unknown = area.coordinates;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { error: '区域须为 GeoJSON Polygon 或 MultiPolygon' };
  }
  if (!isList(coordinates) || coordinates.length === 0) return { error: '区域没有坐标' };
  const polygons: readonly unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  const rings: Float64Array[] = [];
  const holes: boolean[] = [];
  for (const polygon of polygons) {
    if (!isList(polygon) || polygon.length === 0) return { error: '多边形没有外环' };
    for (let r = 0; r < polygon.length; r++) {
      const ring = polygon[r];
      if (!isList(ring) || ring.length < 4) return { error: '每个环至少需要 4 个坐标（首尾相同）' };
      const flat = new Float64Array(ring.length * 2);
      for (let i = 0; i < ring.length; i++) {
        const p = position(ring[i]);
        if (p === null) return { error: '坐标须为有效的 WGS-84 经纬度 [lng, lat]' };
        const [lng, lat] = p;
        flat[i * 2] = lng;
        flat[i * 2 + 1] = lat;
        minLng = Math.min(minLng, lng);
        maxLng = Math.max(maxLng, lng);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
      rings.push(flat);
      // Holes are the rings after the first, by position, so the area does not depend on winding.
      holes.push(r > 0);
    }
  }
  // Local equirectangular projection at the box's middle latitude: plenty for ranking areas of one city.
  const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  const scale = METRES_PER_DEGREE * METRES_PER_DEGREE * Math.cos(midLat);
  let areaM2 = 0;
  rings.forEach((ring, i) => {
    const value = Math.abs(ringShoelace(ring)) * scale;
    areaM2 += holes[i] ? -value : value;
  });
  if (!(areaM2 > 0)) return { error: '区域面积为零' };
  return { minLng, minLat, maxLng, maxLat, rings, areaM2 };
}

/** Even-odd crossings of an eastward ray from (px, py) with one ring (closed or not). */
function ringParity(ring: Float64Array, px: number, py: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const ax = ring[j]!;
    const ay = ring[j + 1]!;
    const bx = ring[i]!;
    const by = ring[i + 1]!;
    if (ay > py !== by > py) {
      // x where the edge crosses the point's latitude; the point counts as west of the edge only strictly.
      const x = ax + ((py - ay) * (bx - ax)) / (by - ay);
      if (px < x) inside = !inside;
    }
  }
  return inside;
}

export function areaContains(area: CompiledArea, lng: number, lat: number): boolean {
  if (lng < area.minLng || lng > area.maxLng || lat < area.minLat || lat > area.maxLat) return false;
  let inside = false;
  for (const ring of area.rings) if (ringParity(ring, lng, lat)) inside = !inside;
  return inside;
}
