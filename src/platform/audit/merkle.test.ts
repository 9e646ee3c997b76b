import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sha256 } from './chain.js';
import { inclusionPath, merkleRoot, nodeHash, rootFromPath } from './merkle.js';

const leaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => sha256(`leaf ${i}`));

/** RFC 6962's recursive definition, as the reference. */
function reference(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 1) return hashes[0] as Buffer;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return nodeHash(reference(hashes.slice(0, k)), reference(hashes.slice(k)));
}

describe('Merkle trees', () => {
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
