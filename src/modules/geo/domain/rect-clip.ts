/**
 * Clipping a ring to an axis-aligned rectangle (Sutherland–Hodgman), much faster than a general boolean
 * operation, plus a count of how often the ring crosses the rectangle's boundary so callers know when
 * the fast result is exact.
 *
 * Sutherland–Hodgman always returns one ring. When the true intersection has several pieces, that ring
 * joins them with zero-width "bridges" along the rectangle's sides: the area and centroid are still
 * right, the topology is not. Even for a single piece, clipping side by side can leave zero-width
 * spikes along a side where the part outside wraps around a corner (out to the corner and straight
 * back); we remove those. With a simple ring that crosses the rectangle's boundary exactly twice (or not
 * at all), the intersection is a single simple polygon and the cleaned result is exactly it.
 *
 * Intersection points with a side are computed from the edge's endpoints in a canonical order
 * (lexicographically smaller endpoint first), so two rings sharing an edge get bit-identical vertices
 * where that edge meets a lattice line: adjacent clipped grids then share their vertices exactly.
 */
import { orient2d } from './orientation.js';
import type { Bbox, Position, Ring } from './types.js';

type Side = 0 | 1 | 2 | 3; // west, east, south, north

function inside(p: Position, side: Side, value: number): boolean {
  switch (side) {
    case 0:
      return p[0] >= value;
    case 1:
      return p[0] <= value;
    case 2:
      return p[1] >= value;
    case 3:
      return p[1] <= value;
  }
}

/** Where segment a–b meets the vertical (x = value) or horizontal (y = value) line. */
function cut(a: Position, b: Position, side: Side, value: number): Position {
  const swap = a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const p = swap ? b : a;
  const q = swap ? a : b;
  if (side === 0 || side === 1) {
    const t = (value - p[0]) / (q[0] - p[0]);
    return [value, p[1] + t * (q[1] - p[1])];
  }
  const t = (value - p[1]) / (q[1] - p[1]);
  return [p[0] + t * (q[0] - p[0]), value];
}

function clipToSide(points: Position[], side: Side, value: number): Position[] {
  const out: Position[] = [];
  const n = points.length;
  if (n === 0) return out;
  let prev = points[n - 1] as Position;
  let prevIn = inside(prev, side, value);
  for (const current of points) {
    const currentIn = inside(current, side, value);
    if (currentIn) {
      if (!prevIn) out.push(cut(prev, current, side, value));
      out.push(current);
    } else if (prevIn) {
      out.push(cut(prev, current, side, value));
    }
    prev = current;
    prevIn = currentIn;
  }
  return out;
}

/** The ring's points without the closing repeat. */
function openRing(ring: Ring): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) {
    return ring.slice(0, -1);
  }
  return ring.slice();
}

/** Sutherland–Hodgman clip of a ring to a rectangle; a closed ring, or [] when nothing is left. */
export function clipRingToRect(ring: Ring, rect: Bbox): Ring {
  let points = openRing(ring);
  points = clipToSide(points, 0, rect[0]);
  points = clipToSide(points, 1, rect[2]);
  points = clipToSide(points, 2, rect[1]);
  points = clipToSide(points, 3, rect[3]);
  // Drop consecutive duplicates created when a vertex lies exactly on a side.
  const out: Position[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1) {
    const first = out[0] as Position;
    const last = out[out.length - 1] as Position;
    if (first[0] === last[0] && first[1] === last[1]) out.pop();
    else break;
  }
  const cleaned = removeSpikes(out);
  if (cleaned.length < 3) return [];
  cleaned.push([(cleaned[0] as Position)[0], (cleaned[0] as Position)[1]]);
  return cleaned;
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Removes zero-width spikes from an open ring: a vertex whose two edges run along one line in opposite
 * directions, and any repeat left behind, until none remain. Collinearity is the exact predicate.
 */
export function removeSpikes(points: readonly Position[]): Position[] {
  const pts = points.slice();
  let k = 0;
  let stable = 0; // vertices checked in a row without a change; a full lap means done
  while (pts.length >= 3 && stable < pts.length) {
    const n = pts.length;
    k %= n;
    const p = pts[(k + n - 1) % n] as Position;
    const v = pts[k] as Position;
    const q = pts[(k + 1) % n] as Position;
    if (same(v, q)) {
      pts.splice((k + 1) % n, 1);
      stable = 0;
    } else if (
      orient2d(p[0], p[1], v[0], v[1], q[0], q[1]) === 0 &&
      (v[0] - p[0]) * (q[0] - v[0]) + (v[1] - p[1]) * (q[1] - v[1]) < 0
    ) {
      pts.splice(k, 1);
      k = (k + n - 2) % (n - 1); // step back: the previous vertex may have become a spike tip
      stable = 0;
    } else {
      k++;
      stable++;
    }
  }
  return pts;
}

export type RectRelation =
  /** The ring never touches the rectangle's boundary: it is wholly inside, wholly outside, or around it. */
  | { kind: 'apart' }
  /** It crosses the boundary exactly twice, cleanly: the clip is one simple polygon. */
  | { kind: 'simple' }
  /** Anything else (more crossings, or a vertex or edge exactly on the boundary). */
  | { kind: 'complex' };

/**
 * How a ring meets a rectangle's boundary, counting crossings with Liang–Barsky per edge. Vertices
 * exactly on the boundary make the answer `complex` so callers take the general (exact) path.
 */
export function ringRectRelation(ring: Ring, rect: Bbox): RectRelation {
  const [x0, y0, x1, y1] = rect;
  let crossings = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1] as Position;
    const b = ring[i] as Position;
    const ax = a[0];
    const ay = a[1];
    const bx = b[0];
    const by = b[1];
    if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) {
      continue;
    }
    const onBoundary = (x: number, y: number): boolean =>
      ((x === x0 || x === x1) && y >= y0 && y <= y1) || ((y === y0 || y === y1) && x >= x0 && x <= x1);
    if (onBoundary(ax, ay) || onBoundary(bx, by)) return { kind: 'complex' };
    // Liang–Barsky: parameter range of the edge inside the rectangle.
    let t0 = 0;
    let t1 = 1;
    const dx = bx - ax;
    const dy = by - ay;
    const tests: [number, number][] = [
      [-dx, ax - x0],
      [dx, x1 - ax],
      [-dy, ay - y0],
      [dy, y1 - ay],
    ];
    let visible = true;
    for (const [p, q] of tests) {
      if (p === 0) {
        if (q < 0) visible = false;
        else if (q === 0) return { kind: 'complex' }; // runs along a side
      } else {
        const t = q / p;
        if (p < 0) {
          // Entering this side's half-plane.
          if (t > t1) {
            visible = false;
          } else if (t > t0) {
            t0 = t;
          }
        } else if (t < t0) {
          // Leaving it.
          visible = false;
        } else if (t < t1) {
          t1 = t;
        }
      }
      if (!visible) break;
    }
    if (!visible) continue;
    if (t0 === t1) return { kind: 'complex' }; // grazes a corner
    if (t0 > 0) crossings++;
    if (t1 < 1) crossings++;
  }
  if (crossings === 0) return { kind: 'apart' };
  if (crossings === 2) return { kind: 'simple' };
  return { kind: 'complex' };
}
