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
});
