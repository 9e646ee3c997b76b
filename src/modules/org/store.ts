import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { Beat, DataScope, DutyShift, StaffMember, Unit, UnitKind } from './types.js';

interface UnitRow {
  code: string;
  name: string;
  kind: UnitKind;
  parent_code: string | null;
  region_codes: string[];
  contact_phone: string | null;
  duty_phone: string | null;
  address: string | null;
  contract_ref: string | null;
  active: boolean;
  version: number;
}

const toUnit = (r: UnitRow): Unit => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  parentCode: r.parent_code,
  regionCodes: r.region_codes,
  contactPhone: r.contact_phone,
  dutyPhone: r.duty_phone,
  address: r.address,
  contractRef: r.contract_ref,
  active: r.active,
  version: r.version,
});

const UNIT_COLUMNS = sql`code, name, kind, parent_code, region_codes, contact_phone, duty_phone, address, contract_ref, active, version`;

export async function listUnits(ex: Executor, tenantId: number): Promise<Unit[]> {
  const r =
    await sql<UnitRow>`SELECT ${UNIT_COLUMNS} FROM units WHERE tenant_id = ${tenantId} ORDER BY code`.execute(
      ex,
    );
  return r.rows.map(toUnit);
}

export async function findUnit(
  ex: Executor,
  tenantId: number,
  code: string,
  forUpdate = false,
): Promise<Unit | null> {
  const r = forUpdate
    ? await sql<UnitRow>`SELECT ${UNIT_COLUMNS} FROM units WHERE tenant_id = ${tenantId} AND code = ${code} FOR UPDATE`.execute(
        ex,
      )
    : await sql<UnitRow>`SELECT ${UNIT_COLUMNS} FROM units WHERE tenant_id = ${tenantId} AND code = ${code}`.execute(
        ex,
      );
  return r.rows[0] ? toUnit(r.rows[0]) : null;
}

export type UnitInput = Omit<Unit, 'version'>;

/** Inserts units in one statement; parents must come before children in the list or exist already. */
export async function insertUnits(
  ex: Executor,
  tenantId: number,
  units: readonly UnitInput[],
): Promise<void> {
  if (units.length === 0) return;
  for (const u of units) {
    await sql`
      INSERT INTO units (tenant_id, code, name, kind, parent_code, region_codes, contact_phone, duty_phone, address, contract_ref, active)
      VALUES (${tenantId}, ${u.code}, ${u.name}, ${u.kind}, ${u.parentCode}, ${u.regionCodes}::text[], ${u.contactPhone},
              ${u.dutyPhone}, ${u.address}, ${u.contractRef}, ${u.active})`.execute(ex);
  }
}

export async function updateUnit(ex: Executor, tenantId: number, u: UnitInput, now: Date): Promise<number> {
  const r = await sql<{ version: number }>`
    UPDATE units SET name = ${u.name}, kind = ${u.kind}, parent_code = ${u.parentCode}, region_codes = ${u.regionCodes}::text[],
      contact_phone = ${u.contactPhone}, duty_phone = ${u.dutyPhone}, address = ${u.address}, contract_ref = ${u.contractRef},
      active = ${u.active}, version = version + 1, updated_at = ${now}
    WHERE tenant_id = ${tenantId} AND code = ${u.code} RETURNING version`.execute(ex);
  return r.rows[0]?.version ?? 0;
}

interface StaffRow {
  account_id: number;
  username: string;
  display_name: string;
  roles: string[];
  unit_code: string;
  phone: string | null;
  scope_all: boolean;
  scope_region_codes: string[];
  scope_unit_codes: string[];
  version: number;
}

const toStaff = (r: StaffRow): StaffMember => ({
  accountId: r.account_id,
  username: r.username,
  displayName: r.display_name,
  roles: r.roles,
  unitCode: r.unit_code,
  phone: r.phone,
  scope: { all: r.scope_all, regionCodes: r.scope_region_codes, unitCodes: r.scope_unit_codes },
  version: r.version,
});

const STAFF_SELECT = sql`
  SELECT s.account_id, a.username, a.display_name, a.roles, s.unit_code, s.phone, s.scope_all, s.scope_region_codes,
         s.scope_unit_codes, s.version
  FROM staff s JOIN accounts a ON a.tenant_id = s.tenant_id AND a.id = s.account_id`;

export async function listStaff(
  ex: Executor,
  tenantId: number,
  filter: { unitCode?: string; role?: string; limit: number; afterAccountId: number },
): Promise<StaffMember[]> {
  const r = await sql<StaffRow>`
    ${STAFF_SELECT}
    WHERE s.tenant_id = ${tenantId} AND s.account_id > ${filter.afterAccountId}
      AND (${filter.unitCode ?? null}::text IS NULL OR s.unit_code = ${filter.unitCode ?? null})
      AND (${filter.role ?? null}::text IS NULL OR ${filter.role ?? null} = ANY(a.roles))
    ORDER BY s.account_id LIMIT ${filter.limit}`.execute(ex);
  return r.rows.map(toStaff);
}

export async function findStaff(
  ex: Executor,
  tenantId: number,
  accountId: number,
): Promise<StaffMember | null> {
  const r = await sql<StaffRow>`
    ${STAFF_SELECT}
    WHERE s.tenant_id = ${tenantId} AND s.account_id = ${accountId}`.execute(ex);
  return r.rows[0] ? toStaff(r.rows[0]) : null;
}

export async function insertStaff(
  ex: Executor,
  tenantId: number,
  s: { accountId: number; unitCode: string; phone: string | null; scope: DataScope },
): Promise<void> {
  await sql`
    INSERT INTO staff (tenant_id, account_id, unit_code, phone, scope_all, scope_region_codes, scope_unit_codes)
    VALUES (${tenantId}, ${s.accountId}, ${s.unitCode}, ${s.phone}, ${s.scope.all}, ${s.scope.regionCodes}::text[],
            ${s.scope.unitCodes}::text[])`.execute(ex);
}

export async function updateStaff(
  ex: Executor,
  tenantId: number,
  s: { accountId: number; unitCode: string; phone: string | null; scope: DataScope; roles: string[] },
  now: Date,
): Promise<number> {
  await sql`UPDATE accounts SET roles = ${s.roles}::text[], version = version + 1, updated_at = ${now}
            WHERE tenant_id = ${tenantId} AND id = ${s.accountId}`.execute(ex);
  const r = await sql<{ version: number }>`
    UPDATE staff SET unit_code = ${s.unitCode}, phone = ${s.phone}, scope_all = ${s.scope.all},
      scope_region_codes = ${s.scope.regionCodes}::text[], scope_unit_codes = ${s.scope.unitCodes}::text[],
      version = version + 1, updated_at = ${now}
    WHERE tenant_id = ${tenantId} AND account_id = ${s.accountId} RETURNING version`.execute(ex);
  return r.rows[0]?.version ?? 0;
}

interface BeatRow {
  code: string;
  name: string;
  inspector_account_id: number | null;
  grid_codes: string[];
  version: number;
}
const toBeat = (r: BeatRow): Beat => ({
  code: r.code,
  name: r.name,
  inspectorAccountId: r.inspector_account_id,
  gridCodes: r.grid_codes,
  version: r.version,
});

export async function listBeats(
  ex: Executor,
  tenantId: number,
  inspectorAccountId?: number,
): Promise<Beat[]> {
  const r = await sql<BeatRow>`
    SELECT code, name, inspector_account_id, grid_codes, version FROM beats
    WHERE tenant_id = ${tenantId} AND (${inspectorAccountId ?? null}::bigint IS NULL OR inspector_account_id = ${inspectorAccountId ?? null})
    ORDER BY code`.execute(ex);
  return r.rows.map(toBeat);
}

export async function findBeat(ex: Executor, tenantId: number, code: string): Promise<Beat | null> {
  const r = await sql<BeatRow>`SELECT code, name, inspector_account_id, grid_codes, version FROM beats
    WHERE tenant_id = ${tenantId} AND code = ${code}`.execute(ex);
  return r.rows[0] ? toBeat(r.rows[0]) : null;
}

export async function upsertBeats(
  ex: Executor,
  tenantId: number,
  beats: readonly Omit<Beat, 'version'>[],
  now: Date,
): Promise<void> {
  if (beats.length === 0) return;
  const rows = beats.map((b) => ({
    code: b.code,
    name: b.name,
    inspector_account_id: b.inspectorAccountId,
    grid_codes: b.gridCodes,
  }));
  await sql`
    INSERT INTO beats (tenant_id, code, name, inspector_account_id, grid_codes, updated_at)
    SELECT ${tenantId}, code, name, inspector_account_id, ARRAY(SELECT jsonb_array_elements_text(grid_codes)), ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(code text, name text, inspector_account_id bigint, grid_codes jsonb)
    ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name, inspector_account_id = excluded.inspector_account_id,
      grid_codes = excluded.grid_codes, version = beats.version + 1, updated_at = excluded.updated_at`.execute(
    ex,
  );
}

/** Grid codes that no longer exist in the region table. */
export async function unknownGridCodes(
  ex: Executor,
  tenantId: number,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const r = await sql<{ code: string }>`
    SELECT c AS code FROM unnest(${codes}::text[]) AS c
    WHERE NOT EXISTS (SELECT 1 FROM regions g WHERE g.tenant_id = ${tenantId} AND g.level = 'grid' AND g.code = c)`.execute(
    ex,
  );
  return r.rows.map((row) => row.code);
}

interface ShiftRow {
  id: number;
  unit_code: string;
  account_id: number;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
}
const toShift = (r: ShiftRow): DutyShift => ({
  id: r.id,
  unitCode: r.unit_code,
  accountId: r.account_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  note: r.note,
});

export async function insertShift(
  ex: Executor,
  tenantId: number,
  s: Omit<DutyShift, 'id'>,
): Promise<DutyShift> {
  const r = await sql<ShiftRow>`
    INSERT INTO duty_shifts (tenant_id, unit_code, account_id, starts_at, ends_at, note)
    VALUES (${tenantId}, ${s.unitCode}, ${s.accountId}, ${s.startsAt}, ${s.endsAt}, ${s.note})
    RETURNING id, unit_code, account_id, starts_at, ends_at, note`.execute(ex);
  return toShift(r.rows[0] as ShiftRow);
}

export async function shiftsAt(
  ex: Executor,
  tenantId: number,
  unitCode: string,
  at: Date,
): Promise<DutyShift[]> {
  const r = await sql<ShiftRow>`
    SELECT id, unit_code, account_id, starts_at, ends_at, note FROM duty_shifts
    WHERE tenant_id = ${tenantId} AND unit_code = ${unitCode} AND starts_at <= ${at} AND ends_at > ${at}
    ORDER BY starts_at, id`.execute(ex);
  return r.rows.map(toShift);
}

export async function listShifts(
  ex: Executor,
  tenantId: number,
  unitCode: string,
  from: Date,
  to: Date,
): Promise<DutyShift[]> {
  const r = await sql<ShiftRow>`
    SELECT id, unit_code, account_id, starts_at, ends_at, note FROM duty_shifts
    WHERE tenant_id = ${tenantId} AND unit_code = ${unitCode} AND starts_at < ${to} AND ends_at > ${from}
    ORDER BY starts_at, id`.execute(ex);
  return r.rows.map(toShift);
}

/** Display names of accounts, for pages that show who (cards, 问责, grading). */
export async function namesOf(
  ex: Executor,
  tenantId: number,
  accountIds: readonly number[],
): Promise<Map<number, string>> {
  if (accountIds.length === 0) return new Map();
  const r = await sql<{ id: string; name: string }>`
    SELECT id::text AS id, display_name AS name FROM accounts
    WHERE tenant_id = ${tenantId} AND id = ANY(${[...new Set(accountIds)]}::bigint[])`.execute(ex);
  return new Map(r.rows.map((row) => [Number(row.id), row.name]));
}
