/** How two line segments meet, decided with the exact orientation predicate. */
import { orient2d } from './orientation.js';

/**
 * - `disjoint`: no common point;
 * - `cross`: they cross at a single point interior to both (a proper crossing);
 * - `touch`: they share exactly one point that is an end of at least one of them;
 * - `overlap`: they are collinear and share a stretch of positive length.
 */
export type SegmentRelation = 'disjoint' | 'cross' | 'touch' | 'overlap';

function within(v: number, a: number, b: number): boolean {
  return a <= b ? v >= a && v <= b : v >= b && v <= a;
}

/** Whether p lies on segment a–b, given that the three points are collinear. */
function onCollinearSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return within(px, ax, bx) && within(py, ay, by);
}

export function segmentRelation(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): SegmentRelation {
  // Cheap rejection on the boxes first: most pairs we are asked about are far apart.
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return 'disjoint';
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return 'disjoint';
  const o1 = Math.sign(orient2d(ax, ay, bx, by, cx, cy));
  const o2 = Math.sign(orient2d(ax, ay, bx, by, dx, dy));
  const o3 = Math.sign(orient2d(cx, cy, dx, dy, ax, ay));
  const o4 = Math.sign(orient2d(cx, cy, dx, dy, bx, by));
  if (o1 * o2 < 0 && o3 * o4 < 0) return 'cross';
  if (o1 === 0 && o2 === 0) {
    // Collinear (or a degenerate segment): compare the projections on the longer axis.
    const useX = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
    const a0 = useX ? Math.min(ax, bx) : Math.min(ay, by);
    const a1 = useX ? Math.max(ax, bx) : Math.max(ay, by);
    const c0 = useX ? Math.min(cx, dx) : Math.min(cy, dy);
    const c1 = useX ? Math.max(cx, dx) : Math.max(cy, dy);
    const lo = Math.max(a0, c0);
    const hi = Math.min(a1, c1);
    if (lo < hi) return 'overlap';
    if (lo === hi) return 'touch';
    return 'disjoint';
  }
  if (o1 === 0 && onCollinearSegment(ax, ay, bx, by, cx, cy)) return 'touch';
  if (o2 === 0 && onCollinearSegment(ax, ay, bx, by, dx, dy)) return 'touch';
  if (o3 === 0 && onCollinearSegment(cx, cy, dx, dy, ax, ay)) return 'touch';
  if (o4 === 0 && onCollinearSegment(cx, cy, dx, dy, bx, by)) return 'touch';
  return 'disjoint';
}
