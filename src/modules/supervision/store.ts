/** SQL of the supervision module (its own tables only; context-store.ts reads the calendar and org tables). */
import { sql, type RawBuilder } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.js';
import type { DataScope } from '../org/index.js';
import type { RuleOverride } from './domain/registry.js';
import type { ActorAction, Severity, SupervisedEvent, TargetKind } from './domain/types.js';
import type { Card, Notification } from './types.js';

// ------------------------------------------------------------------------------------------- rule configs

export async function loadOverrides(ex: Executor, tenantId: number): Promise<RuleOverride[]> {
  const r = await sql<{
    ruleId: string;
    powerItemCode: string;
    enabled: boolean;
    severity: Severity;
    respondWorkingDays: number;
    params: Record<string, unknown>;
    version: number;
  }>`
    SELECT rule_id AS "ruleId", power_item_code AS "powerItemCode", enabled, severity,
           respond_working_days AS "respondWorkingDays", params, version
    FROM supervision_rule_configs WHERE tenant_id = ${tenantId}
    ORDER BY rule_id, power_item_code`.execute(ex);
  return r.rows.map((o) => ({ ...o, powerItemCode: o.powerItemCode === '' ? null : o.powerItemCode }));
}

/** Inserts or updates an override; false when the stored version is not `expectedVersion` (0: none yet). */
export async function saveOverride(
  tx: Tx,
  tenantId: number,
  o: Omit<RuleOverride, 'version'>,
  expectedVersion: number,
): Promise<number | null> {
  const item = o.powerItemCode ?? '';
  const r = await sql<{ version: number }>`
    INSERT INTO supervision_rule_configs AS c
      (tenant_id, rule_id, power_item_code, enabled, severity, respond_working_days, params)
    VALUES (${tenantId}, ${o.ruleId}, ${item}, ${o.enabled}, ${o.severity}, ${o.respondWorkingDays},
            ${JSON.stringify(o.params)}::jsonb)
    ON CONFLICT (tenant_id, rule_id, power_item_code) DO UPDATE
      SET enabled = excluded.enabled, severity = excluded.severity,
          respond_working_days = excluded.respond_working_days, params = excluded.params,
          version = c.version + 1, updated_at = now()
      WHERE c.version = ${expectedVersion}
    RETURNING version`.execute(tx);
  const version = r.rows[0]?.version ?? null;
  // A first insert (no row yet) must have been asked for with version 0.
  if (version === 1 && expectedVersion !== 0) return null;
  return version;
}

// ----------------------------------------------------------------------------------------- engine inputs

interface EventRow {
  seq: string;
  name: string;
  streamType: string;
  streamId: string;
  streamVersion: number;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export function toSupervised(e: Omit<EventRow, 'seq'> & { seq: number | string }): SupervisedEvent {
  const raw = e.payload.actorId;
  const actorId = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : null;
  return {
    seq: Number(e.seq),
    name: e.name,
    streamType: e.streamType,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    occurredAt: new Date(e.occurredAt),
    actorId,
    payload: e.payload,
  };
}

/** Every stored event of these records, by record, in stream order. */
export async function streamHistories(
  tx: Tx,
  tenantId: number,
  streamType: string,
  streamIds: readonly string[],
): Promise<Map<string, SupervisedEvent[]>> {
  const out = new Map<string, SupervisedEvent[]>();
  if (streamIds.length === 0) return out;
  const r = await sql<EventRow>`
    SELECT seq::text AS seq, name, stream_type AS "streamType", stream_id AS "streamId",
           stream_version AS "streamVersion", occurred_at AS "occurredAt", payload
    FROM events
    WHERE tenant_id = ${tenantId} AND stream_type = ${streamType} AND stream_id = ANY(${[...streamIds]}::text[])
    ORDER BY stream_id, stream_version`.execute(tx);
  for (const row of r.rows) {
    const list = out.get(row.streamId) ?? [];
    list.push(toSupervised(row));
    out.set(row.streamId, list);
  }
  return out;
}

export async function actorActions(
  tx: Tx,
  tenantId: number,
  accountIds: readonly number[],
  names: readonly string[],
  since: Date,
): Promise<Map<number, ActorAction[]>> {
  const out = new Map<number, ActorAction[]>();
  if (accountIds.length === 0 || names.length === 0) return out;
  const r = await sql<{ accountId: string; name: string; seq: string; at: Date }>`
    SELECT account_id::text AS "accountId", event_name AS name, seq::text AS seq, occurred_at AS at
    FROM supervision_actor_actions
    WHERE tenant_id = ${tenantId} AND account_id = ANY(${accountIds.map(String)}::bigint[])
      AND event_name = ANY(${[...names]}::text[]) AND occurred_at >= ${since.toISOString()}::timestamptz
    ORDER BY occurred_at, seq`.execute(tx);
  for (const row of r.rows) {
    const id = Number(row.accountId);
    const list = out.get(id) ?? [];
    list.push({ name: row.name, seq: Number(row.seq), at: new Date(row.at) });
    out.set(id, list);
  }
  return out;
}

export async function insertActorActions(
  tx: Tx,
  tenantId: number,
  rows: readonly { accountId: number; name: string; seq: number; at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  const input = rows.map((r) => ({ a: r.accountId, n: r.name, s: r.seq, t: r.at.toISOString() }));
  await sql`
    INSERT INTO supervision_actor_actions (tenant_id, account_id, event_name, seq, occurred_at)
    SELECT ${tenantId}, a, n, s, t FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
      AS x(a bigint, n text, s bigint, t timestamptz)
    ON CONFLICT DO NOTHING`.execute(tx);
}

/** The latest firing per (rule, target) among these rules and target ids. */
export async function lastFirings(
  tx: Tx,
  tenantId: number,
  ruleIds: readonly string[],
  targetKind: TargetKind,
  targetIds: readonly string[],
): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (ruleIds.length === 0 || targetIds.length === 0) return out;
  const r = await sql<{ ruleId: string; targetId: string; at: Date }>`
    SELECT rule_id AS "ruleId", target_id AS "targetId", max(fired_at) AS at
    FROM supervision_cards
    WHERE tenant_id = ${tenantId} AND rule_id = ANY(${[...ruleIds]}::text[]) AND target_kind = ${targetKind}
      AND target_id = ANY(${[...targetIds]}::text[])
    GROUP BY rule_id, target_id`.execute(tx);
  for (const row of r.rows) out.set(`${row.ruleId}|${targetKind}|${row.targetId}`, new Date(row.at));
  return out;
}

// ------------------------------------------------------------------------------------------------- cards

const CARD_COLUMNS = sql`
  id::text AS id, rule_id AS "ruleId", severity, initial_severity AS "initialSeverity",
  target_kind AS "targetKind", target_id AS "targetId", power_item_code AS "powerItemCode",
  case_id AS "caseId", case_no AS "caseNo", unit_code AS "unitCode", grid_code AS "gridCode",
  officer_account_id::text AS "officerAccountId", trigger_seq::text AS "triggerSeq",
  trigger_name AS "triggerName", summary, facts, status, fired_at AS "firedAt", due_by AS "dueBy",
  escalated_at AS "escalatedAt", response, responded_at AS "respondedAt", review, closed_at AS "closedAt",
  outcome, version`;

type CardRow = Omit<Card, 'officerAccountId' | 'triggerSeq'> & {
  officerAccountId: string | null;
  triggerSeq: string;
};

function toCard(r: CardRow): Card {
  const date = (d: Date | null) => (d === null ? null : new Date(d));
  return {
    ...r,
    officerAccountId: r.officerAccountId === null ? null : Number(r.officerAccountId),
    triggerSeq: Number(r.triggerSeq),
    firedAt: new Date(r.firedAt),
    dueBy: new Date(r.dueBy),
    escalatedAt: date(r.escalatedAt),
    respondedAt: date(r.respondedAt),
    closedAt: date(r.closedAt),
  };
}

/** Inserts cards; those whose (rule, target, trigger) exists already are skipped. Returns the inserted. */
export async function insertCards(tx: Tx, tenantId: number, cards: readonly Card[]): Promise<Card[]> {
  if (cards.length === 0) return [];
  const input = cards.map((c) => ({
    id: c.id,
    rule_id: c.ruleId,
    severity: c.severity,
    target_kind: c.targetKind,
    target_id: c.targetId,
    power_item_code: c.powerItemCode,
    case_id: c.caseId,
    case_no: c.caseNo,
    unit_code: c.unitCode,
    grid_code: c.gridCode,
    officer_account_id: c.officerAccountId,
    trigger_seq: c.triggerSeq,
    trigger_name: c.triggerName,
    summary: c.summary,
    facts: c.facts,
    fired_at: c.firedAt.toISOString(),
    due_by: c.dueBy.toISOString(),
  }));
  const r = await sql<CardRow>`
    INSERT INTO supervision_cards (tenant_id, id, rule_id, severity, initial_severity, target_kind, target_id,
      power_item_code, case_id, case_no, unit_code, grid_code, officer_account_id, trigger_seq, trigger_name,
      summary, facts, status, fired_at, due_by)
    SELECT ${tenantId}, id, rule_id, severity, severity, target_kind, target_id, power_item_code, case_id,
      case_no, unit_code, grid_code, officer_account_id, trigger_seq, trigger_name, summary, facts, 'open',
      fired_at, due_by
    FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS x(id uuid, rule_id text, severity text,
      target_kind text, target_id text, power_item_code text, case_id text, case_no text, unit_code text,
      grid_code text, officer_account_id bigint, trigger_seq bigint, trigger_name text, summary text,
      facts jsonb, fired_at timestamptz, due_by timestamptz)
    ON CONFLICT (tenant_id, rule_id, target_kind, target_id, trigger_seq) DO NOTHING
    RETURNING ${CARD_COLUMNS}`.execute(tx);
  return r.rows.map(toCard);
}

export async function findCard(
  ex: Executor,
  tenantId: number,
  id: string,
  forUpdate = false,
): Promise<Card | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await sql<CardRow>`
    SELECT ${CARD_COLUMNS} FROM supervision_cards WHERE tenant_id = ${tenantId} AND id = ${id}::uuid
    ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(ex);
  const row = r.rows[0];
  return row ? toCard(row) : null;
}

/** Writes the card's mutable fields if the stored version is `expectedVersion`. */
export async function updateCard(
  tx: Tx,
  tenantId: number,
  c: Card,
  expectedVersion: number,
): Promise<boolean> {
  const r = await sql`
    UPDATE supervision_cards SET severity = ${c.severity}, status = ${c.status}, due_by = ${c.dueBy.toISOString()},
      escalated_at = ${c.escalatedAt?.toISOString() ?? null}, response = ${c.response ? JSON.stringify(c.response) : null}::jsonb,
      responded_at = ${c.respondedAt?.toISOString() ?? null}, review = ${c.review ? JSON.stringify(c.review) : null}::jsonb,
      closed_at = ${c.closedAt?.toISOString() ?? null}, outcome = ${c.outcome}, version = ${c.version}
    WHERE tenant_id = ${tenantId} AND id = ${c.id}::uuid AND version = ${expectedVersion}`.execute(tx);
  return Number(r.numAffectedRows ?? 0n) === 1;
}

export async function lockOverdueYellow(tx: Tx, tenantId: number, now: Date, limit: number): Promise<Card[]> {
  const r = await sql<CardRow>`
    SELECT ${CARD_COLUMNS} FROM supervision_cards
    WHERE tenant_id = ${tenantId} AND status = 'open' AND severity = 'yellow'
      AND due_by < ${now.toISOString()}::timestamptz
    ORDER BY due_by LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(tx);
  return r.rows.map(toCard);
}

export interface CardFilter {
  status?: string;
  severity?: string;
  ruleId?: string;
  unitCode?: string;
  caseId?: string;
  caseNo?: string;
  officerAccountId?: number;
  firedFrom?: Date;
  firedTo?: Date;
}

/** The data-scope condition on cards: all, or cards of cases in the viewer's regions or units. */
export function cardScope(scope: DataScope, accountId: number): RawBuilder<unknown> {
  if (scope.all) return sql`true`;
  const parts: RawBuilder<unknown>[] = [sql`officer_account_id = ${accountId}`];
  if (scope.regionCodes.length > 0) {
    parts.push(sql`grid_code LIKE ANY(${scope.regionCodes.map((c) => `${c}%`)}::text[])`);
  }
  if (scope.unitCodes.length > 0) parts.push(sql`unit_code = ANY(${scope.unitCodes}::text[])`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export async function listCards(
  ex: Executor,
  tenantId: number,
  filter: CardFilter,
  scope: RawBuilder<unknown>,
  limit: number,
  after: { firedAt: Date; id: string } | null,
): Promise<Card[]> {
  const where: RawBuilder<unknown>[] = [sql`tenant_id = ${tenantId}`, scope];
  if (filter.status) where.push(sql`status = ${filter.status}`);
  if (filter.severity) where.push(sql`severity = ${filter.severity}`);
  if (filter.ruleId) where.push(sql`rule_id = ${filter.ruleId}`);
  if (filter.unitCode) where.push(sql`unit_code = ${filter.unitCode}`);
  if (filter.caseId) where.push(sql`case_id = ${filter.caseId}`);
  if (filter.caseNo) where.push(sql`case_no = ${filter.caseNo}`);
  if (filter.officerAccountId !== undefined) where.push(sql`officer_account_id = ${filter.officerAccountId}`);
  if (filter.firedFrom) where.push(sql`fired_at >= ${filter.firedFrom.toISOString()}::timestamptz`);
  if (filter.firedTo) where.push(sql`fired_at < ${filter.firedTo.toISOString()}::timestamptz`);
  if (after) {
    where.push(sql`(fired_at, id) < (${after.firedAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  }
  const r = await sql<CardRow>`
    SELECT ${CARD_COLUMNS} FROM supervision_cards WHERE ${sql.join(where, sql` AND `)}
    ORDER BY fired_at DESC, id DESC LIMIT ${limit}`.execute(ex);
  return r.rows.map(toCard);
}

export async function insertNotifications(
  tx: Tx,
  tenantId: number,
  rows: readonly (Notification & { cardId: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  const input = rows.map((n) => ({
    c: n.cardId,
    k: n.recipientKind,
    a: n.accountId,
    u: n.unitCode,
    r: n.reason,
    t: n.createdAt.toISOString(),
  }));
  await sql`
    INSERT INTO supervision_notifications (tenant_id, card_id, recipient_kind, account_id, unit_code, reason,
      created_at)
    SELECT ${tenantId}, c, k, a, u, r, t FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
      AS x(c uuid, k text, a bigint, u text, r text, t timestamptz)`.execute(tx);
}

export async function notificationsOf(
  ex: Executor,
  tenantId: number,
  cardId: string,
): Promise<Notification[]> {
  const r = await sql<{
    recipientKind: Notification['recipientKind'];
    accountId: string | null;
    unitCode: string | null;
    reason: Notification['reason'];
    createdAt: Date;
  }>`
    SELECT recipient_kind AS "recipientKind", account_id::text AS "accountId", unit_code AS "unitCode", reason,
           created_at AS "createdAt"
    FROM supervision_notifications WHERE tenant_id = ${tenantId} AND card_id = ${cardId}::uuid ORDER BY id`.execute(
    ex,
  );
  return r.rows.map((n) => ({
    ...n,
    accountId: n.accountId === null ? null : Number(n.accountId),
    createdAt: new Date(n.createdAt),
  }));
}

export async function cardsExist(ex: Executor, tenantId: number, ids: readonly string[]): Promise<Card[]> {
  if (ids.length === 0) return [];
  const r = await sql<CardRow>`
    SELECT ${CARD_COLUMNS} FROM supervision_cards
    WHERE tenant_id = ${tenantId} AND id = ANY(${[...ids]}::uuid[])`.execute(ex);
  return r.rows.map(toCard);
}

export async function tenantIds(ex: Executor): Promise<number[]> {
  const r = await sql<{ id: number }>`SELECT id FROM tenants ORDER BY id`.execute(ex);
  return r.rows.map((t) => t.id);
}
