/**
 * The browser's own check of a case's proof (the recipe of docs/audit.md and platform/audit/proof.ts, with
 * WebCrypto instead of node:crypto): recompute the record's hash chain from the public headers and body
 * digests, the Merkle leaf and path up to the checkpoint's root, the checkpoint's hash, and its Ed25519
 * signature with the published key. Nothing here trusts the server's own say-so.
 */
import type { paths } from '../../../api/client';

export type RecordProof =
  paths['/api/public/tracking/proof']['post']['responses'][200]['content']['application/json'];

export type ProofFailure = 'order' | 'empty' | 'root' | 'hash' | 'key' | 'signature';

export interface ProofCheck {
  /** What failed; empty when everything holds. */
  failures: ProofFailure[];
  /** False when this browser has no Ed25519 in WebCrypto (the signature then stays unchecked). */
  signatureChecked: boolean;
}

const utf8 = new TextEncoder();

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function unhex(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

const nodeHash = (l: Uint8Array, r: Uint8Array) => sha256(concat(new Uint8Array([1]), l, r));

/** RFC 9162 §2.1.3.2, as merkle.ts rootFromPath. */
async function rootFromPath(leaf: Uint8Array, index: number, size: number, path: Uint8Array[]) {
  if (index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? r : null;
}

export async function verifyProof(proof: RecordProof, publicKeyHex: string): Promise<ProofCheck> {
  const failures: ProofFailure[] = [];
  const c = proof.checkpoint;
  let prev: Uint8Array = new Uint8Array(32);
  for (const [i, e] of proof.events.entries()) {
    if (e.version !== i + 1) failures.push('order');
    const header = JSON.stringify([
      'chengzhi.event.v1',
      c.tenantId,
      proof.streamType,
      proof.streamId,
      e.version,
      e.name,
      e.occurredAtUs,
    ]);
    prev = await sha256(concat(prev, unhex(e.bodyDigest), utf8.encode(header)));
  }
  if (proof.events.length === 0) return { failures: ['empty'], signatureChecked: false };
  const leafText = JSON.stringify([proof.streamType, proof.streamId, proof.events.length, hex(prev)]);
  const leaf = await sha256(concat(new Uint8Array([0]), utf8.encode(leafText)));
  const root = await rootFromPath(leaf, proof.leafIndex, c.leafCount, proof.path.map(unhex));
  if (!root || hex(root) !== c.root) failures.push('root');
  const checkpointText = JSON.stringify([
    'chengzhi.checkpoint.v1',
    c.tenantId,
    c.no,
    c.createdAtUs,
    c.txId,
    c.seq,
    c.eventCount,
    c.leafCount,
    c.root,
    c.prevHash,
    c.keyId,
  ]);
  const hash = await sha256(utf8.encode(checkpointText));
  if (hex(hash) !== c.hash) failures.push('hash');
  const publicKey = unhex(publicKeyHex);
  if (hex(await sha256(publicKey)).slice(0, 16) !== c.keyId) {
    failures.push('key');
  }
  let signatureChecked = true;
  try {
    const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, unhex(c.signature), hash);
    if (!ok) failures.push('signature');
  } catch {
    signatureChecked = false;
  }
  return { failures, signatureChecked };
}
