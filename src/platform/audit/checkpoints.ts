/**
 * Checkpoints: the heads of every record changed since the previous checkpoint go into a Merkle tree; the
 * root, the previous checkpoint's hash and the position covered are hashed and signed. Once a record's head
 * is in a signed checkpoint, rewriting any of its events (even re-hashing the whole chain) no longer
 * matches what was signed.
 */
import { sql } from 'kysely';
import type { Database, Executor } from '../db/index.js';
import { committedHead, comparePositions, FEED_START, type FeedPosition } from '../events/horizon.js';
import { microsOf } from './chain.js';
import { checkpointHash, type CheckpointContent } from './checkpoint-record.js';
import { compareLeaves, leafHash, merkleRoot, type Leaf } from './merkle.js';
import type { AuditSigner } from './signer.js';

export interface Checkpoint extends CheckpointContent {
  createdAt: Date;
  hash: Buffer;
  publicKey: Buffer;
  signature: Buffer;
}

/** As read: binary columns come as hex (PGlite returns bytea as Uint8Array, node-postgres as Buffer). */
interface CheckpointRow {
  tenantId: number;
  no: number;
  createdAt: Date;
  createdAtUs: string;
  txId: string;
  seq: number;
  eventCount: number;
  leafCount: number;
  root: string;
  prevHash: string | null;
  hash: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

const hex = (s: string): Buffer => Buffer.from(s, 'hex');
function fromRow(r: CheckpointRow): Checkpoint {
  return {
    ...r,
    root: hex(r.root),
    prevHash: r.prevHash === null ? null : hex(r.prevHash),
    hash: hex(r.hash),
    publicKey: hex(r.publicKey),
    signature: hex(r.signature),
  };
}

const CHECKPOINT_COLUMNS = sql`
  tenant_id AS "tenantId", no, created_at AS "createdAt",
  (extract(epoch FROM created_at) * 1000000)::bigint::text AS "createdAtUs", tx_id::text AS "txId", seq,
  event_count AS "eventCount", leaf_count AS "leafCount", encode(root, 'hex') AS root,
  encode(prev_hash, 'hex') AS "prevHash", encode(hash, 'hex') AS hash, key_id AS "keyId",
  encode(public_key, 'hex') AS "publicKey", encode(signature, 'hex') AS signature`;

export async function lastCheckpoint(ex: Executor, tenantId: number): Promise<Checkpoint | null> {
  const r = await sql<CheckpointRow>`
    SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints
    WHERE tenant_id = ${tenantId} ORDER BY no DESC LIMIT 1`.execute(ex);
  return r.rows[0] ? fromRow(r.rows[0]) : null;
}

/** Checkpoints of a tenant in order, `after` the given number, up to `limit`. */
export async function listCheckpoints(
  ex: Executor,
  tenantId: number,
  after = 0,
  limit = 1000,
): Promise<Checkpoint[]> {
  const r = await sql<CheckpointRow>`
    SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints
    WHERE tenant_id = ${tenantId} AND no > ${after} ORDER BY no LIMIT ${limit}`.execute(ex);
  return r.rows.map(fromRow);
}

/** Newest first, for staff pages: the checkpoints numbered below `before` (all when null). */
export async function listRecentCheckpoints(
  ex: Executor,
  tenantId: number,
  before: number | null,
  limit: number,
): Promise<Checkpoint[]> {
  const r = await sql<CheckpointRow>`
    SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints
    WHERE tenant_id = ${tenantId} ${before === null ? sql`` : sql`AND no < ${before}`}
    ORDER BY no DESC LIMIT ${limit}`.execute(ex);
  return r.rows.map(fromRow);
}

export async function getCheckpoint(ex: Executor, tenantId: number, no: number): Promise<Checkpoint | null> {
  const r = await sql<CheckpointRow>`
    SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE tenant_id = ${tenantId} AND no = ${no}`.execute(
    ex,
  );
  return r.rows[0] ? fromRow(r.rows[0]) : null;
}

/** A checkpoint's leaves in tree order. */
export async function checkpointLeaves(ex: Executor, tenantId: number, no: number): Promise<Leaf[]> {
  // The hash as bytea, not hex: a checkpoint may hold a million leaves, and verification reads them all.
  const r = await sql<Omit<Leaf, 'hash'> & { hash: Uint8Array }>`
    SELECT stream_type AS "streamType", stream_id AS "streamId", stream_version AS "streamVersion", hash
    FROM audit_heads WHERE tenant_id = ${tenantId} AND checkpoint_no = ${no}
    ORDER BY leaf_index`.execute(ex);
  // node-postgres gives a Buffer, PGlite a Uint8Array: the same bytes either way.
  return r.rows.map((l) => ({
    ...l,
    hash: Buffer.from(l.hash.buffer, l.hash.byteOffset, l.hash.byteLength),
  }));
}

const positionOf = (c: Pick<Checkpoint, 'txId' | 'seq'> | null): FeedPosition =>
  c ? { txId: BigInt(c.txId), seq: c.seq } : FEED_START;

/**
 * Signs a checkpoint over everything committed since the last one; null when nothing was. Two processes may
 * try at once: the checkpoint number is the primary key, so one of them fails and retries next time.
 */
export async function createCheckpoint(
  db: Database,
  tenantId: number,
  signer: AuditSigner,
  now: Date,
): Promise<Checkpoint | null> {
  return db.transaction(async (tx) => {
    const previous = await lastCheckpoint(tx, tenantId);
    const from = positionOf(previous);
    const to = await committedHead(tx, tenantId);
    if (comparePositions(to, from) <= 0) return null;
    const range = sql`
      tenant_id = ${tenantId}
      AND (tx_id, seq) > (${from.txId.toString()}::xid8, ${from.seq}::bigint)
      AND (tx_id, seq) <= (${to.txId.toString()}::xid8, ${to.seq}::bigint)`;
    const heads = await sql<Omit<Leaf, 'hash'> & { hash: string }>`
      SELECT DISTINCT ON (stream_type, stream_id)
        stream_type AS "streamType", stream_id AS "streamId", stream_version AS "streamVersion",
        encode(hash, 'hex') AS hash
      FROM events WHERE ${range} AND hash IS NOT NULL
      ORDER BY stream_type, stream_id, stream_version DESC`.execute(tx);
    const counted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events WHERE ${range}`.execute(
      tx,
    );
    const leaves = heads.rows.map((l) => ({ ...l, hash: hex(l.hash) })).sort(compareLeaves);
    const content: CheckpointContent = {
      tenantId,
      no: (previous?.no ?? 0) + 1,
      createdAtUs: microsOf(now),
      txId: to.txId.toString(),
      seq: to.seq,
      eventCount: counted.rows[0]?.n ?? 0,
      leafCount: leaves.length,
      root: merkleRoot(leaves.map(leafHash)),
      prevHash: previous?.hash ?? null,
      keyId: signer.keyId,
    };
    const hash = checkpointHash(content);
    const signature = signer.sign(hash);
    await sql`
      INSERT INTO audit_checkpoints (tenant_id, no, created_at, tx_id, seq, event_count, leaf_count, root,
                                     prev_hash, hash, key_id, public_key, signature)
      VALUES (${tenantId}, ${content.no}, ${now.toISOString()}, ${content.txId}::xid8, ${content.seq},
              ${content.eventCount}, ${content.leafCount}, decode(${content.root.toString('hex')}, 'hex'),
              decode(${content.prevHash?.toString('hex') ?? null}, 'hex'), decode(${hash.toString('hex')}, 'hex'),
              ${signer.keyId}, decode(${signer.publicKey.toString('hex')}, 'hex'),
              decode(${signature.toString('hex')}, 'hex'))`.execute(tx);
    for (let i = 0; i < leaves.length; i += 5000) {
      const chunk = leaves.slice(i, i + 5000);
      await sql`
        INSERT INTO audit_heads (tenant_id, checkpoint_no, leaf_index, stream_type, stream_id, stream_version, hash)
        SELECT ${tenantId}, ${content.no}, ${i} + ord - 1, t, id, v, decode(h, 'hex')
        FROM unnest(${chunk.map((l) => l.streamType)}::text[], ${chunk.map((l) => l.streamId)}::text[],
                    ${chunk.map((l) => l.streamVersion)}::int[], ${chunk.map((l) => l.hash.toString('hex'))}::text[])
          WITH ORDINALITY AS u(t, id, v, h, ord)`.execute(tx);
    }
    return { ...content, createdAt: now, hash, publicKey: signer.publicKey, signature };
  });
}
