import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { HashScratch, putBinary } from './hash-scratch.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('binary');

describe('HashScratch', () => {
  it('hashes exactly the first n bytes, at every length and after growing', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 20 }), (inputs) => {
        const scratch = new HashScratch(16);
        for (const input of inputs) {
          // Bytes past n are left from earlier inputs: they must not count.
          scratch.ensure(input.length + 8, 0);
          scratch.bytes.set(input);
          scratch.bytes.fill(0xee, input.length, input.length + 8);
          assert.equal(scratch.sha256(input.length), sha256(input));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the bytes it is asked to keep when it grows', () => {
    const scratch = new HashScratch(8);
    scratch.bytes.write('header', 0, 'latin1');
    const before = scratch.sha256(6);
    scratch.ensure(100_000, 6);
    assert.ok(scratch.bytes.length >= 100_000);
    assert.equal(scratch.bytes.toString('latin1', 0, 6), 'header');
    assert.equal(scratch.sha256(6), before);
    // Longer than the lengths it keeps views for.
    scratch.bytes.fill(7, 0, 99_999);
    assert.equal(scratch.sha256(99_999), sha256(Buffer.alloc(99_999, 7)));
  });

  it('writes a binary string as its bytes', () => {
    const out = Buffer.alloc(40, 1);
    const digest = sha256(Buffer.from('x'));
    putBinary(out, 4, digest);
    assert.deepEqual(out.subarray(4, 36), Buffer.from(digest, 'latin1'));
    assert.equal(out[3], 1);
    assert.equal(out[36], 1);
  });
});
