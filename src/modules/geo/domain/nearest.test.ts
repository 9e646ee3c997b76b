import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { haversineM } from './distance.js';
import { buildPointIndex, nearestPoints } from './nearest.js';
import { createRandom } from './synthetic/prng.js';

describe('nearestPoints', () => {
  // Points spread over ~20 km around Hangzhou, plus duplicates to exercise ties.
  const random = createRandom('nearest-test');
  const points: [number, number][] = [];
  for (let i = 0; i < 4000; i++) points.push([random.range(120.1, 120.3), random.range(30.15, 30.4)]);
  points.push([120.2, 30.25], [120.2, 30.25]);
  const index = buildPointIndex(points);

  const bruteForce = (
    lng: number,
    lat: number,
    k: number,
    max: number,
  ): { index: number; distanceM: number }[] =>
    points
      .map(([x, y], i) => ({ index: i, distanceM: haversineM(lng, lat, x, y) }))
      .filter((h) => h.distanceM <= max)
      .sort((a, b) => a.distanceM - b.distanceM || a.index - b.index)
      .slice(0, k);

  it('returns exactly the brute-force k nearest by haversine distance, within the limit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 120.05, max: 120.35, noNaN: true }),
        fc.double({ min: 30.1, max: 30.45, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(50, 200, 1000, Infinity),
        (lng, lat, k, max) => {
          assert.deepEqual(nearestPoints(index, lng, lat, k, max), bruteForce(lng, lat, k, max));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('breaks ties by the lower index', () => {
    const hits = nearestPoints(index, 120.2, 30.25, 2, 10);
    assert.deepEqual(
      hits.map((h) => h.index),
      [4000, 4001],
    );
    assert.equal(hits[0]?.distanceM, 0);
  });

  it('handles the degenerate cases', () => {
    assert.deepEqual(nearestPoints(buildPointIndex([]), 120, 30, 3, 100), []);
    assert.deepEqual(nearestPoints(index, 120.2, 30.25, 0, 100), []);
    assert.deepEqual(nearestPoints(index, Number.NaN, 30.25, 3, 100), []);
    assert.deepEqual(nearestPoints(index, 121.5, 31.5, 3, 100), [], 'nothing within 100 m far away');
  });
});
