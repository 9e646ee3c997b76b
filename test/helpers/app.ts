/**
 * The real app over a fresh migrated database, with a fixed clock, plus helpers that log in as a given role.
 * Route tests go through app.inject, so every hook, schema and error path is the production one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createAuthCommands, createSecrets, type Role, type Tenant } from '../../src/platform/auth/index.js';
import { systemActor } from '../../src/platform/actor.js';
import { createEphemeralSigner } from '../../src/platform/audit/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { ensureTenant } from '../../src/platform/tenancy/bootstrap.js';
import { runSeeders } from '../../src/platform/tenancy/seeds.js';
import { SEEDERS } from '../../src/seeders.js';
import { createTestDb, type TestDb } from './db.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface TestApp {
  app: FastifyInstance;
  testDb: TestDb;
  tenant: Tenant;
  clock: ReturnType<typeof fixedClock>;
  auth: ReturnType<typeof createAuthCommands>;
  /** Creates an account with the given roles and the shared test password. */
  createUser(
    username: string,
    roles: Role[],
    options?: { mustChangePassword?: boolean },
  ): Promise<{ id: number }>;
  /** Logs in and returns the headers a browser would send on later requests. */
  login(
    username: string,
    password?: string,
  ): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    now?: string;
    loggerInstance?: FastifyBaseLogger;
    demo?: boolean;
    fetch?: typeof fetch;
    /** Serve the built web app (browser tests). */
    webRoot?: string;
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  // Evidence files of this app only, removed on close.
  const filesDir = await mkdtemp(path.join(os.tmpdir(), 'chengzhi-test-files-'));
  const clock = fixedClock(options.now ?? '2025-10-09T02:00:00Z');
  const secrets = createSecrets('test-secret-test-secret-test-secret-0123');
  const auditSigner = createEphemeralSigner();
  const tenant = await ensureTenant(testDb.db, {
    code: '330102',
    name: '杭州市上城区',
    timeZone: 'Asia/Shanghai',
  });
  const config = {
    logLevel: 'silent' as const,
    trustProxy: false,
    bodyLimitBytes: 1024 * 1024,
    cookieSecure: false,
    sessionTtlHours: 12,
  };
  let app: FastifyInstance;
  try {
    // Reference data every tenant has (calendar …); demo data stays out unless a test asks for it.
    await runSeeders(testDb.db, tenant, SEEDERS, {
      demo: options.demo ?? false,
      now: clock.now(),
      log: () => undefined,
    });
    app = await buildApp({
      config,
      db: testDb.db,
      clock,
      secrets,
      auditSigner,
      defaultTenant: tenant,
      version: 'test',
      filesDir,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: false }),
    });
  } catch (error) {
    // A test file whose set-up fails must still release its database, or the process never exits.
    await testDb.close();
    await rm(filesDir, { recursive: true, force: true });
    throw error;
  }
  const auth = createAuthCommands({ db: testDb.db, clock, secrets, sessionTtlHours: 12 });

  async function login(username: string, password = TEST_PASSWORD) {
    const res: LightMyRequestResponse = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.cookies.find((c) => c.name === 'cz_session');
    if (!setCookie) throw new Error('no session cookie');
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    const cookie = `cz_session=${setCookie.value}`;
    return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
  }

  return {
    app,
    testDb,
    tenant,
    clock,
    auth,
    createUser: async (username, roles, opts = {}) =>
      auth.createAccount(systemActor(tenant.id), {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        roles,
        mustChangePassword: opts.mustChangePassword ?? false,
      }),
    login,
    close: async () => {
      await app.close();
      await testDb.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}
