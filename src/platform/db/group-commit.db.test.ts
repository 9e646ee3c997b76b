import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { createGroupCommitter } from './group-commit.js';

describe('group commit', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
    await sql`CREATE TABLE gc_items (id int PRIMARY KEY, note text)`.execute(t.db.sql);
  });
  after(() => t.close());

  it('shares transactions among concurrent writes, keeps keyed writes apart, and isolates a failing one', async () => {
    const batches: number[][] = [];
    const committer = createGroupCommitter<{ id: number; key?: string }, string>({
      db: t.db,
      keyOf: (item) => item.key ?? null,
      async write(tx, items) {
        batches.push(items.map((i) => i.id));
        for (const item of items) {
          await sql`INSERT INTO gc_items (id, note) VALUES (${item.id}, ${item.key ?? null})`.execute(tx);
        }
        return items.map((i) => `ok ${i.id}`);
      },
    });
    const ids = Array.from({ length: 50 }, (_, i) => i + 1);
    const results = await Promise.allSettled([
      ...ids.map((id) => committer.submit({ id, ...(id % 10 === 0 ? { key: 'same' } : {}) })),
      committer.submit({ id: 7 }), // duplicate key: fails alone
    ]);
    assert.deepEqual(
      results.slice(0, 50).map((r) => (r.status === 'fulfilled' ? r.value : 'failed')),
      ids.map((id) => `ok ${id}`),
    );
    assert.equal(results[50]?.status, 'rejected');
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM gc_items`.execute(t.db.sql);
    assert.equal(n.rows[0]?.n, 50, 'every good write committed exactly once');
    // Far fewer transactions than writes; two writes with one key never in one batch.
    const firstTry = batches.filter((b) => b.length > 1);
    assert.ok(firstTry.length >= 1 && firstTry.length < 25, JSON.stringify(batches.map((b) => b.length)));
    for (const b of batches) assert.ok(b.filter((id) => id % 10 === 0).length <= 1);
    await committer.drain();
  });

  it('prepares a batch before its transaction and keeps each item’s prepared value when retried alone', async () => {
    await sql`CREATE TABLE gc_numbered (id int PRIMARY KEY, no int NOT NULL)`.execute(t.db.sql);
    let next = 100;
    const prepares: number[] = [];
    const committer = createGroupCommitter<number, number, number>({
      db: t.db,
      concurrency: 2,
      async prepare(items) {
        prepares.push(items.length);
        return items.map(() => next++);
      },
      async write(tx, items, numbers) {
        assert.ok(tx.isTransaction);
        for (const [i, id] of items.entries()) {
          await sql`INSERT INTO gc_numbered (id, no) VALUES (${id}, ${numbers[i] ?? null})`.execute(tx);
        }
        return numbers.map((n) => n ?? -1);
      },
    });
    // 3 is there twice: its batch fails, and each item is retried alone with the number it was given.
    const results = await Promise.allSettled([1, 2, 3, 3, 4].map((id) => committer.submit(id)));
    await committer.drain();
    const given = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    assert.equal(given.length, 4);
    assert.equal(new Set(given).size, 4);
    const stored = await sql<{ id: number; no: number }>`SELECT id, no FROM gc_numbered ORDER BY id`.execute(
      t.db.sql,
    );
    assert.deepEqual(
      stored.rows.map((r) => r.no).sort(),
      [...given].sort(),
      'the numbers written are those prepared',
    );
    assert.equal(
      prepares.reduce((a, b) => a + b, 0),
      5,
      'nothing prepared twice',
    );
  });

  it('writes a one-statement batch without a transaction; a second statement there fails it unretried', async () => {
    await sql`CREATE TABLE gc_single (id int PRIMARY KEY)`.execute(t.db.sql);
    const seen: boolean[] = [];
    const committer = createGroupCommitter<{ id: number; twice?: boolean }, string>({
      db: t.db,
      oneStatement: (items) => items.length > 1,
      async write(ex, items) {
        seen.push(ex.isTransaction);
        await sql`INSERT INTO gc_single SELECT unnest(${items.map((i) => i.id)}::int[])`.execute(ex);
        if (items.some((i) => i.twice)) await sql`SELECT 1`.execute(ex);
        return items.map((i) => `ok ${i.id}`);
      },
    });
    const first = committer.submit({ id: 1 }); // alone: in a transaction
    const good = [2, 3].map((id) => committer.submit({ id }));
    assert.equal(await first, 'ok 1');
    assert.deepEqual(await Promise.all(good), ['ok 2', 'ok 3']);
    // A caller that claims one statement and sends two: its first statement has committed, so the batch is
    // failed as a whole and not retried (a retry would write the rows again).
    const ahead = committer.submit({ id: 6 }); // alone, so that 4 and 5 queue behind it and go together
    const bad = await Promise.allSettled([4, 5].map((id) => committer.submit({ id, twice: id === 5 })));
    assert.equal(await ahead, 'ok 6');
    assert.deepEqual(
      bad.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : r.status)),
      ['SecondStatementError', 'SecondStatementError'],
    );
    assert.deepEqual(seen, [true, false, true, false]);
    const ids = await sql<{ id: number }>`SELECT id FROM gc_single ORDER BY id`.execute(t.db.sql);
    assert.deepEqual(
      ids.rows.map((r) => r.id),
      [1, 2, 3, 4, 5, 6],
    );
  });
});
