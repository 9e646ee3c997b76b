/**
 * Nearest points (components, 部件) to a location, in metres.
 *
 * flatbush's `neighbors` orders by planar distance, and distances in raw degrees are wrong (a degree
 * of longitude is ~14 % shorter than a degree of latitude at Hangzhou). So the index stores the points
 * in a local plane (metres, spherical equirectangular around the index's centre), and every answer is
 * re-ranked by the haversine distance. The plane distance d_p relates to the haversine distance d_h by
 * d_h ≥ d_p · lower, where `lower` comes from how much cos(latitude) shrinks between the index centre
 * and the latitudes involved (plus a 1 % allowance for the planar approximation, which is far more than
 * it needs below ~100 km). With that bound the result is exact:
 *   1. take the k nearest in the plane within maxDistance / lower;
 *   2. their k-th haversine distance D bounds the true k nearest, which must all lie within D / lower
 *      in the plane; take everything there, re-rank by haversine, keep the k best ≤ maxDistance.
 */
import Flatbush from 'flatbush';
import { haversineM, MEAN_EARTH_RADIUS_M } from './distance.js';

const DEG = Math.PI / 180;
const PLANAR_ALLOWANCE = 0.99;

export interface NearestHit {
  /** Position of the point in the list the index was built from. */
  index: number;
  distanceM: number;
}

export class PointIndex {
  readonly size: number;
  readonly tree: Flatbush | null;
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** Reference latitude of the plane, and its cosine. */
  readonly lat0: number;
  readonly cos0: number;
  readonly minLat: number;
  readonly maxLat: number;

  constructor(points: readonly (readonly [number, number])[]) {
    this.size = points.length;
    this.lng = new Float64Array(points.length);
    this.lat = new Float64Array(points.length);
    let minLat = Infinity;
    let maxLat = -Infinity;
    points.forEach(([lng, lat], i) => {
      this.lng[i] = lng;
      this.lat[i] = lat;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    });
    this.minLat = minLat;
    this.maxLat = maxLat;
    this.lat0 = points.length > 0 ? (minLat + maxLat) / 2 : 0;
    this.cos0 = Math.cos(this.lat0 * DEG);
    if (points.length === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(points.length, 16, Float64Array);
    for (let i = 0; i < points.length; i++) {
      tree.add(this.planeX(this.lng[i] as number), this.planeY(this.lat[i] as number));
    }
    tree.finish();
    this.tree = tree;
  }

  planeX(lng: number): number {
    return lng * DEG * MEAN_EARTH_RADIUS_M * this.cos0;
  }

  planeY(lat: number): number {
    return lat * DEG * MEAN_EARTH_RADIUS_M;
  }

  /** A factor with haversine ≥ plane distance × factor for pairs involving a query at `lat`. */
  lowerBoundFactor(lat: number): number {
    const lo = Math.min(lat, this.minLat);
    const hi = Math.max(lat, this.maxLat);
    // cos(latitude) is smallest at the latitude farthest from the equator.
    const cosMin = Math.cos(Math.max(Math.abs(lo), Math.abs(hi)) * DEG);
    return Math.min(1, cosMin / this.cos0) * PLANAR_ALLOWANCE;
  }

  /** Plane-distance neighbours of a point: indices, nearest first. */
  planeNeighbors(lng: number, lat: number, maxResults: number, maxPlaneDistance: number): number[] {
    if (this.tree === null) return [];
    return this.tree.neighbors(this.planeX(lng), this.planeY(lat), maxResults, maxPlaneDistance);
  }
}

export function buildPointIndex(points: readonly (readonly [number, number])[]): PointIndex {
  return new PointIndex(points);
}

function byDistanceThenIndex(a: NearestHit, b: NearestHit): number {
  return a.distanceM - b.distanceM || a.index - b.index;
}

/**
 * The `k` points nearest to (lng, lat) within `maxDistanceM` metres (haversine), nearest first; ties
 * broken by the lower index. `maxDistanceM` may be Infinity.
 */
export function nearestPoints(
  index: PointIndex,
  lng: number,
  lat: number,
  k: number,
  maxDistanceM: number,
): NearestHit[] {
  if (
    !(k >= 1) ||
    index.size === 0 ||
    !(maxDistanceM >= 0) ||
    !Number.isFinite(lng) ||
    !Number.isFinite(lat)
  ) {
    return [];
  }
  const want = Math.floor(k);
  const lower = index.lowerBoundFactor(lat);
  const hitsOf = (ids: number[]): NearestHit[] =>
    ids
      .map((i) => ({
        index: i,
        distanceM: haversineM(lng, lat, index.lng[i] as number, index.lat[i] as number),
      }))
      .filter((hit) => hit.distanceM <= maxDistanceM)
      .sort(byDistanceThenIndex);

  const first = index.planeNeighbors(lng, lat, want, maxDistanceM / lower);
  if (first.length < want) return hitsOf(first);
  const firstHits = hitsOf(first);
  // The k-th haversine distance among k real points bounds the true k-th nearest distance.
  const bound = firstHits.length === want ? (firstHits[want - 1] as NearestHit).distanceM : maxDistanceM;
  const second = index.planeNeighbors(lng, lat, Infinity, Math.min(maxDistanceM, bound) / lower);
  return hitsOf(second).slice(0, want);
}
