/**
 * Which roles may use each section, mirrored from the routes' `config.access.roles`:
 * src/modules/supervision/{card,accountability,rule}-routes.ts (the lists live in
 * src/modules/supervision/policies.ts),
 * src/modules/oversight/routes.ts (EDITORS; the reads are open to any staff) and
 * src/platform/audit/routes.ts. Used for menu and button visibility only; the server still decides.
 */
import type { Role } from '../../app/session';
import { AREA_ROLES } from '../../app/areas';

export const CARD_READERS: readonly Role[] = [
  'admin',
  'monitor',
  'leader',
  'head',
  'shiftLead',
  'dispatcher',
  'handler',
];
export const CARD_RESPONDERS: readonly Role[] = ['handler', 'head', 'shiftLead', 'dispatcher', 'admin'];
export const SUPERVISORS: readonly Role[] = ['monitor', 'leader', 'admin'];
export const GRADING_READERS: readonly Role[] = ['monitor', 'leader', 'head', 'admin'];
export const RULE_EDITORS: readonly Role[] = ['admin'];
export const POWER_LIST_EDITORS: readonly Role[] = ['admin', 'leader'];
export const AUDITORS: readonly Role[] = ['admin', 'monitor'];

export const SECTIONS = ['cards', 'accountability', 'rules', 'grading', 'power-list', 'audit'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_ROLES: Record<Section, readonly Role[]> = {
  cards: CARD_READERS,
  accountability: GRADING_READERS,
  rules: SUPERVISORS,
  grading: GRADING_READERS,
  'power-list': AREA_ROLES.oversight,
  audit: AUDITORS,
};
