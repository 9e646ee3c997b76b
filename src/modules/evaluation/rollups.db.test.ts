/**
 * Rollups kept incrementally by the projection equal a full recomputation from the events, whatever the
 * histories, the order the cases interleave in, the transactions they commit in and the projector's batch
 * size (a case's events are often split across batches, so the stored facts carry the fold).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { systemActor } from '../../platform/actor.js';
import { appendEvents, createProjector, type NewEvent } from '../../platform/events/index.js';
import { ensureTenant } from '../../platform/tenancy/bootstrap.js';
import type { OrgService } from '../org/index.js';
import { recompute, sumCredits } from './domain/credit.js';
import { rollupProjection } from './projection.js';
import { createEvaluationService } from './service.js';
import * as store from './store.js';

const GRIDS = ['33010200100101', '33010200100102', '33010200200101'];
const UNITS = ['SANITATION', 'GREENING', 'ROADS'];
const CHANNELS = ['inspector', 'public', 'hotline', 'leader'];

interface Step {
  name: string;
  payload: Record<string, unknown>;
  gapMinutes: number;
}

/** A random but lifecycle-shaped history of one case, driven by a list of random choices. */
function caseHistory(r: () => number): Step[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const ok = () => r() < 0.7;
  const gap = () => Math.floor(r() * 3000);
  const steps: Step[] = [];
  const grid = pick(GRIDS);
  let unit: string | null = null;
  const push = (name: string, payload: Record<string, unknown> = {}) =>
    steps.push({
      name: `cases.case.${name}`,
      gapMinutes: gap(),
      payload: {
        gridCode: grid,
        communityCode: grid.slice(0, 12),
        streetCode: grid.slice(0, 9),
        unitCode: unit,
        actorId: pick(['1', '2', '3']),
        ...payload,
      },
    });
  const channel = pick(CHANNELS);
  push('reported', {
    channel,
    majorCode: pick(['01', '02']),
    minorCode: '01',
    priority: r() < 0.2 ? 'urgent' : 'normal',
    flags: channel === 'leader' ? ['leader'] : [],
  });
  let stage = 'reported';
  let overdue = false;
  let reworks = 0;
  for (let i = 0; i < 25; i++) {
    const x = r();
    if (stage === 'reported') {
      if (x < 0.1) return (push('voided', { from: 'reported' }), steps);
      if (x < 0.15) return (push('merged', { from: 'reported' }), steps);
      push('filed', { from: 'reported', stageOutcomes: { file: { onTime: ok() } } });
      stage = 'filed';
    } else if (stage === 'filed') {
      unit = pick(UNITS);
      push('dispatched', { mode: ok() ? 'auto' : 'manual', stageOutcomes: { dispatch: { onTime: ok() } } });
      stage = 'dispatched';
      overdue = false;
    } else if (stage === 'dispatched') {
      if (x < 0.15) {
        push('returned');
        unit = pick(UNITS);
        push('redispatched', {});
        overdue = false;
      } else {
        push('accepted', { stageOutcomes: { accept: { onTime: ok() } } });
        stage = 'handling';
      }
    } else if (stage === 'handling') {
      if (x < 0.1) {
        push('extensionApproved');
      } else if (x < 0.18) {
        push('held');
        push('resumed');
      } else if (x < 0.3 && !overdue) {
        push('markedOverdue');
        overdue = true;
      } else if (x < 0.36 && overdue) {
        push('appealApproved');
      } else if (x < 0.4) {
        return (push('forceClosed', { reason: 'x' }), steps);
      } else {
        push('reportedBack', { stageOutcomes: { handle: { onTime: ok() } } });
        stage = 'handled';
      }
    } else if (stage === 'handled') {
      if (x < 0.3) {
        reworks += 1;
        push('checked', { passed: false });
        push('reworked', { reworkCount: reworks });
        stage = 'handling';
      } else {
        push('checked', { passed: true, stageOutcomes: { check: { onTime: ok() } } });
        push('closed');
        stage = 'closed';
      }
    } else if (stage === 'closed') {
      if (x < 0.3) {
        push('rated', {
          via: pick(['callback', 'reporter']),
          satisfaction: pick(['satisfied', 'basically', 'dissatisfied']),
        });
      } else if (x < 0.5) {
        push('reopened', { reopenCount: 1 });
        stage = 'filed';
      } else {
        return steps;
      }
    }
  }
  return steps;
}

describe('evaluation rollups', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.close());

  it('after random event streams the rollups equal the full recomputation (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 60 }),
        async (seed, cases, commitSize, batchSize) => {
          run += 1;
          const tenant = await ensureTenant(t.db, {
            code: `E${run}`,
            name: `评价 ${run}`,
            timeZone: 'Asia/Shanghai',
          });
          let s = seed;
          const r = () => (s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647;
          // Each case starts somewhere in Oct–Dec 2025; the cases interleave in time order of their steps.
          const all: (NewEvent & { occurredAt: Date })[] = [];
          for (let c = 0; c < cases; c++) {
            let at = Date.parse('2025-10-01T00:00:00Z') + Math.floor(r() * 80 * 86_400_000);
            for (const step of caseHistory(r)) {
              at += step.gapMinutes * 60_000;
              all.push({
                streamType: 'case',
                streamId: `c${c}`,
                name: step.name,
                payload: step.payload,
                occurredAt: new Date(at),
              });
            }
          }
          all.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
          const projector = createProjector({ db: t.db, projections: [rollupProjection()], batchSize });
          for (let i = 0; i < all.length; i += commitSize) {
            const chunk = all.slice(i, i + commitSize);
            await t.db.transaction((tx) => appendEvents(tx, systemActor(tenant.id), new Date(), chunk));
            if (r() < 0.4) await projector.catchUp(tenant.id);
          }
          await projector.catchUp(tenant.id);

          // The projection's rollups against a recomputation of the generated events (not read back).
          const expected = recompute(
            all.map((e, i) => ({ ...e, seq: i })),
            'Asia/Shanghai',
          );
          const actual = sumCredits(await store.allRollups(t.db.sql, tenant.id));
          assert.deepEqual(
            [...actual.entries()].sort(([a], [b]) => a.localeCompare(b)),
            [...expected.credits.entries()].sort(([a], [b]) => a.localeCompare(b)),
          );
          assert.equal(await store.allDurationCount(t.db.sql, tenant.id), expected.durations.length);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('the consistency check passes on applied events and catches a tampered rollup', async () => {
    const tenant = await ensureTenant(t.db, { code: 'CHK', name: '检查', timeZone: 'Asia/Shanghai' });
    let s = 42;
    const r = () => (s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647;
    const events: NewEvent[] = [];
    for (let c = 0; c < 20; c++) {
      let at = Date.parse('2025-10-01T00:00:00Z');
      for (const step of caseHistory(r)) {
        at += step.gapMinutes * 60_000;
        events.push({
          streamType: 'case',
          streamId: `k${c}`,
          name: step.name,
          payload: step.payload,
          occurredAt: new Date(at),
        });
      }
    }
    await t.db.transaction((tx) => appendEvents(tx, systemActor(tenant.id), new Date(), events));
    const projector = createProjector({ db: t.db, projections: [rollupProjection()], batchSize: 7 });
    const service = createEvaluationService({
      db: t.db,
      clock: { now: () => new Date() },
      org: {} as OrgService,
    });
    await projector.catchUp(tenant.id);
    const good = await service.consistency(tenant.id);
    assert.equal(good.ok, true, JSON.stringify(good.mismatches));
    assert.equal(good.events, events.length);
    assert.ok(good.counters > 100);

    // Events appended after the last catch-up are not yet applied: still consistent (up to the position).
    await t.db.transaction((tx) =>
      appendEvents(tx, systemActor(tenant.id), new Date(), [
        { ...(events[0] as NewEvent), streamId: 'late', occurredAt: new Date('2025-10-05T00:00:00Z') },
      ]),
    );
    assert.equal((await service.consistency(tenant.id)).ok, true);

    await sql`UPDATE evaluation_rollups SET n = n + 1
      WHERE tenant_id = ${tenant.id} AND dim = 'unit' AND metric = 'dispatched'
        AND day = (SELECT min(day) FROM evaluation_rollups WHERE tenant_id = ${tenant.id} AND dim = 'unit' AND metric = 'dispatched')`.execute(
      t.db.sql,
    );
    const bad = await service.consistency(tenant.id);
    assert.equal(bad.ok, false);
    assert.equal(bad.mismatches[0]?.metric, 'dispatched');
    assert.equal((bad.mismatches[0]?.actual ?? 0) - (bad.mismatches[0]?.expected ?? 0) >= 1, true);

    // A rebuild from the first event repairs it.
    const rebuilt = createProjector({ db: t.db, projections: [rollupProjection()] });
    await rebuilt.rebuild('evaluation.rollups', tenant.id);
    assert.equal((await service.consistency(tenant.id)).ok, true);
  });
});
