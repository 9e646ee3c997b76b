import type { Role } from './session';

/** Which roles use each area at all (the menu and the page guard); what they may do comes from the server. */
export const AREA_ROLES = {
  command: ['leader', 'monitor', 'head', 'shiftLead', 'dispatcher', 'operator', 'admin'],
  work: ['inspector', 'operator', 'shiftLead', 'dispatcher', 'handler', 'leader', 'head', 'monitor', 'admin'],
  evaluation: [
    'leader',
    'head',
    'monitor',
    'admin',
    'shiftLead',
    'operator',
    'dispatcher',
    'handler',
    'inspector',
  ],
  oversight: ['monitor', 'leader', 'head', 'shiftLead', 'dispatcher', 'handler', 'admin'],
  admin: ['admin'],
  mobile: ['inspector'],
} as const satisfies Record<string, readonly Role[]>;
