import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import type { GeocoderGrid } from './geocoder.js';
import { GridGeocoder } from './geocoder.js';
import { createRandom } from './synthetic/prng.js';
import { jitteredLattice } from './synthetic/jittered-lattice.js';
import type { PolygonalGeometry, PolygonGeometry, Position, Ring } from './types.js';
import { polygonsOf } from './types.js';

// ---------------------------------------------------------------------------------------------------
// An independent reference: ray casting with the same half-open rule, but exact rational arithmetic
// only (BigInt, no floating-point filter, no early decisions), over every grid whose box holds the point.

function toBig(v: number): { n: bigint; shift: number } {
  let m = v;
  let shift = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    shift++;
  }
  return { n: BigInt(m), shift };
}

function exactOrientSign(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const values = [ax, ay, bx, by, px, py].map(toBig);
  const shift = Math.max(...values.map((v) => v.shift));
  const [iax, iay, ibx, iby, ipx, ipy] = values.map((v): bigint => v.n * 2n ** BigInt(shift - v.shift));
  const det = (ibx! - iax!) * (ipy! - iay!) - (iby! - iay!) * (ipx! - iax!);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

function referenceContains(geometry: PolygonalGeometry, px: number, py: number): boolean {
  let inside = false;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        let [ax, ay] = ring[i - 1]!;
        let [bx, by] = ring[i]!;
        // Half-open in y: the lower end is included, the upper end is not.
        if (ay > py === by > py) continue;
        if (ay > by) [ax, ay, bx, by] = [bx, by, ax, ay];
        // Counts when P is strictly left of the upward edge (strictly west of it).
        if (exactOrientSign(ax, ay, bx, by, px, py) > 0) inside = !inside;
      }
    }
  }
  return inside;
}

function boxOf(geometry: PolygonalGeometry): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [x, y] of polygon[0] ?? []) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return [x0, y0, x1, y1];
}

function referenceOwners(
  grids: readonly GeocoderGrid[],
  boxes: [number, number, number, number][],
  x: number,
  y: number,
): number[] {
  const owners: number[] = [];
  grids.forEach((grid, i) => {
    const [x0, y0, x1, y1] = boxes[i]!;
    if (x < x0 || x > x1 || y < y0 || y > y1) return;
    if (referenceContains(grid.geometry, x, y)) owners.push(i);
  });
  return owners;
}

// ---------------------------------------------------------------------------------------------------
// A jittered tiling with dyadic coordinates (multiples of 2^-10 degrees near 120°E 30°N), so that points
// at simple fractions along an edge are exactly representable and lie exactly on the edge.

function dyadicTiling(cols: number, rows: number, seed: string): PolygonGeometry[] {
  const random = createRandom(seed);
  const unit = 2 ** -10;
  const at = (x: number, y: number): Position => [120 + x * unit, 30 + y * unit];
  const jitter = (): number => random.int(7) - 3; // cells are 16 units wide; ±3 keeps them simple
  const corners: Position[][] = [];
  for (let j = 0; j <= rows; j++) {
    corners.push([]);
    for (let i = 0; i <= cols; i++) corners[j]!.push(at(i * 16 + jitter(), j * 16 + jitter()));
  }
  const c = (i: number, j: number): Position => corners[j]![i]!;
  const mid = (a: Position, b: Position, dx: number, dy: number): Position => {
    const ax = (a[0] - 120) / unit;
    const ay = (a[1] - 30) / unit;
    const bx = (b[0] - 120) / unit;
    const by = (b[1] - 30) / unit;
    return at(Math.round((ax + bx) / 2) + dx, Math.round((ay + by) / 2) + dy);
  };
  const horizontal: Position[][] = [];
  for (let j = 0; j <= rows; j++) {
    horizontal.push([]);
    for (let i = 0; i < cols; i++) horizontal[j]!.push(mid(c(i, j), c(i + 1, j), 0, jitter()));
  }
  const vertical: (Position | null)[][] = [];
  for (let j = 0; j < rows; j++) {
    vertical.push([]);
    for (let i = 0; i <= cols; i++) {
      vertical[j]!.push(random.next() < 0.5 ? mid(c(i, j), c(i, j + 1), jitter(), 0) : null);
    }
  }
  const cells: PolygonGeometry[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const ring: Ring = [c(i, j), horizontal[j]![i]!, c(i + 1, j)];
      const right = vertical[j]![i + 1];
      if (right) ring.push(right);
      ring.push(c(i + 1, j + 1), horizontal[j + 1]![i]!, c(i, j + 1));
      const left = vertical[j]![i];
      if (left) ring.push(left);
      ring.push(c(i, j));
      cells.push({ type: 'Polygon', coordinates: [ring] });
    }
  }
  return cells;
}

function asGrids(cells: readonly PolygonalGeometry[]): GeocoderGrid[] {
  return cells.map((geometry, i) => ({
    code: `330102001001${String(i).padStart(3, '0')}`,
    communityCode: '330102001001',
    streetCode: '330102001',
    districtCode: '330102',
    geometry,
  }));
}

/** Edges of a tiling used by exactly two cells (interior edges). */
function sharedEdges(cells: readonly PolygonGeometry[]): [Position, Position][] {
  const key = (a: Position, b: Position): string => {
    const [p, q] = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? [a, b] : [b, a];
    return `${p[0]},${p[1]},${q[0]},${q[1]}`;
  };
  const count = new Map<string, { edge: [Position, Position]; n: number }>();
  for (const cell of cells) {
    const ring = cell.coordinates[0]!;
    for (let i = 1; i < ring.length; i++) {
      const k = key(ring[i - 1]!, ring[i]!);
      const entry = count.get(k);
      if (entry) entry.n++;
      else count.set(k, { edge: [ring[i - 1]!, ring[i]!], n: 1 });
    }
  }
  return [...count.values()].filter((e) => e.n === 2).map((e) => e.edge);
}

// ---------------------------------------------------------------------------------------------------

describe('GridGeocoder against the exact brute-force reference', () => {
  const cells = dyadicTiling(24, 20, 'geocoder-test');
  const grids = asGrids(cells);
  const boxes = grids.map((g) => boxOf(g.geometry));
  const geocoders = [4, 8, 16].map((nodeSize) => GridGeocoder.build(grids, { nodeSize }));
  const edges = sharedEdges(cells);
  const vertices = [
    ...new Map(cells.flatMap((c) => c.coordinates[0]!).map((p) => [`${p[0]},${p[1]}`, p])).values(),
  ];
  const box = boxes.reduce((a, b) => [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[2], b[2]),
    Math.max(a[3], b[3]),
  ]);

  const check = (x: number, y: number, mustHaveOneOwner: boolean): void => {
    const owners = referenceOwners(grids, boxes, x, y);
    assert.ok(owners.length <= 1, `point ${x},${y} is in grids ${owners.join(', ')}`);
    if (mustHaveOneOwner) assert.equal(owners.length, 1, `point ${x},${y} on a shared edge has no grid`);
    const expected = owners[0] ?? -1;
    for (const geocoder of geocoders) {
      assert.equal(geocoder.locate(x, y), expected, `locate(${x}, ${y})`);
      assert.equal(geocoder.locate(x, y), expected, 'repeatable');
    }
  };

  it('points exactly on shared edges belong to exactly one grid, the one brute force finds', () => {
    assert.ok(edges.length > 1000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: edges.length - 1 }), fc.integer({ min: 0, max: 8 }), (e, k) => {
        const [a, b] = edges[e]!;
        const x = a[0] + ((b[0] - a[0]) * k) / 8;
        const y = a[1] + ((b[1] - a[1]) * k) / 8;
        // The ends of a shared edge can sit on the outer boundary; interior points of it cannot.
        check(x, y, k > 0 && k < 8);
      }),
      { numRuns: 3000 },
    );
  });

  it('every vertex gets at most one grid, and inner vertices exactly one', () => {
    for (const [x, y] of vertices) {
      const inner =
        x > box[0] + 16 * 2 ** -10 &&
        x < box[2] - 16 * 2 ** -10 &&
        y > box[1] + 16 * 2 ** -10 &&
        y < box[3] - 16 * 2 ** -10;
      check(x, y, inner);
    }
  });

  it('random points agree with brute force, including points outside the tiling', () => {
    fc.assert(
      fc.property(
        fc.double({ min: box[0] - 0.002, max: box[2] + 0.002, noNaN: true }),
        fc.double({ min: box[1] - 0.002, max: box[3] + 0.002, noNaN: true }),
        (x, y) => check(x, y, false),
      ),
      { numRuns: 3000 },
    );
  });
});

describe('GridGeocoder on the benchmark lattice', () => {
  const lattice = jitteredLattice({
    cols: 60,
    rows: 50,
    originLng: 121.4,
    originLat: 31.2,
    seed: 'geocoder-test',
  });
  const grids = asGrids(lattice.cells.map((c) => c));
  const geocoder = GridGeocoder.build(grids);

  it('matches turf booleanPointInPolygon on random points', () => {
    const random = createRandom('turf-compare');
    const x0 = 121.4 - lattice.cellLng;
    const x1 = 121.4 + 61 * lattice.cellLng;
    const y0 = 31.2 - lattice.cellLat;
    const y1 = 31.2 + 51 * lattice.cellLat;
    let located = 0;
    for (let n = 0; n < 5000; n++) {
      const x = random.range(x0, x1);
      const y = random.range(y0, y1);
      const turf = grids.findIndex((g) => booleanPointInPolygon([x, y], g.geometry as PolygonGeometry));
      assert.equal(geocoder.locate(x, y), turf, `point ${x},${y}`);
      if (turf >= 0) located++;
    }
    assert.ok(located > 4000, 'most points fall inside the lattice');
  });

  it('every cell vertex (shared by up to four cells) gets at most one grid, inner ones exactly one', () => {
    const boxes = grids.map((g) => boxOf(g.geometry));
    const inner = (x: number, y: number): boolean =>
      x > 121.4 + lattice.cellLng &&
      x < 121.4 + 59 * lattice.cellLng &&
      y > 31.2 + lattice.cellLat &&
      y < 31.2 + 49 * lattice.cellLat;
    for (const cell of lattice.cells.slice(0, 600)) {
      for (const [x, y] of cell.coordinates[0]!) {
        const owners = referenceOwners(grids, boxes, x, y);
        assert.ok(owners.length <= 1);
        if (inner(x, y)) assert.equal(owners.length, 1, `vertex ${x},${y}`);
        assert.equal(geocoder.locate(x, y), owners[0] ?? -1);
      }
    }
  });
});

describe('GridGeocoder basics', () => {
  const square = (x0: number, y0: number, x1: number, y1: number): Ring => [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  const grids: GeocoderGrid[] = [
    {
      code: '330102001051001',
      communityCode: '330102001051',
      streetCode: '330102001',
      districtCode: '330102',
      // A grid with a hole; the hole is another grid.
      geometry: { type: 'Polygon', coordinates: [square(0, 0, 3, 3), square(1, 1, 2, 2)] },
    },
    {
      code: '330102001051002',
      communityCode: '330102001051',
      streetCode: '330102001',
      districtCode: '330102',
      geometry: { type: 'Polygon', coordinates: [square(1, 1, 2, 2)] },
    },
    {
      code: '330102003052001',
      communityCode: '330102003052',
      streetCode: '330102003',
      districtCode: '330102',
      geometry: { type: 'MultiPolygon', coordinates: [[square(3, 0, 4, 1)], [square(3, 2, 4, 3)]] },
    },
  ];
  const geocoder = GridGeocoder.build(grids);

  it('handles holes and MultiPolygons', () => {
    assert.equal(geocoder.locate(0.5, 0.5), 0);
    assert.equal(geocoder.locate(1.5, 1.5), 1, 'inside the hole: the other grid');
    assert.equal(geocoder.locate(3.5, 0.5), 2);
    assert.equal(geocoder.locate(3.5, 2.5), 2);
    assert.equal(geocoder.locate(3.5, 1.5), -1, 'between the two parts');
  });

  it('locateRegion returns the codes, or null', () => {
    assert.deepEqual(geocoder.locateRegion(3.5, 2.5), {
      index: 2,
      grid: '330102003052001',
      community: '330102003052',
      street: '330102003',
      district: '330102',
    });
    assert.equal(geocoder.locateRegion(10, 10), null);
  });

  it('rejects NaN and works with no grids', () => {
    assert.equal(geocoder.locate(Number.NaN, 1), -1);
    assert.equal(geocoder.locate(1, Number.NaN), -1);
    const empty = GridGeocoder.build([]);
    assert.equal(empty.locate(0, 0), -1);
    assert.equal(empty.bounds(), null);
    assert.ok(empty.memory().totalBytes < 64);
  });

  it('reports the bytes of its typed arrays', () => {
    const memory = geocoder.memory();
    assert.equal(memory.totalBytes, memory.treeBytes + memory.ringBytes + memory.auxiliaryBytes);
    // 5 closed rings of 5 positions = 25 pairs of doubles, plus offsets.
    assert.ok(memory.ringBytes >= 25 * 16);
    assert.ok(memory.treeBytes > 0);
    assert.deepEqual(geocoder.bounds(), [0, 0, 4, 3]);
  });
});
