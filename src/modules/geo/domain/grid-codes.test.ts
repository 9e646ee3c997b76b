import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assignGridCodes, gridSequenceNumbers } from './grid-codes.js';
import { LocalProjection } from './projection.js';
import type { Position } from './types.js';

const projection = new LocalProjection(120.2, 30.25);
/** Anchor of lattice cell (col, row), rows counted from the north, 100 m cells, with a jitter in metres. */
const anchor = (col: number, row: number, jitterX = 0, jitterY = 0): Position => [
  projection.lng(col * 100 + 50 + jitterX),
  projection.lat(-row * 100 - 50 + jitterY),
];

describe('grid sequence numbers', () => {
  it('number rows from the north and, within a row, from the west', () => {
    // A 4 × 3 block given in scrambled order.
    const cells: [number, number][] = [];
    for (let row = 0; row < 3; row++) for (let col = 0; col < 4; col++) cells.push([col, row]);
    const scrambled = [7, 2, 11, 0, 5, 9, 1, 10, 3, 6, 8, 4].map((i) => cells[i]!);
    const numbers = gridSequenceNumbers(scrambled.map(([col, row]) => ({ anchor: anchor(col, row) })));
    scrambled.forEach(([col, row], i) => assert.equal(numbers[i], row * 4 + col + 1, `cell ${col},${row}`));
  });

  it('keeps a row together when anchors wander by up to 40 % of the row height', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -40, max: 40, noNaN: true }),
            fc.double({ min: -40, max: 40, noNaN: true }),
          ),
          {
            minLength: 15,
            maxLength: 15,
          },
        ),
        (jitters) => {
          const cells: [number, number][] = [];
          for (let row = 0; row < 3; row++) for (let col = 0; col < 5; col++) cells.push([col, row]);
          // The northernmost anchor sets the first band; keep one anchor exact so bands stay aligned.
          const anchors = cells.map(([col, row], i) =>
            i === 0 ? anchor(col, row) : anchor(col, row, jitters[i]![0], Math.min(0, jitters[i]![1])),
          );
          const numbers = gridSequenceNumbers(anchors.map((a) => ({ anchor: a })));
          cells.forEach(([col, row], i) => assert.equal(numbers[i], row * 5 + col + 1));
        },
      ),
    );
  });

  it('is a permutation of 1..n and deterministic on exact ties', () => {
    const same = anchor(0, 0);
    assert.deepEqual(
      gridSequenceNumbers([{ anchor: same }, { anchor: same }, { anchor: anchor(1, 0) }]),
      [1, 2, 3],
    );
    assert.deepEqual(gridSequenceNumbers([]), []);
  });

  it('makes 15-digit codes from the community code', () => {
    const codes = assignGridCodes('330102001051', [{ anchor: anchor(1, 0) }, { anchor: anchor(0, 0) }]);
    assert.deepEqual(codes, ['330102001051002', '330102001051001']);
  });

  it('refuses more than 999 grids in a community', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ anchor: anchor(i % 40, Math.floor(i / 40)) }));
    assert.throws(() => gridSequenceNumbers(many), RangeError);
    assert.throws(() => assignGridCodes('33010200105', [{ anchor: anchor(0, 0) }]), /bad community code/);
  });
});
