/**
 * A record's history proved against a published checkpoint, without revealing anything private.
 *
 * The proof carries, for each event of the record up to the head the checkpoint signed, its public header
 * (event name, time, version) and its body digest — never the body. Anyone can then recompute the chain,
 * the leaf, the Merkle path to the checkpoint's root, the checkpoint's hash and its Ed25519 signature.
 * `verifyRecordProof` is pure, so a citizen's own copy of this file (or of docs/audit.md's recipe) is enough.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/index.js';
import { chainHash } from './chain.js';
import { STORED_CONTENT, storedDigest, type StoredContent } from './stored-event.js';
import { checkpointHash } from './checkpoint-record.js';
import { checkpointLeaves, getCheckpoint, type Checkpoint } from './checkpoints.js';
import { inclusionPath, leafHash, rootFromPath } from './merkle.js';
import { keyIdOf, verifySignature } from './signer.js';

/** All binary values in hex, so the proof is plain JSON. */
export interface RecordProof {
  checkpoint: {
    tenantId: number;
    no: number;
    createdAtUs: string;
    txId: string;
    seq: number;
    eventCount: number;
    leafCount: number;
    root: string;
    prevHash: string | null;
    keyId: string;
    hash: string;
    signature: string;
  };
  streamType: string;
  streamId: string;
  leafIndex: number;
  path: string[];
  events: { version: number; name: string; occurredAtUs: string; bodyDigest: string }[];
}

/** A checkpoint as plain JSON (binary values in hex), as published and as carried by proofs. */
export function checkpointJson(c: Checkpoint): RecordProof['checkpoint'] {
  return {
    tenantId: c.tenantId,
    no: c.no,
    createdAtUs: c.createdAtUs,
    txId: c.txId,
    seq: c.seq,
    eventCount: c.eventCount,
    leafCount: c.leafCount,
    root: c.root.toString('hex'),
    prevHash: c.prevHash?.toString('hex') ?? null,
    keyId: c.keyId,
    hash: c.hash.toString('hex'),
    signature: c.signature.toString('hex'),
  };
}

/** The proof of a record against the newest checkpoint that signed its head; null if none has yet. */
export async function buildRecordProof(
  ex: Executor,
  tenantId: number,
  streamType: string,
  streamId: string,
): Promise<RecordProof | null> {
  const head = await sql<{ no: number; leafIndex: number; version: number }>`
    SELECT checkpoint_no AS no, leaf_index AS "leafIndex", stream_version AS version FROM audit_heads
    WHERE tenant_id = ${tenantId} AND stream_type = ${streamType} AND stream_id = ${streamId}
    ORDER BY checkpoint_no DESC LIMIT 1`.execute(ex);
  const h = head.rows[0];
  if (!h) return null;
  const checkpoint = await getCheckpoint(ex, tenantId, h.no);
  if (!checkpoint) return null;
  const leaves = await checkpointLeaves(ex, tenantId, h.no);
  const events = await sql<StoredContent>`
    SELECT ${STORED_CONTENT}
    FROM events
    WHERE tenant_id = ${tenantId} AND stream_type = ${streamType} AND stream_id = ${streamId}
      AND stream_version <= ${h.version}
    ORDER BY stream_version`.execute(ex);
  return {
    checkpoint: checkpointJson(checkpoint),
    streamType,
    streamId,
    leafIndex: h.leafIndex,
    path: inclusionPath(leaves.map(leafHash), h.leafIndex).map((b) => b.toString('hex')),
    events: events.rows.map((e) => ({
      version: e.v,
      name: e.name,
      occurredAtUs: e.us,
      bodyDigest: storedDigest(e).toString('hex'),
    })),
  };
}

/** Checks a proof against a trusted public key; returns what fails (empty: the history is proved). */
export function verifyRecordProof(proof: RecordProof, trustedPublicKey: Buffer): string[] {
  const failures: string[] = [];
  const c = proof.checkpoint;
  let prev: Buffer | null = null;
  proof.events.forEach((e, i) => {
    if (e.version !== i + 1) failures.push(`event ${i + 1} is missing or out of order`);
    prev = chainHash(prev, Buffer.from(e.bodyDigest, 'hex'), {
      tenantId: c.tenantId,
      streamType: proof.streamType,
      streamId: proof.streamId,
      streamVersion: e.version,
      name: e.name,
      occurredAtUs: e.occurredAtUs,
    });
  });
  if (prev === null) return [...failures, 'the proof has no events'];
  const leaf = leafHash({
    streamType: proof.streamType,
    streamId: proof.streamId,
    streamVersion: proof.events.length,
    hash: prev,
  });
  const root = rootFromPath(
    leaf,
    proof.leafIndex,
    c.leafCount,
    proof.path.map((p) => Buffer.from(p, 'hex')),
  );
  if (!root || root.toString('hex') !== c.root) {
    failures.push('the history does not lead to the checkpoint’s root');
  }
  const content = {
    ...c,
    root: Buffer.from(c.root, 'hex'),
    prevHash: c.prevHash === null ? null : Buffer.from(c.prevHash, 'hex'),
  };
  const hash = checkpointHash(content);
  if (hash.toString('hex') !== c.hash) failures.push('the checkpoint’s content does not match its hash');
  if (keyIdOf(trustedPublicKey) !== c.keyId) failures.push('the checkpoint is signed by another key');
  if (!verifySignature(trustedPublicKey, hash, Buffer.from(c.signature, 'hex'))) {
    failures.push('the checkpoint’s signature does not verify');
  }
  return failures;
}
