/**
 * Merkle trees over checkpoint leaves, shaped as in RFC 6962 (Certificate Transparency): leaves and inner
 * nodes are hashed with different prefixes (so a leaf can never pose as a node), and a tree of n leaves splits
 * at the largest power of two below n. Inclusion proofs are the sibling hashes from the leaf up.
 */
import { hash } from 'node:crypto';
import { sha256 } from './chain.js';
import { putBinary } from './hash-scratch.js';

/** A node's input, [1] + left + right: one buffer reused (hashing is synchronous). */
const nodeInput = Buffer.from([1, ...new Array<number>(64).fill(0)]);

export interface Leaf {
  streamType: string;
  streamId: string;
  streamVersion: number;
  hash: Buffer;
}

/** sha256 of [0] + the leaf's JSON text (a string hashes as UTF-8, where U+0000 is the byte 0). */
export function leafHash(leaf: Leaf): Buffer {
  const out = Buffer.allocUnsafe(32);
  writeLeafHash(out, 0, leaf);
  return out;
}

/** leafHash written at `out[at]`, where a packed tree wants it. */
export function writeLeafHash(out: Buffer, at: number, leaf: Leaf): void {
  const text = JSON.stringify([
    leaf.streamType,
    leaf.streamId,
    leaf.streamVersion,
    leaf.hash.toString('hex'),
  ]);
  out.write(hash('sha256', `\u0000${text}`, 'binary'), at, 'latin1');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  // A path given with a proof may hold anything.
  if (left.length !== 32 || right.length !== 32) {
    return sha256(Buffer.concat([nodeInput.subarray(0, 1), left, right]));
  }
  left.copy(nodeInput, 1);
  right.copy(nodeInput, 33);
  return Buffer.from(hash('sha256', nodeInput, 'binary'), 'latin1');
}

/**
 * Two strings in the order of their UTF-8 bytes. UTF-16 code units sort the same way, except where a
 * surrogate (a character beyond U+FFFF) meets U+E000–U+FFFF: only there are the bytes compared.
 */
function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
    return x - y;
  }
  return a.length - b.length;
}

/** Leaves in tree order: by record type, then id, compared as UTF-8 bytes (independent of any collation). */
export function compareLeaves(
  a: Pick<Leaf, 'streamType' | 'streamId'>,
  b: Pick<Leaf, 'streamType' | 'streamId'>,
): number {
  return compareUtf8(a.streamType, b.streamType) || compareUtf8(a.streamId, b.streamId);
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The root over leaf hashes (sha256 of nothing for an empty tree). */
export function merkleRoot(hashes: readonly Buffer[]): Buffer {
  if (hashes.some((h) => h.length !== 32)) return merkleRootOfNodes(hashes);
  const packed = Buffer.allocUnsafe(32 * hashes.length);
  hashes.forEach((h, i) => h.copy(packed, 32 * i));
  return packedMerkleRoot(packed, hashes.length);
}

/**
 * The root over `count` leaf hashes laid end to end in `packed`, which it overwrites: a level's nodes are
 * written over the level below (node i after reading its children 2i and 2i + 1), with no buffer per node —
 * a checkpoint may have a million leaves.
 */
export function packedMerkleRoot(packed: Buffer, count: number): Buffer {
  if (count === 0) return sha256(Buffer.alloc(0));
  // Bottom-up, pairing neighbours and carrying an odd last node up unchanged: the same tree as the recursive
  // largest-power-of-two split, without the recursion.
  for (let n = count; n > 1;) {
    let w = 0;
    for (let i = 0; i + 1 < n; i += 2, w++) {
      for (let j = 0, from = 32 * i; j < 64; j++) nodeInput[1 + j] = packed[from + j] as number;
      putBinary(packed, 32 * w, hash('sha256', nodeInput, 'binary'));
    }
    if (n % 2 === 1) packed.copy(packed, 32 * w++, 32 * (n - 1), 32 * n);
    n = w;
  }
  return Buffer.from(packed.subarray(0, 32));
}

/** The same tree over nodes of any length (a proof's path may hold anything). */
function merkleRootOfNodes(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return sha256(Buffer.alloc(0));
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
