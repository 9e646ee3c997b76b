import type { Role } from './auth/roles.js';

/** Who is doing something: every command receives one, and every event records it. */
export interface Actor {
  kind: 'staff' | 'token' | 'system' | 'public';
  tenantId: number;
  accountId: number | null;
  roles: readonly Role[];
  requestId: string | null;
}

export function systemActor(tenantId: number, requestId: string | null = null): Actor {
  return { kind: 'system', tenantId, accountId: null, roles: [], requestId };
}
