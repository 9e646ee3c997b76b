/** The organisation as other modules see it: units, staff with their data scope, beats, duty shifts. */
export const UNIT_KINDS = [
  'bureau',
  'department',
  'street_office',
  'community',
  'contractor',
  'social_org',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  /** Territory the unit answers for (region codes). */
  regionCodes: string[];
  contactPhone: string | null;
  dutyPhone: string | null;
  address: string | null;
  /** Contract reference for contractors and social organisations (政府购买服务). */
  contractRef: string | null;
  active: boolean;
  version: number;
}

/** Which cases a staff member may see and act on, beyond what their roles allow. */
export interface DataScope {
  all: boolean;
  regionCodes: string[];
  unitCodes: string[];
}

export interface StaffMember {
  accountId: number;
  username: string;
  displayName: string;
  roles: string[];
  unitCode: string;
  phone: string | null;
  scope: DataScope;
  version: number;
}

export interface Beat {
  code: string;
  name: string;
  inspectorAccountId: number | null;
  gridCodes: string[];
  version: number;
}

export interface DutyShift {
  id: number;
  unitCode: string;
  accountId: number;
  startsAt: Date;
  endsAt: Date;
  note: string | null;
}
