import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { orient2d, orient2dExact } from './orientation.js';
import { edgeCrossesRay, pointInPolygonal, pointInRing } from './point-in-polygon.js';
import type { PolygonGeometry, Ring } from './types.js';

const square = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/** Exact rational orientation sign from scratch (independent of orientation.ts): doubles → BigInt fractions. */
function exactSign(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const scale = 2n ** 1100n;
  const big = (v: number): bigint => {
    // v = m · 2^e exactly; multiply by 2^1100 to get an integer for any double we use.
    if (v === 0) return 0n;
    let e = 0;
    let m = v;
    while (!Number.isInteger(m)) {
      m *= 2;
      e++;
    }
    return (BigInt(m) * scale) / 2n ** BigInt(e);
  };
  const det = (big(ax) - big(cx)) * (big(by) - big(cy)) - (big(ay) - big(cy)) * (big(bx) - big(cx));
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

describe('orient2d', () => {
  it('has the exact sign for points on, and a hair off, a line through Hangzhou coordinates', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 120, max: 120.3, noNaN: true }),
        fc.double({ min: 30.1, max: 30.4, noNaN: true }),
        fc.double({ min: 120, max: 120.3, noNaN: true }),
        fc.double({ min: 30.1, max: 30.4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -3, max: 3 }),
        (ax, ay, bx, by, t, ulps) => {
          // A point interpolated on the segment is within rounding of the line: the hard case.
          let cx = ax + t * (bx - ax);
          const cy = ay + t * (by - ay);
          for (let k = 0; k < Math.abs(ulps); k++) cx += (ulps > 0 ? 1 : -1) * Number.EPSILON * 128;
          const expected = exactSign(ax, ay, bx, by, cx, cy);
          assert.equal(Math.sign(orient2d(ax, ay, bx, by, cx, cy)) + 0, expected); // + 0 folds -0
          assert.equal(orient2dExact(ax, ay, bx, by, cx, cy), expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is right on the classic failure grid of naive floating point (Kettner et al.)', () => {
    // p = (0.5 + i·u, 0.5 + j·u), q = (12, 12), r = (24, 24): naive evaluation gets many signs wrong.
    const u = 2 ** -53;
    let checked = 0;
    for (let i = 0; i < 64; i++) {
      for (let j = 0; j < 64; j++) {
        const px = 0.5 + i * u;
        const py = 0.5 + j * u;
        assert.equal(Math.sign(orient2d(px, py, 12, 12, 24, 24)) + 0, exactSign(px, py, 12, 12, 24, 24));
        checked++;
      }
    }
    assert.equal(checked, 64 * 64);
  });

  it('gives 0 for exactly collinear points', () => {
    assert.equal(orient2d(0, 0, 1, 1, 0.5, 0.5), 0);
    assert.equal(orient2d(120.5, 30.25, 120.75, 30.5, 121, 30.75), 0);
    assert.equal(orient2dExact(0, 0, 0, 0, 0, 0), 0);
  });
});

describe('the half-open edge rule', () => {
  const cell = square(0, 0, 1, 1);

  it('a square owns its west and south sides and its south-west corner only', () => {
    assert.equal(pointInRing(cell, 0, 0.5), true, 'west side');
    assert.equal(pointInRing(cell, 0.5, 0), true, 'south side');
    assert.equal(pointInRing(cell, 0, 0), true, 'south-west corner');
    assert.equal(pointInRing(cell, 1, 0.5), false, 'east side');
    assert.equal(pointInRing(cell, 0.5, 1), false, 'north side');
    assert.equal(pointInRing(cell, 1, 0), false, 'south-east corner');
    assert.equal(pointInRing(cell, 0, 1), false, 'north-west corner');
    assert.equal(pointInRing(cell, 1, 1), false, 'north-east corner');
    assert.equal(pointInRing(cell, 0.5, 0.5), true);
  });

  it('does not depend on the winding of the ring', () => {
    const reversed = [...cell].reverse();
    for (const [x, y] of [
      [0, 0.5],
      [0.5, 0],
      [1, 0.5],
      [0.5, 1],
      [0, 0],
      [1, 1],
    ] as const) {
      assert.equal(pointInRing(reversed, x, y), pointInRing(cell, x, y), `at ${x},${y}`);
    }
  });

  it('edgeCrossesRay is symmetric in the edge direction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: -8, max: 8 }),
        (ax, ay, bx, by, px2, py2) => {
          const px = px2 / 2;
          const py = py2 / 2;
          assert.equal(edgeCrossesRay(ax, ay, bx, by, px, py), edgeCrossesRay(bx, by, ax, ay, px, py));
        },
      ),
    );
  });

  it('in a tiling of irregular cells, a point on a shared edge or vertex belongs to exactly one cell', () => {
    // Four quadrilaterals around a shared interior vertex (0.3, 0.6), all coordinates dyadic so
    // points at dyadic fractions along an edge lie exactly on it.
    const c: [number, number] = [0.375, 0.625];
    const cells: Ring[] = [
      [[0, 0], [0.5, 0], c, [0, 0.5], [0, 0]],
      [[0.5, 0], [1, 0], [1, 0.5], c, [0.5, 0]],
      [c, [1, 0.5], [1, 1], [0.5, 1], c],
      [[0, 0.5], c, [0.5, 1], [0, 1], [0, 0.5]],
    ];
    const sharedEdges: [[number, number], [number, number]][] = [
      [[0.5, 0], c],
      [[1, 0.5], c],
      [[0.5, 1], c],
      [[0, 0.5], c],
    ];
    for (const [a, b] of sharedEdges) {
      for (let k = 0; k <= 16; k++) {
        const x = a[0] + ((b[0] - a[0]) * k) / 16;
        const y = a[1] + ((b[1] - a[1]) * k) / 16;
        const interior = x > 0 && x < 1 && y > 0 && y < 1;
        if (!interior) continue;
        const owners = cells.filter((ring) => pointInRing(ring, x, y)).length;
        assert.equal(owners, 1, `point ${x},${y} on a shared edge`);
      }
    }
  });

  it('agrees with turf for points off the boundary, holes included', () => {
    const polygon: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        square(0, 0, 10, 10),
        square(2, 2, 4, 4),
        [
          [6, 6],
          [8, 6],
          [7, 8],
          [6, 6],
        ],
      ],
    };
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 11, noNaN: true }),
        fc.double({ min: -1, max: 11, noNaN: true }),
        (x, y) => {
          const onBoundaryLine = [0, 2, 4, 6, 8, 10].includes(x) || [0, 2, 4, 6, 8, 10].includes(y);
          fc.pre(!onBoundaryLine);
          const turf = booleanPointInPolygon([x, y], { type: 'Polygon', coordinates: polygon.coordinates });
          // The triangle's slanted edges: skip points too close to call without exact arithmetic in turf.
          fc.pre(Math.abs(orient2d(6, 6, 7, 8, x, y)) > 1e-9 && Math.abs(orient2d(8, 6, 7, 8, x, y)) > 1e-9);
          assert.equal(pointInPolygonal(polygon, x, y), turf);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('MultiPolygon parts combine by even-odd', () => {
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [[square(0, 0, 1, 1)], [square(2, 0, 3, 1)]],
    };
    assert.equal(pointInPolygonal(multi, 0.5, 0.5), true);
    assert.equal(pointInPolygonal(multi, 2.5, 0.5), true);
    assert.equal(pointInPolygonal(multi, 1.5, 0.5), false);
  });
});
