/**
 * The chains of one share of a tenant's records, streamed with binary COPY on a connection of its own: every
 * event's hash recomputed from the bytes PostgreSQL sends (the payload is jsonb's text, exactly what the
 * hashes cover) and its links checked. Several shares run at once in worker threads (verify-workers.ts), so
 * a large log verifies at the speed of all cores.
 */
import { hash as nodeHash } from 'node:crypto';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { bodyPrefix, GENESIS, HASH_BYTES, headerText } from './chain.js';
import { ChainChecker, ProblemList } from './chain-checker.js';
import { CopyBinaryReader, type RowHandler } from './copy-binary.js';
import type { AuditProblem } from './problems.js';

export interface ShareTask {
  url: string;
  tenantId: number;
  /** This share is the records whose stream id hashes to `share` modulo `shares`. */
  share: number;
  shares: number;
  maxProblems: number;
}

export interface ShareResult {
  events: number;
  records: number;
  problems: AuditProblem[];
  moreProblems: number;
}

const COLUMNS = `stream_type, stream_id, stream_version, name, occurred_at, actor_kind, actor_id::text,
  actor_role, request_id, payload, prev_hash, hash`;
const FIELDS = 12;
/** timestamptz travels as microseconds since 2000-01-01 UTC. */
const PG_EPOCH_US = 946_684_800_000_000;
const JSONB_VERSION = 1;

function copyStatement(task: ShareTask): string {
  for (const n of [task.tenantId, task.share, task.shares]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error('verify: bad share');
  }
  const share =
    task.shares > 1 ? `AND (hashtext(stream_id) & 2147483647) % ${task.shares} = ${task.share}` : '';
  // Within one record seq follows version (ChainChecker), and the primary key (tenant_id, seq) reads in order.
  return `COPY (SELECT ${COLUMNS} FROM events WHERE tenant_id = ${task.tenantId} ${share} ORDER BY seq)
    TO STDOUT (FORMAT binary)`;
}

function microsText(buf: Buffer, at: number): string {
  const us = buf.readInt32BE(at) * 4_294_967_296 + buf.readUInt32BE(at + 4) + PG_EPOCH_US;
  if (Number.isSafeInteger(us)) return String(us);
  return (buf.readBigInt64BE(at) + BigInt(PG_EPOCH_US)).toString();
}

/**
 * The row handler: recomputes each event's hash into scratch buffers (no allocation per event besides the
 * kept head) and hands the event to the checker.
 */
export function rowVerifier(tenantId: number, checker: ChainChecker): RowHandler {
  let body = Buffer.allocUnsafeSlow(4096);
  let link = Buffer.allocUnsafeSlow(1024);
  const text = (buf: Buffer, s: Int32Array, l: Int32Array, i: number): string | null =>
    (l[i] as number) < 0 ? null : buf.toString('utf8', s[i], (s[i] as number) + (l[i] as number));
  return (buf, s, l) => {
    const t = text(buf, s, l, 0) as string;
    const id = text(buf, s, l, 1) as string;
    const v = buf.readInt32BE(s[2]);
    const prevAt = s[10] as number;
    const prev = (l[10] as number) === HASH_BYTES ? buf.subarray(prevAt, prevAt + HASH_BYTES) : null;
    const hashAt = s[11] as number;
    const stored = (l[11] as number) === HASH_BYTES ? buf.subarray(hashAt, hashAt + HASH_BYTES) : null;
    let computed: Buffer | null = null;
    const payloadAt = s[9] as number;
    const payloadLength = (l[9] as number) - 1;
    if (stored !== null && buf[payloadAt] === JSONB_VERSION) {
      // bodyDigest: the actor line, then the payload bytes exactly as sent.
      const prefix = bodyPrefix({
        actorKind: text(buf, s, l, 5) as string,
        actorId: text(buf, s, l, 6),
        actorRole: text(buf, s, l, 7),
        requestId: text(buf, s, l, 8),
      });
      const need = Buffer.byteLength(prefix) + payloadLength;
      if (need > body.length) body = Buffer.allocUnsafeSlow(need * 2);
      const n = body.write(prefix, 0);
      buf.copy(body, n, payloadAt + 1, payloadAt + 1 + payloadLength);
      const digest = nodeHash('sha256', body.subarray(0, n + payloadLength), 'buffer');
      // chainHash: previous hash, body digest, header text.
      const header = headerText({
        tenantId,
        streamType: t,
        streamId: id,
        streamVersion: v,
        name: text(buf, s, l, 3) as string,
        occurredAtUs: microsText(buf, s[4] as number),
      });
      if (2 * HASH_BYTES + Buffer.byteLength(header) > link.length) {
        link = Buffer.allocUnsafeSlow(4096 + header.length * 3);
      }
      (prev ?? GENESIS).copy(link, 0);
      digest.copy(link, HASH_BYTES);
      const m = link.write(header, 2 * HASH_BYTES);
      computed = nodeHash('sha256', link.subarray(0, 2 * HASH_BYTES + m), 'buffer');
    }
    checker.add({ t, id, v, prev, hash: stored }, computed);
  };
}

export async function verifyShare(
  task: ShareTask,
  onProgress?: (events: number) => void,
): Promise<ShareResult> {
  const list = new ProblemList(task.maxProblems);
  const checker = new ChainChecker(list.report);
  const verify = rowVerifier(task.tenantId, checker);
  const reader = new CopyBinaryReader(FIELDS, (buf, s, l) => {
    verify(buf, s, l);
    if (onProgress && checker.events % 1_000_000 === 0) onProgress(checker.events);
  });

  const client = new pg.Client({ connectionString: task.url });
  await client.connect();
  try {
    // The share's filter hides the key order from the planner, which would then sort the whole share: read
    // the primary key in order instead, in this one process (the threads are the parallelism).
    await client.query('SET enable_sort = off; SET max_parallel_workers_per_gather = 0; SET jit = off');
    const stream = client.query(copyTo(copyStatement(task)));
    for await (const chunk of stream) reader.push(chunk as Buffer);
    reader.finish();
  } finally {
    await client.end();
  }
  return {
    events: checker.events,
    records: checker.records,
    problems: list.problems,
    moreProblems: list.more,
  };
}
