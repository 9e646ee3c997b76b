/**
 * The chains of one share of a tenant's records, streamed with binary COPY on a connection of its own: every
 * event's hash recomputed from the bytes PostgreSQL sends (the payload is stored as the text its hash covers)
 * and its links checked. Several shares run at once in worker threads (verify-workers.ts), so a large log
 * verifies at the speed of all cores.
 */
import { hash as nodeHash } from 'node:crypto';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { jsonStringRoom, putAscii, putInt64, putInteger, putJsonString } from './byte-json.js';
import { HASH_BYTES } from './chain.js';
import { ChainChecker, ProblemList, type CheckedRow } from './chain-checker.js';
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

const COLUMNS = `stream_type, stream_id, stream_version, name, occurred_at, actor_kind, actor_id, actor_role,
  request_id, payload, prev_hash, hash`;
// The fields of a row, in COLUMNS order.
const [TYPE, ID, VERSION, NAME, AT, KIND, ACTOR, ROLE, REQUEST, PAYLOAD, PREV, HASH] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
];
const FIELDS = 12;
/** timestamptz travels as microseconds since 2000-01-01 UTC. */
const PG_EPOCH_US = 946_684_800_000_000;

function copyStatement(task: ShareTask): string {
  for (const n of [task.tenantId, task.share, task.shares]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error('verify: bad share');
  }
  const share =
    task.shares > 1 ? `AND (hashtext(stream_id) & 2147483647) % ${task.shares} = ${task.share}` : '';
  // In table order, not seq order: reading the key in order cost PostgreSQL half as much again as a
  // sequential scan, and the checker does not need the order (chain-checker.ts).
  return `COPY (SELECT ${COLUMNS} FROM events WHERE tenant_id = ${task.tenantId} ${share})
    TO STDOUT (FORMAT binary)`;
}

const HEADER_START = Buffer.from('["chengzhi.event.v1",');
const NULL = Buffer.from('null');
const COMMA = 0x2c;
const QUOTE = 0x22;

/**
 * The row handler: recomputes each event's two hashes (chain.ts) from the row's bytes, with no string or
 * buffer per field, and hands the event to the checker. The actor line of the body goes into the row's own
 * bytes just before the payload, over fields already read (version … request id, never type and id, which
 * name the record), so the payload is hashed where it lies; when it does not fit (much escaping) it is built
 * in a scratch buffer instead.
 */
export function rowVerifier(tenantId: number, checker: ChainChecker): RowHandler {
  let link = Buffer.allocUnsafeSlow(1024);
  let line = Buffer.allocUnsafeSlow(1024);
  let body = Buffer.allocUnsafeSlow(4096);
  const tenant = Buffer.from(`${tenantId},`);
  let row: Buffer = link;
  let s: Int32Array = new Int32Array(FIELDS);
  let l: Int32Array = new Int32Array(FIELDS);
  const current: CheckedRow = {
    recordName: () => ({
      streamType: row.toString('utf8', s[TYPE], (s[TYPE] as number) + (l[TYPE] as number)),
      streamId: row.toString('utf8', s[ID], (s[ID] as number) + (l[ID] as number)),
    }),
    prevIs: (hash) => {
      const at = s[PREV] as number;
      const n = l[PREV] as number;
      if (n < 0 || hash === null) return n < 0 && hash === null;
      if (n !== hash.length) return false;
      for (let i = 0; i < n; i++) if (row[at + i] !== hash.charCodeAt(i)) return false;
      return true;
    },
    prev: () =>
      (l[PREV] as number) < 0
        ? null
        : row.toString('latin1', s[PREV], (s[PREV] as number) + (l[PREV] as number)),
  };
  const text = (out: Buffer, at: number, i: number): number =>
    (l[i] as number) < 0
      ? putAscii(out, at, NULL)
      : putJsonString(out, at, row, s[i] as number, l[i] as number);

  return (buf, start, length) => {
    row = buf;
    s = start;
    l = length;
    // The record: type and id bytes with id's length between them (text holds no NUL, so this is unique).
    const key = buf.toString('latin1', s[TYPE], (s[ID] as number) + (l[ID] as number));
    const v = buf.readInt32BE(s[VERSION]);
    const prevAt = s[PREV] as number;
    const hashAt = s[HASH] as number;
    const stored =
      (l[HASH] as number) < 0 ? null : buf.toString('latin1', hashAt, hashAt + (l[HASH] as number));
    if (stored === null) {
      checker.add(key, v, stored, false, current);
      return;
    }

    // chainHash's input after the digest: the header, JSON[tag, tenant, type, id, version, name, µs].
    const room =
      2 * HASH_BYTES + 64 + jsonStringRoom((l[TYPE] as number) + (l[ID] as number) + (l[NAME] as number));
    if (room > link.length) link = Buffer.allocUnsafeSlow(2 * room);
    if (l[PREV] === HASH_BYTES) for (let i = 0; i < HASH_BYTES; i++) link[i] = buf[prevAt + i] as number;
    else link.fill(0, 0, HASH_BYTES);
    let m = putAscii(link, 2 * HASH_BYTES, HEADER_START);
    m = putAscii(link, m, tenant);
    m = text(link, m, TYPE);
    link[m++] = COMMA;
    m = text(link, m, ID);
    link[m++] = COMMA;
    m = putInteger(link, m, v);
    link[m++] = COMMA;
    m = text(link, m, NAME);
    link[m++] = COMMA;
    link[m++] = QUOTE;
    m = putInt64(link, m, buf, s[AT] as number, PG_EPOCH_US);
    link[m++] = QUOTE;
    link[m++] = 0x5d;

    // bodyDigest's input: the actor line JSON[kind, id, role, request id] "\n", then the payload as stored.
    const lineRoom = 64 + jsonStringRoom((l[KIND] as number) + (l[ROLE] as number) + (l[REQUEST] as number));
    if (lineRoom > line.length) line = Buffer.allocUnsafeSlow(2 * lineRoom);
    let n = 0;
    line[n++] = 0x5b;
    n = text(line, n, KIND);
    line[n++] = COMMA;
    if ((l[ACTOR] as number) < 0) {
      n = putAscii(line, n, NULL);
    } else {
      line[n++] = QUOTE;
      n = putInt64(line, n, buf, s[ACTOR] as number);
      line[n++] = QUOTE;
    }
    line[n++] = COMMA;
    n = text(line, n, ROLE);
    line[n++] = COMMA;
    n = text(line, n, REQUEST);
    line[n++] = 0x5d;
    line[n++] = 0x0a;
    const payloadAt = s[PAYLOAD] as number;
    const payloadEnd = payloadAt + (l[PAYLOAD] as number);
    let digest: string;
    if (payloadAt - n >= (s[VERSION] as number) - 4) {
      const from = payloadAt - n;
      for (let i = 0; i < n; i++) buf[from + i] = line[i] as number;
      digest = nodeHash('sha256', buf.subarray(from, payloadEnd), 'binary');
    } else {
      if (n + payloadEnd - payloadAt > body.length) {
        body = Buffer.allocUnsafeSlow(2 * (n + payloadEnd - payloadAt));
      }
      line.copy(body, 0, 0, n);
      buf.copy(body, n, payloadAt, payloadEnd);
      digest = nodeHash('sha256', body.subarray(0, n + payloadEnd - payloadAt), 'binary');
    }
    link.write(digest, HASH_BYTES, 'binary');
    const computed = nodeHash('sha256', link.subarray(0, m), 'binary');
    checker.add(key, v, stored, computed === stored, current);
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
    // One process per share: the threads are the parallelism.
    await client.query('SET max_parallel_workers_per_gather = 0; SET jit = off');
    const stream = client.query(copyTo(copyStatement(task)));
    for await (const chunk of stream) reader.push(chunk as Buffer);
    reader.finish();
    checker.finish();
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
