/**
 * The rule engine as a projection over hand-appended case events: batch boundaries change nothing (history,
 * actor windows and burst memory carry across batches), and two projectors running at once raise each card once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { systemActor } from '../../platform/actor.js';
import { appendEvents, createProjector, type NewEvent } from '../../platform/events/index.js';
import { createSupervisionProjection } from './projection.js';

const FACTS = { caseNo: '330102-20251009-00001', unitCode: 'SANITATION', gridCode: '33010200101' };

function caseEvent(caseId: string, verb: string, payload: Record<string, unknown>): NewEvent {
  return {
    streamType: 'case',
    streamId: caseId,
    name: `cases.case.${verb}`,
    payload: { ...FACTS, ...payload },
  };
}

describe('the supervision projection', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const db = t.testDb.db;
    const at = (minutes: number) => new Date(Date.parse('2025-10-09T02:00:00Z') + minutes * 60_000);
    const write = (minutes: number, events: NewEvent[]) =>
      db.transaction((tx) => appendEvents(tx, systemActor(t.tenant.id), at(minutes), events));
    // Account 5 voids six cases within 30 minutes, one transaction each (one burst → one card).
    for (let i = 0; i < 6; i += 1) {
      await write(i * 5, [
        caseEvent(`void-${i}`, 'voided', { reason: '经核实该问题不属于城管受理范围', actorId: '5' }),
      ]);
    }
    // One case returned three times by two units, interleaved with other traffic.
    await write(40, [caseEvent('pp', 'returned', { reason: '不属于本单位职责范围', actorId: '6' })]);
    await write(41, [caseEvent('other', 'pressed', { actorId: '7' })]);
    await write(42, [caseEvent('pp', 'redispatched', { unitCode: 'GREENING', actorId: '8' })]);
    await write(43, [caseEvent('pp', 'returned', { reason: '不属于本单位职责范围', actorId: '9' })]);
    await write(44, [
      caseEvent('pp', 'redispatched', { unitCode: 'SANITATION', actorId: '8' }),
      caseEvent('pp', 'returned', { reason: '不属于本单位职责范围', actorId: '6' }),
    ]);
    // A weak void reason.
    await write(50, [caseEvent('weak', 'voided', { reason: '无', actorId: '7' })]);
  });
  after(() => t.close());

  async function cardsNow(): Promise<string[]> {
    const r = await sql<{ k: string }>`
      SELECT rule_id || ' ' || target_kind || ':' || target_id || ' @' || trigger_seq AS k
      FROM supervision_cards WHERE tenant_id = ${t.tenant.id} ORDER BY trigger_seq, rule_id`.execute(
      t.testDb.db.sql,
    );
    return r.rows.map((x) => x.k);
  }

  async function reset(): Promise<void> {
    const db = t.testDb.db.sql;
    await sql`DELETE FROM supervision_notifications WHERE tenant_id = ${t.tenant.id}`.execute(db);
    await sql`DELETE FROM supervision_cards WHERE tenant_id = ${t.tenant.id}`.execute(db);
    await sql`DELETE FROM supervision_actor_actions WHERE tenant_id = ${t.tenant.id}`.execute(db);
    await sql`DELETE FROM projection_positions WHERE tenant_id = ${t.tenant.id}`.execute(db);
  }

  async function runWith(batchSize: number): Promise<string[]> {
    await reset();
    const projector = createProjector({
      db: t.testDb.db,
      projections: [createSupervisionProjection()],
      batchSize,
    });
    await projector.catchUp(t.tenant.id);
    return cardsNow();
  }

  it('raises the same cards whatever the batch size', async () => {
    const whole = await runWith(2000);
    assert.equal(whole.filter((k) => k.startsWith('case.void-burst officer:5')).length, 1, whole.join('\n'));
    assert.equal(
      whole.filter((k) => k.startsWith('case.return-ping-pong case:pp')).length,
      2,
      'returns 2 and 3',
    );
    assert.equal(whole.filter((k) => k.startsWith('case.weak-reason case:weak')).length, 1);
    assert.equal(whole.length, 4);
    assert.deepEqual(await runWith(1), whole);
    assert.deepEqual(await runWith(3), whole);
  });

  it('raises each card once when two projectors catch up at the same time', async () => {
    const expected = await runWith(2000);
    await reset();
    const raisedEvents = async () =>
      (
        await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM events
          WHERE tenant_id = ${t.tenant.id} AND name = 'supervision.card.raised'`.execute(t.testDb.db.sql)
      ).rows[0]?.n ?? 0;
    const before = await raisedEvents();
    const one = createProjector({
      db: t.testDb.db,
      projections: [createSupervisionProjection()],
      batchSize: 2,
    });
    const two = createProjector({
      db: t.testDb.db,
      projections: [createSupervisionProjection()],
      batchSize: 2,
    });
    await Promise.all([one.catchUp(t.tenant.id), two.catchUp(t.tenant.id)]);
    assert.deepEqual(await cardsNow(), expected);
    assert.equal((await raisedEvents()) - before, expected.length, 'one raised event per card');
  });
});
