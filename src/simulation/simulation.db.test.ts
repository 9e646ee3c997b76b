import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createSecrets } from '../platform/auth/index.js';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { createDemoAccountsSeeder } from '../demo/accounts.js';
import { createDispatchDemoSeeder } from '../modules/dispatch/index.js';
import { createGeoDemoSeeder } from '../modules/geo/index.js';
import { createOrgDemoSeeder } from '../modules/org/index.js';
import { openSimulation } from './index.js';

describe('chengzhi simulate', () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    t = await createTestApp();
    const ctx = { db: t.testDb.db, tenant: t.tenant, now: t.clock.now(), log: () => undefined };
    await createDemoAccountsSeeder().run(ctx);
    await createGeoDemoSeeder({ componentScale: 0.002 }).run(ctx);
    await createOrgDemoSeeder().run(ctx);
    await createDispatchDemoSeeder().run(ctx);
    dir = await mkdtemp(path.join(tmpdir(), 'chengzhi-sim-'));
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('drives the real commands: cases in every stage, real events, warnings from the real timers', async () => {
    const sim = await openSimulation({
      db: t.testDb.db,
      secrets: createSecrets('sim-test-secret-sim-test-secret-0123'),
      filesDir: dir,
      tenantId: t.tenant.id,
      seed: 3,
      log: () => undefined,
    });
    // Two whole working days (Thursday and Friday, ending Friday 23:30 in Hangzhou), whatever day the tests
    // run on: a history over a weekend has far fewer steps.
    const stats = await sim.history(2, 50, undefined, new Date('2025-10-17T15:30:00Z'));
    await sim.stop();
    assert.ok(stats.reports > 70, `reports: ${stats.reports}`);
    assert.ok(stats.steps > 2.5 * stats.reports, `steps: ${stats.steps}`);
    assert.ok(stats.refused < stats.steps * 0.02, `refused: ${stats.refused}`);
    const db = t.testDb.db.sql;
    const stages = await sql<{
      stage: string;
      n: number;
    }>`SELECT stage, count(*)::int AS n FROM cases GROUP BY stage`.execute(db);
    const by = Object.fromEntries(stages.rows.map((r) => [r.stage, r.n]));
    assert.ok((by.closed ?? 0) > 0 && (by.voided ?? 0) > 0, JSON.stringify(by));
    const names = await sql<{ name: string; n: number }>`SELECT name, count(*)::int AS n FROM events
      WHERE stream_type = 'case' GROUP BY name`.execute(db);
    const events = Object.fromEntries(names.rows.map((r) => [r.name, r.n]));
    for (const name of [
      'reported',
      'filed',
      'dispatched',
      'accepted',
      'reportedBack',
      'checked',
      'closed',
      'warned',
    ]) {
      assert.ok((events[`cases.case.${name}`] ?? 0) > 0, `${name}: ${JSON.stringify(events)}`);
    }
    // Every case's stage is where its own events say it is.
    const mismatched = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cases c JOIN LATERAL (
        SELECT payload ->> 'to' AS stage FROM events e
        WHERE e.tenant_id = c.tenant_id AND e.stream_id = c.id::text AND e.payload::jsonb ? 'to'
        ORDER BY e.stream_version DESC LIMIT 1) last ON true
      WHERE last.stage <> c.stage`.execute(db);
    assert.equal(mismatched.rows[0]?.n, 0);
  });
});
