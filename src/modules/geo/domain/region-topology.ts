/**
 * Area of a feature outside its parent region, and of the overlap between two features, in m².
 *
 * Both are exact boolean operations (polyclip-ts), which cost ≈0.2–1 ms each. To keep validation of
 * ~12,000 grids fast, containment first tries a cheap proof: when no edge of the feature meets an edge
 * of the parent, each ring lies wholly inside or wholly outside the other shape, and one point per ring
 * settles it. Only features that touch their parent's boundary (typically those along a community's
 * edge) take the exact path, and then against the parent cut down to the feature's surroundings.
 */
import Flatbush from 'flatbush';
import { geometryAreaM2 } from './area.js';
import { expandBbox, geometryBbox } from './bbox.js';
import type { SegmentTable } from './geometry-checks.js';
import { segmentTable } from './geometry-checks.js';
import { pointInPolygonal } from './point-in-polygon.js';
import { difference, intersection } from './polygon-clipping.js';
import { clipRingToRect } from './rect-clip.js';
import { segmentRelation } from './segment-intersection.js';
import type { Bbox, MultiPolygonCoordinates, PolygonalGeometry, PolygonCoordinates } from './types.js';
import { polygonsOf } from './types.js';

/** A parent region made ready for many containment tests. */
export interface PreparedRegion {
  geometry: PolygonalGeometry;
  bbox: Bbox;
  segments: SegmentTable;
  segmentTree: Flatbush | null;
}

export function prepareRegion(geometry: PolygonalGeometry): PreparedRegion {
  const segments = segmentTable(geometry);
  let segmentTree: Flatbush | null = null;
  if (segments.count > 0) {
    segmentTree = new Flatbush(segments.count, 16, Float64Array);
    for (let i = 0; i < segments.count; i++) {
      const x0 = segments.x0[i] as number;
      const x1 = segments.x1[i] as number;
      const y0 = segments.y0[i] as number;
      const y1 = segments.y1[i] as number;
      segmentTree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }
    segmentTree.finish();
  }
  return { geometry, bbox: geometryBbox(geometry), segments, segmentTree };
}

function bboxesMeet(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Whether any edge of `feature` meets (crosses, touches or runs along) any edge of `region`. */
function boundariesMeet(feature: SegmentTable, region: PreparedRegion): boolean {
  const tree = region.segmentTree;
  if (tree === null) return false;
  const r = region.segments;
  for (let i = 0; i < feature.count; i++) {
    const ax = feature.x0[i] as number;
    const ay = feature.y0[i] as number;
    const bx = feature.x1[i] as number;
    const by = feature.y1[i] as number;
    let meets = false;
    tree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (j) => {
      if (meets) return false;
      const relation = segmentRelation(
        ax,
        ay,
        bx,
        by,
        r.x0[j] as number,
        r.y0[j] as number,
        r.x1[j] as number,
        r.y1[j] as number,
      );
      if (relation !== 'disjoint') meets = true;
      return false;
    });
    if (meets) return true;
  }
  return false;
}

/**
 * The parent cut down to a box around the feature. Sutherland–Hodgman may join pieces with zero-width
 * bridges along the box's sides; the box is wider than the feature, so the bridges never touch it and
 * the difference inside the feature is unaffected.
 */
function regionNear(region: PolygonalGeometry, box: Bbox): MultiPolygonCoordinates {
  const out: MultiPolygonCoordinates = [];
  for (const polygon of polygonsOf(region)) {
    const exterior = polygon[0];
    if (!exterior) continue;
    const clipped = clipRingToRect(exterior, box);
    if (clipped.length === 0) continue;
    const part: PolygonCoordinates = [clipped];
    for (let i = 1; i < polygon.length; i++) {
      const hole = clipRingToRect(polygon[i] ?? [], box);
      if (hole.length > 0) part.push(hole);
    }
    out.push(part);
  }
  return out;
}

function multiPolygonArea(coordinates: MultiPolygonCoordinates): number {
  return coordinates.length === 0 ? 0 : geometryAreaM2({ type: 'MultiPolygon', coordinates });
}

/** Area of `feature` (m²) that lies outside `parent`. */
export function areaOutsideM2(feature: PolygonalGeometry, parent: PreparedRegion): number {
  const box = geometryBbox(feature);
  if (!bboxesMeet(box, parent.bbox)) return geometryAreaM2(feature);
  const featureSegments = segmentTable(feature);
  if (!boundariesMeet(featureSegments, parent)) {
    const featureRings = polygonsOf(feature).flat();
    const parentRings = polygonsOf(parent.geometry).flat();
    const inParent = featureRings.map((ring) => {
      const p = ring[0];
      return p !== undefined && pointInPolygonal(parent.geometry, p[0], p[1]);
    });
    const parentRingInFeature = parentRings.some((ring) => {
      const p = ring[0];
      return p !== undefined && pointInPolygonal(feature, p[0], p[1]);
    });
    if (!parentRingInFeature && inParent.every(Boolean)) return 0;
    if (!parentRingInFeature && !inParent.some(Boolean)) return geometryAreaM2(feature);
  }
  const margin = Math.max(box[2] - box[0], box[3] - box[1]) * 0.05 + 1e-9;
  const near = regionNear(parent.geometry, expandBbox(box, margin));
  if (near.length === 0) return geometryAreaM2(feature);
  let outside: MultiPolygonCoordinates;
  try {
    outside = difference(feature, near);
  } catch {
    // A defensive fallback: the full parent is slower but has no clipped edges at all.
    outside = difference(feature, parent.geometry);
  }
  return multiPolygonArea(outside);
}

/** Area (m²) shared by two features. */
export function overlapAreaM2(a: PolygonalGeometry, b: PolygonalGeometry): number {
  return multiPolygonArea(intersection(a, b));
}
