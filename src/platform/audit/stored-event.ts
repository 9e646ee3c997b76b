/**
 * An event's hashed content as the database stores it, read back exactly as the hashes cover it (times in
 * microseconds, payload in jsonb's own text): shared by verification, proofs and the tamper tests.
 */
import { sql } from 'kysely';
import { bodyDigest, type EventHeader } from './chain.js';

export interface StoredContent {
  t: string;
  id: string;
  v: number;
  name: string;
  ak: string;
  aid: string | null;
  role: string | null;
  rid: string | null;
  us: string;
  payload: string;
}

/** The select list producing StoredContent from `events`. */
export const STORED_CONTENT = sql`
  stream_type AS t, stream_id AS id, stream_version AS v, name, actor_kind AS ak, actor_id::text AS aid,
  actor_role AS role, request_id AS rid, (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS us,
  payload::text AS payload`;

export function storedDigest(e: StoredContent): Buffer {
  return bodyDigest({
    actorKind: e.ak,
    actorId: e.aid,
    actorRole: e.role,
    requestId: e.rid,
    payloadText: e.payload,
  });
}

export function storedHeader(tenantId: number, e: StoredContent): EventHeader {
  return { tenantId, streamType: e.t, streamId: e.id, streamVersion: e.v, name: e.name, occurredAtUs: e.us };
}
