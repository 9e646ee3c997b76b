/**
 * Rule tests for every shipped case-loop rule, over hand-built event histories: each fires when it should,
 * stays quiet when it should not, and fires once for one anomaly.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkingCalendar, createCalendarDefinition } from '../../calendar/index.js';
import { evaluateEvent, runEvent, type EngineContext, type FiredCard } from './engine.js';
import { normaliseReason, weakReason } from './case-conduct-rules.js';
import { oneWorkingDayBefore } from './case-time-rules.js';
import { RULE_KINDS, ruleKind, validateOverride, type RuleOverride } from './registry.js';
import type { ActorAction, ActorFacts, SupervisedEvent } from './types.js';

const calendar = buildWorkingCalendar(createCalendarDefinition({}));
const CASE = 'c-1';
const HANDLER = 41;
const FACTS = {
  caseNo: '330102-20251009-00001',
  unitCode: 'SANITATION',
  gridCode: '33010200101',
  communityCode: '330102001',
  streetCode: '330102',
};

interface Step {
  name: string;
  at?: string;
  actor?: number | null;
  payload?: Record<string, unknown>;
  stream?: string;
}

/** Thursday 2025-10-09 10:00 Beijing time, then one minute per step unless `at` says otherwise. */
function history(steps: Step[]): SupervisedEvent[] {
  const versions = new Map<string, number>();
  let clock = Date.parse('2025-10-09T02:00:00Z');
  return steps.map((s, i) => {
    clock = s.at ? Date.parse(s.at) : clock + 60_000;
    const stream = s.stream ?? CASE;
    const v = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, v);
    const actor = s.actor === undefined ? HANDLER : s.actor;
    return {
      seq: i + 1,
      name: `cases.case.${s.name}`,
      streamType: 'case',
      streamId: stream,
      streamVersion: v,
      occurredAt: new Date(clock),
      actorId: actor,
      payload: { ...FACTS, ...(actor === null ? {} : { actorId: String(actor) }), ...s.payload },
    };
  });
}

/** Runs events through the engine in order, as the projection does, remembering what it needs. */
function run(
  events: SupervisedEvent[],
  options: { overrides?: RuleOverride[]; staff?: Map<number, ActorFacts>; only?: string } = {},
): FiredCard[] {
  const kinds = options.only ? RULE_KINDS.filter((k) => k.id === options.only) : RULE_KINDS;
  const fired: FiredCard[] = [];
  const actions = new Map<number, ActorAction[]>();
  const last = new Map<string, Date>();
  events.forEach((event, i) => {
    const ctx: EngineContext = {
      overrides: options.overrides ?? [],
      calendar,
      history: (e) => events.slice(0, i).filter((h) => h.streamId === e.streamId),
      actorHistory: (id, names) => (actions.get(id) ?? []).filter((a) => names.includes(a.name)),
      lastFired: (ruleId, kind, id) => last.get(`${ruleId}|${kind}|${id}`) ?? null,
      actor: (id) => options.staff?.get(id) ?? null,
    };
    for (const f of evaluateEvent(kinds, event, ctx)) {
      fired.push(f);
      last.set(`${f.ruleId}|${f.draft.target.kind}|${f.draft.target.id}`, f.firedAt);
    }
    if (event.actorId !== null) {
      const list = actions.get(event.actorId) ?? [];
      list.push({ name: event.name, seq: event.seq, at: event.occurredAt });
      actions.set(event.actorId, list);
    }
  });
  return fired;
}

const ids = (cards: FiredCard[]) => cards.map((c) => c.ruleId);
const override = (ruleId: string, params: Record<string, unknown>, enabled = true): RuleOverride => {
  const kind = ruleKind(ruleId);
  assert.ok(kind);
  return {
    ruleId,
    powerItemCode: null,
    enabled,
    severity: kind.defaults.severity,
    respondWorkingDays: 3,
    params,
    version: 1,
  };
};
/** A clean loop: reported → filed → dispatched → accepted → reportedBack → checked (2 photos) → closed. */
const CLEAN: Step[] = [
  { name: 'reported', actor: 7 },
  { name: 'filed', actor: 8 },
  { name: 'dispatched', actor: 9 },
  { name: 'accepted' },
  { name: 'reportedBack', payload: { photos: ['a'.repeat(64)] } },
  { name: 'checked', actor: 7, payload: { passed: true, photos: ['b'.repeat(64), 'c'.repeat(64)] } },
  { name: 'closed', actor: 8, payload: { forced: false } },
];

describe('shipped case-loop rules', () => {
  it('registers every shipped rule with valid defaults', () => {
    assert.deepEqual(
      RULE_KINDS.map((k) => k.id),
      [
        'case.stage-overdue',
        'case.deadline-prompt',
        'case.return-ping-pong',
        'case.weak-reason',
        'case.extension-cap',
        'case.close-without-check-photos',
        'case.out-of-scope',
        'case.off-duty',
        'case.closed-case-edit',
        'case.void-burst',
      ],
    );
    for (const k of RULE_KINDS) {
      assert.deepEqual(
        validateOverride(k, {
          severity: k.defaults.severity,
          respondWorkingDays: 2,
          params: k.defaults.params,
        }),
        [],
        k.id,
      );
    }
  });

  it('a clean loop in office hours raises nothing', () => {
    assert.deepEqual(run(history(CLEAN)), []);
  });

  describe('case.stage-overdue', () => {
    const warned = (level: string, timer = 'handle') =>
      ({
        name: 'warned',
        actor: null,
        payload: { level, timer, deadline: '2025-10-10T09:00:00.000Z', generation: 1 },
      }) as Step;
    it('turns yellow and red warnings into cards of their level, targeted at the step', () => {
      const steps = [...CLEAN.slice(0, 4), warned('prompt'), warned('yellow'), warned('red')];
      const byDefault = run(history(steps));
      assert.deepEqual(
        byDefault.map((c) => c.severity),
        ['yellow', 'red'],
        'the 70 % prompt is off by default',
      );
      // The answer is due two working days later (the rule's default): a Thursday card, at the end of Monday.
      assert.equal(byDefault[0]?.dueBy.toISOString(), '2025-10-13T16:00:00.000Z');
      const overrides = [override('case.stage-overdue', { levels: ['prompt', 'yellow', 'red'] })];
      const cards = run(history(steps), { overrides });
      assert.deepEqual(
        cards.map((c) => [c.ruleId, c.severity, c.draft.target.kind, c.draft.target.id]),
        [
          ['case.stage-overdue', 'prompt', 'step', `${CASE}:handle`],
          ['case.stage-overdue', 'yellow', 'step', `${CASE}:handle`],
          ['case.stage-overdue', 'red', 'step', `${CASE}:handle`],
        ],
      );
      // The override gives three working days: the end of Tuesday.
      assert.equal(cards[0]?.dueBy.toISOString(), '2025-10-14T16:00:00.000Z');
    });
    it('respects the configured levels and clocks', () => {
      const overrides = [override('case.stage-overdue', { levels: ['red'], timers: ['handle'] })];
      const cards = run(
        history([warned('prompt'), warned('yellow'), warned('red', 'accept'), warned('red')]),
        { overrides },
      );
      assert.deepEqual(
        cards.map((c) => c.severity),
        ['red'],
      );
    });
    it('raises nothing when disabled', () => {
      const overrides = [override('case.stage-overdue', {}, false)];
      assert.deepEqual(run(history([warned('red')]), { overrides }), []);
    });
  });

  describe('case.deadline-prompt', () => {
    const kind = ruleKind('case.deadline-prompt');
    assert.ok(kind?.watch);
    const plans = (steps: Step[]) => {
      const events = history(steps);
      return events.flatMap((e, i) =>
        runEvent([kind], e, {
          overrides: [],
          calendar,
          history: () => events.slice(0, i),
          actorHistory: () => [],
          lastFired: () => null,
          actor: () => null,
        }).watches.map((w) => [w.key, w.dueAt?.toISOString() ?? null, w.seq]),
      );
    };
    it('computes one working day before, skipping rest days', () => {
      // Monday 10:00 → Friday 10:00; the end of Tuesday (Wednesday 00:00) → the end of Monday.
      assert.equal(
        oneWorkingDayBefore(new Date('2025-10-13T02:00:00Z'), calendar).toISOString(),
        '2025-10-10T02:00:00.000Z',
      );
      assert.equal(
        oneWorkingDayBefore(new Date('2025-10-14T16:00:00Z'), calendar).toISOString(),
        '2025-10-13T16:00:00.000Z',
      );
    });
    it('sets a watch when the handling clock starts or moves, and cancels it when the clock stops', () => {
      assert.deepEqual(
        plans([
          { name: 'dispatched', actor: 9, payload: { handleDeadline: '2025-10-14T16:00:00.000Z' } },
          { name: 'accepted' },
          {
            name: 'deadlineMoved',
            actor: null,
            payload: { timer: 'handle', to: '2025-10-15T16:00:00.000Z' },
          },
          {
            name: 'deadlineMoved',
            actor: null,
            payload: { timer: 'accept', to: '2025-10-09T08:00:00.000Z' },
          },
          { name: 'reportedBack', payload: { stageOutcomes: { handle: { onTime: true } } } },
        ]),
        [
          [`${CASE}:handle`, '2025-10-13T16:00:00.000Z', 1],
          [`${CASE}:handle`, '2025-10-14T16:00:00.000Z', 3],
          [`${CASE}:handle`, null, 5],
        ],
      );
    });
    it('sets no watch for a clock shorter than a working day', () => {
      assert.deepEqual(
        plans([{ name: 'dispatched', payload: { handleDeadline: '2025-10-09T06:00:00.000Z' } }]),
        [[`${CASE}:handle`, null, 1]],
      );
    });
    it('fires a prompt card before the deadline, nothing after it', () => {
      const watch = {
        key: `${CASE}:handle`,
        dueAt: new Date('2025-10-13T16:00:00Z'),
        seq: 1,
        eventName: 'cases.case.dispatched',
        facts: { ...FACTS, deadline: '2025-10-14T16:00:00.000Z' },
      };
      const card = kind.watch?.fire({ params: {}, watch, now: new Date('2025-10-13T16:05:00Z'), calendar });
      assert.deepEqual(
        [card?.target, card?.summary !== undefined],
        [{ kind: 'step', id: `${CASE}:handle` }, true],
      );
      assert.equal(
        kind.watch?.fire({ params: {}, watch, now: new Date('2025-10-14T16:00:00Z'), calendar }),
        null,
      );
    });
  });

  describe('case.return-ping-pong', () => {
    const bounce: Step[] = [
      { name: 'dispatched', actor: 9, payload: { unitCode: 'SANITATION' } },
      { name: 'returned', payload: { unitCode: 'SANITATION', reason: '不属于本单位职责范围' } },
      { name: 'redispatched', actor: 9, payload: { unitCode: 'GREENING' } },
      { name: 'returned', payload: { unitCode: 'GREENING', reason: '不属于本单位职责范围' } },
    ];
    it('fires on the second return of one case, not the first', () => {
      const cards = run(history(bounce), { only: 'case.return-ping-pong' });
      assert.equal(cards.length, 1);
      assert.equal(cards[0]?.draft.facts.returns, 2);
      assert.deepEqual(cards[0]?.draft.facts.unitsReturning, ['SANITATION', 'GREENING']);
    });
    it('counts returns per case, and follows the threshold', () => {
      const other = bounce.map((s, i) => (i >= 2 ? { ...s, stream: 'c-2' } : s));
      assert.deepEqual(run(history(other), { only: 'case.return-ping-pong' }), []);
      const overrides = [override('case.return-ping-pong', { minReturns: 3 })];
      assert.deepEqual(run(history(bounce), { overrides, only: 'case.return-ping-pong' }), []);
    });
  });

  describe('case.weak-reason', () => {
    it('flags a void or forced close whose reason is short, boilerplate or one repeated character', () => {
      assert.equal(weakReason('重复', { minLength: 8, boilerplate: [] }), 'too-short');
      assert.equal(weakReason('  已 处 理 ！！', { minLength: 2, boilerplate: ['已处理'] }), 'boilerplate');
      assert.equal(weakReason('啊啊啊啊啊啊啊啊啊', { minLength: 2, boilerplate: [] }), 'repeated-character');
      assert.equal(
        weakReason('经现场核实，该处井盖已由产权单位自行更换', { minLength: 8, boilerplate: [] }),
        null,
      );
      assert.equal(normaliseReason('A b，C。'), 'abc');
      const cards = run(
        history([
          { name: 'voided', payload: { reason: '重复上报' } },
          { name: 'forceClosed', payload: { reason: '同意。。' }, stream: 'c-2' },
          {
            name: 'voided',
            payload: { reason: '与 330102-20251009-00007 为同一问题，已并入处理' },
            stream: 'c-3',
          },
        ]),
        { only: 'case.weak-reason' },
      );
      assert.deepEqual(
        cards.map((c) => [c.draft.target.id, c.draft.facts.weakness]),
        [
          [CASE, 'too-short'],
          ['c-2', 'too-short'],
        ],
      );
      assert.equal(cards[0]?.draft.officerAccountId, HANDLER);
    });
  });

  describe('case.extension-cap', () => {
    it('fires on the approval beyond the cap only', () => {
      const steps: Step[] = [
        { name: 'extensionRequested', payload: { reason: '需协调产权单位' } },
        { name: 'extensionApproved', actor: 9 },
        { name: 'extensionRequested', payload: { reason: '材料未到货' } },
        { name: 'extensionApproved', actor: 9 },
      ];
      const cards = run(history(steps), { only: 'case.extension-cap' });
      assert.equal(cards.length, 1);
      assert.equal(cards[0]?.draft.facts.extensionsApproved, 2);
      assert.equal(cards[0]?.draft.officerAccountId, 9);
      const overrides = [override('case.extension-cap', { maxExtensions: 2 })];
      assert.deepEqual(run(history(steps), { overrides, only: 'case.extension-cap' }), []);
    });
  });

  describe('case.close-without-check-photos', () => {
    it('fires when the passed check had no photo, attributed to the checker', () => {
      const steps = CLEAN.map((s) => (s.name === 'checked' ? { ...s, payload: { passed: true } } : s));
      const cards = run(history(steps), { only: 'case.close-without-check-photos' });
      assert.equal(cards.length, 1);
      assert.equal(cards[0]?.draft.officerAccountId, 7);
      assert.equal(cards[0]?.draft.facts.checkPhotos, 0);
    });
    it('looks at the last passed check, and ignores forced closes (they have their own rule)', () => {
      const failedThenPassed: Step[] = [
        ...CLEAN.slice(0, 5),
        { name: 'checked', actor: 7, payload: { passed: false, reason: '未清理干净', photos: [] } },
        { name: 'reportedBack', payload: { photos: ['d'.repeat(64)] } },
        { name: 'checked', actor: 7, payload: { passed: true, photos: ['e'.repeat(64)] } },
        { name: 'closed', actor: 8, payload: { forced: false } },
      ];
      assert.deepEqual(run(history(failedThenPassed), { only: 'case.close-without-check-photos' }), []);
      const forced: Step[] = [...CLEAN.slice(0, 4), { name: 'closed', payload: { forced: true } }];
      assert.deepEqual(run(history(forced), { only: 'case.close-without-check-photos' }), []);
      const twoNeeded = [override('case.close-without-check-photos', { minPhotos: 3 })];
      assert.equal(
        run(history(CLEAN), { overrides: twoNeeded, only: 'case.close-without-check-photos' }).length,
        1,
      );
    });
  });

  describe('case.out-of-scope', () => {
    const staff = new Map<number, ActorFacts>([
      [
        HANDLER,
        {
          unitCode: 'GREENING',
          scope: { all: false, regionCodes: [], unitCodes: ['GREENING'] },
          onDutyShift: false,
        },
      ],
      [
        7,
        {
          unitCode: 'UM-COMMAND',
          scope: { all: false, regionCodes: ['330102001'], unitCodes: [] },
          onDutyShift: false,
        },
      ],
      [
        8,
        { unitCode: 'UM-COMMAND', scope: { all: true, regionCodes: [], unitCodes: [] }, onDutyShift: false },
      ],
    ]);
    it('fires when a staff member acts on a case outside their units and regions', () => {
      const cards = run(history(CLEAN), { staff, only: 'case.out-of-scope' });
      // The handler of GREENING accepted and reported back on a SANITATION case: two actions, two cards.
      assert.deepEqual(
        cards.map((c) => c.draft.facts.event),
        ['cases.case.accepted', 'cases.case.reportedBack'],
      );
    });
    it('is quiet for actors without a staff record, exempt events and actors in scope', () => {
      assert.deepEqual(run(history(CLEAN), { only: 'case.out-of-scope' }), []);
      const inScope = new Map(staff);
      inScope.set(HANDLER, {
        unitCode: 'SANITATION',
        scope: { all: false, regionCodes: [], unitCodes: ['SANITATION'] },
        onDutyShift: false,
      });
      assert.deepEqual(run(history(CLEAN), { staff: inScope, only: 'case.out-of-scope' }), []);
    });
  });

  describe('case.off-duty', () => {
    const staff = (onDutyShift: boolean) =>
      new Map<number, ActorFacts>([
        [
          HANDLER,
          { unitCode: 'SANITATION', scope: { all: true, regionCodes: [], unitCodes: [] }, onDutyShift },
        ],
      ]);
    // 23:30 Beijing time on a Thursday, and a Saturday morning.
    const night: Step[] = [
      { name: 'accepted', at: '2025-10-09T15:30:00Z' },
      { name: 'reportedBack', at: '2025-10-11T02:00:00Z', payload: { photos: ['a'.repeat(64)] } },
      { name: 'pressed', at: '2025-10-11T02:10:00Z' },
    ];
    it('fires for unit-side steps outside office hours without a duty shift', () => {
      const cards = run(history(night), { staff: staff(false), only: 'case.off-duty' });
      assert.deepEqual(
        cards.map((c) => c.draft.facts.event),
        ['cases.case.accepted', 'cases.case.reportedBack'],
      );
      assert.equal(cards[0]?.severity, 'prompt');
    });
    it('counts the lunch break between office windows as the working day', () => {
      const lunch = history([{ name: 'accepted', at: '2025-10-09T05:00:00Z' }]);
      assert.deepEqual(run(lunch, { staff: staff(false), only: 'case.off-duty' }), []);
      const early = history([{ name: 'accepted', at: '2025-10-09T23:30:00Z' }]);
      assert.equal(run(early, { staff: staff(false), only: 'case.off-duty' }).length, 1, '07:30 on Friday');
    });
    it('is quiet on a duty shift, in office hours, and for unknown actors', () => {
      assert.deepEqual(run(history(night), { staff: staff(true), only: 'case.off-duty' }), []);
      assert.deepEqual(run(history(CLEAN), { staff: staff(false), only: 'case.off-duty' }), []);
      assert.deepEqual(run(history(night), { only: 'case.off-duty' }), []);
    });
  });

  describe('case.closed-case-edit', () => {
    it('fires on a step after closure other than reopen or the passive events', () => {
      const steps: Step[] = [
        ...CLEAN,
        { name: 'rated', actor: null, payload: { satisfaction: 'satisfied' } },
        { name: 'pressed', actor: 9 },
        { name: 'reopened', actor: 8, payload: { reason: '群众反映问题复发' } },
        { name: 'dispatched', actor: 9 },
      ];
      const cards = run(history(steps), { only: 'case.closed-case-edit' });
      assert.equal(cards.length, 1);
      assert.equal(cards[0]?.draft.facts.event, 'cases.case.pressed');
      assert.equal(cards[0]?.severity, 'red');
    });
    it('treats a forced close as closed too', () => {
      const steps: Step[] = [
        { name: 'forceClosed', actor: 8, payload: { reason: '经领导批准强制结案处理完毕' } },
        { name: 'returned', payload: { reason: '退回重新处理一下' } },
      ];
      assert.equal(run(history(steps), { only: 'case.closed-case-edit' }).length, 1);
    });
  });

  describe('case.void-burst', () => {
    const voids = (n: number, stepMinutes: number, actor = HANDLER): Step[] =>
      Array.from({ length: n }, (_, i) => ({
        name: 'voided',
        actor,
        stream: `v-${actor}-${i}`,
        at: new Date(Date.parse('2025-10-09T02:00:00Z') + i * stepMinutes * 60_000).toISOString(),
        payload: { reason: '经核实该问题不属于城管受理范围' },
      }));
    it('fires once when one account voids N cases within the window', () => {
      const cards = run(history(voids(8, 5)), { only: 'case.void-burst' });
      assert.equal(cards.length, 1, 'one burst, one card');
      assert.equal(cards[0]?.draft.target.kind, 'officer');
      assert.equal(cards[0]?.draft.target.id, String(HANDLER));
      assert.equal(cards[0]?.draft.facts.voids, 5);
    });
    it('is quiet for slow voids or voids spread over accounts; a later burst is a new card', () => {
      assert.deepEqual(run(history(voids(8, 20)), { only: 'case.void-burst' }), []);
      const spread = [...voids(3, 5, 1), ...voids(3, 5, 2)];
      assert.deepEqual(run(history(spread), { only: 'case.void-burst' }), []);
      const twoBursts = history([
        ...voids(5, 1),
        ...voids(5, 1).map((s, i) => ({
          ...s,
          stream: `late-${i}`,
          at: new Date(Date.parse('2025-10-09T06:00:00Z') + i * 60_000).toISOString(),
        })),
      ]);
      assert.equal(run(twoBursts, { only: 'case.void-burst' }).length, 2);
    });
  });

  it('prefers a power item’s configuration over the tenant-wide one', () => {
    const events = history([
      { name: 'returned', payload: { reason: '不属于本单位职责', powerItemCode: 'CG-001' } },
    ]);
    const itemOverride: RuleOverride = {
      ...override('case.return-ping-pong', { minReturns: 2 }),
      powerItemCode: 'CG-001',
    };
    assert.deepEqual(ids(run(events, { only: 'case.return-ping-pong' })), []);
    // A power item may not go below the validated minimum of 2, so disable-vs-enable shows the precedence.
    const disabledWide = override('case.weak-reason', {}, false);
    const enabledItem: RuleOverride = { ...override('case.weak-reason', {}), powerItemCode: 'CG-001' };
    const weak = history([
      { name: 'voided', payload: { reason: '无', powerItemCode: 'CG-001' } },
      { name: 'voided', payload: { reason: '无' }, stream: 'c-9' },
    ]);
    const cards = run(weak, {
      overrides: [disabledWide, enabledItem, itemOverride],
      only: 'case.weak-reason',
    });
    assert.deepEqual(
      cards.map((c) => [c.draft.target.id, c.powerItemCode]),
      [[CASE, 'CG-001']],
    );
  });
});
