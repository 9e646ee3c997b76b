import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonStringRoom, putInt64, putInteger, putJsonString } from './byte-json.js';

const awkward = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\u0001', '\u001f', '\u007f', '\u2028', '井', '😀', 'a'),
  }),
);

describe('JSON written from bytes', () => {
  it('writes a string exactly as JSON.stringify does, within the room it promises', () => {
    fc.assert(
      fc.property(awkward, fc.nat(8), (text, offset) => {
        const src = Buffer.concat([Buffer.alloc(offset, 0x41), Buffer.from(text)]);
        const n = src.length - offset;
        const out = Buffer.alloc(jsonStringRoom(n) + 3);
        const end = putJsonString(out, 3, src, offset, n);
        assert.ok(end - 3 <= jsonStringRoom(n));
        assert.equal(out.toString('utf8', 3, end), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes integers as String does, and 64-bit ones exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (v) => {
        const out = Buffer.alloc(32);
        assert.equal(out.toString('latin1', 0, putInteger(out, 0, v)), String(v));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }),
        fc.integer({ min: 0, max: 2 ** 50 }),
        (v, offset) => {
          const src = Buffer.alloc(8);
          src.writeBigInt64BE(v);
          const out = Buffer.alloc(32);
          assert.equal(
            out.toString('latin1', 0, putInt64(out, 0, src, 0, offset)),
            String(v + BigInt(offset)),
          );
        },
      ),
      { numRuns: 2000 },
    );
    // Just past the safe range before the offset brings it back.
    const src = Buffer.alloc(8);
    src.writeBigInt64BE(-(2n ** 53n) - 3n);
    const out = Buffer.alloc(32);
    assert.equal(out.toString('latin1', 0, putInt64(out, 0, src, 0, 10)), String(-(2n ** 53n) + 7n));
    // Around the two halves' boundaries, where a rounded quotient would misplace a digit.
    fc.assert(
      fc.property(fc.integer({ min: 22, max: 90_071_991 }), fc.integer({ min: -2, max: 2 }), (k, d) => {
        const v = k * 1e8 + d;
        const out = Buffer.alloc(32);
        assert.equal(out.toString('latin1', 0, putInteger(out, 0, v)), String(v));
      }),
      { numRuns: 2000 },
    );
    const edges = [2 ** 31 - 1, 2 ** 31, 1e15 - 1, 1e15, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (const v of [0, 9, 10, 99, 100, -1, -10, ...edges]) {
      const out = Buffer.alloc(32);
      assert.equal(out.toString('latin1', 0, putInteger(out, 0, v)), String(v));
    }
  });
});
