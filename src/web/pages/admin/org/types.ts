import type { paths } from '../../../api/client';

export type Unit =
  paths['/api/org/units']['get']['responses'][200]['content']['application/json']['items'][number];
export type UnitKind = Unit['kind'];
export type StaffMember =
  paths['/api/org/staff']['get']['responses'][200]['content']['application/json']['items'][number];
export type StaffRole =
  paths['/api/org/staff']['post']['requestBody']['content']['application/json']['roles'][number];

export const UNIT_KINDS: readonly UnitKind[] = [
  'bureau',
  'department',
  'street_office',
  'community',
  'contractor',
  'social_org',
];

export const STAFF_ROLES: readonly StaffRole[] = [
  'inspector',
  'operator',
  'shiftLead',
  'dispatcher',
  'handler',
  'officer',
  'legalReviewer',
  'head',
  'monitor',
  'leader',
  'admin',
  'integration',
];

/** "a, b ，c" → ['a','b','c'] (Chinese commas too). */
export function codeList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
