/**
 * Voronoi partitions for the synthetic generator, computed in a local metric plane (Voronoi cells in
 * raw degrees would be stretched north–south) and handed back in degrees.
 *
 * Lloyd relaxation moves each seed to the centroid of its cell clipped to the region, which evens out
 * cell sizes. The clip of a (non-convex) region by a convex cell uses Sutherland–Hodgman: its result
 * can contain zero-width bridges, but area and centroid — all Lloyd needs — are still exact.
 */
import { Delaunay } from 'd3-delaunay';
import type { LocalProjection } from '../projection.js';
import type { PolygonalGeometry, Position, Ring } from '../types.js';
import { polygonsOf } from '../types.js';

type Point = [number, number];

/** Voronoi cells (closed, counter-clockwise rings in metres) of `seeds`, bounded by `bounds`. */
export function voronoiCellsM(seeds: readonly Point[], bounds: [number, number, number, number]): Point[][] {
  const voronoi = Delaunay.from(seeds).voronoi(bounds);
  return seeds.map((_, i) => {
    const cell = voronoi.cellPolygon(i) as Point[] | null;
    if (!cell) return [];
    const ring = cell.map(([x, y]) => [x, y] as Point);
    if (signedArea(ring) < 0) ring.reverse();
    return ring;
  });
}

function signedArea(ring: readonly Point[]): number {
  let twice = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1] as Point;
    const b = ring[i] as Point;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return twice / 2;
}

/** Sutherland–Hodgman clip of a ring (metres) by a convex counter-clockwise ring. */
function clipByConvex(subject: readonly Point[], convex: readonly Point[]): Point[] {
  let points = subject.slice();
  for (let k = 1; k < convex.length && points.length > 0; k++) {
    const a = convex[k - 1] as Point;
    const b = convex[k] as Point;
    const side = (p: Point): number => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const out: Point[] = [];
    let prev = points[points.length - 1] as Point;
    let prevSide = side(prev);
    for (const current of points) {
      const currentSide = side(current);
      if (currentSide >= 0) {
        if (prevSide < 0) out.push(cross(prev, current, prevSide, currentSide));
        out.push(current);
      } else if (prevSide >= 0) {
        out.push(cross(prev, current, prevSide, currentSide));
      }
      prev = current;
      prevSide = currentSide;
    }
    points = out;
  }
  return points;
}

function cross(p: Point, q: Point, sp: number, sq: number): Point {
  const t = sp / (sp - sq);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/** Signed area and first moments of a ring (open or closed) in metres. */
function moments(ring: readonly Point[]): { area: number; mx: number; my: number } {
  let a = 0;
  let mx = 0;
  let my = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Point;
    const q = ring[(i + 1) % n] as Point;
    const c = p[0] * q[1] - q[0] * p[1];
    a += c;
    mx += (p[0] + q[0]) * c;
    my += (p[1] + q[1]) * c;
  }
  return { area: a / 2, mx: mx / 6, my: my / 6 };
}

/** The region's rings in metres, each tagged exterior (+1) or hole (-1). */
export function regionRingsM(
  region: PolygonalGeometry,
  projection: LocalProjection,
): { ring: Point[]; sign: number }[] {
  const rings: { ring: Point[]; sign: number }[] = [];
  for (const polygon of polygonsOf(region)) {
    polygon.forEach((ring, index) => {
      const open = ring.slice(0, -1).map((p) => projection.forward(p));
      rings.push({ ring: open, sign: index === 0 ? 1 : -1 });
    });
  }
  return rings;
}

/** Lloyd relaxation of seeds (metres) inside a region; returns the moved seeds. */
export function lloydRelax(
  seeds: readonly Point[],
  regionRings: readonly { ring: Point[]; sign: number }[],
  bounds: [number, number, number, number],
  iterations: number,
): Point[] {
  let current = seeds.map(([x, y]) => [x, y] as Point);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const cells = voronoiCellsM(current, bounds);
    current = current.map((seed, i) => {
      const cell = cells[i] ?? [];
      if (cell.length < 4) return seed;
      let area = 0;
      let mx = 0;
      let my = 0;
      for (const { ring, sign } of regionRings) {
        const clipped = clipByConvex(ring, cell);
        if (clipped.length < 3) continue;
        const m = moments(clipped);
        const s = sign * Math.sign(m.area || 1);
        area += s * m.area;
        mx += s * m.mx;
        my += s * m.my;
      }
      return Math.abs(area) > 1e-6 ? ([mx / area, my / area] as Point) : seed;
    });
  }
  return current;
}

/** A metre ring as a closed ring in degrees. */
export function ringToDegrees(ring: readonly Point[], projection: LocalProjection): Ring {
  const out: Ring = ring.map((p) => projection.inverse(p));
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    out.push([first[0], first[1]] as Position);
  }
  return out;
}
