/**
 * Authentication use cases. Each state change runs in one transaction with its event; password hashing
 * (CPU-bound, ~30 ms) always happens outside transactions so it never holds the embedded database.
 */
import { createCoalescer } from '../db/coalesce.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import { appendEvents } from '../events/index.js';
import { AppError, errors } from '../http/app-error.js';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './password.js';
import type { Role } from './roles.js';
import { randomToken, safeEqual, type Secrets } from './secrets.js';
import * as store from './store.js';
import { ADDRESS_POLICY, afterFailure, retryAfterSeconds, USER_POLICY } from './throttle.js';

export interface AuthDeps {
  db: Database;
  clock: Clock;
  secrets: Secrets;
  sessionTtlHours: number;
}

export interface Principal {
  actor: Actor;
  account: store.SignedInAccount;
  /** Present for cookie sessions; writes must echo it in X-CSRF-Token. */
  session: { id: string; csrfToken: string; expiresAt: Date } | null;
}

export interface LoginInput {
  tenantId: number;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface LoginResult {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
  account: store.Account;
}

const SESSION_PREFIX_SEPARATOR = '.';
const TOKEN_PREFIX = 'czt_';

function actorFor(account: store.SignedInAccount, kind: 'staff' | 'token', requestId: string | null): Actor {
  return { kind, tenantId: account.tenantId, accountId: account.id, roles: account.roles, requestId };
}

function invalidCredentials(): AppError {
  return new AppError(401, 'INVALID_CREDENTIALS', 'wrong username or password');
}

export function createAuthCommands(deps: AuthDeps) {
  const { db, clock, secrets } = deps;

  async function recordFailure(input: LoginInput, reason: string, accountId: number | null): Promise<void> {
    const now = clock.now();
    const keys = [
      { key: `user:${input.username.toLowerCase()}`, policy: USER_POLICY },
      ...(input.ip ? [{ key: `ip:${input.ip}`, policy: ADDRESS_POLICY }] : []),
    ];
    await db.transaction(async (tx) => {
      for (const { key, policy } of keys) {
        const state = await store.readThrottle(tx, input.tenantId, key, true);
        await store.writeThrottle(tx, input.tenantId, key, afterFailure(state, now, policy));
      }
      const actor: Actor = {
        kind: 'public',
        tenantId: input.tenantId,
        accountId: null,
        roles: [],
        requestId: input.requestId,
      };
      await appendEvents(tx, actor, now, [
        {
          streamType: accountId ? 'account' : 'login',
          streamId: accountId ? String(accountId) : input.username.toLowerCase(),
          name: 'auth.login.failed',
          payload: { username: input.username, reason, ip: input.ip },
        },
      ]);
    });
  }

  async function login(input: LoginInput): Promise<LoginResult> {
    const now = clock.now();
    const userKey = `user:${input.username.toLowerCase()}`;
    const [userState, ipState] = await Promise.all([
      store.readThrottle(db.sql, input.tenantId, userKey),
      input.ip ? store.readThrottle(db.sql, input.tenantId, `ip:${input.ip}`) : Promise.resolve(null),
    ]);
    const wait = Math.max(retryAfterSeconds(userState, now), retryAfterSeconds(ipState, now));
    if (wait > 0) throw errors.rateLimited(wait);

    const account = await store.findAccountByUsername(db.sql, input.tenantId, input.username);
    if (!account?.passwordHash) {
      await verifyAgainstDummy(input.password);
      await recordFailure(input, 'unknown_user', null);
      throw invalidCredentials();
    }
    const ok = await verifyPassword(account.passwordHash, input.password);
    if (!ok || account.status !== 'active') {
      await recordFailure(input, ok ? 'disabled' : 'wrong_password', account.id);
      throw invalidCredentials();
    }

    const secret = randomToken();
    const csrfToken = randomToken(24);
    const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3_600_000);
    await db.transaction(async (tx) => {
      await store.clearThrottle(tx, input.tenantId, userKey);
      await store.insertSession(tx, {
        tenantId: input.tenantId,
        id: secrets.digest(secret),
        accountId: account.id,
        csrfToken,
        expiresAt,
        ip: input.ip,
        userAgent: input.userAgent,
        now,
      });
      await appendEvents(tx, actorFor(account, 'staff', input.requestId), now, [
        {
          streamType: 'account',
          streamId: String(account.id),
          name: 'auth.session.started',
          payload: { ip: input.ip, expiresAt: expiresAt.toISOString() },
        },
      ]);
    });
    return {
      cookieValue: `${input.tenantId}${SESSION_PREFIX_SEPARATOR}${secret}`,
      csrfToken,
      expiresAt,
      account,
    };
  }

  // Every request of a signed-in user reads its session: concurrent requests share the statement.
  const findSession = createCoalescer({
    keyOf: (k: { tenantId: number; id: string }) => `${k.tenantId}:${k.id}`,
    load: (keys) => store.findLiveSessions(db.sql, keys, clock.now()),
  });

  async function fromSessionCookie(value: string, requestId: string | null): Promise<Principal | null> {
    const dot = value.indexOf(SESSION_PREFIX_SEPARATOR);
    const tenantId = Number(value.slice(0, dot));
    const secret = value.slice(dot + 1);
    if (dot <= 0 || !Number.isSafeInteger(tenantId) || secret.length < 20) return null;
    const found = await findSession({ tenantId, id: secrets.digest(secret) });
    if (!found || found.account.status !== 'active') return null;
    return {
      actor: actorFor(found.account, 'staff', requestId),
      account: found.account,
      session: {
        id: found.session.id,
        csrfToken: found.session.csrfToken,
        expiresAt: found.session.expiresAt,
      },
    };
  }

  async function fromBearerToken(token: string, requestId: string | null): Promise<Principal | null> {
    const match = /^czt_(\d+)_([A-Za-z0-9_-]{20,})$/.exec(token);
    if (!match) return null;
    const tenantId = Number(match[1]);
    const now = clock.now();
    const found = await store.findLiveApiToken(db.sql, tenantId, secrets.digest(match[2] as string), now);
    if (!found || found.account.status !== 'active') return null;
    // Record use at most hourly: a write per request would cost more than the information is worth.
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 3_600_000) {
      await store.touchApiToken(db.sql, tenantId, found.tokenId, now);
    }
    return { actor: actorFor(found.account, 'token', requestId), account: found.account, session: null };
  }

  async function logout(principal: Principal): Promise<void> {
    if (!principal.session) return;
    const session = principal.session;
    const now = clock.now();
    await db.transaction(async (tx) => {
      if (await store.deleteSession(tx, principal.actor.tenantId, session.id)) {
        await appendEvents(tx, principal.actor, now, [
          {
            streamType: 'account',
            streamId: String(principal.account.id),
            name: 'auth.session.ended',
            payload: { reason: 'logout' },
          },
        ]);
      }
    });
  }

  async function changePassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const account = principal.account;
    const problem = passwordProblem(newPassword, account.username);
    if (problem) throw errors.validation('newPassword', `newPassword ${problem}`);
    // The principal carries no password hash: read the current one.
    const passwordHash = (await store.findAccountById(db.sql, account.tenantId, account.id))?.passwordHash;
    if (!passwordHash || !(await verifyPassword(passwordHash, currentPassword))) {
      throw new AppError(403, 'INVALID_CREDENTIALS', 'the current password is wrong', {
        field: 'currentPassword',
      });
    }
    if (safeEqual(currentPassword, newPassword)) {
      throw errors.validation('newPassword', 'newPassword must differ from the current password');
    }
    const hashed = await hashPassword(newPassword);
    const now = clock.now();
    await db.transaction(async (tx) => {
      await store.updatePassword(tx, account.tenantId, account.id, hashed, now);
      // Other sessions may belong to whoever knew the old password.
      await store.deleteOtherSessions(tx, account.tenantId, account.id, principal.session?.id ?? null);
      await appendEvents(tx, principal.actor, now, [
        { streamType: 'account', streamId: String(account.id), name: 'auth.password.changed', payload: {} },
      ]);
    });
  }

  async function createAccount(
    actor: Actor,
    input: {
      username: string;
      displayName: string;
      password: string | null;
      roles: Role[];
      mustChangePassword: boolean;
    },
  ): Promise<store.Account> {
    if (input.password) {
      const problem = passwordProblem(input.password, input.username);
      if (problem) throw errors.validation('password', `password ${problem}`);
    }
    const hashed = input.password ? await hashPassword(input.password) : null;
    const now = clock.now();
    return db.transaction(async (tx) => {
      if (await store.findAccountByUsername(tx, actor.tenantId, input.username)) {
        throw errors.conflict('USERNAME_TAKEN', `the username ${input.username} is taken`, 'username');
      }
      const account = await store.insertAccount(tx, {
        tenantId: actor.tenantId,
        username: input.username,
        displayName: input.displayName,
        passwordHash: hashed,
        roles: input.roles,
        mustChangePassword: input.mustChangePassword,
      });
      await appendEvents(tx, actor, now, [
        {
          streamType: 'account',
          streamId: String(account.id),
          name: 'auth.account.created',
          payload: { username: account.username, displayName: account.displayName, roles: account.roles },
        },
      ]);
      return account;
    });
  }

  async function createApiToken(
    principal: Principal,
    input: { name: string; accountId: number | null; expiresInDays: number | null },
  ): Promise<{ token: string; row: store.ApiTokenRow }> {
    const tenantId = principal.actor.tenantId;
    const accountId = input.accountId ?? principal.account.id;
    if (accountId !== principal.account.id && !principal.account.roles.includes('admin')) {
      throw errors.forbidden('only an admin may create tokens for another account');
    }
    const now = clock.now();
    const secret = randomToken();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
    const row = await db.transaction(async (tx) => {
      if (!(await store.findAccountById(tx, tenantId, accountId))) throw errors.notFound('account');
      const created = await store.insertApiToken(tx, {
        tenantId,
        accountId,
        name: input.name,
        digest: secrets.digest(secret),
        expiresAt,
        now,
      });
      await appendEvents(tx, principal.actor, now, [
        {
          streamType: 'account',
          streamId: String(accountId),
          name: 'auth.token.created',
          payload: { tokenId: created.id, name: created.name, expiresAt: expiresAt?.toISOString() ?? null },
        },
      ]);
      return created;
    });
    return { token: `${TOKEN_PREFIX}${tenantId}_${secret}`, row };
  }

  async function revokeApiToken(principal: Principal, tokenId: number): Promise<void> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const revoked = await store.revokeApiToken(
        tx,
        principal.actor.tenantId,
        principal.account.id,
        tokenId,
        now,
      );
      if (!revoked) throw errors.notFound('token');
      await appendEvents(tx, principal.actor, now, [
        {
          streamType: 'account',
          streamId: String(principal.account.id),
          name: 'auth.token.revoked',
          payload: { tokenId },
        },
      ]);
    });
  }

  return {
    login,
    logout,
    fromSessionCookie,
    fromBearerToken,
    changePassword,
    createAccount,
    createApiToken,
    revokeApiToken,
    listApiTokens: (principal: Principal) =>
      store.listApiTokens(db.sql, principal.actor.tenantId, principal.account.id),
  };
}

export type AuthCommands = ReturnType<typeof createAuthCommands>;
