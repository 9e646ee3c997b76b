/**
 * Staff roles (ARCHITECTURE §1). An account may hold several; later modules decide which role an action
 * is taken under and record it on the event.
 */
export const ROLES = {
  inspector: '监督员',
  operator: '受理员',
  shiftLead: '值班长',
  dispatcher: '派遣员',
  handler: '处置人员',
  officer: '执法队员',
  legalReviewer: '法制审核员',
  head: '负责人',
  monitor: '监察',
  leader: '领导',
  admin: '系统管理员',
  integration: '系统对接',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}
