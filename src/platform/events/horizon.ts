/**
 * The committed horizon of the event log: which events a reader may pass without ever having to come back.
 *
 * `seq` is taken at INSERT, but transactions commit in any order, so "everything with seq > last" can pass
 * over an event that commits later with a smaller seq. Every row also carries its transaction id (`tx_id`),
 * and every transaction older than the snapshot's xmin, `pg_snapshot_xmin(pg_current_snapshot())`, has
 * finished. A reader therefore takes only rows with `tx_id < xmin` (see below for a refinement), and walks
 * them in (tx_id, seq) order:
 * any row that becomes visible later belongs to a transaction that was still running (tx_id >= xmin), so it
 * sorts after every position already passed — nothing is skipped, nothing is read twice.
 *
 * Ordering by seq alone inside the horizon would not be enough: a transaction with an older tx_id can insert
 * after a younger one (its tx_id was taken at an earlier write), commit first, and lift its larger seq over
 * the younger transaction's smaller seq while that one is still in flight (horizon.db.test.ts shows it).
 *
 * Transaction ids are shared by every database of a PostgreSQL cluster, so the snapshot's xmin also waits for
 * a long transaction in another database (a batch job, a benchmark, another application) that can never write
 * here. The horizon therefore is the oldest in-flight transaction of the snapshot that is not known to belong
 * to another database (pg_stat_activity and pg_prepared_xacts name the database; an id they no longer list
 * counts as ours, which only errs on the side of waiting), or the snapshot's xmax when there is none. It is
 * taken from the same snapshot the statement reads the rows with. On PGlite there is never another
 * transaction in flight, so the horizon is simply every committed row.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/index.js';

/** A place in one tenant's log, in committed-horizon order. */
export interface FeedPosition {
  txId: bigint;
  seq: number;
}

/** Before the first event. */
export const FEED_START: FeedPosition = Object.freeze({ txId: 0n, seq: 0 });

/** An event as the feed reads it (the platform's view; what leaves the server is decided by the stream). */
export interface FeedEvent {
  tenantId: number;
  seq: number;
  txId: bigint;
  name: string;
  streamType: string;
  streamId: string;
  streamVersion: number;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export function comparePositions(a: FeedPosition, b: FeedPosition): number {
  if (a.txId !== b.txId) return a.txId < b.txId ? -1 : 1;
  return a.seq - b.seq;
}

export function positionOf(event: Pick<FeedEvent, 'txId' | 'seq'>): FeedPosition {
  return { txId: event.txId, seq: event.seq };
}

/**
 * The committed horizon of the statement's snapshot, as an xid8 expression: every row with a smaller tx_id
 * that the statement can see is committed, and no row with a smaller tx_id can appear later.
 */
const HORIZON = sql`(
  SELECT coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot()))
  FROM pg_snapshot_xip(pg_current_snapshot()) AS x
  WHERE x::text::bigint % 4294967296 NOT IN (
    SELECT backend_xid::text::bigint FROM pg_stat_activity
    WHERE backend_xid IS NOT NULL AND datname <> current_database()
    UNION ALL
    SELECT transaction::text::bigint FROM pg_prepared_xacts WHERE database <> current_database()
  )
)`;

interface EventRow extends Omit<FeedEvent, 'txId'> {
  txId: string;
}

/** The statement behind readCommitted (exported so a test can EXPLAIN it). */
export function readCommittedQuery(
  tenantId: number,
  after: FeedPosition,
  limit: number,
  upTo?: FeedPosition,
) {
  return sql<EventRow>`
    SELECT tenant_id AS "tenantId", seq, tx_id::text AS "txId", name, stream_type AS "streamType",
           stream_id AS "streamId", stream_version AS "streamVersion", occurred_at AS "occurredAt", payload
    FROM events
    WHERE tenant_id = ${tenantId}
      AND (tx_id, seq) > (${after.txId.toString()}::xid8, ${after.seq}::bigint)
      AND tx_id < ${HORIZON}
      ${upTo ? sql`AND (tx_id, seq) <= (${upTo.txId.toString()}::xid8, ${upTo.seq}::bigint)` : sql``}
    ORDER BY tx_id, seq
    LIMIT ${limit}`;
}

/**
 * Up to `limit` committed events of the tenant after `after`, in (tx_id, seq) order; with `upTo`, none past
 * it. One range scan of the index events_tx_order.
 */
export async function readCommitted(
  ex: Executor,
  tenantId: number,
  after: FeedPosition,
  limit: number,
  upTo?: FeedPosition,
): Promise<FeedEvent[]> {
  const result = await readCommittedQuery(tenantId, after, limit, upTo).execute(ex);
  return result.rows.map((row) => ({ ...row, txId: BigInt(row.txId) }));
}

/**
 * Whether every transaction that had started when `since` was taken (see `snapshotXmax`) is now inside the
 * committed horizon — i.e. a reader now sees every write committed before then.
 */
export async function horizonPassed(ex: Executor, since: bigint): Promise<boolean> {
  const r = await sql<{ h: string }>`SELECT (${HORIZON})::text AS h`.execute(ex);
  return BigInt(r.rows[0]?.h ?? '0') >= since;
}

/** The next transaction id to be assigned: every transaction started so far has a smaller one. */
export async function snapshotXmax(ex: Executor): Promise<bigint> {
  const r = await sql<{ x: string }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`.execute(ex);
  return BigInt(r.rows[0]?.x ?? '0');
}

/** The position of the last event inside the committed horizon now; FEED_START for an empty log. */
export async function committedHead(ex: Executor, tenantId: number): Promise<FeedPosition> {
  const result = await sql<{ txId: string; seq: number }>`
    SELECT tx_id::text AS "txId", seq FROM events
    WHERE tenant_id = ${tenantId} AND tx_id < ${HORIZON}
    ORDER BY tx_id DESC, seq DESC
    LIMIT 1`.execute(ex);
  const row = result.rows[0];
  return row ? { txId: BigInt(row.txId), seq: row.seq } : FEED_START;
}

/** Where the event with this seq stands in the tenant's log (a reconnecting client names only the seq). */
export async function positionOfSeq(
  ex: Executor,
  tenantId: number,
  seq: number,
): Promise<FeedPosition | null> {
  const result = await sql<{ txId: string }>`
    SELECT tx_id::text AS "txId" FROM events WHERE tenant_id = ${tenantId} AND seq = ${seq}`.execute(ex);
  const row = result.rows[0];
  return row ? { txId: BigInt(row.txId), seq } : null;
}
