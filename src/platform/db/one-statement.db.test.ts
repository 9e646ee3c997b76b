import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { oneStatement } from './one-statement.js';

describe('oneStatement', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
    await sql`CREATE TABLE os_a (id int PRIMARY KEY, n int NOT NULL)`.execute(t.db.sql);
    await sql`CREATE TABLE os_b (id int PRIMARY KEY)`.execute(t.db.sql);
    await sql`INSERT INTO os_a VALUES (1, 0), (2, 0)`.execute(t.db.sql);
  });
  after(() => t.close());

  const count = async (table: 'os_a' | 'os_b') =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.db.sql)).rows[0]
      ?.n;

  it('runs every write and returns the last one’s rows', async () => {
    const r = await oneStatement(
      [sql`UPDATE os_a SET n = n + 1 WHERE id = 1`, sql`DELETE FROM os_a WHERE id = 2`],
      sql<{ id: number }>`INSERT INTO os_b VALUES (10), (11) RETURNING id`,
    ).execute(t.db.sql);
    assert.deepEqual(
      r.rows.map((row) => row.id),
      [10, 11],
    );
    const a = await sql<{ id: number; n: number }>`SELECT id, n FROM os_a ORDER BY id`.execute(t.db.sql);
    assert.deepEqual(a.rows, [{ id: 1, n: 1 }]);
  });

  it('is one statement: when the last write fails, the others are undone too', async () => {
    await assert.rejects(
      oneStatement([sql`UPDATE os_a SET n = n + 1 WHERE id = 1`], sql`INSERT INTO os_b VALUES (10)`).execute(
        t.db.sql,
      ),
      /duplicate key/,
    );
    const a = await sql<{ n: number }>`SELECT n FROM os_a WHERE id = 1`.execute(t.db.sql);
    assert.equal(a.rows[0]?.n, 1, 'the update was rolled back with the failed insert');
    assert.equal(await count('os_b'), 2);
  });

  it('is the last write alone when there is nothing to send with it', async () => {
    await oneStatement([], sql`INSERT INTO os_b VALUES (12)`).execute(t.db.sql);
    assert.equal(await count('os_b'), 3);
  });
});
