import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ROLE_CODES } from '../../platform/auth/roles.js';
import { shanghaiCalendar } from '../calendar/test-helpers.js';
import type { Action, ActionKind } from './domain/actions.js';
import { allowedActions, decide, openCase } from './domain/lifecycle.js';
import { DEFAULT_CASE_SETTINGS } from './domain/settings.js';
import {
  ACTIVE_TIMERS,
  dueWarnings,
  nextFireAt,
  pause,
  resume,
  schedule,
  startTimer,
  type TimeLimit,
  type WarningLevel,
} from './domain/stage-timers.js';
import { CHANNEL_CODES, type CaseState } from './domain/states.js';
import { planTimers } from './timer-records.js';
import type { TimerRecord } from './types.js';

const calendar = shanghaiCalendar();
const START = Date.parse('2025-10-09T02:00:00Z');

const SAMPLE: Record<ActionKind, (pick: number, now: number) => Action> = {
  verify: (p) =>
    p % 5 === 0
      ? { kind: 'verify', confirmed: false, reason: '现场未发现问题' }
      : { kind: 'verify', confirmed: true },
  file: () => ({ kind: 'file', standardId: 'E-0101-1' }),
  void: () => ({ kind: 'void', reason: '不符合立案条件' }),
  merge: () => ({ kind: 'merge', intoCaseId: 'other' }),
  dispatch: () => ({ kind: 'dispatch', unitCode: 'A', mode: 'auto' }),
  redispatch: () => ({ kind: 'redispatch', unitCode: 'B', reason: '改派至责任单位' }),
  accept: () => ({ kind: 'accept' }),
  return: () => ({ kind: 'return', reason: '非本单位职责' }),
  requestExtension: () => ({ kind: 'requestExtension', reason: '需要更多时间' }),
  decideExtension: (p) => ({ kind: 'decideExtension', approve: p % 4 !== 0 }),
  requestHold: (_p, now) => ({
    kind: 'requestHold',
    until: new Date(now + 20 * 86_400_000).toISOString(),
    reason: '等待施工',
  }),
  decideHold: (p) => ({ kind: 'decideHold', approve: p % 4 !== 0 }),
  resume: () => ({ kind: 'resume' }),
  reportBack: () => ({ kind: 'reportBack', photos: 1 }),
  check: (p) =>
    p % 3 === 0 ? { kind: 'check', passed: false, reason: '整改不到位' } : { kind: 'check', passed: true },
  close: () => ({ kind: 'close' }),
  press: () => ({ kind: 'press' }),
  markOverdue: () => ({ kind: 'markOverdue' }),
  appeal: () => ({ kind: 'appeal', reason: '天气原因无法施工' }),
  decideAppeal: (p) => ({ kind: 'decideAppeal', approve: p % 2 === 0 }),
  forceClose: () => ({ kind: 'forceClose', reason: '已纳入专项整治' }),
  reopen: () => ({ kind: 'reopen', reason: '问题仍然存在' }),
};

const limitArb: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.record({ amount: fc.integer({ min: 1, max: 48 }), unit: fc.constant('work_hour' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 24 }), unit: fc.constant('urgent_hour' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 15 }), unit: fc.constant('work_day' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 15 }), unit: fc.constant('working_day' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 10 }), unit: fc.constant('natural_day' as const) }),
);

describe('stage clocks over random lifecycles', () => {
  it('keep exactly the clocks of the current stage, ordered warnings, and a paused 处置 clock only while held', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANNEL_CODES),
        limitArb,
        fc.array(
          fc.record({ pick: fc.nat({ max: 10_000 }), minutes: fc.integer({ min: 0, max: 60 * 24 * 5 }) }),
          {
            minLength: 5,
            maxLength: 60,
          },
        ),
        (channel, handleLimit, steps) => {
          let now = START;
          const opened = openCase({ channel }, { roles: ROLE_CODES }, new Date(now).toISOString());
          assert.ok(opened.ok);
          let state: CaseState = opened.state;
          const input = {
            caseId: 'c',
            calendar,
            calendarVersion: 1,
            settings: DEFAULT_CASE_SETTINGS,
            handleLimit,
          };
          let timers: TimerRecord[] = planTimers({
            ...input,
            before: null,
            after: state.stage,
            action: 'report',
            approvedExtension: false,
            current: [],
            now: new Date(now),
          }).upsert;
          for (const s of steps) {
            now += s.minutes * 60_000;
            const kinds = allowedActions(state, { roles: ROLE_CODES });
            const kind = kinds[s.pick % Math.max(1, kinds.length)];
            if (!kind) break;
            const action = SAMPLE[kind](Math.floor(s.pick / 31), now);
            const d = decide(state, action, { roles: ROLE_CODES }, new Date(now).toISOString());
            if (!d.ok) continue;
            const plan = planTimers({
              ...input,
              before: state.stage,
              after: d.state.stage,
              action: action.kind,
              approvedExtension: action.kind === 'decideExtension' && action.approve,
              current: timers,
              now: new Date(now),
              ...(d.state.onHoldUntil ? { holdUntil: new Date(d.state.onHoldUntil) } : {}),
            });
            const byKind = new Map(timers.map((x) => [x.kind, x]));
            for (const k of plan.remove) byKind.delete(k);
            for (const u of plan.upsert) byKind.set(u.kind, u);
            timers = [...byKind.values()];
            state = d.state;
            assert.deepEqual(
              timers.map((x) => x.kind).sort(),
              [...ACTIVE_TIMERS[state.stage]].sort(),
              `stage ${state.stage} after ${action.kind}`,
            );
            for (const x of timers) {
              if (x.kind === 'hold') continue;
              assert.ok(x.startedAt.getTime() <= (x.promptAt as Date).getTime());
              assert.ok((x.promptAt as Date).getTime() <= (x.yellowAt as Date).getTime());
              assert.ok((x.yellowAt as Date).getTime() <= x.deadline.getTime());
              assert.equal(x.stage, state.stage);
            }
            const handle = timers.find((x) => x.kind === 'handle');
            if (handle) assert.equal(handle.pausedAt !== null, state.stage === 'held');
            const main = handle ?? timers.find((x) => x.kind !== 'hold');
            assert.equal(plan.caseDeadline === null, !main || main.pausedAt !== null);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('raise each warning once, in order, never early, however the sweeps fall', () => {
    fc.assert(
      fc.property(
        limitArb,
        fc.array(fc.integer({ min: 1, max: 60 * 24 * 3 }), { minLength: 1, maxLength: 40 }),
        (limit, gaps) => {
          let timer = startTimer('handle', START, limit);
          const s = schedule(calendar, timer);
          let now = START;
          const fired: { level: WarningLevel; at: number }[] = [];
          let fire = nextFireAt(timer, s, null);
          for (const g of gaps) {
            now += g * 60_000;
            if (fire === null || fire > now) continue; // the sweeper only looks at due rows
            const levels = dueWarnings(timer, s, now);
            for (const level of levels) fired.push({ level, at: now });
            const top = levels[levels.length - 1] ?? null;
            fire = nextFireAt(timer, s, top);
            if (top) timer = { ...timer, fired: top };
          }
          const order = fired.map((f) => f.level);
          assert.deepEqual(order, ['prompt', 'yellow', 'red'].slice(0, order.length));
          for (const f of fired) {
            const due = f.level === 'prompt' ? s.promptAt : f.level === 'yellow' ? s.yellowAt : s.deadline;
            assert.ok(f.at >= due);
          }
          if (now >= s.deadline) assert.equal(order.length, 3);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('move the deadline by exactly the paused time on a continuous clock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 72 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 60 * 24 * 30 }),
        (hours, share, paused) => {
          // The pause starts before the deadline (a pause after it changes nothing).
          const before = Math.floor(hours * 60 * share);
          const t0 = startTimer('handle', START, { amount: hours, unit: 'urgent_hour' });
          const d0 = schedule(calendar, t0).deadline;
          const p = pause(t0, START + before * 60_000);
          const r = resume(p, START + (before + paused) * 60_000);
          assert.equal(schedule(calendar, r).deadline - d0, paused * 60_000);
          assert.equal(r.generation, t0.generation + 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
