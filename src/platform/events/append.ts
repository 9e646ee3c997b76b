import { sql } from 'kysely';
import type { Actor } from '../actor.js';
import type { Tx } from '../db/index.js';

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
}

export interface StoredEvent {
  seq: number;
  streamType: string;
  streamId: string;
  streamVersion: number;
  name: string;
}

/**
 * Appends events in the caller's transaction, so they commit or vanish with the change they describe.
 * One set-based statement for the whole batch; each record's events get consecutive stream versions, and a
 * concurrent writer on the same record fails on the unique (stream, version) key instead of interleaving.
 */
export async function appendEvents(
  tx: Tx,
  actor: Actor,
  occurredAt: Date,
  events: readonly NewEvent[],
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const rows = events.map((e, i) => ({
    ord: i,
    stream_type: e.streamType,
    stream_id: e.streamId,
    name: e.name,
    actor_role: e.role ?? null,
    actor_kind: (e.actor ?? actor).kind,
    actor_id: (e.actor ?? actor).accountId,
    request_id: (e.actor ?? actor).requestId,
    occurred_at: (e.occurredAt ?? occurredAt).toISOString(),
    payload: e.payload,
  }));
  if (events.some((e) => e.actor !== undefined && e.actor.tenantId !== actor.tenantId)) {
    throw new Error('appendEvents: every event of one call belongs to one tenant');
  }
  const result = await sql<StoredEvent>`
    WITH input AS (
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
           actor_role, occurred_at, request_id, payload
    FROM numbered ORDER BY ord
    RETURNING seq, stream_type AS "streamType", stream_id AS "streamId", stream_version AS "streamVersion", name`.execute(
    tx,
  );
  return result.rows;
}
