import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../../test/helpers/db.js';
import type { Actor } from '../actor.js';
import type { Tx } from '../db/index.js';
import { appendEvents } from '../events/append.js';
import { random } from '../random.js';
import { ensureTenant } from '../tenancy/bootstrap.js';
import { bodyDigest, chainHash } from './chain.js';
import { createCheckpoint } from './checkpoints.js';
import { STORED_CONTENT, storedDigest, storedHeader, type StoredContent } from './stored-event.js';
import { buildRecordProof, verifyRecordProof } from './proof.js';
import { createEphemeralSigner } from './signer.js';
import { verifyAudit, type VerifyReport } from './verify.js';

const signer = createEphemeralSigner();
const trustedKeys = new Map([[signer.keyId, signer.publicKey]]);

class Rollback extends Error {}

interface Row {
  seq: number;
  t: string;
  id: string;
  v: number;
}

describe('the tamper-evident record', () => {
  let t: TestDb;
  let actor: Actor;
  let rows: Row[] = [];
  let checkpointCount = 0;
  const rand = random(20251009);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const now = new Date('2025-10-09T02:00:00Z');

  async function write(records: number, from: number): Promise<void> {
    for (let r = 0; r < records; r++) {
      const events = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => ({
        streamType: r % 5 === 0 ? 'account' : 'case',
        streamId: `rec-${from + (r % 25)}`,
        name: pick(['cases.case.reported', 'cases.case.filed', 'cases.case.dispatched', 'org.unit.renamed']),
        payload: {
          n: i,
          note: pick(['占道经营', 'ok', '井盖缺失 "quoted"', '']),
          amount: rand() * 100,
          list: [1, 'b'],
        },
        role: pick([null, 'dispatcher']),
      }));
      await t.db.transaction((tx) => appendEvents(tx, actor, new Date(now.getTime() + r * 1000), events));
    }
  }

  // Small pages for the untouched record (so the keyset paging is exercised), one page per tamper trial.
  const verify = (ex: Tx | TestDb['db']['sql'], pageSize = 50) =>
    verifyAudit(ex, actor.tenantId, { trustedKeys, pageSize });

  /** Runs fn in a transaction with the append-only triggers off (as a superuser could), verifies, rolls back. */
  async function tampered(fn: (tx: Tx) => Promise<void>): Promise<VerifyReport> {
    let report: VerifyReport | null = null;
    await t.db
      .transaction(async (tx) => {
        await sql`SET LOCAL session_replication_role = replica`.execute(tx);
        await fn(tx);
        report = await verify(tx, 10_000);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    if (!report) throw new Error('no report');
    return report;
  }

  async function rechain(tx: Tx, type: string, id: string): Promise<void> {
    const events = await sql<StoredContent>`
      SELECT ${STORED_CONTENT}
      FROM events WHERE tenant_id = ${actor.tenantId} AND stream_type = ${type} AND stream_id = ${id}
      ORDER BY stream_version`.execute(tx);
    let prev: Buffer | null = null;
    for (const e of events.rows) {
      const hash = chainHash(prev, storedDigest(e), storedHeader(actor.tenantId, e));
      await sql`
        UPDATE events SET prev_hash = decode(${prev?.toString('hex') ?? null}, 'hex'), hash = decode(${hash.toString('hex')}, 'hex')
        WHERE tenant_id = ${actor.tenantId} AND stream_type = ${type} AND stream_id = ${id} AND stream_version = ${e.v}`.execute(
        tx,
      );
      prev = hash;
    }
  }

  const recordOf = (row: Row) =>
    sql`tenant_id = ${actor.tenantId} AND stream_type = ${row.t} AND stream_id = ${row.id}`;
  const lastOf = (row: Row) =>
    Math.max(...rows.filter((r) => r.t === row.t && r.id === row.id).map((r) => r.v));

  /** Each way of tampering: what it does, and what the report must name. */
  const tampers: { name: string; run(tx: Tx): Promise<{ record?: Row; checkpoint?: number }> }[] = [
    {
      name: 'edit the payload',
      async run(tx) {
        const row = pick(rows);
        await sql`UPDATE events SET payload = (payload::jsonb || '{"amount": 0}')::json WHERE tenant_id = ${actor.tenantId} AND seq = ${row.seq}`.execute(
          tx,
        );
        return { record: row };
      },
    },
    {
      name: 'edit a header or actor field',
      async run(tx) {
        const row = pick(rows);
        const edit = pick([
          sql`name = 'cases.case.voided'`,
          sql`occurred_at = occurred_at + interval '1 microsecond'`,
          sql`actor_role = 'leader'`,
          sql`request_id = 'forged'`,
          sql`actor_kind = 'public'`,
        ]);
        await sql`UPDATE events SET ${edit} WHERE tenant_id = ${actor.tenantId} AND seq = ${row.seq}`.execute(
          tx,
        );
        return { record: row };
      },
    },
    {
      name: 'delete an event',
      async run(tx) {
        const row = pick(rows);
        await sql`DELETE FROM events WHERE tenant_id = ${actor.tenantId} AND seq = ${row.seq}`.execute(tx);
        return { record: row };
      },
    },
    {
      name: 'insert an event inside a chain (with a well-formed hash)',
      async run(tx) {
        const row = pick(rows);
        await sql`UPDATE events SET stream_version = stream_version + 1000 WHERE ${recordOf(row)} AND stream_version >= ${row.v}`.execute(
          tx,
        );
        await sql`UPDATE events SET stream_version = stream_version - 999 WHERE ${recordOf(row)} AND stream_version > 1000`.execute(
          tx,
        );
        const prev = await sql<{ h: string }>`
          SELECT encode(hash, 'hex') AS h FROM events WHERE ${recordOf(row)} AND stream_version = ${row.v - 1}`.execute(
          tx,
        );
        const prevHash = prev.rows[0] ? Buffer.from(prev.rows[0].h, 'hex') : null;
        const payloadText = '{"forged": true}';
        const hash = chainHash(
          prevHash,
          bodyDigest({ actorKind: 'system', actorId: null, actorRole: null, requestId: null, payloadText }),
          {
            tenantId: actor.tenantId,
            streamType: row.t,
            streamId: row.id,
            streamVersion: row.v,
            name: 'cases.case.closed',
            occurredAtUs: String(now.getTime() * 1000),
          },
        );
        await sql`
          INSERT INTO events (tenant_id, stream_type, stream_id, stream_version, name, actor_kind, occurred_at, payload, prev_hash, hash)
          VALUES (${actor.tenantId}, ${row.t}, ${row.id}, ${row.v}, 'cases.case.closed', 'system', ${now.toISOString()},
                  ${payloadText}::json, decode(${prevHash?.toString('hex') ?? null}, 'hex'), decode(${hash.toString('hex')}, 'hex'))`.execute(
          tx,
        );
        return { record: row };
      },
    },
    {
      name: 'swap two events of a record',
      async run(tx) {
        const row = pick(rows.filter((r) => lastOf(r) > 1));
        const other = row.v === 1 ? 2 : row.v - 1;
        await sql`UPDATE events SET stream_version = stream_version + 1000 WHERE ${recordOf(row)} AND stream_version IN (${row.v}, ${other})`.execute(
          tx,
        );
        await sql`UPDATE events SET stream_version = CASE stream_version WHEN ${row.v + 1000} THEN ${other}::int ELSE ${row.v}::int END
                  WHERE ${recordOf(row)} AND stream_version > 1000`.execute(tx);
        return { record: row };
      },
    },
    {
      name: 'edit an event and re-hash the whole chain after it',
      async run(tx) {
        const row = pick(rows);
        await sql`UPDATE events SET payload = (payload::jsonb || '{"note": "rewritten"}')::json WHERE tenant_id = ${actor.tenantId} AND seq = ${row.seq}`.execute(
          tx,
        );
        await rechain(tx, row.t, row.id);
        return { record: row };
      },
    },
    {
      name: 'delete the last event and re-hash nothing (the chain still links)',
      async run(tx) {
        const row = pick(rows);
        await sql`DELETE FROM events WHERE ${recordOf(row)} AND stream_version = ${lastOf(row)}`.execute(tx);
        return { record: row };
      },
    },
    {
      name: 'alter a checkpoint',
      async run(tx) {
        const no = 1 + Math.floor(rand() * checkpointCount);
        const edit = pick([
          sql`root = sha256(root)`,
          sql`prev_hash = sha256(hash)`,
          sql`seq = seq + 1`,
          sql`event_count = event_count - 1`,
          // Flipped, not set: a byte set to 0 that already was 0 changed nothing (one trial in 256).
          sql`signature = set_byte(signature, 4, get_byte(signature, 4) # 255)`,
          sql`hash = sha256(hash)`,
          sql`created_at = created_at - interval '1 hour'`,
        ]);
        await sql`UPDATE audit_checkpoints SET ${edit} WHERE tenant_id = ${actor.tenantId} AND no = ${no}`.execute(
          tx,
        );
        return { checkpoint: no };
      },
    },
    {
      name: 'alter a signed head',
      async run(tx) {
        const no = 1 + Math.floor(rand() * checkpointCount);
        await sql`UPDATE audit_heads SET hash = sha256(hash) WHERE tenant_id = ${actor.tenantId} AND checkpoint_no = ${no} AND leaf_index = 0`.execute(
          tx,
        );
        return { checkpoint: no };
      },
    },
  ];

  before(async () => {
    t = await createTestDb();
    const tenant = await ensureTenant(t.db, { code: '330102', name: '上城区', timeZone: 'Asia/Shanghai' });
    actor = { kind: 'staff', tenantId: tenant.id, accountId: 7, roles: [], requestId: 'req-1' };
    await write(30, 0);
    await createCheckpoint(t.db, actor.tenantId, signer, now);
    await write(30, 10);
    await createCheckpoint(t.db, actor.tenantId, signer, new Date(now.getTime() + 60_000));
    await write(20, 30);
    await createCheckpoint(t.db, actor.tenantId, signer, new Date(now.getTime() + 120_000));
    checkpointCount = 3;
    rows = (
      await sql<Row>`SELECT seq, stream_type AS t, stream_id AS id, stream_version AS v FROM events
                     WHERE tenant_id = ${actor.tenantId} ORDER BY seq`.execute(t.db.sql)
    ).rows;
  });
  after(() => t.close());

  it('verifies an untouched record', async () => {
    const report = await verify(t.db.sql);
    assert.deepEqual(report.problems, []);
    assert.equal(report.events, rows.length);
    assert.equal(report.checkpoints, 3);
    assert.ok(report.records >= 30);
  });

  it('detects 1,000 random single tamperings and names the record or checkpoint each time', async () => {
    const seen = new Map<string, number>();
    for (let trial = 0; trial < 1000; trial++) {
      const tamper = tampers[trial % tampers.length] as (typeof tampers)[number];
      let target: { record?: Row; checkpoint?: number } = {};
      const report = await tampered(async (tx) => {
        target = await tamper.run(tx);
      });
      const context = `trial ${trial}: ${tamper.name} ${JSON.stringify(target)}`;
      assert.ok(report.problems.length > 0, `undetected — ${context}`);
      if (target.record) {
        const { t: type, id } = target.record;
        assert.ok(
          report.problems.some((p) => p.streamType === type && p.streamId === id),
          `${context}: the record is not named in ${JSON.stringify(report.problems)}`,
        );
      } else {
        assert.ok(
          report.problems.some((p) => p.checkpoint === target.checkpoint),
          `${context}: the checkpoint is not named in ${JSON.stringify(report.problems)}`,
        );
      }
      seen.set(tamper.name, (seen.get(tamper.name) ?? 0) + 1);
    }
    assert.equal(seen.size, tampers.length);
    // Every trial rolled back: the record verifies again.
    assert.deepEqual((await verify(t.db.sql)).problems, []);
  });

  it('proves a record to someone who sees only headers, digests and the public key', async () => {
    const row = rows[0] as Row;
    const proof = await buildRecordProof(t.db.sql, actor.tenantId, row.t, row.id);
    assert.ok(proof);
    assert.deepEqual(verifyRecordProof(proof, signer.publicKey), []);
    assert.ok(!JSON.stringify(proof).includes('占道经营'), 'no payload content in the proof');
    const forgedName = structuredClone(proof);
    (forgedName.events[0] as { name: string }).name = 'cases.case.voided';
    assert.ok(verifyRecordProof(forgedName, signer.publicKey).length > 0);
    const dropped = { ...proof, events: proof.events.slice(0, -1) };
    assert.ok(verifyRecordProof(dropped, signer.publicKey).length > 0);
    assert.ok(verifyRecordProof(proof, createEphemeralSigner().publicKey).length > 0);
  });

  it('keeps every chain valid under concurrent writers', { skip: TEST_ENGINE !== 'postgres' }, async () => {
    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 25; i++) {
        // Own records in parallel, plus one record every writer shares (conflicts retry, as commands do).
        const streamId = i % 5 === 0 ? 'shared' : `w${w}-${i % 3}`;
        for (let attempt = 0; ; attempt++) {
          try {
            await t.db.transaction((tx) =>
              appendEvents(tx, actor, now, [
                { streamType: 'case', streamId, name: 'cases.case.pressed', payload: { w, i } },
              ]),
            );
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '23505' || attempt > 50) throw error;
          }
        }
      }
    });
    await Promise.all(writers);
    await createCheckpoint(t.db, actor.tenantId, signer, new Date(now.getTime() + 180_000));
    const report = await verify(t.db.sql);
    assert.deepEqual(report.problems, []);
    assert.equal(report.events, rows.length + 150);
  });
});
