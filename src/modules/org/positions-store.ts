/** The latest position of each field staff member (staff_positions), and who of them a viewer may see. */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { DataScope } from './types.js';

export interface StaffPosition {
  accountId: number;
  displayName: string;
  roles: string[];
  unitCode: string;
  lng: number;
  lat: number;
  accuracyM: number | null;
  reportedAt: Date;
}

/** Keeps the newer fix: a report that arrives late (a phone back online) never moves anyone backwards. */
export async function savePosition(
  ex: Executor,
  tenantId: number,
  p: { accountId: number; lng: number; lat: number; accuracyM: number | null; reportedAt: Date },
): Promise<boolean> {
  const r = await sql`
    INSERT INTO staff_positions (tenant_id, account_id, lng, lat, accuracy_m, reported_at)
    SELECT ${tenantId}, ${p.accountId}, ${p.lng}, ${p.lat}, ${p.accuracyM}, ${p.reportedAt}
    WHERE EXISTS (SELECT 1 FROM staff WHERE tenant_id = ${tenantId} AND account_id = ${p.accountId})
    ON CONFLICT (tenant_id, account_id) DO UPDATE
      SET lng = excluded.lng, lat = excluded.lat, accuracy_m = excluded.accuracy_m, reported_at = excluded.reported_at
      WHERE staff_positions.reported_at < excluded.reported_at`.execute(ex);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/**
 * Positions reported since `since` of the staff a viewer's scope covers: everyone for a tenant-wide scope,
 * otherwise members of the viewer's units and staff whose regions overlap the viewer's (codes nest by prefix).
 */
export async function recentPositions(
  ex: Executor,
  tenantId: number,
  since: Date,
  scope: DataScope,
): Promise<StaffPosition[]> {
  const regions = scope.regionCodes;
  const covered = scope.all
    ? sql`true`
    : sql`(s.unit_code = ANY(${scope.unitCodes}::text[])
        OR EXISTS (SELECT 1 FROM unnest(s.scope_region_codes) r, unnest(${regions}::text[]) v
                   WHERE r LIKE v || '%' OR v LIKE r || '%'))`;
  const r = await sql<{
    account_id: number;
    display_name: string;
    roles: string[];
    unit_code: string;
    lng: number;
    lat: number;
    accuracy_m: number | null;
    reported_at: Date;
  }>`
    SELECT p.account_id, a.display_name, a.roles, s.unit_code, p.lng, p.lat, p.accuracy_m, p.reported_at
    FROM staff_positions p
    JOIN staff s ON s.tenant_id = p.tenant_id AND s.account_id = p.account_id
    JOIN accounts a ON a.tenant_id = p.tenant_id AND a.id = p.account_id
    WHERE p.tenant_id = ${tenantId} AND p.reported_at >= ${since} AND ${covered}
    ORDER BY p.reported_at DESC LIMIT 5000`.execute(ex);
  return r.rows.map((row) => ({
    accountId: row.account_id,
    displayName: row.display_name,
    roles: row.roles,
    unitCode: row.unit_code,
    lng: Number(row.lng),
    lat: Number(row.lat),
    accuracyM: row.accuracy_m === null ? null : Number(row.accuracy_m),
    reportedAt: new Date(row.reported_at),
  }));
}
