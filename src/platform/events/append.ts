import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../actor.js';
import { oneStatement, prepared, withClauses, type Executor } from '../db/index.js';
import { jsonbText } from '../audit/canonical.js';
import { bodyDigest, chainHash, microsOf } from '../audit/chain.js';
import { isoInstant } from '../iso-instant.js';

export interface NewEvent {
  /** The kind of record the event belongs to ('account', 'case', …); with streamId it names one record. */
  streamType: string;
  streamId: string;
  /** `<module>.<noun>.<pastTenseVerb>` (CONVENTIONS § Events). */
  name: string;
  payload: Record<string, unknown>;
  /** The role the actor acted under, when it matters (e.g. a dispatcher who is also an operator). */
  role?: string | null;
  /** Another actor of the same tenant (group-committed requests from several people share a transaction). */
  actor?: Actor;
  /** When it happened, if not the batch's time. */
  occurredAt?: Date;
  /**
   * The command has just created this record, so it has no earlier events: its head need not be read. A
   * wrong claim cannot fork a chain — the insert then collides on the unique (record, version) key.
   */
  newRecord?: boolean;
}

/** The last version and hash of a record's chain, when the caller has already read it. */
export interface ChainHead {
  version: number;
  hash: Buffer | null;
}

export interface StoredEvent {
  seq: number;
  streamType: string;
  streamId: string;
  streamVersion: number;
  name: string;
}

/**
 * Whether appended events join their record's hash chain (platform/audit). Always on in the product; the
 * audit benchmark turns it off to measure what the chain costs.
 */
let chaining = true;
export function setEventChaining(on: boolean): void {
  chaining = on;
}

/**
 * Appends events in the caller's transaction, so they commit or vanish with the change they describe. Events
 * that all start new records need no read, so they may also go in as one statement outside a transaction
 * (`ex` is then the database, and that statement is the whole write: see group-commit.ts).
 * Each record's events get consecutive stream versions and join the record's hash chain: the current head
 * of every record in the batch is read first (one statement; none for records marked `newRecord`), the
 * hashes are computed here, and one set-based statement inserts the batch (together with the command's own
 * writes, if it passes them as `alongside`). A concurrent writer on the same record fails on the unique
 * (stream, version) key instead of interleaving or forking the chain.
 */
export async function appendEvents(
  tx: Executor,
  actor: Actor,
  occurredAt: Date,
  events: readonly NewEvent[],
  options: AppendOptions = {},
): Promise<StoredEvent[]> {
  const { knownHeads, alongside = [] } = options;
  if (events.some((e) => e.actor !== undefined && e.actor.tenantId !== actor.tenantId)) {
    throw new Error('appendEvents: every event of one call belongs to one tenant');
  }
  if (events.length === 0) {
    const last = alongside.at(-1);
    if (last) await oneStatement(alongside.slice(0, -1), last).execute(tx);
    return [];
  }
  if (!chaining) return appendUnchained(tx, actor, occurredAt, events, alongside, options);
  const unknown = events.filter(
    (e) => e.newRecord !== true && !knownHeads?.has(chainHeadKey(e.streamType, e.streamId)),
  );
  if (unknown.length > 0 && !tx.isTransaction) {
    throw new Error('appendEvents: events of existing records need a transaction (their heads are read)');
  }
  const heads = await readHeads(tx, actor.tenantId, unknown);
  for (const [key, head] of knownHeads ?? []) if (!heads.has(key)) heads.set(key, head);
  const parts = events.map((e, ord) => {
    const key = chainHeadKey(e.streamType, e.streamId);
    const head = heads.get(key) ?? { version: 0, hash: null };
    const who = e.actor ?? actor;
    const at = e.occurredAt ?? occurredAt;
    const version = head.version + 1;
    const payloadText = jsonbText(e.payload);
    const digest = bodyDigest({
      actorKind: who.kind,
      actorId: who.accountId === null ? null : String(who.accountId),
      actorRole: e.role ?? null,
      requestId: who.requestId,
      payloadText,
    });
    const hash = chainHash(head.hash, digest, {
      tenantId: actor.tenantId,
      streamType: e.streamType,
      streamId: e.streamId,
      streamVersion: version,
      name: e.name,
      occurredAtUs: microsOf(at),
    });
    const prev = head.hash;
    heads.set(key, { version, hash });
    const row = JSON.stringify({
      ord,
      stream_type: e.streamType,
      stream_id: e.streamId,
      stream_version: version,
      name: e.name,
      actor_role: e.role ?? null,
      actor_kind: who.kind,
      actor_id: who.accountId,
      request_id: who.requestId,
      occurred_at: isoInstant(at),
      prev_hash: prev?.toString('hex') ?? null,
      hash: hash.toString('hex'),
    });
    // The payload goes in raw: json_to_recordset hands a json field over as its very text, and a json column
    // keeps it verbatim, so what is stored is exactly what was hashed (parsed once, by the input cast).
    return row.slice(0, -1) + ',"payload":' + payloadText + '}';
  });
  const input = '[' + parts.join(',') + ']';
  const insert = sql<StoredEvent>`
    INSERT INTO events (tenant_id, stream_type, stream_id, stream_version, name, actor_kind, actor_id,
                        actor_role, occurred_at, request_id, payload, prev_hash, hash)
    SELECT ${actor.tenantId}, stream_type, stream_id, stream_version, name, actor_kind, actor_id,
           actor_role, occurred_at, request_id, payload, decode(prev_hash, 'hex'), decode(hash, 'hex')
    FROM json_to_recordset(${input}::json)
      AS x(ord int, stream_type text, stream_id text, stream_version int, name text, actor_role text,
           actor_kind text, actor_id bigint, request_id text, occurred_at timestamptz, payload json,
           prev_hash text, hash text)
    ORDER BY ord
    ${returningFor(options)}`;
  const result = await prepared(oneStatement(alongside, insert)).execute(tx);
  return result.rows;
}

export interface AppendOptions {
  /**
   * Heads the caller read in this transaction (keyed by `chainHeadKey`), e.g. with the rows it locked, which
   * saves a round trip. A stale one cannot fork a chain: the insert collides on the unique (record, version)
   * key.
   */
  knownHeads?: ReadonlyMap<string, ChainHead>;
  /**
   * The command's own writes, sent in the same statement as the insert (see `oneStatement`): plain
   * INSERT / UPDATE / DELETE statements that touch no row another of them touches. They run even when there
   * are no events.
   */
  alongside?: readonly RawBuilder<unknown>[];
  /**
   * False when the caller has no use for the stored rows (their seq): the statement then returns none, which
   * saves printing, sending and parsing a row per event. The call then resolves to an empty list.
   */
  stored?: boolean;
}

const RETURNING = sql.raw(
  'RETURNING seq, stream_type AS "streamType", stream_id AS "streamId", stream_version AS "streamVersion", name',
);
const returningFor = (options: AppendOptions) => (options.stored === false ? sql`` : RETURNING);

export const chainHeadKey = (type: string, id: string): string => `${type}\u0000${id}`;

/** The last version and hash of each record the batch writes to (none for a new record). */
async function readHeads(
  tx: Executor,
  tenantId: number,
  events: readonly NewEvent[],
): Promise<Map<string, ChainHead>> {
  const keys = new Map<string, { type: string; id: string }>();
  for (const e of events) {
    keys.set(chainHeadKey(e.streamType, e.streamId), { type: e.streamType, id: e.streamId });
  }
  const streams = [...keys.values()];
  if (streams.length === 0) return new Map();
  const result = await prepared(sql<{ type: string; id: string; version: number; hash: string | null }>`
    SELECT s.type, s.id, h.stream_version AS version, encode(h.hash, 'hex') AS hash
    FROM unnest(${streams.map((s) => s.type)}::text[], ${streams.map((s) => s.id)}::text[]) AS s(type, id)
    CROSS JOIN LATERAL (
      SELECT stream_version, hash FROM events
      WHERE tenant_id = ${tenantId} AND stream_type = s.type AND stream_id = s.id
      ORDER BY stream_version DESC LIMIT 1
    ) h`).execute(tx);
  return new Map(
    result.rows.map((r) => [
      chainHeadKey(r.type, r.id),
      { version: r.version, hash: r.hash === null ? null : Buffer.from(r.hash, 'hex') },
    ]),
  );
}

/** The same rows without hashes (the benchmark's "chain off"), also in one statement with `alongside`. */
async function appendUnchained(
  tx: Executor,
  actor: Actor,
  occurredAt: Date,
  events: readonly NewEvent[],
  alongside: readonly RawBuilder<unknown>[],
  options: AppendOptions,
): Promise<StoredEvent[]> {
  const writes = withClauses(alongside).map((clause) => sql`${clause}, `);
  const rows = events.map((e, i) => ({
    ord: i,
    stream_type: e.streamType,
    stream_id: e.streamId,
    name: e.name,
    actor_role: e.role ?? null,
    actor_kind: (e.actor ?? actor).kind,
    actor_id: (e.actor ?? actor).accountId,
    request_id: (e.actor ?? actor).requestId,
    occurred_at: isoInstant(e.occurredAt ?? occurredAt),
    payload: e.payload,
  }));
  const result = await prepared(sql<StoredEvent>`
    WITH ${sql.join(writes, sql``)}input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(ord int, stream_type text, stream_id text, name text, actor_role text, actor_kind text,
             actor_id bigint, request_id text, occurred_at timestamptz, payload jsonb)
    ), numbered AS (
      SELECT input.*,
        row_number() OVER (PARTITION BY stream_type, stream_id ORDER BY ord) AS n,
        (SELECT coalesce(max(e.stream_version), 0) FROM events e
          WHERE e.tenant_id = ${actor.tenantId} AND e.stream_type = input.stream_type
            AND e.stream_id = input.stream_id) AS base
      FROM input
    )
    INSERT INTO events (tenant_id, stream_type, stream_id, stream_version, name, actor_kind, actor_id,
                        actor_role, occurred_at, request_id, payload)
    SELECT ${actor.tenantId}, stream_type, stream_id, base + n, name, actor_kind, actor_id,
           actor_role, occurred_at, request_id, payload::json
    FROM numbered ORDER BY ord
    ${returningFor(options)}`).execute(tx);
  return result.rows;
}
