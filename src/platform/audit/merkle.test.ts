import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sha256 } from './chain.js';
import { createHash } from 'node:crypto';
import { compareLeaves, inclusionPath, leafHash, merkleRoot, nodeHash, rootFromPath } from './merkle.js';

const leaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => sha256(`leaf ${i}`));

/** RFC 6962's recursive definition, as the reference. */
function reference(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 1) return hashes[0] as Buffer;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return nodeHash(reference(hashes.slice(0, k)), reference(hashes.slice(k)));
}

const sha = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();

describe('Merkle trees', () => {
  it('hash a leaf as 0x00 and its JSON text, a node as 0x01 and its two children (RFC 6962)', () => {
    const leaf = { streamType: 'case', streamId: '编号-1', streamVersion: 3, hash: sha256('x') };
    const text = JSON.stringify(['case', '编号-1', 3, sha256('x').toString('hex')]);
    assert.deepEqual(leafHash(leaf), sha(Buffer.from([0]), Buffer.from(text, 'utf8')));
    const [a, b] = [sha256('a'), sha256('b')];
    assert.deepEqual(nodeHash(a, b), sha(Buffer.from([1]), a, b));
    const long = Buffer.alloc(40, 7);
    assert.deepEqual(nodeHash(long, b), sha(Buffer.from([1]), long, b));
  });

  it('order leaves by the UTF-8 bytes of type, then id', () => {
    const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        fc.string(),
        (t, x, y) => {
          for (const [a, b] of [
            [x, y],
            [x, x + y],
            [`${x}\u{1F600}`, `${x}\uFFFD`],
          ] as const) {
            const got = Math.sign(
              compareLeaves({ streamType: t, streamId: a }, { streamType: t, streamId: b }),
            );
            assert.equal(got, Math.sign(Buffer.compare(bytes(a), bytes(b))), `${a} / ${b}`);
          }
          const byType = compareLeaves({ streamType: x, streamId: 'z' }, { streamType: y, streamId: 'a' });
          assert.equal(Math.sign(byType), x === y ? 1 : Math.sign(Buffer.compare(bytes(x), bytes(y))));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('match the recursive definition for every size', () => {
    for (let n = 1; n <= 70; n++) assert.deepEqual(merkleRoot(leaves(n)), reference(leaves(n)), `n=${n}`);
  });

  it('prove every leaf, and no proof survives a change to the leaf, its index or the path (the size is signed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), (n, i, j) => {
        const hs = leaves(n);
        const index = i % n;
        const root = merkleRoot(hs);
        const path = inclusionPath(hs, index);
        assert.deepEqual(rootFromPath(hs[index] as Buffer, index, n, path), root);
        assert.notDeepEqual(rootFromPath(sha256('forged'), index, n, path), root);
        if (n > 1) {
          const other = (index + 1 + (j % (n - 1))) % n;
          assert.notDeepEqual(rootFromPath(hs[index] as Buffer, other, n, path), root);
        }
        if (path.length > 0) {
          const bent = [...path];
          bent[j % path.length] = sha256('bent');
          assert.notDeepEqual(rootFromPath(hs[index] as Buffer, index, n, bent), root);
        }
      }),
      { numRuns: 300 },
    );
  });
});
