/** SQL of the outbox: deliveries owed to outside systems (the 12345 webhook). */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.js';

export async function enqueue(
  ex: Executor,
  tenantId: number,
  items: readonly { topic: string; target: string; payload: unknown }[],
  now: Date,
): Promise<void> {
  await enqueueSql(tenantId, items, now)?.execute(ex);
}

/** `enqueue` as a write to send with others (`oneStatement`); null when there is nothing to enqueue. */
export function enqueueSql(
  tenantId: number,
  items: readonly { topic: string; target: string; payload: unknown }[],
  now: Date,
): RawBuilder<unknown> | null {
  if (items.length === 0) return null;
  return sql`INSERT INTO outbox (tenant_id, topic, target, payload, next_attempt_at, created_at)
    SELECT ${tenantId}, topic, target, payload, ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x(topic text, target text, payload jsonb)`;
}

export interface OutboxItem {
  tenantId: number;
  id: number;
  topic: string;
  target: string;
  payload: unknown;
  attempts: number;
}

export async function lockDueOutbox(ex: Executor, now: Date, limit: number): Promise<OutboxItem[]> {
  const r = await sql<OutboxItem>`SELECT tenant_id AS "tenantId", id, topic, target, payload, attempts
    FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ${now}
    ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(ex);
  return r.rows;
}

export async function markOutbox(
  ex: Executor,
  item: OutboxItem,
  result: { delivered: true; at: Date } | { delivered: false; error: string; retryAt: Date },
): Promise<void> {
  if (result.delivered) {
    await sql`UPDATE outbox SET delivered_at = ${result.at}, attempts = attempts + 1, last_error = NULL
      WHERE tenant_id = ${item.tenantId} AND id = ${item.id}`.execute(ex);
  } else {
    await sql`UPDATE outbox SET attempts = attempts + 1, last_error = ${result.error},
      next_attempt_at = ${result.retryAt} WHERE tenant_id = ${item.tenantId} AND id = ${item.id}`.execute(ex);
  }
}
