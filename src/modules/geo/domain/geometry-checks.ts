/**
 * Checks on one feature's geometry: is it a well-formed Polygon/MultiPolygon, are its rings closed and
 * long enough, and is it free of self-crossings. Topology between features (containment in the parent,
 * overlap with siblings) is in region-topology.ts.
 */
import Flatbush from 'flatbush';
import { orient2d } from './orientation.js';
import { segmentRelation } from './segment-intersection.js';
import type { PolygonalGeometry, PolygonCoordinates, Position, Ring } from './types.js';
import { polygonsOf } from './types.js';
import type { ValidationProblemCode } from './validation-types.js';

export interface GeometryIssue {
  problem: ValidationProblemCode;
  message: string;
  details?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPosition(value: unknown): Position | string {
  if (!Array.isArray(value) || value.length < 2) return 'a position is not an array of two numbers';
  const [lng, lat] = value as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    return 'a coordinate is not a finite number';
  }
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return `coordinate [${lng}, ${lat}] is out of range`;
  return [lng, lat];
}

function readRing(value: unknown): Ring | string {
  if (!Array.isArray(value)) return 'a ring is not an array of positions';
  const ring: Ring = [];
  for (const item of value as unknown[]) {
    const position = readPosition(item);
    if (typeof position === 'string') return position;
    ring.push(position);
  }
  return ring;
}

function readPolygon(value: unknown): PolygonCoordinates | string {
  if (!Array.isArray(value) || value.length === 0) return 'a polygon has no rings';
  const polygon: PolygonCoordinates = [];
  for (const item of value as unknown[]) {
    const ring = readRing(item);
    if (typeof ring === 'string') return ring;
    polygon.push(ring);
  }
  return polygon;
}

/**
 * Reads an untrusted value as a Polygon or MultiPolygon, copying positions into fresh `[lng, lat]`
 * pairs (extra dimensions dropped). Structural faults are INVALID_GEOMETRY.
 */
export function readPolygonalGeometry(
  value: unknown,
): { geometry: PolygonalGeometry } | { issue: GeometryIssue } {
  const invalid = (message: string): { issue: GeometryIssue } => ({
    issue: { problem: 'INVALID_GEOMETRY', message },
  });
  if (!isRecord(value)) return invalid('the feature has no geometry');
  if (value.type === 'Polygon') {
    const polygon = readPolygon(value.coordinates);
    return typeof polygon === 'string'
      ? invalid(polygon)
      : { geometry: { type: 'Polygon', coordinates: polygon } };
  }
  if (value.type === 'MultiPolygon') {
    if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) {
      return invalid('a MultiPolygon has no polygons');
    }
    const parts: PolygonCoordinates[] = [];
    for (const item of value.coordinates as unknown[]) {
      const polygon = readPolygon(item);
      if (typeof polygon === 'string') return invalid(polygon);
      parts.push(polygon);
    }
    return { geometry: { type: 'MultiPolygon', coordinates: parts } };
  }
  const type = typeof value.type === 'string' ? value.type : typeof value.type;
  return invalid(`geometry type ${type} is not Polygon or MultiPolygon`);
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** Positions of a ring without consecutive repeats and without the closing repeat. */
export function distinctRingPositions(ring: Ring): Position[] {
  const out: Position[] = [];
  for (const p of ring) if (!samePosition(out[out.length - 1], p)) out.push(p);
  while (out.length > 1 && samePosition(out[0], out[out.length - 1])) out.pop();
  return out;
}

/** OPEN_RING and too few points (INVALID_GEOMETRY). */
export function ringIssues(geometry: PolygonalGeometry): GeometryIssue[] {
  const issues: GeometryIssue[] = [];
  polygonsOf(geometry).forEach((polygon, part) => {
    polygon.forEach((ring, ringIndex) => {
      const where = { part, ring: ringIndex };
      if (ring.length > 0 && !samePosition(ring[0], ring[ring.length - 1])) {
        issues.push({
          problem: 'OPEN_RING',
          message: `ring ${ringIndex} of part ${part} does not end where it starts`,
          details: { ...where, first: ring[0], last: ring[ring.length - 1] },
        });
      }
      const distinct = distinctRingPositions(ring).length;
      if (distinct < 3) {
        issues.push({
          problem: 'INVALID_GEOMETRY',
          message: `ring ${ringIndex} of part ${part} has ${distinct} distinct points; a ring needs at least 3`,
          details: { ...where, reason: 'TOO_FEW_POINTS', distinctPoints: distinct },
        });
      }
    });
  });
  return issues;
}

/**
 * INVALID_GEOMETRY when every ring is degenerate: all its points on one line, so it encloses nothing.
 * (A bow-tie is not degenerate — its halves merely cancel in the signed area — and is reported as
 * SELF_CROSSING instead; a ring that is neither degenerate nor self-crossing always has an area.)
 */
export function zeroAreaIssue(geometry: PolygonalGeometry): GeometryIssue | null {
  for (const polygon of polygonsOf(geometry)) {
    const exterior = polygon[0];
    if (exterior && !collinear(distinctRingPositions(exterior))) return null;
  }
  return { problem: 'INVALID_GEOMETRY', message: 'the geometry has no area', details: { reason: 'NO_AREA' } };
}

function collinear(points: Position[]): boolean {
  const a = points[0];
  const b = points[1];
  if (!a || !b) return true;
  return points.every((p) => orient2d(a[0], a[1], b[0], b[1], p[0], p[1]) === 0);
}

export interface SegmentTable {
  x0: Float64Array;
  y0: Float64Array;
  x1: Float64Array;
  y1: Float64Array;
  /** Ring number across the whole geometry. */
  ring: Int32Array;
  /** Position of the segment within its ring, and the ring's segment count. */
  position: Int32Array;
  ringSize: Int32Array;
  /** Human-readable location per ring: part and ring index. */
  ringLabel: { part: number; ring: number }[];
  count: number;
}

/** Every segment of every ring (rings treated as closed, repeated points skipped). */
export function segmentTable(geometry: PolygonalGeometry): SegmentTable {
  const rings: { positions: Position[]; part: number; ring: number }[] = [];
  polygonsOf(geometry).forEach((polygon, part) =>
    polygon.forEach((ring, ringIndex) => {
      const positions = distinctRingPositions(ring);
      if (positions.length >= 3) rings.push({ positions, part, ring: ringIndex });
    }),
  );
  const count = rings.reduce((sum, r) => sum + r.positions.length, 0);
  const table: SegmentTable = {
    x0: new Float64Array(count),
    y0: new Float64Array(count),
    x1: new Float64Array(count),
    y1: new Float64Array(count),
    ring: new Int32Array(count),
    position: new Int32Array(count),
    ringSize: new Int32Array(count),
    ringLabel: rings.map((r) => ({ part: r.part, ring: r.ring })),
    count,
  };
  let s = 0;
  rings.forEach((r, ringNumber) => {
    const n = r.positions.length;
    for (let i = 0; i < n; i++) {
      const a = r.positions[i] as Position;
      const b = r.positions[(i + 1) % n] as Position;
      table.x0[s] = a[0];
      table.y0[s] = a[1];
      table.x1[s] = b[0];
      table.y1[s] = b[1];
      table.ring[s] = ringNumber;
      table.position[s] = i;
      table.ringSize[s] = n;
      s++;
    }
  });
  return table;
}

/** Pairs of segments whose boxes meet: all pairs for small tables, a flatbush search for large ones. */
export function forEachCandidatePair(
  table: SegmentTable,
  visit: (i: number, j: number) => boolean | void,
): void {
  const { count } = table;
  const BRUTE_FORCE_LIMIT = 64;
  if (count <= BRUTE_FORCE_LIMIT) {
    for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) if (visit(i, j) === false) return;
    return;
  }
  const tree = new Flatbush(count, 16, Float64Array);
  for (let i = 0; i < count; i++) {
    const x0 = table.x0[i] as number;
    const x1 = table.x1[i] as number;
    const y0 = table.y0[i] as number;
    const y1 = table.y1[i] as number;
    tree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  }
  tree.finish();
  for (let i = 0; i < count; i++) {
    const x0 = table.x0[i] as number;
    const x1 = table.x1[i] as number;
    const y0 = table.y0[i] as number;
    const y1 = table.y1[i] as number;
    const others = tree.search(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    others.sort((a, b) => a - b);
    for (const j of others) if (j > i && visit(i, j) === false) return;
  }
}

const MAX_REPORTED_CROSSINGS = 100;

/**
 * SELF_CROSSING: within one ring, non-adjacent edges may not meet at all and adjacent edges may not
 * fold back over each other (a spike); edges of different rings (a hole and its shell, two parts of a
 * MultiPolygon) may touch at a point but not cross or run along each other.
 */
export function selfCrossingIssue(geometry: PolygonalGeometry): GeometryIssue | null {
  const t = segmentTable(geometry);
  let found = 0;
  let first: Record<string, unknown> | null = null;
  forEachCandidatePair(t, (i, j) => {
    const relation = segmentRelation(
      t.x0[i] as number,
      t.y0[i] as number,
      t.x1[i] as number,
      t.y1[i] as number,
      t.x0[j] as number,
      t.y0[j] as number,
      t.x1[j] as number,
      t.y1[j] as number,
    );
    if (relation === 'disjoint') return;
    let bad: boolean;
    if (t.ring[i] === t.ring[j]) {
      const n = t.ringSize[i] as number;
      const pi = t.position[i] as number;
      const pj = t.position[j] as number;
      const adjacent = Math.abs(pi - pj) === 1 || Math.abs(pi - pj) === n - 1;
      // Adjacent edges always share their common vertex; only folding back onto each other is wrong.
      bad = adjacent ? relation === 'overlap' : true;
    } else {
      bad = relation !== 'touch';
    }
    if (!bad) return;
    found++;
    if (first === null) {
      first = {
        relation,
        edgeA: { ...t.ringLabel[t.ring[i] as number], vertex: t.position[i] },
        edgeB: { ...t.ringLabel[t.ring[j] as number], vertex: t.position[j] },
        near: [t.x0[j], t.y0[j]],
      };
    }
    if (found >= MAX_REPORTED_CROSSINGS) return false;
  });
  if (first === null) return null;
  return {
    problem: 'SELF_CROSSING',
    message: `edges of the geometry cross or touch each other (${found >= MAX_REPORTED_CROSSINGS ? `${found}+` : found} places)`,
    details: { count: found, first },
  };
}
