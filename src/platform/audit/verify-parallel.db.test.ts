/**
 * The parallel reader (binary COPY in worker threads) against the page reader on the same database: the
 * same counts on an untouched log, and the same problems, naming the same records, after tamperings that
 * were committed (the worker threads read over connections of their own, so a rolled-back tampering — as in
 * tamper.db.test.ts — would be invisible to them).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../../test/helpers/db.js';
import type { Actor } from '../actor.js';
import { appendEvents } from '../events/append.js';
import { random } from '../random.js';
import { ensureTenant } from '../tenancy/bootstrap.js';
import { createCheckpoint } from './checkpoints.js';
import { createEphemeralSigner } from './signer.js';
import { verifyAudit, type VerifyReport } from './verify.js';

const signer = createEphemeralSigner();
const trustedKeys = new Map([[signer.keyId, signer.publicKey]]);
const skip = TEST_ENGINE !== 'postgres';

const named = (r: VerifyReport) =>
  r.problems
    .map((p) => `${p.kind} ${p.streamType ?? ''}/${p.streamId ?? ''} v${p.streamVersion ?? ''}`)
    .sort();

describe('parallel verification over binary COPY', { skip }, () => {
  let t: TestDb;
  let tenantId: number;
  const rand = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  before(async () => {
    t = await createTestDb();
    tenantId = (await ensureTenant(t.db, { code: 'verify-par', name: '并行核验', timeZone: 'Asia/Shanghai' }))
      .id;
    const people: Actor[] = [
      { kind: 'staff', tenantId, accountId: 7, roles: [], requestId: 'req-1' },
      { kind: 'public', tenantId, accountId: null, roles: [], requestId: null },
      { kind: 'system', tenantId, accountId: null, roles: [], requestId: 'tick "1"' },
    ];
    const base = Date.parse('2025-10-09T02:00:00.123456Z');
    for (let round = 0; round < 6; round++) {
      for (let r = 0; r < 40; r++) {
        const events = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => ({
          streamType: r % 4 === 0 ? 'account' : 'case',
          streamId: r % 4 === 0 ? String(1000 + r) : `rec-${r}`,
          name: pick(['cases.case.reported', 'cases.case.filed', 'org.unit.renamed']),
          payload: {
            i,
            note: pick(['占道经营', '井盖缺失 "quoted"\n第二行', '', 'tab\there', '\u2028 emoji 🚧']),
            amount: pick([rand() * 100, 1e21, 1.5e-7, -0, 42]),
            nested: { z: [1, { y: null }], a: true },
          },
          role: pick([null, 'dispatcher']),
        }));
        const actor = pick(people);
        const at = new Date(base + (round * 40 + r) * 1001);
        await t.db.transaction((tx) => appendEvents(tx, actor, at, events));
      }
      await createCheckpoint(t.db, tenantId, signer, new Date(base + round * 60_000 + 50_000));
    }
  });
  after(async () => t?.close());

  const byPage = () => verifyAudit(t.db.sql, tenantId, { trustedKeys, pageSize: 37 });
  const inParallel = (workers: number) =>
    verifyAudit(t.db.sql, tenantId, { trustedKeys, parallel: { url: t.url as string, workers } });

  it('counts the same events and records as the page reader and finds nothing wrong', async () => {
    const page = await byPage();
    assert.deepEqual(page.problems, []);
    for (const workers of [1, 2, 3]) {
      const r = await inParallel(workers);
      assert.deepEqual(r.problems, [], `${workers} workers`);
      assert.equal(r.events, page.events);
      assert.equal(r.records, page.records);
      assert.ok(r.events > 300);
    }
  });

  it('finds nothing wrong when a record lies out of order in the table', async () => {
    // A rewritten row (as VACUUM FULL or a restore may leave things) moves: its first event now lies after
    // its second, which is what a sequential scan returns.
    const v = (n: number) => sql`tenant_id = ${tenantId} AND stream_id = 'rec-11' AND stream_version = ${n}`;
    await t.db.transaction(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await sql`UPDATE events SET name = name WHERE ${v(1)}`.execute(tx);
    });
    const order = await sql<{ later: boolean }>`
      SELECT (SELECT ctid FROM events WHERE ${v(1)}) > (SELECT ctid FROM events WHERE ${v(2)}) AS later`.execute(
      t.db.sql,
    );
    assert.equal(order.rows[0]?.later, true, 'the first event now lies after the second');
    for (const workers of [1, 2]) assert.deepEqual((await inParallel(workers)).problems, []);
    assert.deepEqual((await byPage()).problems, []);
  });

  it('names the same tampered records as the page reader', async () => {
    const where = (id: string, v: number) =>
      sql`tenant_id = ${tenantId} AND stream_id = ${id} AND stream_version = ${v}`;
    const edits = [
      sql`UPDATE events SET payload = (payload::jsonb || '{"amount": 0}')::json WHERE ${where('rec-1', 2)}`,
      sql`UPDATE events SET name = 'cases.case.voided' WHERE ${where('rec-2', 1)}`,
      sql`DELETE FROM events WHERE ${where('rec-3', 2)}`,
      sql`UPDATE events SET stream_version = 1000 WHERE ${where('rec-5', 2)}`,
      sql`UPDATE events SET stream_version = 2 WHERE ${where('rec-5', 3)}`,
      sql`UPDATE events SET stream_version = 3 WHERE ${where('rec-5', 1000)}`,
      sql`UPDATE events SET occurred_at = occurred_at + interval '1 microsecond' WHERE ${where('rec-6', 1)}`,
      sql`UPDATE events SET hash = NULL WHERE ${where('rec-7', 1)}`,
      sql`UPDATE events SET actor_id = 8 WHERE ${where('rec-9', 1)} AND actor_id IS NOT NULL`,
      sql`UPDATE events SET request_id = 'forged' WHERE ${where('1004', 1)}`,
      sql`INSERT INTO events (tenant_id, stream_type, stream_id, stream_version, name, actor_kind, occurred_at,
            payload, prev_hash, hash)
          SELECT tenant_id, stream_type, stream_id, 99, name, actor_kind, occurred_at, payload, hash, hash
          FROM events WHERE ${where('rec-10', 1)}`,
    ];
    await t.db.transaction(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      for (const edit of edits) await edit.execute(tx);
    });
    const page = await byPage();
    const records = new Set(page.problems.map((p) => p.streamId));
    for (const id of ['rec-1', 'rec-2', 'rec-3', 'rec-5', 'rec-6', 'rec-7', 'rec-10', '1004']) {
      assert.ok(records.has(id), `the page reader names ${id}`);
    }
    // The checker follows each record by version, whatever order its events come in: the readers agree
    // exactly, swapped versions included.
    for (const workers of [1, 2, 4]) {
      const r = await inParallel(workers);
      assert.deepEqual(named(r), named(page), `${workers} workers`);
      assert.equal(r.events, page.events);
    }
  });

  it('fails as a whole, rather than report part of the log, when a share cannot be read', async () => {
    const nowhere = new URL(t.url as string);
    nowhere.pathname = '/chengzhi_no_such_database';
    await assert.rejects(
      verifyAudit(t.db.sql, tenantId, { trustedKeys, parallel: { url: nowhere.toString(), workers: 2 } }),
      /chengzhi_no_such_database/,
    );
  });
});
