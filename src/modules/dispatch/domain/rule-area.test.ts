import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { areaContains, compileArea, type CompiledArea } from './rule-area.js';
import { square } from './test-fixtures.js';
import type { RuleArea } from './types.js';

function compiled(area: RuleArea): CompiledArea {
  const result = compileArea(area);
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('rule areas', () => {
  it('measures a 100 m × 100 m cell at Hangzhou as about 1 ha', () => {
    // 100 m of latitude ≈ 0.000899°; of longitude at 30.25° ≈ 0.001041°.
    const cell = compiled({
      type: 'Polygon',
      coordinates: [
        [
          [120, 30.25],
          [120.0010406, 30.25],
          [120.0010406, 30.250899],
          [120, 30.250899],
          [120, 30.25],
        ],
      ],
    });
    assert.ok(Math.abs(cell.areaM2 - 10_000) < 50, `area ${cell.areaM2}`);
  });

  it('subtracts holes from the area and from containment', () => {
    const outer = compiled({ type: 'Polygon', coordinates: square(0.02) });
    const holed = compiled({ type: 'Polygon', coordinates: [...square(0.02), ...square(0.01)] });
    assert.ok(Math.abs(holed.areaM2 - outer.areaM2 * 0.75) < outer.areaM2 * 1e-9);
    assert.equal(areaContains(holed, 120.165, 30.245), false);
    assert.equal(areaContains(holed, 120.165 + 0.015, 30.245), true);
  });

  it('contains points of either part of a MultiPolygon and nothing outside the box', () => {
    const multi = compiled({ type: 'MultiPolygon', coordinates: [square(0.01), square(0.01, 120.3)] });
    assert.equal(areaContains(multi, 120.165, 30.245), true);
    assert.equal(areaContains(multi, 120.3, 30.245), true);
    assert.equal(areaContains(multi, 120.23, 30.245), false);
    assert.equal(areaContains(multi, 120.165, 31), false);
  });

  it('gives a point on a shared vertical edge to the polygon east of it', () => {
    const west = compiled({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    const east = compiled({
      type: 'Polygon',
      coordinates: [
        [
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 0],
        ],
      ],
    });
    assert.deepEqual([areaContains(west, 1, 0.5), areaContains(east, 1, 0.5)], [false, true]);
  });

  it('agrees with a direct test on random points for a concave polygon', () => {
    // An L shape: the unit square minus its north-east quarter.
    const l = compiled({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 0.5],
          [0.5, 0.5],
          [0.5, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        (x, y) => {
          const expected = x >= 0 && x < 1 && y >= 0 && y < 1 && !(x >= 0.5 && y >= 0.5);
          // Points exactly on an edge follow the edge rule, which the direct test models only partly: skip them.
          fc.pre(![0, 0.5, 1].includes(x) && ![0, 0.5, 1].includes(y));
          assert.equal(areaContains(l, x, y), expected);
        },
      ),
    );
  });
});
