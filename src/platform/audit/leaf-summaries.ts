/**
 * What step 2 of `audit verify` needs of a checkpoint's leaves: how many there are, whether they are in tree
 * order, and the Merkle root they give. Either from leaves as objects (PGlite, a page per checkpoint), or
 * from one binary COPY of every signed head in (checkpoint, leaf) order, computed from the row bytes with
 * no object per leaf — ten checkpoints of a busy district hold a million leaves.
 */
import pg from 'pg';
import { jsonStringRoom, putInteger, putJsonString } from './byte-json.js';
import { CopyBinaryReader, type RowHandler } from './copy-binary.js';
import { copyOut } from './copy-out.js';
import { HashScratch, putBinary } from './hash-scratch.js';
import { compareLeaves, packedMerkleRoot, writeLeafHash, type Leaf } from './merkle.js';

export interface LeafSummary {
  count: number;
  sorted: boolean;
  root: Buffer;
}

export function summarizeLeaves(leaves: readonly Leaf[]): LeafSummary {
  const packed = Buffer.allocUnsafe(32 * leaves.length);
  leaves.forEach((l, i) => writeLeafHash(packed, 32 * i, l));
  return {
    count: leaves.length,
    sorted: leaves.every((l, i) => i === 0 || compareLeaves(leaves[i - 1] as Leaf, l) < 0),
    root: packedMerkleRoot(packed, leaves.length),
  };
}

// The COPY's columns, in order.
const COLUMNS = 'checkpoint_no, stream_type, stream_id, stream_version, hash';
const [CHECKPOINT, TYPE, ID, VERSION, HASH] = [0, 1, 2, 3, 4];
const HEX = Buffer.from('0123456789abcdef');
const QUOTE = 0x22;
const COMMA = 0x2c;

/** `a[aAt, aAt + aLength)` against `b[bAt, bAt + bLength)`, byte by byte. */
function compareBytes(
  a: Buffer,
  aAt: number,
  aLength: number,
  b: Buffer,
  bAt: number,
  bLength: number,
): number {
  const n = Math.min(aLength, bLength);
  for (let i = 0; i < n; i++) {
    const d = (a[aAt + i] as number) - (b[bAt + i] as number);
    if (d !== 0) return d;
  }
  return aLength - bLength;
}

/** The summaries over rows of COPY (COLUMNS) ordered by checkpoint and leaf index. */
export class LeafSummaryReader {
  readonly summaries = new Map<number, LeafSummary>();
  private checkpoint = -1;
  private count = 0;
  private sorted = true;
  private packed = Buffer.allocUnsafeSlow(32 * 1024);
  /** Where the previous leaf's type and id lie, for the order. */
  private previous: Buffer = Buffer.alloc(0);
  private previousType = 0;
  private previousTypeLength = 0;
  private previousId = 0;
  private previousIdLength = 0;
  private readonly text = new HashScratch(1024);

  readonly row: RowHandler = (buf, s, l) => {
    const at = s[CHECKPOINT] as number;
    // A bigint; checkpoint numbers are far below 2^53.
    const no = buf.readInt32BE(at) * 4_294_967_296 + buf.readUInt32BE(at + 4);
    if (no !== this.checkpoint) {
      this.close();
      this.checkpoint = no;
    }
    const typeAt = s[TYPE] as number;
    const typeLength = l[TYPE] as number;
    const idAt = s[ID] as number;
    const idLength = l[ID] as number;
    const hashAt = s[HASH] as number;
    const hashLength = l[HASH] as number;

    if (this.count > 0) {
      const p = this.previous;
      const order =
        compareBytes(p, this.previousType, this.previousTypeLength, buf, typeAt, typeLength) ||
        compareBytes(p, this.previousId, this.previousIdLength, buf, idAt, idLength);
      if (order >= 0) this.sorted = false;
    }
    // The row's bytes stay as they are (nothing here writes into them), so the previous leaf is kept where
    // it lies.
    this.previous = buf;
    this.previousType = typeAt;
    this.previousTypeLength = typeLength;
    this.previousId = idAt;
    this.previousIdLength = idLength;

    // merkle.ts leafHash: sha256 of 0x00 and JSON [type, id, version, hex hash].
    this.text.ensure(32 + jsonStringRoom(typeLength + idLength) + 2 * Math.max(0, hashLength));
    const t = this.text.bytes;
    let m = 0;
    t[m++] = 0;
    t[m++] = 0x5b;
    m = putJsonString(t, m, buf, typeAt, typeLength);
    t[m++] = COMMA;
    m = putJsonString(t, m, buf, idAt, idLength);
    t[m++] = COMMA;
    m = putInteger(t, m, buf.readInt32BE(s[VERSION]));
    t[m++] = COMMA;
    t[m++] = QUOTE;
    for (let i = 0; i < hashLength; i++) {
      const b = buf[hashAt + i] as number;
      t[m++] = HEX[b >> 4] as number;
      t[m++] = HEX[b & 15] as number;
    }
    t[m++] = QUOTE;
    t[m++] = 0x5d;

    if (32 * (this.count + 1) > this.packed.length) {
      const packed = Buffer.allocUnsafeSlow(2 * this.packed.length);
      this.packed.copy(packed, 0, 0, 32 * this.count);
      this.packed = packed;
    }
    putBinary(this.packed, 32 * this.count, this.text.sha256(m));
    this.count++;
  };

  /** All summaries, once the last row has been read. */
  finish(): Map<number, LeafSummary> {
    this.close();
    return this.summaries;
  }

  private close(): void {
    if (this.checkpoint < 0) return;
    this.summaries.set(this.checkpoint, {
      count: this.count,
      sorted: this.sorted,
      root: packedMerkleRoot(this.packed, this.count),
    });
    this.count = 0;
    this.sorted = true;
    this.checkpoint = -1;
  }
}

/** Every checkpoint's leaf summary for a tenant, over a connection of its own. */
export async function copyLeafSummaries(url: string, tenantId: number): Promise<Map<number, LeafSummary>> {
  if (!Number.isSafeInteger(tenantId)) throw new Error('verify: bad tenant');
  const summaries = new LeafSummaryReader();
  const reader = new CopyBinaryReader(5, summaries.row);
  const client = new pg.Client({ connectionString: url });
  // A failed copy closes the connection; its rejection is what reports it, not this event.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await copyOut(
      client,
      `COPY (SELECT ${COLUMNS} FROM audit_heads WHERE tenant_id = ${tenantId} ORDER BY checkpoint_no, leaf_index)
        TO STDOUT (FORMAT binary)`,
      (buf, start, end) => reader.pushRange(buf, start, end),
    );
    reader.finish();
  } finally {
    await client.end().catch(() => undefined);
  }
  return summaries.finish();
}
