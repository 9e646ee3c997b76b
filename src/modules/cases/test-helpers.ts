/**
 * A test app with the demo organisation, a thin slice of the demo geography, the dispatch rules and the
 * power list.
 */
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { Role } from '../../platform/auth/index.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createDemoAccountsSeeder } from '../../demo/accounts.js';
import { createDispatchDemoSeeder } from '../dispatch/index.js';
import { createGeoDemoSeeder } from '../geo/index.js';
import { createOrgDemoSeeder } from '../org/index.js';
import { createOversightDemoSeeder } from '../oversight/index.js';
import { createTaxonomyService, type Standard } from '../taxonomy/index.js';

export const DEMO_PASSWORD = 'chengzhi-demo-2025';
/** 西湖边, 湖滨街道 (GCJ-02 as a phone map gives it). */
export const LAKESIDE = { lng: 120.168, lat: 30.257, crs: 'gcj02' as const };

export interface CaseTestApp extends TestApp {
  as(username: string): Promise<Record<string, string>>;
  post(
    headers: Record<string, string>,
    url: string,
    payload: unknown,
    extra?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(headers: Record<string, string>, url: string): Promise<LightMyRequestResponse>;
  standard(kind: 'component' | 'event', pick?: (s: Standard) => boolean): Promise<Standard>;
  /** Signs in as a staff member of `unitCode` with these roles and scope (created on first use). */
  staff(
    username: string,
    roles: Role[],
    unitCode: string,
    scope?: { all?: boolean; regionCodes?: string[]; unitCodes?: string[] },
  ): Promise<Record<string, string>>;
}

export async function createCaseTestApp(
  options: { now?: string; fetch?: typeof fetch; webRoot?: string } = {},
): Promise<CaseTestApp> {
  const t = await createTestApp(options);
  const ctx = { db: t.testDb.db, tenant: t.tenant, now: t.clock.now(), log: () => undefined };
  await createDemoAccountsSeeder().run(ctx);
  await createGeoDemoSeeder({ componentScale: 0.002 }).run(ctx);
  await createOrgDemoSeeder().run(ctx);
  await createDispatchDemoSeeder().run(ctx);
  await createOversightDemoSeeder().run(ctx);
  // Sessions last 12 h of the fixed clock; tests that move the clock by days sign in again.
  const sessions = new Map<string, { headers: Record<string, string>; at: number }>();
  const cached = (username: string) => {
    const s = sessions.get(username);
    return s && Math.abs(t.clock.now().getTime() - s.at) < 3_600_000 ? s.headers : undefined;
  };
  const remember = (username: string, headers: Record<string, string>) => {
    sessions.set(username, { headers, at: t.clock.now().getTime() });
    return headers;
  };
  const created = new Set<string>();
  const taxonomy = createTaxonomyService({ db: t.testDb.db, clock: t.clock });
  return {
    ...t,
    async as(username) {
      return cached(username) ?? remember(username, (await t.login(username, DEMO_PASSWORD)).headers);
    },
    post: (headers, url, payload, extra = {}) =>
      t.app.inject({ method: 'POST', url, headers: { ...headers, ...extra }, payload: payload as object }),
    get: (headers, url) => t.app.inject({ method: 'GET', url, headers }),
    async staff(username, roles, unitCode, scope = {}) {
      const hit = cached(username);
      if (hit) return hit;
      if (!created.has(username)) {
        const { id } = await t.createUser(username, roles);
        await sql`INSERT INTO staff (tenant_id, account_id, unit_code, scope_all, scope_region_codes, scope_unit_codes)
          VALUES (${t.tenant.id}, ${id}, ${unitCode}, ${scope.all ?? false}, ${scope.regionCodes ?? []},
            ${scope.unitCodes ?? [unitCode]})`.execute(t.testDb.db.sql);
        created.add(username);
      }
      return remember(username, (await t.login(username)).headers);
    },
    async standard(kind, pick = () => true) {
      const { version } = await taxonomy.current(t.tenant.id);
      const found = version.standards.find((s) => s.kind === kind && pick(s));
      if (!found) throw new Error(`no ${kind} standard matching`);
      return found;
    },
  };
}
