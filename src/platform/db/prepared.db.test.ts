import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { prepared, preparedName } from './prepared.js';

describe('prepared statements on the database', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.close());

  it('run with their values; on PostgreSQL a connection prepares each once, under its name', async () => {
    const statement = (n: number) => prepared(sql<{ x: number }>`SELECT ${n}::int + 1 AS x`);
    await t.db.transaction(async (tx) => {
      for (const n of [1, 2, 3]) {
        const r = await statement(n).execute(tx);
        assert.equal(r.rows[0]?.x, n + 1);
      }
      if (t.db.engine !== 'postgres') return;
      const name = preparedName(statement(0).compile(tx).sql);
      const found = await sql<{ name: string; calls: number }>`
        SELECT name, generic_plans + custom_plans AS calls FROM pg_prepared_statements
        WHERE name = ${name}`.execute(tx);
      assert.deepEqual(found.rows, [{ name, calls: 3 }]);
    });
  });
});
