import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import type { Actor } from '../actor.js';
import { ensureTenant } from '../tenancy/bootstrap.js';
import { appendEvents, setEventChaining } from './append.js';

describe('the event log', () => {
  let t: TestDb;
  let actor: Actor;
  const now = new Date('2025-10-09T02:00:00Z');

  before(async () => {
    t = await createTestDb();
    const tenant = await ensureTenant(t.db, { code: '330102', name: '上城区', timeZone: 'Asia/Shanghai' });
    actor = { kind: 'staff', tenantId: tenant.id, accountId: null, roles: [], requestId: 'req-1' };
  });
  after(() => t.close());

  it('numbers each record’s events consecutively across transactions', async () => {
    const first = await t.db.transaction((tx) =>
      appendEvents(tx, actor, now, [
        { streamType: 'case', streamId: 'A', name: 'cases.case.reported', payload: { n: 1 } },
        { streamType: 'case', streamId: 'B', name: 'cases.case.reported', payload: { n: 2 } },
        { streamType: 'case', streamId: 'A', name: 'cases.case.filed', payload: { n: 3 } },
      ]),
    );
    assert.deepEqual(
      first.map((e) => [e.streamId, e.streamVersion]),
      [
        ['A', 1],
        ['B', 1],
        ['A', 2],
      ],
    );
    const second = await t.db.transaction((tx) =>
      appendEvents(tx, actor, now, [
        { streamType: 'case', streamId: 'A', name: 'cases.case.dispatched', payload: {} },
      ]),
    );
    assert.equal(second[0]?.streamVersion, 3);
  });

  it('refuses a "new record" claim for a record that has events (the chain cannot fork)', async () => {
    await assert.rejects(
      t.db.transaction((tx) =>
        appendEvents(tx, actor, now, [
          { streamType: 'case', streamId: 'A', name: 'cases.case.pressed', payload: {}, newRecord: true },
        ]),
      ),
      /duplicate key|unique/,
    );
    const fresh = await t.db.transaction((tx) =>
      appendEvents(tx, actor, now, [
        { streamType: 'case', streamId: 'N', name: 'cases.case.reported', payload: {}, newRecord: true },
        { streamType: 'case', streamId: 'N', name: 'cases.case.filed', payload: {}, newRecord: true },
      ]),
    );
    assert.deepEqual(
      fresh.map((e) => e.streamVersion),
      [1, 2],
    );
  });

  it('writes the same rows when the caller needs none back (stored: false), chained or not', async () => {
    for (const [chained, id] of [
      [true, 'Q1'],
      [false, 'Q2'],
    ] as const) {
      setEventChaining(chained);
      try {
        const back = await t.db.transaction((tx) =>
          appendEvents(
            tx,
            actor,
            now,
            [
              { streamType: 'case', streamId: id, name: 'cases.case.reported', payload: { n: 1 } },
              { streamType: 'case', streamId: id, name: 'cases.case.filed', payload: { n: 2 } },
            ],
            { stored: false },
          ),
        );
        assert.deepEqual(back, []);
      } finally {
        setEventChaining(true);
      }
      const rows = await sql<{ name: string; stream_version: number; chained: boolean }>`
        SELECT name, stream_version, hash IS NOT NULL AS chained FROM events WHERE stream_id = ${id}
        ORDER BY seq`.execute(t.db.sql);
      assert.deepEqual(rows.rows, [
        { name: 'cases.case.reported', stream_version: 1, chained },
        { name: 'cases.case.filed', stream_version: 2, chained },
      ]);
    }
  });

  it('vanishes with the transaction that wrote it', async () => {
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await appendEvents(tx, actor, now, [
          { streamType: 'case', streamId: 'C', name: 'cases.case.reported', payload: {} },
        ]);
        throw new Error('the command failed');
      }),
    );
    const rows = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM events WHERE stream_id = 'C'`.execute(t.db.sql);
    assert.equal(rows.rows[0]?.n, 0);
  });

  it('refuses updates and deletes: the log is append-only', async () => {
    await assert.rejects(sql`UPDATE events SET payload = '{}'::jsonb`.execute(t.db.sql), /append-only/);
    await assert.rejects(sql`DELETE FROM events`.execute(t.db.sql), /append-only/);
    await assert.rejects(sql`TRUNCATE events`.execute(t.db.sql), /append-only/);
  });

  it('records who did it, under which role, and for which request', async () => {
    await t.db.transaction((tx) =>
      appendEvents(tx, { ...actor, accountId: null }, now, [
        {
          streamType: 'case',
          streamId: 'D',
          name: 'cases.case.voided',
          payload: { reason: 'duplicate' },
          role: 'operator',
        },
      ]),
    );
    const row = await sql<{ actor_kind: string; actor_role: string; request_id: string; occurred_at: Date }>`
      SELECT actor_kind, actor_role, request_id, occurred_at FROM events WHERE stream_id = 'D'`.execute(
      t.db.sql,
    );
    assert.equal(row.rows[0]?.actor_kind, 'staff');
    assert.equal(row.rows[0]?.actor_role, 'operator');
    assert.equal(row.rows[0]?.request_id, 'req-1');
    assert.equal(row.rows[0]?.occurred_at.toISOString(), now.toISOString());
  });

  it('refuses event names that do not follow module.noun.verb', async () => {
    await assert.rejects(
      t.db.transaction((tx) =>
        appendEvents(tx, actor, now, [{ streamType: 'case', streamId: 'E', name: 'CaseFiled', payload: {} }]),
      ),
    );
  });
});
