/**
 * The committed-horizon reader. The first group runs on both engines; the second needs two connections at
 * once, which PGlite (one session) cannot give, so it runs only on PostgreSQL (TEST_DB_ENGINE=postgres, which
 * `npm test` uses when TEST_DATABASE_URL is set).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type ControlledTransaction } from 'kysely';
import pg from 'pg';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../../test/helpers/db.js';
import type { Actor } from '../actor.js';
import { ensureTenant } from '../tenancy/bootstrap.js';
import { appendEvents } from './append.js';
import { createEventFeed } from './feed.js';
import {
  committedHead,
  FEED_START,
  positionOf,
  positionOfSeq,
  readCommitted,
  readCommittedQuery,
  type FeedEvent,
  type FeedPosition,
} from './horizon.js';

const now = new Date('2025-10-09T02:00:00Z');

async function setUp(code: string): Promise<{ t: TestDb; actor: Actor; other: Actor }> {
  const t = await createTestDb();
  const tenant = await ensureTenant(t.db, { code, name: '上城区', timeZone: 'Asia/Shanghai' });
  const second = await ensureTenant(t.db, { code: '330105', name: '拱墅区', timeZone: 'Asia/Shanghai' });
  const actor: Actor = { kind: 'system', tenantId: tenant.id, accountId: null, roles: [], requestId: null };
  return { t, actor, other: { ...actor, tenantId: second.id } };
}

describe('the committed-horizon reader', () => {
  let t: TestDb;
  let actor: Actor;
  let other: Actor;
  before(async () => {
    ({ t, actor, other } = await setUp('330102'));
  });
  after(() => t.close());

  it('reads one tenant’s committed events in order, a page at a time, and stops at an upper bound', async () => {
    assert.deepEqual(await committedHead(t.db.sql, actor.tenantId), FEED_START);
    for (let i = 1; i <= 3; i++) {
      await t.db.transaction(async (tx) => {
        await appendEvents(tx, actor, now, [
          { streamType: 'case', streamId: `H${i}`, name: 'cases.case.reported', payload: { i } },
          { streamType: 'case', streamId: `H${i}`, name: 'cases.case.filed', payload: { i } },
        ]);
        await appendEvents(tx, other, now, [
          { streamType: 'case', streamId: `O${i}`, name: 'cases.case.reported', payload: {} },
        ]);
      });
    }
    const all = await readCommitted(t.db.sql, actor.tenantId, FEED_START, 100);
    assert.deepEqual(
      all.map((e) => [e.streamId, e.name]),
      [1, 2, 3].flatMap((i) => [
        [`H${i}`, 'cases.case.reported'],
        [`H${i}`, 'cases.case.filed'],
      ]),
    );
    assert.ok(all.every((e) => e.tenantId === actor.tenantId && e.occurredAt.getTime() === now.getTime()));
    const seqs = all.map((e) => e.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
    );

    const page1 = await readCommitted(t.db.sql, actor.tenantId, FEED_START, 4);
    const page2 = await readCommitted(t.db.sql, actor.tenantId, positionOf(page1.at(-1)!), 4);
    assert.deepEqual([...page1, ...page2], all);

    const bounded = await readCommitted(t.db.sql, actor.tenantId, FEED_START, 100, positionOf(all[2]!));
    assert.deepEqual(bounded, all.slice(0, 3));

    assert.deepEqual(await committedHead(t.db.sql, actor.tenantId), positionOf(all.at(-1)!));
    assert.deepEqual(await positionOfSeq(t.db.sql, actor.tenantId, all[3]!.seq), positionOf(all[3]!));
    const foreign = (await readCommitted(t.db.sql, other.tenantId, FEED_START, 1))[0]!;
    assert.equal(await positionOfSeq(t.db.sql, actor.tenantId, foreign.seq), null);
  });

  it('pages with one ordered range scan of the events_tx_order index', async () => {
    // The test table is tiny, so the planner would rather read it whole; forbid that to see what the index
    // allows: a range scan in the wanted order, with no sort.
    await t.db.transaction(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      await sql`SET LOCAL enable_bitmapscan = off`.execute(tx);
      const query = readCommittedQuery(actor.tenantId, { txId: 1n, seq: 1 }, 500);
      const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(tx);
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      // The horizon is computed once (an InitPlan: `$1` on PostgreSQL 15, `(InitPlan 2).col1` on 18) and bounds
      // the index range.
      const scan =
        /Index Scan using events_tx_order on events[^\n]*\n\s+Index Cond: \(\(tenant_id = \d+\) AND \(ROW\(tx_id, seq\) > ROW\([^)]*\)\) AND \(tx_id < (\$\d|\(InitPlan)/;
      assert.match(text, scan, text);
      assert.doesNotMatch(text, /Sort/, text);
    });
  });
});

describe('the committed-horizon reader with concurrent transactions (PostgreSQL)', () => {
  const skip = TEST_ENGINE !== 'postgres' && 'needs two connections at once: runs on PostgreSQL only';
  let t: TestDb | null = null;
  let actor: Actor;
  before(async () => {
    if (skip) return;
    ({ t, actor } = await setUp('330102'));
  });
  after(async () => {
    await t?.close();
  });

  async function openWith(streamId: string): Promise<{ trx: ControlledTransaction<object>; seq: number }> {
    const trx = await t!.db.sql.startTransaction().execute();
    const [stored] = await appendEvents(trx, actor, now, [
      { streamType: 'case', streamId, name: 'cases.case.reported', payload: {} },
    ]);
    return { trx, seq: stored!.seq };
  }

  async function readAll(from: FeedPosition): Promise<FeedEvent[]> {
    return readCommitted(t!.db.sql, actor.tenantId, from, 100);
  }

  it(
    'holds back a transaction that commits first behind an earlier one still in flight',
    { skip },
    async () => {
      const start = await committedHead(t!.db.sql, actor.tenantId);
      const first = await openWith('P1');
      const second = await openWith('P2');
      assert.ok(second.seq > first.seq);
      await second.trx.commit().execute();

      // P2 is committed and visible, but P1 (smaller seq) may still commit: nothing passes the horizon.
      const visible = await sql<{ seq: number }>`SELECT seq FROM events WHERE stream_id = 'P2'`.execute(
        t!.db.sql,
      );
      assert.equal(visible.rows.length, 1);
      assert.deepEqual(await readAll(start), []);
      assert.deepEqual(await committedHead(t!.db.sql, actor.tenantId), start);

      await first.trx.commit().execute();
      assert.deepEqual(
        (await readAll(start)).map((e) => e.seq),
        [first.seq, second.seq],
      );
    },
  );

  it(
    'does not skip an earlier seq when an older transaction commits a later seq first',
    { skip },
    async () => {
      const start = await committedHead(t!.db.sql, actor.tenantId);
      // The older transaction takes its transaction id before the younger one inserts …
      const older = await t!.db.sql.startTransaction().execute();
      await sql`SELECT pg_current_xact_id()`.execute(older);
      const younger = await openWith('Q1');
      // … then inserts a later seq and commits while the younger one is still open.
      const [late] = await appendEvents(older, actor, now, [
        { streamType: 'case', streamId: 'Q2', name: 'cases.case.reported', payload: {} },
      ]);
      assert.ok(late!.seq > younger.seq);
      await older.commit().execute();

      // The older transaction is inside the horizon, so its event may pass; the reader moves past it …
      const firstRead = await readAll(start);
      assert.deepEqual(
        firstRead.map((e) => e.seq),
        [late!.seq],
      );
      // … which a reader positioned by seq alone could not survive: it would now stand past Q1's seq.
      const naive = () =>
        sql<{ seq: number }>`
        SELECT seq FROM events
        WHERE tenant_id = ${actor.tenantId} AND seq > ${late!.seq}
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY seq`.execute(t!.db.sql);

      await younger.trx.commit().execute();
      assert.deepEqual(
        (await naive()).rows,
        [],
        'a seq-positioned reader skips the younger transaction’s event',
      );
      assert.deepEqual(
        (await readAll(positionOf(firstRead[0]!))).map((e) => e.seq),
        [younger.seq],
      );
    },
  );

  it('is not held back by a transaction in another database of the cluster', { skip }, async () => {
    // Transaction ids are cluster-wide: the snapshot's xmin waits for this one, the horizon need not.
    const elsewhere = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await elsewhere.connect();
    try {
      await elsewhere.query('BEGIN');
      const { rows } = await elsewhere.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
      const start = await committedHead(t!.db.sql, actor.tenantId);
      const [stored] = await t!.db.transaction((tx) =>
        appendEvents(tx, actor, now, [
          { streamType: 'case', streamId: 'S1', name: 'cases.case.reported', payload: {} },
        ]),
      );
      const xmin = await sql<{ held: boolean }>`
        SELECT pg_snapshot_xmin(pg_current_snapshot()) <= ${rows[0]!.xid}::xid8 AS held`.execute(t!.db.sql);
      assert.equal(xmin.rows[0]?.held, true, 'the other transaction holds the snapshot xmin back');
      assert.deepEqual(
        (await readAll(start)).map((e) => e.seq),
        [stored!.seq],
      );
    } finally {
      await elsewhere.query('ROLLBACK');
      await elsewhere.end();
    }
  });

  it('delivers both through the live feed, the held-back one included, each once', { skip }, async () => {
    const feed = createEventFeed({ db: t!.db, pollIntervalMs: 20 });
    const got: number[] = [];
    const unsubscribe = feed.subscribe(
      actor.tenantId,
      null,
      () => true,
      (e) => got.push(e.seq),
    );
    try {
      await waitFor(() => feed.stats().polls >= 2);
      const first = await openWith('R1');
      const second = await openWith('R2');
      await second.trx.commit().execute();
      const polls = feed.stats().polls;
      await waitFor(() => feed.stats().polls >= polls + 3);
      assert.deepEqual(got, [], 'nothing passes while R1 is in flight');
      await first.trx.commit().execute();
      await waitFor(() => got.length >= 2);
      const settled = feed.stats().polls;
      await waitFor(() => feed.stats().polls >= settled + 3);
      assert.deepEqual(got, [first.seq, second.seq]);
    } finally {
      unsubscribe();
      await feed.close();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
