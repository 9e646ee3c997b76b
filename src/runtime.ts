/**
 * What every command-line action needs: validated config, the database, the clock, the secrets and the
 * district tenant. Kept apart from main.ts so tests and benchmarks can start the same runtime.
 */
import { readFileSync } from 'node:fs';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import {
  createAuthCommands,
  createSecrets,
  loadOrCreateSessionKey,
  type Secrets,
  type Tenant,
} from './platform/auth/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import { migrate, openDatabase, readMigrations, type Database } from './platform/db/index.js';
import { fromPackageRoot } from './platform/paths.js';
import { ensureAdmin, ensureTenant, type AdminBootstrap } from './platform/tenancy/bootstrap.js';
import { runSeeders } from './platform/tenancy/seeds.js';
import { SEEDERS } from './seeders.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/accounts.js';
import { loadOrCreateAuditSigner, type AuditSigner } from './platform/audit/index.js';

export const DISTRICT = { code: '330102', name: '杭州市上城区' } as const;

export interface Runtime {
  config: Config;
  db: Database;
  clock: Clock;
  secrets: Secrets;
  /** Signs audit checkpoints; the key lives outside the database. */
  auditSigner: AuditSigner;
  log: Logger;
  version: string;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fromPackageRoot('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const log = pino({ level: config.logLevel });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const secrets = createSecrets(loadOrCreateSessionKey(config.sessionSecret, config.dataDir));
  const auditSigner = loadOrCreateAuditSigner(config.auditKeyFile, config.dataDir);
  return { config, db, clock: systemClock, secrets, auditSigner, log, version: packageVersion() };
}

export const migrationsDir = () => fromPackageRoot('migrations');

export async function pendingMigrations(db: Database): Promise<string[]> {
  const files = readMigrations(migrationsDir());
  const { sql } = await import('kysely');
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(
    db.sql,
  );
  if (!exists.rows[0]?.t) return files.map((f) => `${f.version}_${f.name}`);
  const applied = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(db.sql);
  const done = new Set(applied.rows.map((r) => r.version));
  return files.filter((f) => !done.has(f.version)).map((f) => `${f.version}_${f.name}`);
}

/** Migrates and makes sure the district tenant, its first admin and its reference data exist. */
export async function prepareDatabase(
  rt: Runtime,
): Promise<{ tenant: Tenant; admin: AdminBootstrap; applied: string[] }> {
  const { applied } = await migrate(rt.db, migrationsDir());
  const tenant = await ensureTenant(rt.db, { ...DISTRICT, timeZone: rt.config.timeZone });
  const auth = createAuthCommands({
    db: rt.db,
    clock: rt.clock,
    secrets: rt.secrets,
    sessionTtlHours: rt.config.sessionTtlHours,
  });
  const admin = await ensureAdmin(rt.db, auth, tenant, rt.config);
  // Reference data (the holiday calendar …) belongs to a working tenant as much as its schema does.
  await seedTenant(rt, tenant, false);
  return { tenant, admin, applied };
}

export async function seedTenant(rt: Runtime, tenant: Tenant, demo: boolean): Promise<string[]> {
  return runSeeders(rt.db, tenant, SEEDERS, { demo, now: rt.clock.now(), log: (line) => rt.log.info(line) });
}

export function printAdminBanner(admin: AdminBootstrap): void {
  if (!admin.created || !admin.oneTimePassword) return;
  // Printed on the terminal once, deliberately not through the logger: logs never carry passwords.
  process.stdout.write(
    [
      '',
      '================================================================',
      ' Chengzhi: the first admin account was created.',
      `   username: ${admin.username}`,
      `   one-time password: ${admin.oneTimePassword}`,
      ' It is shown only now and must be changed at first login.',
      '================================================================',
      '',
    ].join('\n') + '\n',
  );
}

/** After the demo accounts were created (first start): who a newcomer can sign in as, and where. */
export function printDemoBanner(seeded: readonly string[], port: number): void {
  if (!seeded.includes('demo.accounts')) return;
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
  process.stdout.write(
    [
      '',
      '================================================================',
      ` Chengzhi demo: sign in at http://127.0.0.1:${port}/login`,
      ` every demo account has the password ${DEMO_PASSWORD}`,
      ...DEMO_ACCOUNTS.map((a) => `   ${a.username.padEnd(width)}  ${a.roles.join(', ')}`),
      ` citizens: http://127.0.0.1:${port}/  inspectors' phone app: /m`,
      '================================================================',
      '',
    ].join('\n') + '\n',
  );
}
