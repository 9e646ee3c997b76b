import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../../test/helpers/db.js';
import type { Actor } from '../actor.js';
import { ensureTenant } from '../tenancy/bootstrap.js';
import { appendEvents } from './append.js';
import { createProjector, type Projection } from './projection.js';

/** Counts events per name into a table of its own; `failOn` makes one batch fail half-way. */
function counting(failOn?: string): Projection & { failing: boolean } {
  const p = {
    name: 'test.counts',
    failing: failOn !== undefined,
    async apply(
      tx: Parameters<Projection['apply']>[0],
      tenantId: number,
      events: readonly { name: string }[],
    ) {
      for (const e of events) {
        await sql`
          INSERT INTO test_counts (tenant_id, name, n) VALUES (${tenantId}, ${e.name}, 1)
          ON CONFLICT (tenant_id, name) DO UPDATE SET n = test_counts.n + 1`.execute(tx);
        if (p.failing && e.name === failOn) throw new Error('projection failed');
      }
    },
    async reset(tx: Parameters<Projection['apply']>[0], tenantId: number) {
      await sql`DELETE FROM test_counts WHERE tenant_id = ${tenantId}`.execute(tx);
    },
  };
  return p;
}

describe('projections', () => {
  let t: TestDb;
  let actor: Actor;
  const now = new Date('2025-10-09T02:00:00Z');

  const append = (names: string[]) =>
    t.db.transaction((tx) =>
      appendEvents(
        tx,
        actor,
        now,
        names.map((name, i) => ({ streamType: 'thing', streamId: `${name}-${i}`, name, payload: {} })),
      ),
    );
  const counts = async () =>
    Object.fromEntries(
      (
        await sql<{ name: string; n: number }>`
          SELECT name, n FROM test_counts WHERE tenant_id = ${actor.tenantId} ORDER BY name`.execute(t.db.sql)
      ).rows.map((r) => [r.name, r.n]),
    );

  before(async () => {
    t = await createTestDb();
    const tenant = await ensureTenant(t.db, { code: '330102', name: '上城区', timeZone: 'Asia/Shanghai' });
    actor = { kind: 'system', tenantId: tenant.id, accountId: null, roles: [], requestId: 'test' };
    await sql`CREATE TABLE test_counts (tenant_id int, name text, n int, PRIMARY KEY (tenant_id, name))`.execute(
      t.db.sql,
    );
  });
  after(() => t.close());

  it('applies every committed event once, in batches, and resumes where it stopped', async () => {
    await append(['a.b.one', 'a.b.two', 'a.b.one']);
    const projector = createProjector({ db: t.db, projections: [counting()], batchSize: 2 });
    const runs = await projector.catchUp(actor.tenantId);
    assert.deepEqual(runs, [{ name: 'test.counts', tenantId: actor.tenantId, applied: 3 }]);
    assert.deepEqual(await counts(), { 'a.b.one': 2, 'a.b.two': 1 });
    assert.equal((await projector.catchUp(actor.tenantId))[0]?.applied, 0);
    await append(['a.b.two']);
    assert.equal((await projector.catchUp(actor.tenantId))[0]?.applied, 1);
    assert.deepEqual(await counts(), { 'a.b.one': 2, 'a.b.two': 2 });
  });

  it('rolls a failed batch back together with its position', async () => {
    await append(['a.b.bad', 'a.b.one']);
    const failing = counting('a.b.bad');
    const projector = createProjector({ db: t.db, projections: [failing], batchSize: 10 });
    await assert.rejects(projector.catchUp(actor.tenantId), /projection failed/);
    assert.deepEqual(await counts(), { 'a.b.one': 2, 'a.b.two': 2 });
    failing.failing = false;
    assert.equal((await projector.catchUp(actor.tenantId))[0]?.applied, 2);
    assert.deepEqual(await counts(), { 'a.b.bad': 1, 'a.b.one': 3, 'a.b.two': 2 });
  });

  it('rebuilds from the first event to the same state', async () => {
    const projector = createProjector({ db: t.db, projections: [counting()] });
    const before = await counts();
    const run = await projector.rebuild('test.counts', actor.tenantId);
    assert.equal(run.applied, 6);
    assert.deepEqual(await counts(), before);
  });

  it(
    'applies each event once when two projectors run at the same time',
    { skip: TEST_ENGINE !== 'postgres' },
    async () => {
      await append(Array.from({ length: 500 }, (_, i) => `a.c.n${i % 7}`));
      const one = createProjector({ db: t.db, projections: [counting()], batchSize: 37 });
      const two = createProjector({ db: t.db, projections: [counting()], batchSize: 41 });
      const [r1, r2] = await Promise.all([one.catchUp(actor.tenantId), two.catchUp(actor.tenantId)]);
      assert.equal((r1[0]?.applied ?? 0) + (r2[0]?.applied ?? 0), 500);
      const total = await sql<{ n: number }>`
      SELECT sum(n)::int AS n FROM test_counts WHERE name LIKE 'a.c.%'`.execute(t.db.sql);
      assert.equal(total.rows[0]?.n, 500);
    },
  );
});
