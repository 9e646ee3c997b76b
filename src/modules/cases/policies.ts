/**
 * Who may see which cases and which personal data (ARCHITECTURE §6). Roles decide the actions (domain/
 * actions.ts); the data scope of a staff member decides which cases — lists filter by it in SQL
 * (store.scopeCondition), single cases are checked here.
 */
import type { Principal, Role } from '../../platform/auth/index.js';
import { inScope, maskPhone, type DataScope, type OrgService } from '../org/index.js';
import type { CaseRecord, Reporter } from './types.js';

export interface Viewer {
  readonly principal: Principal;
  readonly scope: DataScope;
}

/** Roles that read cases (lists, detail, history, the live stream), each within their data scope. */
export const CASE_READERS: readonly Role[] = [
  'inspector',
  'operator',
  'shiftLead',
  'dispatcher',
  'handler',
  'leader',
  'head',
  'monitor',
  'admin',
  'integration',
];

/** Roles that need the reporter's name and phone (受理 and 回访, dispatching back to the caller). */
const SEE_REPORTER: readonly Role[] = ['admin', 'operator', 'shiftLead', 'dispatcher'];

export async function viewerOf(org: OrgService, principal: Principal): Promise<Viewer> {
  return { principal, scope: await org.scopeOf(principal.actor.tenantId, principal.account) };
}

export function canSee(viewer: Viewer, c: CaseRecord): boolean {
  if (c.reportedBy !== null && c.reportedBy === viewer.principal.account.id) return true;
  return inScope(viewer.scope, { regionCode: c.gridCode, unitCode: c.unitCode });
}

export function canSeeReporter(viewer: Viewer): boolean {
  return viewer.principal.account.roles.some((r) => SEE_REPORTER.includes(r));
}

function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
}

/** The reporter as this viewer may see them: in full for 受理 / 派遣 roles, masked otherwise. */
export function reporterFor(viewer: Viewer, reporter: Reporter | null): Reporter | null {
  if (!reporter) return null;
  if (canSeeReporter(viewer)) return reporter;
  return {
    name: maskName(reporter.name),
    phone: maskPhone(reporter.phone, viewer.principal),
    anonymous: reporter.anonymous,
  };
}
