/**
 * Merkle trees over checkpoint leaves, shaped as in RFC 6962 (Certificate Transparency): leaves and inner
 * nodes are hashed with different prefixes (so a leaf can never pose as a node), and a tree of n leaves splits
 * at the largest power of two below n. Inclusion proofs are the sibling hashes from the leaf up.
 */
import { sha256 } from './chain.js';

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export interface Leaf {
  streamType: string;
  streamId: string;
  streamVersion: number;
  hash: Buffer;
}

export function leafHash(leaf: Leaf): Buffer {
  const text = JSON.stringify([
    leaf.streamType,
    leaf.streamId,
    leaf.streamVersion,
    leaf.hash.toString('hex'),
  ]);
  return sha256(Buffer.concat([LEAF, Buffer.from(text, 'utf8')]));
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(Buffer.concat([NODE, left, right]));
}

/** Leaves in tree order: by record type, then id, compared as UTF-8 bytes (independent of any collation). */
export function compareLeaves(
  a: Pick<Leaf, 'streamType' | 'streamId'>,
  b: Pick<Leaf, 'streamType' | 'streamId'>,
): number {
  return (
    Buffer.compare(Buffer.from(a.streamType, 'utf8'), Buffer.from(b.streamType, 'utf8')) ||
    Buffer.compare(Buffer.from(a.streamId, 'utf8'), Buffer.from(b.streamId, 'utf8'))
  );
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The root over leaf hashes (sha256 of nothing for an empty tree). */
export function merkleRoot(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return sha256(Buffer.alloc(0));
  // Bottom-up, pairing neighbours and carrying an odd last node up unchanged: the same tree as the recursive
  // largest-power-of-two split, without the recursion.
  let level: Buffer[] = [...hashes];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Buffer);
    level = next;
  }
  return level[0] as Buffer;
}

/** The sibling hashes from leaf `index` up to the root, nearest first. */
export function inclusionPath(hashes: readonly Buffer[], index: number): Buffer[] {
  if (index < 0 || index >= hashes.length) {
    throw new Error(`leaf ${index} is not in a tree of ${hashes.length}`);
  }
  if (hashes.length === 1) return [];
  const k = largestPowerOfTwoBelow(hashes.length);
  return index < k
    ? [...inclusionPath(hashes.slice(0, k), index), merkleRoot(hashes.slice(k))]
    : [...inclusionPath(hashes.slice(k), index - k), merkleRoot(hashes.slice(0, k))];
}

/** Recomputes the root from a leaf hash, its index, the tree size and its path (RFC 9162 §2.1.3.2). */
export function rootFromPath(
  leaf: Buffer,
  index: number,
  size: number,
  path: readonly Buffer[],
): Buffer | null {
  if (index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? r : null;
}
