/**
 * The chains of one share of a tenant's records, streamed with binary COPY on a connection of its own: every
 * event's hash recomputed from the bytes PostgreSQL sends (the payload is jsonb's text, exactly what the
 * hashes cover) and its links checked. Several shares run at once in worker threads (verify-workers.ts), so
 * a large log verifies at the speed of all cores.
 */
import { hash as nodeHash } from 'node:crypto';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { bodyPrefix, chainHash } from './chain.js';
import { ChainChecker, ProblemList } from './chain-checker.js';
import { CopyBinaryReader } from './copy-binary.js';
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

export async function verifyShare(
  task: ShareTask,
  onProgress?: (events: number) => void,
): Promise<ShareResult> {
  const list = new ProblemList(task.maxProblems);
  const checker = new ChainChecker(list.report);
  const text = (buf: Buffer, s: Int32Array, l: Int32Array, i: number): string | null =>
    (l[i] as number) < 0 ? null : buf.toString('utf8', s[i], (s[i] as number) + (l[i] as number));
  const bytes = (buf: Buffer, s: Int32Array, l: Int32Array, i: number): Buffer | null =>
    (l[i] as number) < 0 ? null : buf.subarray(s[i], (s[i] as number) + (l[i] as number));

  const reader = new CopyBinaryReader(FIELDS, (buf, s, l) => {
    const t = text(buf, s, l, 0) as string;
    const id = text(buf, s, l, 1) as string;
    const v = buf.readInt32BE(s[2]);
    const name = text(buf, s, l, 3) as string;
    const payload = bytes(buf, s, l, 9) as Buffer;
    const prev = bytes(buf, s, l, 10);
    const stored = bytes(buf, s, l, 11);
    let computed: Buffer | null = null;
    if (stored !== null && payload[0] === JSONB_VERSION) {
      const prefix = bodyPrefix({
        actorKind: text(buf, s, l, 5) as string,
        actorId: text(buf, s, l, 6),
        actorRole: text(buf, s, l, 7),
        requestId: text(buf, s, l, 8),
      });
      const digest = nodeHash('sha256', Buffer.concat([Buffer.from(prefix), payload.subarray(1)]), 'buffer');
      computed = chainHash(prev, digest, {
        tenantId: task.tenantId,
        streamType: t,
        streamId: id,
        streamVersion: v,
        name,
        occurredAtUs: microsText(buf, s[4] as number),
      });
    }
    // The kept head outlives the chunk: copy the 32 bytes rather than pin the chunk.
    checker.add({ t, id, v, prev, hash: stored && Buffer.from(stored) }, computed);
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
