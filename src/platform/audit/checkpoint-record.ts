/** A checkpoint's signed content and its hash (pure; shared by the writer, the verifier and proofs). */
import { sha256 } from './chain.js';

export interface CheckpointContent {
  tenantId: number;
  no: number;
  /** Microseconds since the epoch, decimal. */
  createdAtUs: string;
  /** The committed-horizon position covered, inclusive. */
  txId: string;
  seq: number;
  eventCount: number;
  leafCount: number;
  root: Buffer;
  prevHash: Buffer | null;
  keyId: string;
}

export function checkpointText(c: CheckpointContent): string {
  return JSON.stringify([
    'chengzhi.checkpoint.v1',
    c.tenantId,
    c.no,
    c.createdAtUs,
    c.txId,
    c.seq,
    c.eventCount,
    c.leafCount,
    c.root.toString('hex'),
    c.prevHash?.toString('hex') ?? null,
    c.keyId,
  ]);
}

export function checkpointHash(c: CheckpointContent): Buffer {
  return sha256(checkpointText(c));
}
