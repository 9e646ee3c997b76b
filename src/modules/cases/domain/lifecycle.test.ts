import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ROLE_CODES } from '../../../platform/auth/roles.js';
import type { Role } from '../../../platform/auth/roles.js';
import { ACTION_KINDS, CHANNEL_ROLES } from './actions.js';
import type { Action, ActionKind } from './actions.js';
import { allowedActions, decide, openCase, RULES } from './lifecycle.js';
import type { Decision } from './lifecycle.js';
import { CHANNEL_CODES, STAGE_CODES } from './states.js';
import type { CaseState, Channel } from './states.js';

const NOW = '2025-10-09T10:00:00+08:00';
const as = (...roles: Role[]) => ({ roles });

function ok(decision: Decision): Extract<Decision, { ok: true }> {
  if (!decision.ok) assert.fail(`refused: ${decision.code} ${decision.rule ?? ''} ${decision.message}`);
  return decision;
}

function refused(decision: Decision, code: string, rule?: string): void {
  assert.equal(decision.ok, false);
  if (decision.ok) return;
  assert.equal(decision.code, code, decision.message);
  if (rule !== undefined) assert.equal(decision.rule, rule);
}

type Step = readonly [Action, Role];

function run(channel: Channel, steps: readonly Step[], now = NOW): CaseState {
  let state = ok(openCase({ channel }, as('operator', 'inspector', 'integration', 'leader'), now)).state;
  for (const [action, role] of steps) state = ok(decide(state, action, as(role), now)).state;
  return state;
}

const S = {
  file: [{ kind: 'file', standardId: 'STD-0101' }, 'operator'],
  dispatch: [{ kind: 'dispatch', unitCode: 'ST-A', mode: 'auto' }, 'integration'],
  accept: [{ kind: 'accept' }, 'handler'],
  ret: [{ kind: 'return', reason: '非本单位职责' }, 'handler'],
  reqExt: [{ kind: 'requestExtension', reason: '需要采购材料' }, 'handler'],
  approveExt: [{ kind: 'decideExtension', approve: true }, 'dispatcher'],
  reqHold: [{ kind: 'requestHold', until: '2026-01-15', reason: '冬季无法施工' }, 'handler'],
  approveHold: [{ kind: 'decideHold', approve: true }, 'dispatcher'],
  overdue: [{ kind: 'markOverdue' }, 'integration'],
  appeal: [{ kind: 'appeal', reason: '系统派遣延误' }, 'handler'],
  reportBack: [{ kind: 'reportBack', photos: 2 }, 'handler'],
  pass: [{ kind: 'check', passed: true }, 'inspector'],
  fail: [{ kind: 'check', passed: false, reason: '垃圾仍未清运' }, 'inspector'],
  close: [{ kind: 'close' }, 'operator'],
  void: [{ kind: 'void', reason: '不符合立案条件' }, 'operator'],
  merge: [{ kind: 'merge', intoCaseId: 'C-1' }, 'operator'],
} as const satisfies Record<string, Step>;

const HANDLING = [S.file, S.dispatch, S.accept] as const;

/** One representative state per stage, plus the states with a pending request or an overdue mark. */
const FIXTURES: Record<string, CaseState> = {
  verifying: run('public', []),
  reported: run('inspector', []),
  filed: run('inspector', [S.file]),
  dispatched: run('inspector', [S.file, S.dispatch]),
  returned: run('inspector', [S.file, S.dispatch, S.ret]),
  handling: run('inspector', HANDLING),
  held: run('inspector', [...HANDLING, S.reqHold, S.approveHold]),
  handled: run('inspector', [...HANDLING, S.reportBack]),
  checked: run('inspector', [...HANDLING, S.reportBack, S.pass]),
  closed: run('inspector', [...HANDLING, S.reportBack, S.pass, S.close]),
  voided: run('inspector', [S.void]),
  merged: run('inspector', [S.merge]),
  'handling, extension pending': run('inspector', [...HANDLING, S.reqExt]),
  'handling, hold pending': run('inspector', [...HANDLING, S.reqHold]),
  'handling, overdue': run('inspector', [...HANDLING, S.overdue]),
  'handling, appeal pending': run('inspector', [...HANDLING, S.overdue, S.appeal]),
  'handling, 2 extensions': run('inspector', [...HANDLING, S.reqExt, S.approveExt, S.reqExt, S.approveExt]),
};

/** A valid action of each kind. */
const SAMPLE: Record<ActionKind, Action> = {
  verify: { kind: 'verify', confirmed: true },
  file: { kind: 'file', standardId: 'STD-0101' },
  void: { kind: 'void', reason: '不符合立案条件' },
  merge: { kind: 'merge', intoCaseId: 'C-1' },
  dispatch: { kind: 'dispatch', unitCode: 'ST-A', mode: 'auto' },
  redispatch: { kind: 'redispatch', unitCode: 'ST-B', reason: '派遣错误改派' },
  accept: { kind: 'accept' },
  return: { kind: 'return', reason: '非本单位职责' },
  requestExtension: { kind: 'requestExtension', reason: '需要采购材料' },
  decideExtension: { kind: 'decideExtension', approve: true },
  requestHold: { kind: 'requestHold', until: '2026-01-15', reason: '冬季无法施工' },
  decideHold: { kind: 'decideHold', approve: true },
  resume: { kind: 'resume' },
  reportBack: { kind: 'reportBack', photos: 1 },
  check: { kind: 'check', passed: true },
  close: { kind: 'close' },
  press: { kind: 'press', note: '请尽快处置' },
  markOverdue: { kind: 'markOverdue' },
  appeal: { kind: 'appeal', reason: '系统派遣延误' },
  decideAppeal: { kind: 'decideAppeal', approve: true },
  forceClose: { kind: 'forceClose', reason: '问题已由上级统一处理' },
  reopen: { kind: 'reopen', reason: '问题复发需重新处置' },
};

const PRESS: Role[] = ['leader', 'monitor', 'shiftLead', 'dispatcher'];
const FORCE: Role[] = ['shiftLead'];
const REDISPATCH: Role[] = ['dispatcher', 'shiftLead'];

/** The expected allowed set, written out: fixture → action kind → roles that may take it. */
const EXPECTED: Record<keyof typeof FIXTURES, Partial<Record<ActionKind, Role[]>>> = {
  verifying: { verify: ['inspector'], void: ['operator', 'shiftLead'], merge: ['operator', 'shiftLead'] },
  reported: {
    file: ['operator', 'shiftLead', 'integration'],
    void: ['operator', 'shiftLead'],
    merge: ['operator', 'shiftLead'],
  },
  filed: { dispatch: ['dispatcher', 'integration'], press: PRESS, forceClose: FORCE },
  dispatched: {
    redispatch: REDISPATCH,
    accept: ['handler'],
    return: ['handler'],
    press: PRESS,
    markOverdue: ['integration'],
    forceClose: FORCE,
  },
  returned: { redispatch: REDISPATCH, press: PRESS, forceClose: FORCE },
  handling: {
    redispatch: REDISPATCH,
    return: ['handler'],
    requestExtension: ['handler'],
    requestHold: ['handler', 'dispatcher'],
    reportBack: ['handler'],
    press: PRESS,
    markOverdue: ['integration'],
    forceClose: FORCE,
  },
  held: { resume: ['dispatcher', 'shiftLead', 'integration'], press: PRESS, forceClose: FORCE },
  handled: { check: ['inspector'], press: PRESS, forceClose: FORCE },
  checked: { close: ['operator', 'shiftLead'], press: PRESS, forceClose: FORCE },
  closed: { reopen: ['shiftLead', 'operator'] },
  voided: {},
  merged: {},
  'handling, extension pending': {
    redispatch: REDISPATCH,
    decideExtension: ['dispatcher'],
    press: PRESS,
    markOverdue: ['integration'],
    forceClose: FORCE,
  },
  'handling, hold pending': {
    redispatch: REDISPATCH,
    decideHold: ['dispatcher', 'shiftLead'],
    press: PRESS,
    markOverdue: ['integration'],
    forceClose: FORCE,
  },
  'handling, overdue': {
    redispatch: REDISPATCH,
    return: ['handler'],
    requestExtension: ['handler'],
    requestHold: ['handler', 'dispatcher'],
    reportBack: ['handler'],
    press: PRESS,
    appeal: ['handler'],
    forceClose: FORCE,
  },
  'handling, appeal pending': {
    redispatch: REDISPATCH,
    decideAppeal: ['dispatcher', 'operator', 'shiftLead'],
    press: PRESS,
    forceClose: FORCE,
  },
  'handling, 2 extensions': {
    redispatch: REDISPATCH,
    return: ['handler'],
    requestHold: ['handler', 'dispatcher'],
    reportBack: ['handler'],
    press: PRESS,
    markOverdue: ['integration'],
    forceClose: FORCE,
  },
};

describe('lifecycle: every stage × every action × every role', () => {
  it('covers every stage with a fixture', () => {
    const stages = new Set(Object.values(FIXTURES).map((s) => s.stage));
    assert.deepEqual([...stages].sort(), [...STAGE_CODES].sort());
  });

  for (const [name, state] of Object.entries(FIXTURES)) {
    it(`${name}: allowed exactly as the table says`, () => {
      for (const kind of ACTION_KINDS) {
        for (const role of [...ROLE_CODES, null]) {
          const actor = { roles: role === null ? [] : [role] };
          const expected = role !== null && (EXPECTED[name]?.[kind]?.includes(role) ?? false);
          const decision = decide(state, SAMPLE[kind], actor, NOW);
          const label = `${name} × ${kind} × ${role ?? '(no role)'}`;
          assert.equal(allowedActions(state, actor).includes(kind), expected, `allowedActions: ${label}`);
          if (expected) {
            assert.ok(decision.ok, `${label} should be allowed: ${decision.ok ? '' : decision.message}`);
            if (!decision.ok) continue;
            assert.ok(STAGE_CODES.includes(decision.state.stage), label);
            assert.equal(decision.state.version, state.version + 1, label);
            assert.ok(decision.events.length >= 1, label);
            for (const e of decision.events) assert.match(e.name, /^cases\.case\.[a-z][A-Za-z]+$/, label);
          } else {
            assert.equal(decision.ok, false, `${label} should be refused`);
            if (decision.ok) continue;
            assert.ok(['INVALID_TRANSITION', 'FORBIDDEN', 'RULE_VIOLATION'].includes(decision.code), label);
            if (['closed', 'voided', 'merged'].includes(state.stage) && kind !== 'reopen') {
              assert.equal(decision.rule, RULES.final, label);
            }
          }
        }
      }
    });
  }
});

describe('lifecycle: the happy path for each channel', () => {
  for (const channel of CHANNEL_CODES) {
    it(`${channel}: report → … → closed`, () => {
      const needsVerify = ['public', 'hotline', 'camera'].includes(channel);
      const open = ok(openCase({ channel }, as('operator', 'integration', 'inspector', 'leader'), NOW));
      assert.equal(open.state.stage, needsVerify ? 'verifying' : 'reported');
      assert.equal(open.state.version, 1);
      assert.deepEqual(
        open.events.map((e) => e.name),
        ['cases.case.reported'],
      );
      const steps: Step[] = [
        ...(needsVerify ? [[{ kind: 'verify', confirmed: true }, 'inspector'] as const] : []),
        S.file,
        S.dispatch,
        S.accept,
        S.reportBack,
        S.pass,
        S.close,
      ];
      const names: string[] = [];
      let state = open.state;
      for (const [action, role] of steps) {
        const d = ok(decide(state, action, as(role), NOW));
        names.push(...d.events.map((e) => e.name));
        state = d.state;
      }
      assert.equal(state.stage, 'closed');
      assert.equal(state.version, steps.length + 1);
      assert.equal(state.flags.forcedClose, false);
      assert.deepEqual(names, [
        ...(needsVerify ? ['cases.case.verified'] : []),
        'cases.case.filed',
        'cases.case.dispatched',
        'cases.case.accepted',
        'cases.case.reportedBack',
        'cases.case.checked',
        'cases.case.closed',
      ]);
    });
  }

  it('verification is configurable per channel', () => {
    const config = { verifyChannels: ['sensor'] as Channel[] };
    assert.equal(
      ok(openCase({ channel: 'sensor' }, as('integration'), NOW, config)).state.stage,
      'verifying',
    );
    assert.equal(ok(openCase({ channel: 'public' }, as('operator'), NOW, config)).state.stage, 'reported');
  });

  it('only the roles of a channel may report on it; anyone may report as the public', () => {
    refused(openCase({ channel: 'inspector' }, as('handler'), NOW), 'FORBIDDEN');
    refused(openCase({ channel: 'camera' }, as('operator'), NOW), 'FORBIDDEN');
    refused(openCase({ channel: 'hotline' }, as(), NOW), 'FORBIDDEN');
    const citizen = ok(openCase({ channel: 'public' }, as(), NOW));
    assert.equal(citizen.state.stage, 'verifying');
    assert.equal(citizen.events[0]?.payload.role, 'public');
  });

  it('an unconfirmed verification voids the report and needs a reason', () => {
    const state = run('public', []);
    refused(
      decide(state, { kind: 'verify', confirmed: false }, as('inspector'), NOW),
      'RULE_VIOLATION',
      RULES.reasonRequired,
    );
    const d = ok(
      decide(state, { kind: 'verify', confirmed: false, reason: '现场未发现问题' }, as('inspector'), NOW),
    );
    assert.equal(d.state.stage, 'voided');
    assert.deepEqual(
      d.events.map((e) => e.name),
      ['cases.case.verified', 'cases.case.voided'],
    );
  });
});

describe('lifecycle: branches', () => {
  it('return → redispatch to another unit', () => {
    const returned = run('inspector', [S.file, S.dispatch, S.accept, S.ret]);
    assert.equal(returned.stage, 'returned');
    assert.equal(returned.returnCount, 1);
    refused(decide(returned, SAMPLE.dispatch, as('dispatcher'), NOW), 'INVALID_TRANSITION');
    const d = ok(
      decide(
        returned,
        { kind: 'redispatch', unitCode: 'ST-B', reason: '改派属地街道' },
        as('dispatcher'),
        NOW,
      ),
    );
    assert.equal(d.state.stage, 'dispatched');
    assert.equal(d.state.unitCode, 'ST-B');
    assert.deepEqual(d.events[0]?.payload.fromUnitCode, 'ST-A');
  });

  it('return, void and forceClose need a reason of at least 4 characters', () => {
    const handling = run('inspector', HANDLING);
    refused(
      decide(handling, { kind: 'return', reason: '不是' }, as('handler'), NOW),
      'RULE_VIOLATION',
      RULES.reasonRequired,
    );
    refused(
      decide(handling, { kind: 'forceClose', reason: '   ' }, as('shiftLead'), NOW),
      'RULE_VIOLATION',
      RULES.reasonRequired,
    );
    refused(
      decide(run('inspector', []), { kind: 'void', reason: 'abc' }, as('operator'), NOW),
      'RULE_VIOLATION',
      RULES.reasonRequired,
    );
    ok(decide(run('inspector', []), { kind: 'void', reason: '重复上报' }, as('operator'), NOW));
  });

  it('manual dispatch needs a dispatcher and a reason', () => {
    const filed = run('inspector', [S.file]);
    const manual = { kind: 'dispatch', unitCode: 'ST-A', mode: 'manual' } as const;
    refused(decide(filed, { ...manual, reason: '规则未覆盖' }, as('integration'), NOW), 'FORBIDDEN');
    refused(decide(filed, manual, as('dispatcher'), NOW), 'RULE_VIOLATION', RULES.reasonRequired);
    refused(
      decide(filed, { ...SAMPLE.dispatch, unitCode: ' ' } as Action, as('dispatcher'), NOW),
      'RULE_VIOLATION',
      RULES.unitRequired,
    );
    const d = ok(decide(filed, { ...manual, reason: '规则未覆盖' }, as('dispatcher'), NOW));
    assert.equal(d.events[0]?.payload.mode, 'manual');
  });

  it('extension: two approvals, a rejection does not count, a third request is refused', () => {
    let state = run('inspector', HANDLING);
    state = ok(decide(state, SAMPLE.requestExtension, as('handler'), NOW)).state;
    refused(
      decide(state, SAMPLE.requestExtension, as('handler'), NOW),
      'RULE_VIOLATION',
      RULES.requestPending,
    );
    refused(decide(state, SAMPLE.reportBack, as('handler'), NOW), 'RULE_VIOLATION', RULES.requestPending);
    refused(decide(state, SAMPLE.decideExtension, as('shiftLead'), NOW), 'FORBIDDEN');
    state = ok(decide(state, { kind: 'decideExtension', approve: false }, as('dispatcher'), NOW)).state;
    assert.equal(state.extensionsApproved, 0);
    for (let i = 1; i <= 2; i++) {
      state = ok(decide(state, SAMPLE.requestExtension, as('handler'), NOW)).state;
      const d = ok(decide(state, SAMPLE.decideExtension, as('dispatcher'), NOW));
      assert.deepEqual(d.events[0]?.name, 'cases.case.extensionApproved');
      state = d.state;
      assert.equal(state.extensionsApproved, i);
    }
    refused(
      decide(state, SAMPLE.requestExtension, as('handler'), NOW),
      'RULE_VIOLATION',
      RULES.extensionLimit,
    );
    refused(decide(state, SAMPLE.decideExtension, as('dispatcher'), NOW), 'INVALID_TRANSITION');
  });

  it('hold: date rules, approval, the clock pauses and resumes', () => {
    const handling = run('inspector', HANDLING);
    const hold = (until: string): Action => ({ kind: 'requestHold', until, reason: '冬季无法施工' });
    refused(decide(handling, hold('2025-10-01'), as('handler'), NOW), 'RULE_VIOLATION', RULES.holdDate);
    refused(
      decide(handling, hold('2026-10-09T10:00:01+08:00'), as('handler'), NOW),
      'RULE_VIOLATION',
      RULES.holdDate,
    );
    refused(decide(handling, hold('soon'), as('handler'), NOW), 'RULE_VIOLATION', RULES.holdDate);
    ok(decide(handling, hold('2026-10-09T10:00:00+08:00'), as('handler'), NOW));
    let state = ok(decide(handling, hold('2026-01-15'), as('dispatcher'), NOW)).state;
    assert.equal(state.stage, 'handling');
    // the date is re-checked at approval time
    refused(
      decide(state, SAMPLE.decideHold, as('dispatcher'), '2026-02-01T00:00:00Z'),
      'RULE_VIOLATION',
      RULES.holdDate,
    );
    state = ok(decide(state, SAMPLE.decideHold, as('shiftLead'), NOW)).state;
    assert.equal(state.stage, 'held');
    assert.equal(state.onHoldUntil, '2026-01-15');
    assert.equal(state.heldAt, NOW);
    refused(decide(state, SAMPLE.reportBack, as('handler'), NOW), 'INVALID_TRANSITION');
    ok(decide(state, SAMPLE.press, as('leader'), NOW));
    const d = ok(decide(state, SAMPLE.resume, as('integration'), '2025-10-10T10:00:00+08:00'));
    assert.equal(d.state.stage, 'handling');
    assert.equal(d.state.pausedSeconds, 86_400);
    assert.equal(d.state.onHoldUntil, null);
    assert.equal(d.events[0]?.name, 'cases.case.resumed');
    const rejected = ok(
      decide(
        run('inspector', [...HANDLING, S.reqHold]),
        { kind: 'decideHold', approve: false },
        as('dispatcher'),
        NOW,
      ),
    );
    assert.equal(rejected.state.stage, 'handling');
    assert.equal(rejected.state.pendingRequest, null);
  });

  it('rework is counted on every failed check', () => {
    let state = run('inspector', [...HANDLING, S.reportBack]);
    refused(
      decide(state, { kind: 'check', passed: false }, as('inspector'), NOW),
      'RULE_VIOLATION',
      RULES.reasonRequired,
    );
    for (let i = 1; i <= 3; i++) {
      const d = ok(decide(state, S.fail[0], as('inspector'), NOW));
      assert.deepEqual(
        d.events.map((e) => e.name),
        ['cases.case.checked', 'cases.case.reworked'],
      );
      assert.equal(d.state.stage, 'handling');
      assert.equal(d.state.reworkCount, i);
      state = ok(decide(d.state, S.reportBack[0], as('handler'), NOW)).state;
    }
    refused(decide(state, { kind: 'reportBack', photos: 0 }, as('handler'), NOW), 'INVALID_TRANSITION');
    refused(
      decide(run('inspector', HANDLING), { kind: 'reportBack', photos: 0 }, as('handler'), NOW),
      'RULE_VIOLATION',
      RULES.reportBackPhoto,
    );
  });

  it('appeal: only when overdue; approval waives the mark', () => {
    const handling = run('inspector', HANDLING);
    refused(decide(handling, SAMPLE.appeal, as('handler'), NOW), 'RULE_VIOLATION', RULES.notOverdue);
    let state = ok(decide(handling, SAMPLE.markOverdue, as('integration'), NOW)).state;
    refused(
      decide(state, SAMPLE.markOverdue, as('integration'), NOW),
      'RULE_VIOLATION',
      RULES.alreadyOverdue,
    );
    state = ok(decide(state, SAMPLE.appeal, as('handler'), NOW)).state;
    const rejected = ok(
      decide(state, { kind: 'decideAppeal', approve: false, reason: '理由不充分' }, as('operator'), NOW),
    );
    assert.equal(rejected.state.flags.overdue, true);
    assert.equal(rejected.events[0]?.name, 'cases.case.appealRejected');
    const approved = ok(decide(state, SAMPLE.decideAppeal, as('dispatcher'), NOW));
    assert.equal(approved.state.flags.overdue, false);
    assert.equal(approved.state.flags.overdueWaived, true);
    assert.equal(approved.state.pendingRequest, null);
  });

  it('forceClose: flagged, withdraws a pending request, ends a hold', () => {
    const pending = run('inspector', [...HANDLING, S.reqExt]);
    refused(decide(pending, SAMPLE.forceClose, as('dispatcher'), NOW), 'FORBIDDEN');
    const d = ok(decide(pending, SAMPLE.forceClose, as('shiftLead'), NOW));
    assert.equal(d.state.stage, 'closed');
    assert.equal(d.state.flags.forcedClose, true);
    assert.equal(d.state.pendingRequest, null);
    assert.equal(d.events[0]?.name, 'cases.case.forceClosed');
    assert.equal(d.events[0]?.payload.withdrawnRequest, 'extension');
    const held = run('inspector', [...HANDLING, S.reqHold, S.approveHold]);
    const closed = ok(decide(held, SAMPLE.forceClose, as('shiftLead'), '2025-10-09T11:00:00+08:00')).state;
    assert.equal(closed.onHoldUntil, null);
    assert.equal(closed.pausedSeconds, 3600);
    refused(decide(run('inspector', []), SAMPLE.forceClose, as('shiftLead'), NOW), 'INVALID_TRANSITION');
  });

  it('reopen: only a closed case, back to dispatch, clears the forced flag', () => {
    const forced = ok(decide(run('inspector', HANDLING), SAMPLE.forceClose, as('shiftLead'), NOW)).state;
    refused(decide(forced, SAMPLE.press, as('leader'), NOW), 'RULE_VIOLATION', RULES.final);
    refused(decide(forced, SAMPLE.reopen, as('dispatcher'), NOW), 'FORBIDDEN');
    refused(
      decide(forced, { kind: 'reopen', reason: '' }, as('operator'), NOW),
      'RULE_VIOLATION',
      RULES.reasonRequired,
    );
    const d = ok(decide(forced, SAMPLE.reopen, as('operator'), NOW));
    assert.equal(d.state.stage, 'filed');
    assert.equal(d.state.reopenCount, 1);
    assert.equal(d.state.flags.forcedClose, false);
    assert.equal(d.events[0]?.name, 'cases.case.reopened');
    refused(decide(run('inspector', HANDLING), SAMPLE.reopen, as('shiftLead'), NOW), 'INVALID_TRANSITION');
  });

  it('merge: into another case, then final', () => {
    const merged = run('public', [S.merge]);
    assert.equal(merged.stage, 'merged');
    assert.equal(merged.mergedInto, 'C-1');
    refused(
      decide(run('inspector', []), { kind: 'merge', intoCaseId: '' }, as('operator'), NOW),
      'RULE_VIOLATION',
      RULES.mergeTarget,
    );
    refused(decide(merged, SAMPLE.reopen, as('shiftLead'), NOW), 'RULE_VIOLATION', RULES.final);
    assert.deepEqual(allowedActions(merged, as(...ROLE_CODES)), []);
  });

  it('press does not change the stage and is counted', () => {
    const state = run('inspector', [S.file, S.dispatch]);
    const d = ok(decide(state, SAMPLE.press, as('leader'), NOW));
    assert.equal(d.state.stage, 'dispatched');
    assert.equal(d.state.pressCount, 1);
    refused(decide(run('public', []), SAMPLE.press, as('leader'), NOW), 'INVALID_TRANSITION');
  });

  it('events carry from, to, time, role and the actor id', () => {
    const d = ok(
      decide(run('inspector', [S.file]), SAMPLE.dispatch, { id: 'u-7', roles: ['admin', 'dispatcher'] }, NOW),
    );
    assert.deepEqual(d.events[0], {
      name: 'cases.case.dispatched',
      payload: {
        from: 'filed',
        to: 'dispatched',
        at: NOW,
        role: 'dispatcher',
        unitCode: 'ST-A',
        mode: 'auto',
        actorId: 'u-7',
      },
    });
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const reasonArb = fc.constantFrom('', 'abc', '非本单位职责', '问题复发需重新处置');
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('verify' as const), confirmed: fc.boolean(), reason: reasonArb }),
  fc.record({ kind: fc.constant('file' as const), standardId: fc.constantFrom('', 'STD-1') }),
  fc.record({ kind: fc.constant('void' as const), reason: reasonArb }),
  fc.record({ kind: fc.constant('merge' as const), intoCaseId: fc.constantFrom('', 'C-9') }),
  fc.record({
    kind: fc.constant('dispatch' as const),
    unitCode: fc.constantFrom('', 'ST-A'),
    mode: fc.constantFrom('auto' as const, 'manual' as const),
    reason: reasonArb,
  }),
  fc.record({
    kind: fc.constant('redispatch' as const),
    unitCode: fc.constantFrom('ST-B'),
    reason: reasonArb,
  }),
  fc.constant({ kind: 'accept' as const }),
  fc.record({ kind: fc.constant('return' as const), reason: reasonArb }),
  fc.record({ kind: fc.constant('requestExtension' as const), reason: reasonArb }),
  fc.record({ kind: fc.constant('decideExtension' as const), approve: fc.boolean() }),
  fc.record({
    kind: fc.constant('requestHold' as const),
    until: fc.constantFrom('2025-01-01', '2026-03-01', '2027-12-31', 'bad'),
    reason: reasonArb,
  }),
  fc.record({ kind: fc.constant('decideHold' as const), approve: fc.boolean() }),
  fc.constant({ kind: 'resume' as const }),
  fc.record({ kind: fc.constant('reportBack' as const), photos: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('check' as const), passed: fc.boolean(), reason: reasonArb }),
  fc.constant({ kind: 'close' as const }),
  fc.constant({ kind: 'press' as const }),
  fc.constant({ kind: 'markOverdue' as const }),
  fc.record({ kind: fc.constant('appeal' as const), reason: reasonArb }),
  fc.record({ kind: fc.constant('decideAppeal' as const), approve: fc.boolean() }),
  fc.record({ kind: fc.constant('forceClose' as const), reason: reasonArb }),
  fc.record({ kind: fc.constant('reopen' as const), reason: reasonArb }),
);
const stepArb = fc.record({
  action: actionArb,
  roles: fc.subarray([...ROLE_CODES], { minLength: 0, maxLength: 3 }),
  minutes: fc.integer({ min: 0, max: 60 * 24 * 30 }),
  /** Guided steps pick one of the currently allowed kinds, so sequences get deep into the lifecycle. */
  guided: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  pick: fc.noBias(fc.nat({ max: 10_000 })),
});

function guidedAction(state: CaseState, pick: number, clock: number): Action | null {
  const kinds = allowedActions(state, { roles: ROLE_CODES });
  const kind = kinds[pick % Math.max(1, kinds.length)];
  if (kind === undefined) return null;
  const action = SAMPLE[kind];
  const second = Math.floor(pick / 97); // independent of the kind chosen by `pick`
  if (action.kind === 'requestHold') {
    return { ...action, until: new Date(clock + 40 * 86_400_000).toISOString() };
  }
  if (action.kind === 'check' && second % 3 === 0) {
    return { kind: 'check', passed: false, reason: '整改不到位' };
  }
  if (action.kind === 'decideExtension' || action.kind === 'decideHold' || action.kind === 'decideAppeal') {
    return { ...action, approve: second % 4 !== 0 };
  }
  return action;
}

describe('lifecycle: properties over random action sequences', () => {
  it('keeps its invariants', () => {
    const reached = new Set<string>();
    let maxRework = 0;
    let sawReopen = false;
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANNEL_CODES),
        fc.array(stepArb, { minLength: 10, maxLength: 80, size: 'max' }),
        (channel, steps) => {
          let clock = Date.parse('2025-10-09T02:00:00Z');
          let state = deepFreeze(
            ok(
              openCase({ channel }, as(...CHANNEL_ROLES[channel], 'operator'), new Date(clock).toISOString()),
            ).state,
          );
          let successes = 1;
          let failedChecks = 0;
          for (const step of steps) {
            clock += step.minutes * 60_000;
            const before = state;
            const action = (step.guided ? guidedAction(state, step.pick, clock) : null) ?? step.action;
            const roles = step.guided ? ROLE_CODES : step.roles;
            const d = decide(before, action, { roles }, new Date(clock).toISOString());
            if (!d.ok) {
              assert.ok(['INVALID_TRANSITION', 'FORBIDDEN', 'RULE_VIOLATION'].includes(d.code));
              continue;
            }
            successes++;
            if (action.kind === 'check' && !action.passed) failedChecks++;
            assert.ok(
              !['voided', 'merged'].includes(before.stage),
              'a voided or merged case accepts nothing',
            );
            if (before.stage === 'closed') assert.equal(action.kind, 'reopen');
            assert.ok(d.events.length >= 1);
            state = deepFreeze(d.state);
            reached.add(state.stage);
            maxRework = Math.max(maxRework, state.reworkCount);
            if (action.kind === 'reopen') sawReopen = true;
            assert.equal(STAGE_CODES.filter((s) => s === state.stage).length, 1);
            assert.equal(state.version, successes);
            assert.equal(state.reworkCount, failedChecks);
            assert.ok(state.extensionsApproved <= 2);
            assert.ok(state.pausedSeconds >= 0);
            assert.equal(state.onHoldUntil !== null, state.stage === 'held');
            if (state.pendingRequest !== null) assert.ok(['dispatched', 'handling'].includes(state.stage));
          }
        },
      ),
      { numRuns: 500 },
    );
    // the generator is strong enough to reach every stage
    assert.deepEqual([...reached].sort(), STAGE_CODES.filter((s) => s !== 'verifying').sort());
    assert.ok(maxRework >= 1 && sawReopen, 'deep sequences: a rework and a reopen');
  });
});
