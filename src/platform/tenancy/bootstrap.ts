import type { Config } from '../../config.js';
import { systemActor } from '../actor.js';
import type { AuthCommands } from '../auth/index.js';
import { countAccountsWithRole, findTenantByCode, insertTenant, type Tenant } from '../auth/index.js';
import { randomToken } from '../auth/secrets.js';
import type { Database } from '../db/index.js';

export interface TenantSpec {
  code: string;
  name: string;
  timeZone: string;
}

/** The district's tenant exists from the first migration run on; creating it twice is a no-op. */
export async function ensureTenant(db: Database, spec: TenantSpec): Promise<Tenant> {
  return db.transaction(async (tx) => (await findTenantByCode(tx, spec.code)) ?? insertTenant(tx, spec));
}

export interface AdminBootstrap {
  created: boolean;
  username: string;
  /** Only when generated: shown once to the operator, never logged or stored in clear. */
  oneTimePassword: string | null;
}

/**
 * The first start creates an admin. Its password comes from CHENGZHI_ADMIN_PASSWORD, or is generated, printed
 * once and must be changed at first login.
 */
export async function ensureAdmin(
  db: Database,
  auth: AuthCommands,
  tenant: Tenant,
  config: Pick<Config, 'adminPassword'>,
): Promise<AdminBootstrap> {
  if ((await countAccountsWithRole(db.sql, tenant.id, 'admin')) > 0) {
    return { created: false, username: 'admin', oneTimePassword: null };
  }
  const generated = config.adminPassword ? null : randomToken(12);
  await auth.createAccount(systemActor(tenant.id), {
    username: 'admin',
    displayName: '系统管理员',
    password: config.adminPassword ?? generated,
    roles: ['admin'],
    mustChangePassword: generated !== null,
  });
  return { created: true, username: 'admin', oneTimePassword: generated };
}
