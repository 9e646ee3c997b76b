/**
 * A jittered lattice of grid polygons that tile the plane exactly — the benchmark and property-test
 * workload described in stack-measurements.md §7:
 *   - cols × rows cells of about `cellM` metres;
 *   - corner vertices shared by the four cells around them and jittered by up to ±`jitter` of a cell;
 *   - every horizontal edge has a jittered midpoint, vertical edges have one with probability 0.5, so
 *     cells have 6–8 vertices and many are non-convex;
 *   - neighbours reuse the very same vertex doubles, so there are no gaps or overlaps.
 * Deterministic for a given seed.
 */
import { LocalProjection } from '../projection.js';
import type { PolygonGeometry, Position } from '../types.js';
import { createRandom } from './prng.js';

export interface JitteredLatticeOptions {
  cols: number;
  rows: number;
  /** South-west corner of the unjittered lattice. */
  originLng: number;
  originLat: number;
  cellM?: number;
  /** Fraction of a cell; at most 0.25 keeps every cell simple. */
  jitter?: number;
  seed?: number | string;
}

export interface JitteredLattice {
  /** Row-major from the south-west: cell (col, row) is at `row * cols + col`. */
  cells: PolygonGeometry[];
  cols: number;
  rows: number;
  /** Degrees per cell. */
  cellLng: number;
  cellLat: number;
}

export function jitteredLattice(options: JitteredLatticeOptions): JitteredLattice {
  const { cols, rows, originLng, originLat } = options;
  const cellM = options.cellM ?? 100;
  const jitter = Math.min(options.jitter ?? 0.2, 0.25);
  const random = createRandom(options.seed ?? 'jittered-lattice');
  const projection = new LocalProjection(originLng, originLat);
  const cellLng = cellM / projection.kx;
  const cellLat = cellM / projection.ky;
  const at = (u: number, v: number): Position => [originLng + u * cellLng, originLat + v * cellLat];
  const shake = (): number => random.range(-jitter, jitter);

  const corners: Position[] = [];
  for (let j = 0; j <= rows; j++) for (let i = 0; i <= cols; i++) corners.push(at(i + shake(), j + shake()));
  const corner = (i: number, j: number): Position => corners[j * (cols + 1) + i] as Position;

  // Midpoint of the horizontal edge from corner (i, j) to (i + 1, j), moved up or down.
  const horizontal: Position[] = [];
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i < cols; i++) {
      const a = corner(i, j);
      const b = corner(i + 1, j);
      horizontal.push([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + shake() * cellLat]);
    }
  }
  // Midpoint of the vertical edge from corner (i, j) to (i, j + 1), moved left or right, or none.
  const vertical: (Position | null)[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i <= cols; i++) {
      const a = corner(i, j);
      const b = corner(i, j + 1);
      const present = random.next() < 0.5;
      const offset = shake();
      vertical.push(present ? [(a[0] + b[0]) / 2 + offset * cellLng, (a[1] + b[1]) / 2] : null);
    }
  }

  const cells: PolygonGeometry[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      // Counter-clockwise from the south-west corner.
      const ring: Position[] = [corner(i, j), horizontal[j * cols + i] as Position, corner(i + 1, j)];
      const right = vertical[j * (cols + 1) + i + 1];
      if (right) ring.push(right);
      ring.push(corner(i + 1, j + 1), horizontal[(j + 1) * cols + i] as Position, corner(i, j + 1));
      const left = vertical[j * (cols + 1) + i];
      if (left) ring.push(left);
      ring.push(corner(i, j));
      cells.push({ type: 'Polygon', coordinates: [ring] });
    }
  }
  return { cells, cols, rows, cellLng, cellLat };
}
