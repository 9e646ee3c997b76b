/**
 * Areas in square metres via the local projection (see projection.ts for the error: about 1e-5 relative
 * for a district-sized polygon, negligible for a unit grid). Rings may be in either winding; holes are
 * subtracted by position (every ring after the first in a polygon is a hole), not by winding.
 */
import { geometryBbox, ringBbox } from './bbox.js';
import { LocalProjection } from './projection.js';
import type { Bbox, PolygonalGeometry, PolygonCoordinates, Ring } from './types.js';
import { polygonsOf } from './types.js';

/** A projection centred on a bounding box, the natural reference for measuring what is inside it. */
export function projectionForBbox(box: Bbox): LocalProjection {
  return new LocalProjection((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
}

/** Shoelace area in m², positive for counter-clockwise rings. Works on open or closed rings. */
export function ringSignedAreaM2(ring: Ring, projection: LocalProjection): number {
  const n = ring.length;
  if (n < 3) return 0;
  let twice = 0;
  const last = ring[n - 1];
  if (last === undefined) return 0;
  let px = projection.x(last[0]);
  let py = projection.y(last[1]);
  for (const [lng, lat] of ring) {
    const x = projection.x(lng);
    const y = projection.y(lat);
    twice += px * y - x * py;
    px = x;
    py = y;
  }
  return twice / 2;
}

export function ringAreaM2(
  ring: Ring,
  projection: LocalProjection = projectionForBbox(ringBbox(ring)),
): number {
  return Math.abs(ringSignedAreaM2(ring, projection));
}

/** Exterior ring minus holes. */
export function polygonAreaM2(polygon: PolygonCoordinates, projection?: LocalProjection): number {
  const exterior = polygon[0];
  if (exterior === undefined) return 0;
  const proj = projection ?? projectionForBbox(ringBbox(exterior));
  let area = ringAreaM2(exterior, proj);
  for (let i = 1; i < polygon.length; i++) {
    const hole = polygon[i];
    if (hole) area -= ringAreaM2(hole, proj);
  }
  return area;
}

/** Sum of the parts of a Polygon or MultiPolygon (parts are assumed not to overlap). */
export function geometryAreaM2(geometry: PolygonalGeometry, projection?: LocalProjection): number {
  const proj = projection ?? projectionForBbox(geometryBbox(geometry));
  let area = 0;
  for (const polygon of polygonsOf(geometry)) area += polygonAreaM2(polygon, proj);
  return area;
}

/** Length of a ring's boundary in metres (local projection). */
export function ringPerimeterM(ring: Ring, projection: LocalProjection): number {
  let length = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    if (a && b) {
      length += Math.hypot(projection.x(b[0]) - projection.x(a[0]), projection.y(b[1]) - projection.y(a[1]));
    }
  }
  return length;
}
