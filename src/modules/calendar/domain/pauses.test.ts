import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { CalendarInputError } from './errors.js';
import { normalizePauses } from './pauses.js';

const M = 60_000;

describe('pause normalisation', () => {
  it('widens a pause to the whole minutes it touches', () => {
    assert.deepEqual(normalizePauses([{ from: 10 * M + 30_000, to: 12 * M + 1 }]), [10, 13]);
  });

  it('sorts, merges overlapping and touching pauses, and drops empty ones', () => {
    assert.deepEqual(
      normalizePauses([
        { from: 50 * M, to: 60 * M },
        { from: 5 * M, to: 5 * M },
        { from: 10 * M, to: 20 * M },
        { from: 15 * M, to: 30 * M },
        { from: 30 * M, to: 40 * M },
      ]),
      [10, 40, 50, 60],
    );
    assert.equal(normalizePauses([{ from: M, to: M }]), null);
    assert.equal(normalizePauses([]), null);
  });

  it('covers exactly the minutes some pause touches (any order, any overlap)', () => {
    const pause = fc
      .tuple(fc.integer({ min: 0, max: 200 * M }), fc.integer({ min: 0, max: 30 * M }))
      .map(([from, length]) => ({ from, to: from + length }));
    fc.assert(
      fc.property(fc.array(pause, { maxLength: 6 }), (pauses) => {
        const flat = normalizePauses(pauses) ?? [];
        for (let k = 2; k < flat.length; k += 2) assert.ok(flat[k]! > flat[k - 1]!, 'disjoint and ascending');
        for (let m = 0; m < 240; m++) {
          const touched = pauses.some((p) => p.from < p.to && p.from < (m + 1) * M && p.to > m * M);
          let covered = false;
          for (let k = 0; k < flat.length; k += 2) if (flat[k]! <= m && m < flat[k + 1]!) covered = true;
          assert.equal(covered, touched, `minute ${m}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the offending pause field', () => {
    assert.throws(
      () =>
        normalizePauses([
          { from: 0, to: M },
          { from: Number.NaN, to: M },
        ]),
      (e: unknown) => e instanceof CalendarInputError && e.field === 'pauses[1].from',
    );
  });
});
