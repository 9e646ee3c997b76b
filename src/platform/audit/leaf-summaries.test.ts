import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeCopyBinary } from '../../../test/helpers/copy-binary.js';
import { sha256 } from './chain.js';
import { CopyBinaryReader } from './copy-binary.js';
import { LeafSummaryReader, summarizeLeaves } from './leaf-summaries.js';
import { compareLeaves, type Leaf } from './merkle.js';

// Names as PostgreSQL stores them (never a NUL), with what JSON escapes and what UTF-16 sorts apart from
// UTF-8 over-represented.
const name = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ unit: fc.constantFrom('"', '\\', '\n', 'a', 'b', '\uFFFD', '😀'), maxLength: 6 }),
  )
  .filter((s) => !s.includes('\u0000'));

const leaf = fc.record({
  streamType: fc.constantFrom('case', 'enforcement', '案件'),
  streamId: name,
  streamVersion: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  hash: fc.string().map((s) => sha256(s)),
});

function row(no: number, l: Leaf): Buffer[] {
  const checkpoint = Buffer.alloc(8);
  checkpoint.writeBigInt64BE(BigInt(no));
  const version = Buffer.alloc(4);
  version.writeInt32BE(l.streamVersion);
  return [checkpoint, Buffer.from(l.streamType), Buffer.from(l.streamId), version, l.hash];
}

describe('leaf summaries over binary COPY', () => {
  it('give each checkpoint the count, order and root that its leaves give as objects', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(leaf, { maxLength: 12 }), fc.boolean()), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 200 }),
        (checkpoints, chunk) => {
          // Some checkpoints in tree order, as the writer makes them; the rest as drawn.
          const lists = checkpoints.map(([leaves, sort]) =>
            sort ? [...leaves].sort(compareLeaves) : leaves,
          );
          const stream = encodeCopyBinary(lists.flatMap((leaves, i) => leaves.map((l) => row(i + 1, l))));
          const summaries = new LeafSummaryReader();
          const reader = new CopyBinaryReader(5, summaries.row);
          for (let at = 0; at < stream.length; at += chunk) {
            reader.push(Buffer.from(stream.subarray(at, at + chunk)));
          }
          reader.finish();
          const got = summaries.finish();
          lists.forEach((leaves, i) => {
            if (leaves.length === 0) return assert.equal(got.has(i + 1), false);
            assert.deepEqual(got.get(i + 1), summarizeLeaves(leaves), `checkpoint ${i + 1}`);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
