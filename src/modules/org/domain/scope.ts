import type { DataScope } from '../types.js';

/**
 * Whether a record placed in these regions and handled by this unit lies within a staff member's data
 * scope. Region codes nest by prefix (a street's code begins every grid code inside it), so a scope naming a
 * street covers all its communities and grids.
 */
export function inScope(
  scope: DataScope,
  record: { regionCode: string | null; unitCode: string | null },
): boolean {
  if (scope.all) return true;
  if (record.unitCode && scope.unitCodes.includes(record.unitCode)) return true;
  const region = record.regionCode;
  return region !== null && scope.regionCodes.some((code) => region.startsWith(code));
}

/** Roles that see the whole tenant even without a staff record (machines and the leadership). */
const TENANT_WIDE: readonly string[] = ['admin', 'integration', 'leader', 'head', 'monitor'];

/** The scope of an account without a staff record. */
export function fallbackScope(roles: readonly string[]): DataScope {
  return { all: roles.some((r) => TENANT_WIDE.includes(r)), regionCodes: [], unitCodes: [] };
}
