/** SQL of the watches: rules that fire on time rather than on an event. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.js';

// ----------------------------------------------------------------------------------------------- watches

export interface WatchRow {
  ruleId: string;
  key: string;
  dueAt: Date | null;
  seq: number;
  eventName: string;
  powerItemCode: string | null;
  facts: Record<string, unknown>;
}

/** Sets (a new generation only when the time moved), or deletes (dueAt null) watches, in order. */
export async function applyWatches(tx: Tx, tenantId: number, rows: readonly WatchRow[]): Promise<void> {
  const cancel = rows.filter((w) => w.dueAt === null);
  const set = rows.filter((w) => w.dueAt !== null);
  if (cancel.length > 0) {
    const input = cancel.map((w) => ({ r: w.ruleId, k: w.key }));
    await sql`
      DELETE FROM supervision_watches w USING jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS x(r text, k text)
      WHERE w.tenant_id = ${tenantId} AND w.rule_id = x.r AND w.watch_key = x.k`.execute(tx);
  }
  if (set.length === 0) return;
  const input = set.map((w) => ({
    r: w.ruleId,
    k: w.key,
    d: w.dueAt?.toISOString(),
    s: w.seq,
    n: w.eventName,
    p: w.powerItemCode,
    f: w.facts,
  }));
  await sql`
    INSERT INTO supervision_watches AS w (tenant_id, rule_id, watch_key, due_at, seq, event_name, power_item_code, facts)
    SELECT ${tenantId}, r, k, d, s, n, p, f
    FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
      AS x(r text, k text, d timestamptz, s bigint, n text, p text, f jsonb)
    ON CONFLICT (tenant_id, rule_id, watch_key) DO UPDATE
      SET due_at = excluded.due_at, seq = excluded.seq, event_name = excluded.event_name,
          power_item_code = excluded.power_item_code, facts = excluded.facts, fired_at = NULL
      WHERE w.due_at IS DISTINCT FROM excluded.due_at`.execute(tx);
}

export async function lockDueWatches(
  tx: Tx,
  tenantId: number,
  now: Date,
  limit: number,
): Promise<WatchRow[]> {
  const r = await sql<Omit<WatchRow, 'seq'> & { seq: string }>`
    SELECT rule_id AS "ruleId", watch_key AS key, due_at AS "dueAt", seq::text AS seq, event_name AS "eventName",
           power_item_code AS "powerItemCode", facts
    FROM supervision_watches
    WHERE tenant_id = ${tenantId} AND fired_at IS NULL AND due_at <= ${now.toISOString()}::timestamptz
    ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(tx);
  return r.rows.map((w) => ({
    ...w,
    seq: Number(w.seq),
    dueAt: w.dueAt === null ? null : new Date(w.dueAt),
  }));
}

export async function markWatchesFired(
  tx: Tx,
  tenantId: number,
  rows: readonly WatchRow[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const input = rows.map((w) => ({ r: w.ruleId, k: w.key }));
  await sql`
    UPDATE supervision_watches w SET fired_at = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS x(r text, k text)
    WHERE w.tenant_id = ${tenantId} AND w.rule_id = x.r AND w.watch_key = x.k`.execute(tx);
}
