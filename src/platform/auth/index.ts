export { createAuthCommands } from './commands.js';
export type { AuthCommands, Principal } from './commands.js';
export {
  installAccessControl,
  principalOf,
  describeAccess,
  routeInventory,
  SESSION_COOKIE,
} from './access.js';
export type { Access, RouteAccess } from './access.js';
export { authRoutes } from './routes.js';
export { ROLES, ROLE_CODES, isRole } from './roles.js';
export type { Role } from './roles.js';
export { createSecrets, loadOrCreateSessionKey } from './secrets.js';
export type { Secrets } from './secrets.js';
export type { Account, SignedInAccount, Tenant } from './store.js';
export {
  findTenantByCode,
  findTenantById,
  insertTenant,
  countAccountsWithRole,
  findAccountByUsername,
} from './store.js';
