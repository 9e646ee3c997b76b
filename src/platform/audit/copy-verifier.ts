/**
 * The chains of one share of a tenant's records, streamed with binary COPY on a connection of its own: every
 * event's hash recomputed from the bytes PostgreSQL sends (the payload is stored as the text its hash covers)
 * and its links checked. Several shares run at once in worker threads (verify-workers.ts), so a large log
 * verifies at the speed of all cores.
 */
import pg from 'pg';
import { jsonStringRoom, putAscii, putInt64, putInteger, putJsonString } from './byte-json.js';
import { HASH_BYTES } from './chain.js';
import { ChainChecker, ProblemList, type CheckedRow } from './chain-checker.js';
import { CopyBinaryReader, type RowHandler } from './copy-binary.js';
import { copyOut } from './copy-out.js';
import { HashScratch, putBinary } from './hash-scratch.js';
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

const COLUMNS = `stream_type, stream_id, stream_version, name, occurred_at, actor_kind, actor_id, actor_role,
  request_id, payload, prev_hash, hash`;
// The fields of a row, in COLUMNS order.
const [TYPE, ID, VERSION, NAME, AT, KIND, ACTOR, ROLE, REQUEST, PAYLOAD, PREV, HASH] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
];
const FIELDS = 12;
/** timestamptz travels as microseconds since 2000-01-01 UTC. */
const PG_EPOCH_US = 946_684_800_000_000;

/** The rows of `table` in this task's share of the tenant's records, as a binary COPY. */
function copyStatement(task: ShareTask, table: string, columns: string): string {
  for (const n of [task.tenantId, task.share, task.shares]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error('verify: bad share');
  }
  const share =
    task.shares > 1 ? `AND (hashtext(stream_id) & 2147483647) % ${task.shares} = ${task.share}` : '';
  // In table order, not seq order: reading the key in order cost PostgreSQL half as much again as a
  // sequential scan, and the checker does not need the order (chain-checker.ts).
  return `COPY (SELECT ${columns} FROM ${table} WHERE tenant_id = ${task.tenantId} ${share})
    TO STDOUT (FORMAT binary)`;
}

/** The heads the checkpoints signed, in the same share: the checker checks the events against them. */
const HEAD_COLUMNS = 'stream_type, stream_id, stream_version, hash, checkpoint_no';
const HEAD_FIELDS = 5;

function signedHeadReader(checker: ChainChecker): RowHandler {
  return (buf, s, l) => {
    const keyAt = s[0] as number;
    const checkpoint = Number(buf.readBigInt64BE(s[4]));
    const keyLength = (s[1] as number) + (l[1] as number) - keyAt;
    checker.expectSigned(
      buf,
      keyAt,
      keyLength,
      buf.readInt32BE(s[2]),
      s[3] as number,
      l[3] as number,
      checkpoint,
    );
  };
}

const NULL = Buffer.from('null');
const COMMA = 0x2c;
const QUOTE = 0x22;

/** Whether the binary string `hash` is the bytes `buf[at, at + length)`. */
function sameHash(hash: string, buf: Buffer, at: number, length: number): boolean {
  if (hash.length !== length) return false;
  for (let i = 0; i < length; i++) if (hash.charCodeAt(i) !== buf[at + i]) return false;
  return true;
}

/**
 * Whether the bytes `buf[from, to)` are the ones given the last time. A record's events mostly lie side by
 * side, written by one request, so they repeat their key and actor fields; comparing those bytes costs less
 * than writing their JSON again. It holds on to the previous row's chunk, which nothing writes into.
 */
class Repeated {
  private buf: Uint8Array = new Uint8Array(0);
  private from = 0;
  private length = -1;

  check(buf: Uint8Array, from: number, to: number): boolean {
    const n = to - from;
    let same = n === this.length;
    for (let i = 0; same && i < n; i++) same = this.buf[this.from + i] === buf[from + i];
    this.buf = buf;
    this.from = from;
    this.length = n;
    return same;
  }
}

/**
 * Where field `last` of a row ends. From 4 bytes before a field's start (its 32-bit length) to here lie that
 * field and the ones after it, lengths included: equal bytes, equal fields.
 */
const spanEnd = (s: Int32Array, l: Int32Array, last: number): number =>
  (s[last] as number) + Math.max(0, l[last] as number);

/**
 * The row handler: recomputes each event's two hashes (chain.ts) from the row's bytes, with no string or
 * buffer per field, and hands the event to the checker. Both hash inputs are built in scratch buffers: the
 * body is the actor line followed by a copy of the payload, the link is the predecessor's hash, the body's
 * digest and the header. The actor line, and the header's type and id, are left as they are when the row
 * repeats them.
 */
export function rowVerifier(tenantId: number, checker: ChainChecker): RowHandler {
  // chainHash's input: prev_hash, the body digest, then the header JSON[tag, tenant, type, id, version, name,
  // µs], whose first two items are the same for every event: written once, after the two hashes.
  const headerStart = Buffer.from(`["chengzhi.event.v1",${tenantId},`);
  const fieldsAt = 2 * HASH_BYTES + headerStart.length;
  const link = new HashScratch(1024);
  headerStart.copy(link.bytes, 2 * HASH_BYTES);
  const body = new HashScratch(4096);
  let row: Buffer = link.bytes;
  let s: Int32Array = new Int32Array(FIELDS);
  let l: Int32Array = new Int32Array(FIELDS);
  const current: CheckedRow = {
    buf: row,
    keyAt: 0,
    keyLength: 0,
    prevAt: 0,
    prevLength: -1,
    hashAt: 0,
    hashLength: -1,
    recordName: () => ({
      streamType: row.toString('utf8', s[TYPE], (s[TYPE] as number) + (l[TYPE] as number)),
      streamId: row.toString('utf8', s[ID], (s[ID] as number) + (l[ID] as number)),
    }),
  };
  const sameActor = new Repeated();
  const sameRecord = new Repeated();
  /** Where the actor line ends in `body`, and where the header's type and id end in `link` (kept on growth). */
  let lineEnd = 0;
  let recordEnd = fieldsAt;
  const text = (out: Buffer, at: number, i: number): number =>
    (l[i] as number) < 0
      ? putAscii(out, at, NULL)
      : putJsonString(out, at, row, s[i] as number, l[i] as number);

  return (buf, start, length) => {
    row = buf;
    s = start;
    l = length;
    // The record's key: type and id bytes with id's length between them (text holds no NUL, so this is
    // unique).
    current.buf = buf;
    current.keyAt = s[TYPE] as number;
    current.keyLength = (s[ID] as number) + (l[ID] as number) - (s[TYPE] as number);
    current.prevAt = s[PREV] as number;
    current.prevLength = l[PREV] as number;
    current.hashAt = s[HASH] as number;
    current.hashLength = l[HASH] as number;
    const v = buf.readInt32BE(s[VERSION]);
    if ((l[HASH] as number) < 0) {
      checker.add(current, v, false);
      return;
    }

    // bodyDigest's input: the actor line JSON[kind, id, role, request id] "\n", then the payload as stored.
    const payloadAt = s[PAYLOAD] as number;
    const payloadLength = Math.max(0, l[PAYLOAD] as number);
    body.ensure(
      64 + jsonStringRoom((l[KIND] as number) + (l[ROLE] as number) + (l[REQUEST] as number)) + payloadLength,
      lineEnd,
    );
    const b = body.bytes;
    let n = lineEnd;
    if (!sameActor.check(buf, (s[KIND] as number) - 4, spanEnd(s, l, REQUEST))) {
      n = 0;
      b[n++] = 0x5b;
      n = text(b, n, KIND);
      b[n++] = COMMA;
      if ((l[ACTOR] as number) < 0) {
        n = putAscii(b, n, NULL);
      } else {
        b[n++] = QUOTE;
        n = putInt64(b, n, buf, s[ACTOR] as number);
        b[n++] = QUOTE;
      }
      b[n++] = COMMA;
      n = text(b, n, ROLE);
      b[n++] = COMMA;
      n = text(b, n, REQUEST);
      b[n++] = 0x5d;
      b[n++] = 0x0a;
      lineEnd = n;
    }
    buf.copy(b, n, payloadAt, payloadAt + payloadLength);
    const digest = body.sha256(n + payloadLength);

    link.ensure(
      fieldsAt + 64 + jsonStringRoom((l[TYPE] as number) + (l[ID] as number) + (l[NAME] as number)),
      recordEnd,
    );
    const k = link.bytes;
    const prevAt = s[PREV] as number;
    if (l[PREV] === HASH_BYTES) for (let i = 0; i < HASH_BYTES; i++) k[i] = buf[prevAt + i] as number;
    else k.fill(0, 0, HASH_BYTES);
    putBinary(k, HASH_BYTES, digest);
    let m = recordEnd;
    if (!sameRecord.check(buf, (s[TYPE] as number) - 4, spanEnd(s, l, ID))) {
      m = text(k, fieldsAt, TYPE);
      k[m++] = COMMA;
      m = text(k, m, ID);
      k[m++] = COMMA;
      recordEnd = m;
    }
    m = putInteger(k, m, v);
    k[m++] = COMMA;
    m = text(k, m, NAME);
    k[m++] = COMMA;
    k[m++] = QUOTE;
    m = putInt64(k, m, buf, s[AT] as number, PG_EPOCH_US);
    k[m++] = QUOTE;
    k[m++] = 0x5d;
    checker.add(current, v, sameHash(link.sha256(m), buf, s[HASH] as number, l[HASH] as number));
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
  // A failed copy closes the connection; its rejection is what reports it, not this event.
  client.on('error', () => undefined);
  await client.connect();
  const copy = async (statement: string, reader: CopyBinaryReader): Promise<void> => {
    await copyOut(client, statement, (buf, start, end) => reader.pushRange(buf, start, end));
    reader.finish();
  };
  try {
    // One process per share: the threads are the parallelism.
    await client.query('SET max_parallel_workers_per_gather = 0; SET jit = off');
    await copy(
      copyStatement(task, 'audit_heads', HEAD_COLUMNS),
      new CopyBinaryReader(HEAD_FIELDS, signedHeadReader(checker)),
    );
    await copy(copyStatement(task, 'events', COLUMNS), reader);
    checker.finish();
  } finally {
    await client.end().catch(() => undefined);
  }
  return {
    events: checker.events,
    records: checker.records,
    problems: list.problems,
    moreProblems: list.more,
  };
}
