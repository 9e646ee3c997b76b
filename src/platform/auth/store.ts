import { sql, type Selectable } from 'kysely';
import { prepared, type Executor } from '../db/index.js';
import { isRole, type Role } from './roles.js';
import type { ThrottleState } from './throttle.js';
import type { AuthTables } from './tables.js';

const q = (ex: Executor) => ex.withTables<AuthTables>();

export interface Tenant {
  id: number;
  code: string;
  name: string;
  timeZone: string;
}

export interface Account {
  tenantId: number;
  id: number;
  username: string;
  displayName: string;
  passwordHash: string | null;
  roles: Role[];
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  version: number;
}

/**
 * An account as a request's principal carries it: without the password hash, which only log-in and a password
 * change need (they read it afresh), so it is not loaded on every request nor kept with the request.
 */
export type SignedInAccount = Omit<Account, 'passwordHash'>;

/** The columns of a `SignedInAccount`, for look-ups that join accounts as `a`. */
const SIGNED_IN_COLUMNS = [
  'a.tenant_id',
  'a.id',
  'a.username',
  'a.display_name',
  'a.roles',
  'a.status',
  'a.must_change_password',
  'a.version',
] as const;
type SignedInRow = Omit<Selectable<AuthTables['accounts']>, 'password_hash' | 'created_at' | 'updated_at'>;

function toSignedInAccount(row: SignedInRow): SignedInAccount {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles.filter(isRole),
    status: row.status,
    mustChangePassword: row.must_change_password,
    version: row.version,
  };
}

function toAccount(row: Selectable<AuthTables['accounts']>): Account {
  return { ...toSignedInAccount(row), passwordHash: row.password_hash };
}

export async function findTenantByCode(ex: Executor, code: string): Promise<Tenant | null> {
  const row = await q(ex).selectFrom('tenants').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? { id: row.id, code: row.code, name: row.name, timeZone: row.time_zone } : null;
}

export async function findTenantById(ex: Executor, id: number): Promise<Tenant | null> {
  const row = await q(ex).selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, code: row.code, name: row.name, timeZone: row.time_zone } : null;
}

export async function insertTenant(ex: Executor, tenant: Omit<Tenant, 'id'>): Promise<Tenant> {
  const next = await q(ex)
    .selectFrom('tenants')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('max'))
    .executeTakeFirstOrThrow();
  const row = await q(ex)
    .insertInto('tenants')
    .values({ id: Number(next.max) + 1, code: tenant.code, name: tenant.name, time_zone: tenant.timeZone })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: row.id, code: row.code, name: row.name, timeZone: row.time_zone };
}

export async function findAccountByUsername(
  ex: Executor,
  tenantId: number,
  username: string,
): Promise<Account | null> {
  const row = await q(ex)
    .selectFrom('accounts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findAccountById(ex: Executor, tenantId: number, id: number): Promise<Account | null> {
  const row = await q(ex)
    .selectFrom('accounts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function countAccountsWithRole(ex: Executor, tenantId: number, role: Role): Promise<number> {
  const row = await q(ex)
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`${role} = ANY(roles)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewAccount {
  tenantId: number;
  username: string;
  displayName: string;
  passwordHash: string | null;
  roles: Role[];
  mustChangePassword: boolean;
}

export async function insertAccount(ex: Executor, a: NewAccount): Promise<Account> {
  const row = await q(ex)
    .insertInto('accounts')
    .values({
      tenant_id: a.tenantId,
      username: a.username,
      display_name: a.displayName,
      password_hash: a.passwordHash,
      roles: a.roles,
      must_change_password: a.mustChangePassword,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

export async function updatePassword(
  ex: Executor,
  tenantId: number,
  accountId: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await q(ex)
    .updateTable('accounts')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: false,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', accountId)
    .execute();
}

// Sessions

export interface SessionRow {
  tenantId: number;
  id: string;
  accountId: number;
  csrfToken: string;
  expiresAt: Date;
}

export async function insertSession(
  ex: Executor,
  s: SessionRow & { ip: string | null; userAgent: string | null; now: Date },
): Promise<void> {
  await q(ex)
    .insertInto('sessions')
    .values({
      tenant_id: s.tenantId,
      id: s.id,
      account_id: s.accountId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/** One query per request: the live session with its account. */
/**
 * Many sessions in one statement (concurrent requests of different people share one look-up), by
 * `${tenantId}:${digest}`.
 */
export async function findLiveSessions(
  ex: Executor,
  keys: readonly { tenantId: number; id: string }[],
  now: Date,
): Promise<Map<string, { session: SessionRow; account: SignedInAccount }>> {
  const found = new Map<string, { session: SessionRow; account: SignedInAccount }>();
  if (keys.length === 0) return found;
  type Row = SignedInRow & {
    session_id: string;
    csrf_token: string;
    expires_at: Date;
  };
  const { rows } = await prepared(sql<Row>`
    SELECT ${sql.raw(SIGNED_IN_COLUMNS.join(', '))}, s.id AS session_id, s.csrf_token, s.expires_at
    FROM unnest(${keys.map((k) => k.tenantId)}::int[], ${keys.map((k) => k.id)}::text[]) AS k(tenant_id, id)
    JOIN sessions s ON s.tenant_id = k.tenant_id AND s.id = k.id
    JOIN accounts a ON a.tenant_id = s.tenant_id AND a.id = s.account_id
    WHERE s.expires_at > ${now}`).execute(ex);
  for (const row of rows) {
    found.set(`${row.tenant_id}:${row.session_id}`, {
      session: {
        tenantId: row.tenant_id,
        id: row.session_id,
        accountId: row.id,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      },
      account: toSignedInAccount(row),
    });
  }
  return found;
}

export async function deleteSession(ex: Executor, tenantId: number, id: string): Promise<boolean> {
  const result = await q(ex)
    .deleteFrom('sessions')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteOtherSessions(
  ex: Executor,
  tenantId: number,
  accountId: number,
  keepId: string | null,
): Promise<void> {
  let query = q(ex)
    .deleteFrom('sessions')
    .where('tenant_id', '=', tenantId)
    .where('account_id', '=', accountId);
  if (keepId) query = query.where('id', '<>', keepId);
  await query.execute();
}

// API tokens

export interface ApiTokenRow {
  id: number;
  accountId: number;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export async function insertApiToken(
  ex: Executor,
  t: { tenantId: number; accountId: number; name: string; digest: string; expiresAt: Date | null; now: Date },
): Promise<ApiTokenRow> {
  const row = await q(ex)
    .insertInto('api_tokens')
    .values({
      tenant_id: t.tenantId,
      account_id: t.accountId,
      name: t.name,
      token_digest: t.digest,
      created_at: t.now,
      expires_at: t.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .returning(['id', 'account_id', 'name', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function listApiTokens(
  ex: Executor,
  tenantId: number,
  accountId: number,
): Promise<ApiTokenRow[]> {
  const rows = await q(ex)
    .selectFrom('api_tokens')
    .select(['id', 'account_id', 'name', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('tenant_id', '=', tenantId)
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  }));
}

export async function findLiveApiToken(
  ex: Executor,
  tenantId: number,
  digest: string,
  now: Date,
): Promise<{ tokenId: number; lastUsedAt: Date | null; account: SignedInAccount } | null> {
  const row = await q(ex)
    .selectFrom('api_tokens as t')
    .innerJoin('accounts as a', (join) =>
      join.onRef('a.tenant_id', '=', 't.tenant_id').onRef('a.id', '=', 't.account_id'),
    )
    .select([...SIGNED_IN_COLUMNS, 't.id as token_id', 't.last_used_at'])
    .where('t.tenant_id', '=', tenantId)
    .where('t.token_digest', '=', digest)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .executeTakeFirst();
  return row
    ? { tokenId: row.token_id, lastUsedAt: row.last_used_at, account: toSignedInAccount(row) }
    : null;
}

export async function touchApiToken(
  ex: Executor,
  tenantId: number,
  tokenId: number,
  now: Date,
): Promise<void> {
  await q(ex)
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', tokenId)
    .execute();
}

export async function revokeApiToken(
  ex: Executor,
  tenantId: number,
  accountId: number,
  id: number,
  now: Date,
): Promise<boolean> {
  const result = await q(ex)
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Throttle counters

export async function readThrottle(
  ex: Executor,
  tenantId: number,
  key: string,
  forUpdate = false,
): Promise<ThrottleState | null> {
  let query = q(ex)
    .selectFrom('login_throttle')
    .select(['failures', 'window_started_at', 'locked_until'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until }
    : null;
}

export async function writeThrottle(
  ex: Executor,
  tenantId: number,
  key: string,
  s: ThrottleState,
): Promise<void> {
  await q(ex)
    .insertInto('login_throttle')
    .values({
      tenant_id: tenantId,
      key,
      failures: s.failures,
      window_started_at: s.windowStartedAt,
      locked_until: s.lockedUntil,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'key']).doUpdateSet({
        failures: s.failures,
        window_started_at: s.windowStartedAt,
        locked_until: s.lockedUntil,
      }),
    )
    .execute();
}

export async function clearThrottle(ex: Executor, tenantId: number, key: string): Promise<void> {
  await q(ex).deleteFrom('login_throttle').where('tenant_id', '=', tenantId).where('key', '=', key).execute();
}
