import { sql } from 'kysely';
import type { Tenant } from '../auth/index.js';
import type { Database, Tx } from '../db/index.js';

/**
 * A named piece of demo or reference data for a tenant. Seeders run once per tenant (recorded in `seeds`),
 * in list order, each in its own transaction unless it manages its own (bulk loaders commit in batches).
 */
export interface Seeder {
  name: string;
  /** Reference data every tenant needs (calendar, taxonomy), as opposed to demo-only data. */
  demoOnly: boolean;
  run(ctx: { db: Database; tenant: Tenant; now: Date; log: (line: string) => void }): Promise<void>;
}

async function hasRun(tx: Tx | Database['sql'], tenantId: number, name: string): Promise<boolean> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM seeds WHERE tenant_id = ${tenantId} AND name = ${name}`.execute(tx);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function runSeeders(
  db: Database,
  tenant: Tenant,
  seeders: readonly Seeder[],
  options: { demo: boolean; now: Date; log: (line: string) => void },
): Promise<string[]> {
  const ran: string[] = [];
  for (const seeder of seeders) {
    if (seeder.demoOnly && !options.demo) continue;
    if (await hasRun(db.sql, tenant.id, seeder.name)) continue;
    const started = Date.now();
    await seeder.run({ db, tenant, now: options.now, log: options.log });
    await sql`INSERT INTO seeds (tenant_id, name) VALUES (${tenant.id}, ${seeder.name}) ON CONFLICT DO NOTHING`.execute(
      db.sql,
    );
    options.log(`seeded ${seeder.name} in ${Date.now() - started} ms`);
    ran.push(seeder.name);
  }
  return ran;
}
