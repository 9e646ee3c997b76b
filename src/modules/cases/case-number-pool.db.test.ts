import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { ensureTenant } from '../../platform/tenancy/bootstrap.js';
import { createCaseNumberPool } from './case-number-pool.js';

const T0 = Date.parse('2025-10-09T02:00:00Z');
const at = (ms: number) => new Date(T0 + ms);

describe('case number pool', () => {
  let db: TestDb;
  let tenantId: number;
  before(async () => {
    db = await createTestDb();
    tenantId = (await ensureTenant(db.db, { code: '330199', name: '测试区', timeZone: 'Asia/Shanghai' })).id;
  });
  after(() => db.close());

  const counterLast = async (day: string) =>
    (
      await sql<{ last: number }>`
        SELECT last FROM case_numbers WHERE tenant_id = ${tenantId} AND day = ${day}`.execute(db.db.sql)
    ).rows[0]?.last ?? 0;

  it('reserves exactly what a quiet day needs, then blocks with a spare while reservations come fast', async () => {
    const pool = createCaseNumberPool();
    const day = '2025-10-09';
    const first = await pool.take(db.db.sql, [{ tenantId, day, count: 3 }], at(0));
    assert.deepEqual(first.get(`${tenantId}:${day}`), [1, 2, 3]);
    assert.equal(await counterLast(day), 3, 'the first reservation has no spare');

    // A second shortfall 200 ms later: the spare grows, so the next batches are served from memory.
    const second = await pool.take(db.db.sql, [{ tenantId, day, count: 2 }], at(200));
    assert.deepEqual(second.get(`${tenantId}:${day}`), [4, 5]);
    assert.equal(await counterLast(day), 5 + 32);
    const third = await pool.take(db.db.sql, [{ tenantId, day, count: 30 }], at(300));
    assert.deepEqual(
      third.get(`${tenantId}:${day}`),
      Array.from({ length: 30 }, (_, i) => 6 + i),
    );
    assert.equal(await counterLast(day), 37, 'served from the spare: no reservation');

    // Two left in memory; a batch of five takes them and reserves the rest with a doubled spare.
    const fourth = await pool.take(db.db.sql, [{ tenantId, day, count: 5 }], at(400));
    assert.deepEqual(fourth.get(`${tenantId}:${day}`), [36, 37, 38, 39, 40]);
    assert.equal(await counterLast(day), 37 + 3 + 64);

    // After a quiet spell the spare is dropped again: what is left in memory is used first.
    const later = await pool.take(db.db.sql, [{ tenantId, day, count: 70 }], at(60_000));
    const numbers = later.get(`${tenantId}:${day}`) ?? [];
    assert.deepEqual(
      numbers,
      Array.from({ length: 70 }, (_, i) => 41 + i),
    );
    assert.equal(await counterLast(day), 110, 'reserved only the shortfall');
  });

  it('never gives a number twice to batches preparing at once, nor across two pools (two processes)', async () => {
    const day = '2025-10-10';
    const a = createCaseNumberPool();
    const b = createCaseNumberPool();
    const takes = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 === 0 ? a : b).take(db.db.sql, [{ tenantId, day, count: 1 + (i % 5) }], at(i * 10)),
      ),
    );
    const all = takes.flatMap((m) => m.get(`${tenantId}:${day}`) ?? []);
    assert.equal(
      all.length,
      takes.reduce((n, _, i) => n + 1 + (i % 5), 0),
    );
    assert.equal(new Set(all).size, all.length, 'no number twice');
    assert.ok(Math.max(...all) <= (await counterLast(day)), 'the counter is past every number given');
    for (const pool of [a, b]) {
      const next = (await pool.take(db.db.sql, [{ tenantId, day, count: 1 }], at(300))).get(
        `${tenantId}:${day}`,
      );
      assert.ok(next && !all.includes(next[0] as number));
    }
  });

  it('drops a past day once the tenant is on a new one (its leftovers are a gap)', async () => {
    const pool = createCaseNumberPool();
    await pool.take(db.db.sql, [{ tenantId, day: '2025-10-11', count: 1 }], at(0));
    await pool.take(db.db.sql, [{ tenantId, day: '2025-10-11', count: 1 }], at(100)); // reserves a spare
    assert.equal(await counterLast('2025-10-11'), 2 + 32);
    const next = await pool.take(db.db.sql, [{ tenantId, day: '2025-10-12', count: 2 }], at(200));
    assert.deepEqual(next.get(`${tenantId}:2025-10-12`), [1, 2]);
    // A late report of the old day (a back-dated import) reserves afresh rather than reusing the dropped spare.
    const late = await pool.take(db.db.sql, [{ tenantId, day: '2025-10-11', count: 1 }], at(300));
    assert.deepEqual(late.get(`${tenantId}:2025-10-11`), [35]);
  });
});
