import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { geometryAreaM2 } from './area.js';
import { difference } from './polygon-clipping.js';
import { LocalProjection } from './projection.js';
import { areaOutsideM2, prepareRegion } from './region-topology.js';
import { jitteredLattice } from './synthetic/jittered-lattice.js';
import type { PolygonalGeometry, PolygonGeometry, Position, Ring } from './types.js';
import type { RegionFeatureInput } from './validate.js';
import { validateRegions } from './validate.js';
import type { ValidationProblemCode } from './validation-types.js';

// Shapes in metres around a point in Hangzhou.
const P = new LocalProjection(120.2, 30.25);
const pt = (x: number, y: number): Position => [P.lng(x), P.lat(y)];
const ringM = (...points: [number, number][]): Ring => {
  const ring = points.map(([x, y]) => pt(x, y));
  ring.push(ring[0]!);
  return ring;
};
const rectM = (x0: number, y0: number, x1: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [ringM([x0, y0], [x1, y0], [x1, y1], [x0, y1])],
});

const COMMUNITY = '330102001051';
const community = rectM(0, 0, 300, 300);
const parents = new Map<string, PolygonalGeometry>([[COMMUNITY, community]]);
const grid = (
  seq: number,
  geometry: unknown,
  extra: Partial<RegionFeatureInput> = {},
): RegionFeatureInput => ({
  code: `${COMMUNITY}${String(seq).padStart(3, '0')}`,
  geometry,
  ...extra,
});

function problemsOf(features: RegionFeatureInput[]): { index: number; problem: ValidationProblemCode }[] {
  return validateRegions(features, { level: 'grid', parents }).problems.map((p) => ({
    index: p.featureIndex,
    problem: p.problem,
  }));
}

describe('validateRegions: each problem', () => {
  it('accepts a clean 3 × 3 tiling of its community', () => {
    const features: RegionFeatureInput[] = [];
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 3; col++) {
        features.push(grid(row * 3 + col + 1, rectM(col * 100, row * 100, col * 100 + 100, row * 100 + 100)));
      }
    }
    const report = validateRegions(features, { level: 'grid', parents });
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.invalidFeatureIndexes, []);
    assert.equal(report.featureCount, 9);
  });

  it('OPEN_RING', () => {
    const open = rectM(0, 0, 100, 100);
    open.coordinates[0]!.pop();
    assert.deepEqual(problemsOf([grid(1, open)]), [{ index: 0, problem: 'OPEN_RING' }]);
  });

  it('INVALID_GEOMETRY: wrong type, bad numbers, too few points, no area', () => {
    const cases: unknown[] = [
      { type: 'Point', coordinates: pt(10, 10) },
      null,
      { type: 'Polygon', coordinates: [[pt(0, 0), [Number.NaN, 30], pt(0, 10), pt(0, 0)]] },
      { type: 'Polygon', coordinates: [[pt(0, 0), [200, 30], pt(0, 10), pt(0, 0)]] },
      { type: 'Polygon', coordinates: [[pt(0, 0), pt(10, 0), pt(0, 0)]] },
      { type: 'Polygon', coordinates: [[pt(0, 0), pt(10, 0), pt(20, 0), pt(0, 0)]] },
      { type: 'MultiPolygon', coordinates: [] },
    ];
    cases.forEach((geometry, i) => {
      const found = problemsOf([grid(1, geometry)]);
      assert.deepEqual(found, [{ index: 0, problem: 'INVALID_GEOMETRY' }], `case ${i}`);
    });
  });

  it('SELF_CROSSING: bow-tie, spike, pinch, hole crossing its shell — but a hole may touch at a point', () => {
    const bowTie = { type: 'Polygon', coordinates: [ringM([0, 0], [100, 100], [100, 0], [0, 100])] };
    const spike = {
      type: 'Polygon',
      coordinates: [ringM([0, 0], [100, 0], [100, 50], [100, 20], [100, 100], [0, 100])],
    };
    const pinch = {
      type: 'Polygon',
      coordinates: [ringM([0, 0], [100, 0], [50, 50], [100, 100], [0, 100], [50, 50])],
    };
    const holeCrossing = {
      type: 'Polygon',
      coordinates: [
        ringM([0, 0], [100, 0], [100, 100], [0, 100]),
        ringM([50, 50], [150, 50], [150, 60], [50, 60]),
      ],
    };
    for (const [name, geometry] of Object.entries({ bowTie, spike, pinch, holeCrossing })) {
      assert.deepEqual(
        problemsOf([grid(1, geometry)]).filter((p) => p.problem === 'SELF_CROSSING'),
        [{ index: 0, problem: 'SELF_CROSSING' }],
        name,
      );
    }
    const holeTouching = {
      type: 'Polygon',
      coordinates: [ringM([0, 0], [100, 0], [100, 100], [0, 100]), ringM([0, 50], [50, 40], [50, 60])],
    };
    assert.deepEqual(problemsOf([grid(1, holeTouching)]), []);
  });

  it('SELF_CROSSING in a long ring goes through the segment index and is still found', () => {
    const ring: [number, number][] = [];
    for (let i = 0; i < 200; i++) {
      const a = (i / 200) * 2 * Math.PI;
      ring.push([150 + 100 * Math.cos(a), 150 + 100 * Math.sin(a)]);
    }
    const clean = { type: 'Polygon', coordinates: [ringM(...ring)] };
    assert.deepEqual(problemsOf([grid(1, clean)]), []);
    // Swap two distant vertices: their edges now cross the ring.
    const broken = ring.slice();
    [broken[10], broken[110]] = [broken[110]!, broken[10]!];
    const found = problemsOf([grid(1, { type: 'Polygon', coordinates: [ringM(...broken)] })]);
    assert.ok(found.some((p) => p.problem === 'SELF_CROSSING'));
  });

  it('OUTSIDE_PARENT above the tolerance only', () => {
    // 10 m × 5 m = 50 m² sticks out of the community.
    const sticking = {
      type: 'Polygon',
      coordinates: [ringM([250, 0], [310, 0], [310, 5], [300, 5], [300, 100], [250, 100])],
    };
    const report = validateRegions([grid(1, sticking)], { level: 'grid', parents });
    assert.equal(report.problems.length, 1);
    const problem = report.problems[0]!;
    assert.equal(problem.problem, 'OUTSIDE_PARENT');
    assert.ok(Math.abs((problem.details?.outsideAreaM2 as number) - 50) < 0.5);
    const tolerant = validateRegions([grid(1, sticking)], { level: 'grid', parents, outsideToleranceM2: 60 });
    assert.deepEqual(tolerant.problems, []);
    // Far away: all of it is outside.
    const far = validateRegions([grid(1, rectM(1000, 1000, 1100, 1100))], { level: 'grid', parents });
    assert.ok(Math.abs((far.problems[0]?.details?.outsideAreaM2 as number) - 10_000) < 1);
    // Touching the parent's boundary from inside is fine.
    assert.deepEqual(problemsOf([grid(1, rectM(200, 200, 300, 300))]), []);
  });

  it('SIBLING_OVERLAP above the tolerance, reported on both features', () => {
    const a = rectM(0, 0, 100, 100);
    const b = rectM(95, 0, 195, 100); // 5 m × 100 m = 500 m² overlap
    const report = validateRegions([grid(1, a), grid(2, b)], { level: 'grid', parents });
    assert.deepEqual(
      report.problems.map((p) => [p.featureIndex, p.problem, p.details?.otherFeatureIndex]),
      [
        [0, 'SIBLING_OVERLAP', 1],
        [1, 'SIBLING_OVERLAP', 0],
      ],
    );
    assert.ok(Math.abs((report.problems[0]?.details?.overlapAreaM2 as number) - 500) < 1);
    const tiny = rectM(99.99, 0, 200, 100); // 0.01 m × 100 m = 1 m²: at the default tolerance
    assert.deepEqual(problemsOf([grid(1, a), grid(2, tiny)]), []);
    assert.equal(
      validateRegions([grid(1, a), grid(2, tiny)], { level: 'grid', overlapToleranceM2: 0.5 }).problems
        .length,
      2,
    );
  });

  it('DUPLICATE_CODE on every holder of the code', () => {
    const found = problemsOf([grid(1, rectM(0, 0, 100, 100)), grid(1, rectM(100, 0, 200, 100))]);
    assert.deepEqual(found, [
      { index: 0, problem: 'DUPLICATE_CODE' },
      { index: 1, problem: 'DUPLICATE_CODE' },
    ]);
  });

  it('BAD_CODE: missing, malformed, 000 sequence, wrong parent prefix, unknown parent', () => {
    const g = rectM(0, 0, 100, 100);
    const cases: [RegionFeatureInput, string][] = [
      [{ geometry: g }, 'MISSING'],
      [{ code: '', geometry: g }, 'MISSING'],
      [{ code: '33010200105100', geometry: g }, 'FORMAT'],
      [{ code: '33010200105100A', geometry: g }, 'FORMAT'],
      [{ code: '330102001051000', geometry: g }, 'FORMAT'],
      [{ code: '330102001052001', parentCode: COMMUNITY, geometry: g }, 'PREFIX'],
      [{ code: '330102001099001', geometry: g }, 'UNKNOWN_PARENT'],
    ];
    for (const [feature, reason] of cases) {
      const report = validateRegions([feature], { level: 'grid', parents });
      assert.deepEqual(
        report.problems.map((p) => [p.problem, p.details?.reason]),
        [['BAD_CODE', reason]],
        JSON.stringify(feature.code),
      );
    }
  });

  it('checks code formats per level', () => {
    const ok = (level: 'district' | 'street' | 'community', code: string): boolean =>
      validateRegions([{ code, geometry: rectM(0, 0, 10, 10) }], { level }).problems.length === 0;
    assert.equal(ok('district', '330102'), true);
    assert.equal(ok('district', '330100'), false, 'a city code is not a district');
    assert.equal(ok('street', '330102001'), true);
    assert.equal(ok('street', '33010200'), false);
    assert.equal(ok('community', '330102001051'), true);
    assert.equal(ok('community', '330102001000'), false);
  });
});

describe('validateRegions at scale', () => {
  it('passes a 60 × 50 jittered lattice (shared vertices, non-convex cells) inside its bounds', () => {
    const lattice = jitteredLattice({
      cols: 60,
      rows: 50,
      originLng: 120.2,
      originLat: 30.25,
      seed: 'validate',
    });
    const margin = 0.01;
    const parent: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [120.2 - margin, 30.25 - margin],
          [120.3 + margin, 30.25 - margin],
          [120.3 + margin, 30.35 + margin],
          [120.2 - margin, 30.35 + margin],
          [120.2 - margin, 30.25 - margin],
        ],
      ],
    };
    const features = lattice.cells.map((geometry, i) => ({
      code: `${COMMUNITY}${String((i % 999) + 1).padStart(3, '0')}`,
      geometry,
    }));
    // Codes repeat beyond 999 cells; only DUPLICATE_CODE may appear, never a geometry problem.
    const report = validateRegions(features, {
      level: 'grid',
      parents: new Map([[COMMUNITY, parent]]),
      overlapToleranceM2: 1e-6,
      outsideToleranceM2: 1e-6,
    });
    assert.deepEqual([...new Set(report.problems.map((p) => p.problem))], ['DUPLICATE_CODE']);
  });
});

describe('area outside the parent', () => {
  it('the fast containment proof agrees with the exact boolean difference', () => {
    const parent = {
      type: 'Polygon' as const,
      coordinates: [
        ringM([0, 0], [300, 0], [300, 300], [150, 150], [0, 300]),
        ringM([100, 50], [200, 50], [200, 100], [100, 100]),
      ],
    };
    const prepared = prepareRegion(parent);
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 330 }),
        fc.integer({ min: -50, max: 330 }),
        fc.integer({ min: 5, max: 120 }),
        fc.integer({ min: 5, max: 120 }),
        (x, y, w, h) => {
          const feature = rectM(x, y, x + w, y + h);
          const exact = difference(feature, parent);
          const expected =
            exact.length === 0 ? 0 : geometryAreaM2({ type: 'MultiPolygon', coordinates: exact });
          const got = areaOutsideM2(feature, prepared);
          assert.ok(Math.abs(got - expected) < 1e-3 * Math.max(1, expected), `${got} vs ${expected}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
