import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RecordHeads } from './record-heads.js';

describe('record heads', () => {
  it('keep every record apart and its head intact while the tables grow', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uint8Array({ minLength: 16, maxLength: 300 }), {
          // Past the first sizes of every table (1,024 records, 4,096 slots, 64 KB of keys).
          minLength: 2500,
          maxLength: 6000,
          selector: (k) => Buffer.from(k).toString('hex'),
        }),
        (keys) => {
          const heads = new RecordHeads();
          const hashOf = (i: number): Buffer => Buffer.alloc(32, i % 251);
          // Each key sits at an offset of its own in a larger buffer, as in a COPY row.
          const ids = keys.map((k, i) => {
            const id = heads.idOf(Buffer.concat([Buffer.alloc(7), k]), 7, k.length);
            heads.advance(id, i + 1, hashOf(i), 0, 32);
            return id;
          });
          assert.deepEqual(
            ids,
            keys.map((_, i) => i),
          );
          assert.equal(heads.size, keys.length);
          keys.forEach((k, i) => {
            assert.equal(heads.idOf(Buffer.from(k), 0, k.length), i);
            assert.deepEqual(heads.key(i), Buffer.from(k));
            assert.equal(heads.version(i), i + 1);
            assert.ok(heads.hashIs(i, hashOf(i), 0, 32));
            assert.ok(!heads.hashIs(i, hashOf(i + 1), 0, 32));
          });
        },
      ),
      // Shrinking thousands of keys takes minutes; the first failure says enough.
      { numRuns: 5, endOnFailure: true },
    );
  });

  it('holds a head without a hash, and hashes of another length', () => {
    const heads = new RecordHeads();
    const id = heads.idOf(Buffer.from('case\0\0\0\x01x', 'latin1'), 0, 9);
    assert.ok(heads.hashIs(id, Buffer.alloc(0), 0, -1), 'a new record has no hash');
    heads.advance(id, 1, Buffer.from('short'), 0, 5);
    assert.ok(heads.hashIs(id, Buffer.from('short'), 0, 5));
    assert.equal(heads.hash(id), 'short');
    heads.advance(id, 2, Buffer.alloc(0), 0, -1);
    assert.equal(heads.hash(id), null);
  });
});
