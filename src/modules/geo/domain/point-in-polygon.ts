/**
 * Point-in-polygon by even-odd ray casting, with a deterministic half-open rule for points exactly on
 * an edge or a vertex.
 *
 * The rule: a point P is decided as if it were moved an infinitesimal step east, and then (only when
 * that step runs along a horizontal edge) an even smaller step north. Consequences:
 *   - a point on a non-horizontal edge belongs to the polygon east of that edge;
 *   - a point on a horizontal edge belongs to the polygon north of it;
 *   - a point on a vertex belongs to the polygon that holds the direction "east, tilted north";
 *   - an axis-aligned cell [x0, x1] × [y0, y1] owns exactly [x0, x1) × [y0, y1): its west and south
 *     sides and its south-west corner, not its east or north sides.
 * So in a tiling (adjacent grids share their vertices exactly), every point inside the tiled area
 * belongs to exactly one grid. Points on the east or north side of the outer boundary belong to none.
 *
 * Implementation: an eastward ray from P. An edge counts as a crossing when its y-range contains P's y
 * half-open (lower end included, upper end excluded: the "step north") and P lies strictly west of the
 * edge (on the edge does not count: the "step east"). "Strictly west" is the exact orientation
 * predicate on the edge taken from its lower to its upper end, so both grids sharing an edge evaluate
 * the very same expression and always agree.
 */
import { orient2d } from './orientation.js';
import type { PolygonalGeometry, Ring } from './types.js';
import { polygonsOf } from './types.js';

/** Whether the edge a–b crosses the eastward ray from P under the half-open rule. */
export function edgeCrossesRay(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
): boolean {
  const aAbove = ay > py;
  if (aAbove === by > py) return false;
  // Canonical direction (lower end first) so the predicate does not depend on the ring's winding.
  let lx: number, ly: number, ux: number, uy: number;
  if (aAbove) {
    lx = bx;
    ly = by;
    ux = ax;
    uy = ay;
  } else {
    lx = ax;
    ly = ay;
    ux = bx;
    uy = by;
  }
  // Cheap exact decisions first: P west of both ends is west of the edge; P at or east of both ends
  // is on or east of it (it can only touch the edge at its easternmost end).
  if (px < lx && px < ux) return true;
  if (px >= lx && px >= ux) return false;
  return orient2d(lx, ly, ux, uy, px, py) > 0;
}

/** Parity of crossings of one GeoJSON ring (closed or not; an open ring is treated as closed). */
export function ringParity(ring: Ring, px: number, py: number): boolean {
  let inside = false;
  const n = ring.length;
  if (n === 0) return false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[j];
    const b = ring[i];
    if (a === undefined || b === undefined) continue;
    if (edgeCrossesRay(a[0], a[1], b[0], b[1], px, py)) inside = !inside;
  }
  return inside;
}

/** Whether the ring (as a region) contains the point under the edge rule. */
export function pointInRing(ring: Ring, lng: number, lat: number): boolean {
  return ringParity(ring, lng, lat);
}

/**
 * Whether a Polygon or MultiPolygon contains the point: even-odd over all its rings, so holes are
 * excluded and non-overlapping parts of a MultiPolygon combine as expected.
 */
export function pointInPolygonal(geometry: PolygonalGeometry, lng: number, lat: number): boolean {
  let inside = false;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) if (ringParity(ring, lng, lat)) inside = !inside;
  }
  return inside;
}
