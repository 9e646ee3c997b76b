/** Bounding boxes in degrees, `[minLng, minLat, maxLng, maxLat]`. */
import type { Bbox, PolygonalGeometry, Position } from './types.js';
import { polygonsOf } from './types.js';

export function emptyBbox(): Bbox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

/** Grows `box` in place to include the positions. */
export function extendBbox(box: Bbox, positions: readonly Position[]): Bbox {
  for (const [x, y] of positions) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

export function ringBbox(ring: readonly Position[]): Bbox {
  return extendBbox(emptyBbox(), ring);
}

/** Bbox of the exterior rings (holes lie inside them, so they cannot widen the box). */
export function geometryBbox(geometry: PolygonalGeometry): Bbox {
  const box = emptyBbox();
  for (const polygon of polygonsOf(geometry)) {
    const exterior = polygon[0];
    if (exterior) extendBbox(box, exterior);
  }
  return box;
}

export function bboxContainsPoint(box: Bbox, x: number, y: number): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/** Whether the boxes share interior area (boxes that only touch along a side do not). */
export function bboxesOverlap(a: Bbox, b: Bbox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** The box grown by `margin` degrees on every side. */
export function expandBbox(box: Bbox, margin: number): Bbox {
  return [box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin];
}
