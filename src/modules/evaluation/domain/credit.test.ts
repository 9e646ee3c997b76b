import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFacts, Credit, EventIn } from './counters.js';
import { credit, recompute } from './credit.js';
import { indicators, median, type Totals } from './indicators.js';

const TZ = 'Asia/Shanghai';
const FACTS = { gridCode: '33010200100101', communityCode: '330102001001', streetCode: '330102001' };

/** A hand-built history: events of one case at local times on 2025-10 days (UTC+8). */
function history(caseId: string, steps: [string, string, Record<string, unknown>?][], unit = 'SANITATION') {
  let seq = 0;
  let dispatched = false;
  return steps.map(([verb, local, payload = {}]): EventIn => {
    if (verb === 'dispatched') dispatched = true;
    return {
      seq: ++seq,
      name: `cases.case.${verb}`,
      streamId: caseId,
      occurredAt: new Date(`${local}+08:00`),
      payload: { ...FACTS, unitCode: dispatched ? unit : null, actorId: '7', ...payload },
    };
  });
}

/** Sums the credits of one object over [from, to] (what a rollup query does). */
function totalsOf(
  credits: Map<string, Credit>,
  dim: string,
  code: string,
  from = '0000',
  to = '9999',
): Totals {
  const t: Record<string, number> = {};
  for (const c of credits.values()) {
    if (c.dim === dim && c.code === code && c.day >= from && c.day <= to) {
      t[c.metric] = (t[c.metric] ?? 0) + c.n;
    }
  }
  return t;
}

const onTime = (kind: string, ok: boolean) => ({ stageOutcomes: { [kind]: { deadline: 'x', onTime: ok } } });
const reported = (extra: Record<string, unknown> = {}) => ({
  channel: 'inspector',
  majorCode: '01',
  minorCode: '02',
  priority: 'normal',
  flags: [],
  ...extra,
});

describe('indicator definitions on hand-built histories', () => {
  it('a plain closed loop credits each counter once, on the day of its event', () => {
    const { credits } = recompute(
      history('a', [
        ['reported', '2025-10-09T09:00:00', reported()],
        ['filed', '2025-10-09T09:30:00', { from: 'reported', ...onTime('file', true) }],
        ['dispatched', '2025-10-09T10:00:00', { mode: 'auto', ...onTime('dispatch', true) }],
        ['accepted', '2025-10-09T10:30:00', onTime('accept', true)],
        ['reportedBack', '2025-10-10T10:00:00', onTime('handle', true)],
        ['checked', '2025-10-10T11:00:00', { passed: true, ...onTime('check', true) }],
        ['closed', '2025-10-10T12:00:00'],
      ]),
      TZ,
    );
    const t = totalsOf(credits, 'tenant', '*');
    const i = indicators({ ...t, overdueOpen: 0 });
    assert.equal(i.counts.reported, 1);
    assert.equal(i.counts.validReport, 1);
    assert.equal(i.counts.intake, 1);
    assert.equal(i.counts.filed, 1);
    assert.equal(i.counts.dispatched, 1);
    assert.equal(i.counts.accurateDispatch, 1);
    assert.equal(i.counts.handled, 1);
    assert.equal(i.counts.handledOnTime, 1);
    assert.equal(i.counts.dueClose, 1);
    assert.equal(i.counts.closed, 1);
    assert.equal(i.counts.closedOnTime, 1);
    assert.equal(i.rates.handledOnTimeRate, 1);
    assert.equal(i.rates.closeRate, 1);
    assert.equal(i.meanSeconds.handle, 24 * 3600);
    assert.equal(i.meanSeconds.intake, 1800);
    // Day of each event: handled on the 10th, filed on the 9th.
    assert.equal(totalsOf(credits, 'unit', 'SANITATION', '2025-10-10', '2025-10-10').handled, 1);
    assert.equal(totalsOf(credits, 'unit', 'SANITATION', '2025-10-09', '2025-10-09').handled, undefined);
    // Role objects: the reporting inspector, the operator who filed, the dispatcher.
    assert.equal(totalsOf(credits, 'inspector', '7').reported, 1);
    assert.equal(totalsOf(credits, 'operator', '7').filed, 1);
    assert.equal(totalsOf(credits, 'dispatcher', '7').dispatched, 1);
    assert.equal(totalsOf(credits, 'category', '01/02').filed, 1);
    assert.equal(totalsOf(credits, 'street', '330102001').closedCohort, 1);
  });

  it('local days follow Asia/Shanghai: 23:30 local on Oct 31 is October, 00:30 Nov 1 is November', () => {
    const { credits } = recompute(
      [
        ...history('a', [['reported', '2025-10-31T23:30:00', reported()]]),
        ...history('b', [['reported', '2025-11-01T00:30:00', reported()]]),
      ],
      TZ,
    );
    assert.equal(totalsOf(credits, 'tenant', '*', '2025-10-01', '2025-10-31').reported, 1);
    assert.equal(totalsOf(credits, 'tenant', '*', '2025-11-01', '2025-11-30').reported, 1);
  });

  it('extensions and a late report-back: 超期处置, 延期 counted per approval and once per case', () => {
    const { credits } = recompute(
      history('a', [
        ['reported', '2025-10-09T09:00:00', reported()],
        ['filed', '2025-10-09T09:30:00', { from: 'reported' }],
        ['dispatched', '2025-10-09T10:00:00', { mode: 'manual' }],
        ['extensionApproved', '2025-10-10T10:00:00'],
        ['extensionApproved', '2025-10-11T10:00:00'],
        ['reportedBack', '2025-10-15T10:00:00', onTime('handle', false)],
        ['checked', '2025-10-15T11:00:00', { passed: true }],
        ['closed', '2025-10-15T12:00:00'],
      ]),
      TZ,
    );
    const i = indicators({ ...totalsOf(credits, 'unit', 'SANITATION'), overdueOpen: 0 });
    assert.equal(i.counts.extended, 2);
    assert.equal(i.counts.handledLate, 1);
    assert.equal(i.counts.handledOnTime, 0);
    assert.equal(i.rates.handledOnTimeRate, 0);
    const t = totalsOf(credits, 'tenant', '*');
    assert.equal(t.extendedCase, 1);
    assert.equal(t.closedCohort, 1);
    assert.equal(t.closedOnTimeCohort, undefined, 'closed, but not on time');
  });

  it('超期未处置 is a level at period end; an approved 超时申诉 leaves the counts and the denominators', () => {
    const events = history('a', [
      ['reported', '2025-10-09T09:00:00', reported()],
      ['filed', '2025-10-09T09:30:00', { from: 'reported' }],
      ['dispatched', '2025-10-09T10:00:00', { mode: 'auto' }],
      ['markedOverdue', '2025-10-20T10:00:00'],
      ['appealed', '2025-11-02T10:00:00'],
      ['appealApproved', '2025-11-03T10:00:00'],
      ['reportedBack', '2025-11-04T10:00:00', onTime('handle', false)],
      ['checked', '2025-11-04T11:00:00', { passed: true }],
      ['closed', '2025-11-04T12:00:00'],
    ]);
    const { credits } = recompute(events, TZ);
    const level = (to: string) => totalsOf(credits, 'unit', 'SANITATION', '0000', to).overdueOpen ?? 0;
    assert.equal(level('2025-10-19'), 0);
    assert.equal(level('2025-10-31'), 1, 'overdue and not handled at the end of October');
    assert.equal(level('2025-11-30'), 0);
    const oct = indicators({
      ...totalsOf(credits, 'unit', 'SANITATION', '2025-10-01', '2025-10-31'),
      overdueOpen: 1,
    });
    assert.equal(oct.counts.dueHandle, 1);
    assert.equal(oct.rates.handledOnTimeRate, 0);
    const nov = totalsOf(credits, 'unit', 'SANITATION', '2025-11-01', '2025-11-30');
    assert.equal(nov.appealApproved, 1);
    // The waived case counts neither as handled on time nor in the denominator: 1 handled − 1 appeal = 0.
    assert.equal(indicators({ ...nov, overdueOpen: 0 }).rates.handledOnTimeRate, null);
    assert.equal(nov.handledLate, undefined, 'the waived lateness is not an 超期处置');
    // The waiver also makes the closure count as on time (the case is no longer late).
    assert.equal(totalsOf(credits, 'tenant', '*').closedOnTimeCohort, 1);
  });

  it('holds (挂账) leave the closing denominator; rework counts, and a third failure is a 返工 ≥ 3', () => {
    const steps: [string, string, Record<string, unknown>?][] = [
      ['reported', '2025-10-09T09:00:00', reported({ flags: ['leader'] })],
      ['filed', '2025-10-09T09:30:00', { from: 'reported' }],
      ['dispatched', '2025-10-09T10:00:00', { mode: 'auto' }],
    ];
    for (let k = 1; k <= 3; k++) {
      steps.push(['reportedBack', `2025-10-1${k}T10:00:00`, onTime('handle', true)]);
      steps.push(['checked', `2025-10-1${k}T11:00:00`, { passed: false }]);
      steps.push(['reworked', `2025-10-1${k}T11:00:00`, { reworkCount: k }]);
    }
    steps.push(['held', '2025-10-14T09:00:00', { until: '2025-12-01' }]);
    const { credits } = recompute(history('a', steps), TZ);
    const t = totalsOf(credits, 'tenant', '*');
    assert.equal(t.reworked, 3);
    assert.equal(t.reworkedLead, 3, 'a 领导交办 case: every rework is counted again for doubled deductions');
    assert.equal(t.rework3, 1);
    assert.equal(t.handled, 3);
    assert.equal(t.heldCohort, 1);
    const i = indicators({ ...t, overdueOpen: 0 });
    assert.equal(i.rates.closeRate, null, '1 due − 1 held: nothing left to judge');
    assert.equal(i.rates.reworkRate, 1);
  });

  it('returns make a dispatch inaccurate; a re-dispatch credits the new unit', () => {
    const events = history('a', [
      ['reported', '2025-10-09T09:00:00', reported()],
      ['filed', '2025-10-09T09:30:00', { from: 'reported' }],
      ['dispatched', '2025-10-09T10:00:00', { mode: 'auto' }],
      ['returned', '2025-10-09T11:00:00'],
    ]);
    const more: EventIn = {
      seq: 9,
      name: 'cases.case.redispatched',
      streamId: 'a',
      occurredAt: new Date('2025-10-09T12:00:00+08:00'),
      payload: { ...FACTS, unitCode: 'GREENING', actorId: '8', fromUnitCode: 'SANITATION' },
    };
    const { credits } = recompute([...events, more], TZ);
    const t = indicators({ ...totalsOf(credits, 'tenant', '*'), overdueOpen: 0 });
    assert.equal(t.counts.dispatched, 2);
    assert.equal(t.counts.accurateDispatch, 1);
    assert.equal(t.rates.accurateDispatchRate, 0.5);
    assert.equal(totalsOf(credits, 'unit', 'GREENING').dispatched, 1);
    assert.equal(totalsOf(credits, 'dispatcher', '7').returned, 1, 'the return is charged to who dispatched');
  });

  it('merges and voids are 受理 decisions without 立案; a merged case never counts as due', () => {
    const { credits } = recompute(
      [
        ...history('a', [
          ['reported', '2025-10-09T09:00:00', reported({ channel: 'public' })],
          ['verified', '2025-10-09T09:10:00', { confirmed: true, ...onTime('verify', true) }],
          ['merged', '2025-10-09T09:30:00', { from: 'reported', intoCaseId: 'x' }],
        ]),
        ...history('b', [
          ['reported', '2025-10-09T09:00:00', reported({ channel: 'public' })],
          ['voided', '2025-10-09T09:30:00', { from: 'reported' }],
        ]),
        ...history('c', [
          ['reported', '2025-10-09T09:00:00', reported({ channel: 'public' })],
          ['verified', '2025-10-09T09:10:00', { confirmed: false }],
          ['voided', '2025-10-09T09:10:00', { from: 'verifying' }],
        ]),
      ],
      TZ,
    );
    const t = indicators({ ...totalsOf(credits, 'tenant', '*'), overdueOpen: 0 });
    assert.equal(t.counts.reported, 3);
    assert.equal(t.counts.intake, 2, 'a report voided at verification never reached the operator');
    assert.equal(t.counts.voided, 2);
    assert.equal(t.counts.filed, 0);
    assert.equal(t.counts.dueClose, 0);
    assert.equal(totalsOf(credits, 'tenant', '*').merged, 1);
    assert.equal(totalsOf(credits, 'inspector', '7').verified, 2);
  });

  it('a reopened case counts once in its filing cohort; closures by event day count twice', () => {
    const { credits } = recompute(
      history('a', [
        ['reported', '2025-10-09T09:00:00', reported({ priority: 'urgent' })],
        ['filed', '2025-10-09T09:30:00', { from: 'reported' }],
        ['dispatched', '2025-10-09T10:00:00', { mode: 'auto' }],
        ['reportedBack', '2025-10-09T12:00:00', onTime('handle', true)],
        ['checked', '2025-10-09T13:00:00', { passed: true }],
        ['closed', '2025-10-09T14:00:00'],
        ['reopened', '2025-10-20T09:00:00', { reopenCount: 1 }],
        ['dispatched', '2025-10-20T10:00:00', { mode: 'auto' }],
        ['forceClosed', '2025-10-21T10:00:00', { reason: '无法处置' }],
      ]),
      TZ,
    );
    const t = totalsOf(credits, 'tenant', '*');
    assert.equal(t.closed, 2);
    assert.equal(t.forceClosed, 1);
    assert.equal(t.reopened, 1);
    assert.equal(t.closedCohort, 1);
    assert.equal(t.urgentClosedCohort, 1);
    assert.equal(t.closedOnTimeCohort ?? 0, 0, 'the final closure was forced: not on time');
    assert.equal(t.urgentDue, 1);
    assert.equal(totalsOf(credits, 'tenant', '*', '2025-10-09', '2025-10-09').closedCohort, 1);
  });

  it('12345 call-backs: 响应率 from on-time 签收, 解决率 from normal closure, 基本满意 = 0.9', () => {
    const hotline = (id: string, sat: string, acceptOk: boolean) =>
      history(id, [
        ['reported', '2025-10-09T09:00:00', reported({ channel: 'hotline' })],
        ['filed', '2025-10-09T09:30:00', { from: 'reported' }],
        ['dispatched', '2025-10-09T10:00:00', { mode: 'auto' }],
        ['accepted', '2025-10-09T10:30:00', onTime('accept', acceptOk)],
        ['reportedBack', '2025-10-09T12:00:00', onTime('handle', true)],
        ['checked', '2025-10-09T13:00:00', { passed: true }],
        ['closed', '2025-10-09T14:00:00'],
        ['rated', '2025-10-10T14:00:00', { satisfaction: sat, via: 'callback' }],
      ]);
    const { credits } = recompute(
      [
        ...hotline('a', 'satisfied', true),
        ...hotline('b', 'basically', true),
        ...hotline('c', 'dissatisfied', false),
      ],
      TZ,
    );
    const i = indicators({ ...totalsOf(credits, 'tenant', '*'), overdueOpen: 0 });
    assert.equal(i.counts.callbacks, 3);
    assert.equal(i.rates.responseRate, 2 / 3);
    assert.equal(i.rates.solveRate, 1);
    assert.ok(Math.abs((i.rates.satisfactionRate ?? 0) - 1.9 / 3) < 1e-12);
  });

  it('an event of a case whose report is unknown credits nothing; other streams are ignored', () => {
    const e: EventIn = {
      seq: 1,
      name: 'cases.case.closed',
      streamId: 'z',
      occurredAt: new Date(),
      payload: FACTS,
    };
    assert.deepEqual(credit(null, e, TZ).credits, []);
    const facts = { channel: 'public' } as CaseFacts;
    assert.deepEqual(credit(facts, { ...e, name: 'org.beat.saved' }, TZ).credits, []);
  });

  it('median', () => {
    assert.equal(median([]), null);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
});
