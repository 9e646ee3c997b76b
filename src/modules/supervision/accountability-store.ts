/** SQL of accountability (问责) records and the quarterly grading. */
import { sql, type RawBuilder } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.js';
import type { GradingScheme } from './domain/grading.js';
import type { Severity } from './domain/types.js';
import type { Accountability } from './types.js';

// -------------------------------------------------------------------------------------- accountability

const ACC_COLUMNS = sql`
  id::text AS id, subject_kind AS "subjectKind", subject_account_id::text AS "subjectAccountId",
  subject_unit_code AS "subjectUnitCode", outcome, basis, note, card_ids::text[] AS "cardIds",
  decided_by::text AS "decidedBy", decided_at AS "decidedAt", withdrawn_at AS "withdrawnAt", version`;

type AccRow = Omit<Accountability, 'subjectAccountId' | 'decidedBy'> & {
  subjectAccountId: string | null;
  decidedBy: string | null;
};

function toAcc(r: AccRow): Accountability {
  return {
    ...r,
    subjectAccountId: r.subjectAccountId === null ? null : Number(r.subjectAccountId),
    decidedBy: r.decidedBy === null ? null : Number(r.decidedBy),
    decidedAt: new Date(r.decidedAt),
    withdrawnAt: r.withdrawnAt === null ? null : new Date(r.withdrawnAt),
  };
}

export async function insertAccountability(tx: Tx, tenantId: number, a: Accountability): Promise<void> {
  await sql`
    INSERT INTO supervision_accountability (tenant_id, id, subject_kind, subject_account_id, subject_unit_code,
      outcome, basis, note, card_ids, decided_by, decided_at)
    VALUES (${tenantId}, ${a.id}::uuid, ${a.subjectKind}, ${a.subjectAccountId}, ${a.subjectUnitCode},
      ${a.outcome}, ${a.basis}, ${a.note}, ${a.cardIds}::uuid[], ${a.decidedBy}, ${a.decidedAt.toISOString()})`.execute(
    tx,
  );
}

export async function updateAccountability(
  tx: Tx,
  tenantId: number,
  a: Accountability,
  expectedVersion: number,
): Promise<boolean> {
  const r = await sql`
    UPDATE supervision_accountability SET outcome = ${a.outcome}, basis = ${a.basis}, note = ${a.note},
      card_ids = ${a.cardIds}::uuid[], withdrawn_at = ${a.withdrawnAt?.toISOString() ?? null}, version = ${a.version}
    WHERE tenant_id = ${tenantId} AND id = ${a.id}::uuid AND version = ${expectedVersion}`.execute(tx);
  return Number(r.numAffectedRows ?? 0n) === 1;
}

export async function findAccountability(
  ex: Executor,
  tenantId: number,
  id: string,
): Promise<Accountability | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await sql<AccRow>`
    SELECT ${ACC_COLUMNS} FROM supervision_accountability WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`.execute(
    ex,
  );
  const row = r.rows[0];
  return row ? toAcc(row) : null;
}

export async function listAccountability(
  ex: Executor,
  tenantId: number,
  filter: {
    cardId?: string;
    subjectAccountId?: number;
    subjectUnitCode?: string;
    includeWithdrawn?: boolean;
  },
): Promise<Accountability[]> {
  const where: RawBuilder<unknown>[] = [sql`tenant_id = ${tenantId}`];
  if (filter.cardId) where.push(sql`${filter.cardId}::uuid = ANY(card_ids)`);
  if (filter.subjectAccountId !== undefined) where.push(sql`subject_account_id = ${filter.subjectAccountId}`);
  if (filter.subjectUnitCode) where.push(sql`subject_unit_code = ${filter.subjectUnitCode}`);
  if (!filter.includeWithdrawn) where.push(sql`withdrawn_at IS NULL`);
  const r = await sql<AccRow>`
    SELECT ${ACC_COLUMNS} FROM supervision_accountability WHERE ${sql.join(where, sql` AND `)}
    ORDER BY decided_at DESC, id LIMIT 500`.execute(ex);
  return r.rows.map(toAcc);
}

// ---------------------------------------------------------------------------------------------- grading

export async function readGrading(
  ex: Executor,
  tenantId: number,
): Promise<{ scheme: GradingScheme; version: number } | null> {
  const r = await sql<{ grading: GradingScheme; version: number }>`
    SELECT grading, version FROM supervision_settings WHERE tenant_id = ${tenantId}`.execute(ex);
  const row = r.rows[0];
  return row ? { scheme: row.grading, version: row.version } : null;
}

export async function saveGrading(
  tx: Tx,
  tenantId: number,
  scheme: GradingScheme,
  expectedVersion: number,
): Promise<number | null> {
  const r = await sql<{ version: number }>`
    INSERT INTO supervision_settings AS s (tenant_id, grading) VALUES (${tenantId}, ${JSON.stringify(scheme)}::jsonb)
    ON CONFLICT (tenant_id) DO UPDATE SET grading = excluded.grading, version = s.version + 1, updated_at = now()
      WHERE s.version = ${expectedVersion}
    RETURNING version`.execute(tx);
  const version = r.rows[0]?.version ?? null;
  if (version === 1 && expectedVersion !== 0) return null;
  return version;
}

/** Cards fired in [from, to) that were not dismissed, and accountability decided in it. */
export async function gradingFacts(ex: Executor, tenantId: number, from: Date, to: Date, now: Date) {
  const cards = await sql<{
    unitCode: string | null;
    officerAccountId: string | null;
    severity: Severity;
    initialSeverity: Severity;
    escalated: boolean;
    late: boolean;
  }>`
    SELECT unit_code AS "unitCode", officer_account_id::text AS "officerAccountId", severity,
           initial_severity AS "initialSeverity", escalated_at IS NOT NULL AS escalated,
           (coalesce(responded_at, ${now.toISOString()}::timestamptz) > due_by) AS late
    FROM supervision_cards
    WHERE tenant_id = ${tenantId} AND fired_at >= ${from.toISOString()}::timestamptz
      AND fired_at < ${to.toISOString()}::timestamptz AND outcome IS DISTINCT FROM 'dismissed'`.execute(ex);
  const acc = await sql<{ subjectKind: string; accountId: string | null; unitCode: string | null }>`
    SELECT subject_kind AS "subjectKind", subject_account_id::text AS "accountId", subject_unit_code AS "unitCode"
    FROM supervision_accountability
    WHERE tenant_id = ${tenantId} AND withdrawn_at IS NULL AND outcome <> 'noAccountability'
      AND decided_at >= ${from.toISOString()}::timestamptz AND decided_at < ${to.toISOString()}::timestamptz`.execute(
    ex,
  );
  return { cards: cards.rows, accountability: acc.rows };
}
