/**
 * The case lifecycle as a pure state machine (domain reference §2.3, §3).
 *
 * `openCase` records a report (上报); `decide` takes one action on a case and returns the next state plus the
 * events to append, or a refusal. Nothing here reads the clock: `now` is passed in.
 *
 * Refusals are checked in this order: a final stage (`case.final`), the actor's roles (FORBIDDEN), the stage
 * (INVALID_TRANSITION), state preconditions such as a pending request (RULE_VIOLATION / INVALID_TRANSITION),
 * then the action's own fields (RULE_VIOLATION).
 */
import type { Role } from '../../../platform/auth/roles.js';
import {
  ACTION_KINDS,
  ACTION_ROLES,
  ACTION_STAGES,
  CHANNEL_ROLES,
  MANUAL_DISPATCH_ROLES,
  REPORT_ROLES,
} from './actions.js';
import type { Action, ActionKind } from './actions.js';
import { DEFAULT_CONFIG, FINAL_STAGES, STAGES } from './states.js';
import type { CaseState, Channel, LifecycleConfig, PendingRequest, Stage } from './states.js';

export interface Actor {
  readonly id?: string;
  readonly roles: readonly string[];
}

export interface CaseEvent {
  readonly name: string;
  readonly payload: Record<string, unknown>;
}

export type RefusalCode = 'INVALID_TRANSITION' | 'FORBIDDEN' | 'RULE_VIOLATION';

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
  readonly field?: string;
  readonly rule?: string;
}

export type Decision =
  { readonly ok: true; readonly state: CaseState; readonly events: CaseEvent[] } | Refusal;

/** Rule ids carried by RULE_VIOLATION refusals. */
export const RULES = {
  final: 'case.final',
  reasonRequired: 'case.reason-required',
  standardRequired: 'case.standard-required',
  unitRequired: 'case.unit-required',
  mergeTarget: 'case.merge-target',
  extensionLimit: 'case.extension-limit',
  holdDate: 'case.hold-date',
  reportBackPhoto: 'case.report-back-photo',
  requestPending: 'case.request-pending',
  notOverdue: 'case.not-overdue',
  alreadyOverdue: 'case.already-overdue',
  timeInvalid: 'case.time-invalid',
} as const;

/** Extensions approved at most (运城: two approvals, each adds one original time limit). */
export const MAX_EXTENSIONS = 2;
/** Minimum length (characters) of a required reason. */
export const MIN_REASON_LENGTH = 4;

const EVENT_PREFIX = 'cases.case.';

function refuse(code: RefusalCode, message: string, extra: { field?: string; rule?: string } = {}): Refusal {
  return { ok: false, code, message, ...extra };
}

function ruleViolation(rule: string, message: string, field?: string): Refusal {
  return refuse('RULE_VIOLATION', message, field === undefined ? { rule } : { rule, field });
}

function actingRole(roles: readonly Role[], actor: Actor): Role | undefined {
  return roles.find((role) => actor.roles.includes(role));
}

function hasReason(reason: string | undefined): reason is string {
  return reason !== undefined && [...reason.trim()].length >= MIN_REASON_LENGTH;
}

function reasonRefusal(): Refusal {
  return ruleViolation(
    RULES.reasonRequired,
    `A reason of at least ${MIN_REASON_LENGTH} characters is required`,
    'reason',
  );
}

function nonEmpty(value: string): boolean {
  return value.trim().length > 0;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseTime(value: string): number | null {
  if (!ISO_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function oneYearAfter(ms: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.getTime();
}

/** Checks a hold date: a valid ISO date/time after `now` and at most one year after it. */
function holdDateRefusal(until: string, now: string): Refusal | null {
  const nowMs = parseTime(now);
  if (nowMs === null) {
    return ruleViolation(RULES.timeInvalid, 'The current time is not an ISO-8601 time', 'now');
  }
  const untilMs = parseTime(until);
  if (untilMs === null) {
    return ruleViolation(RULES.holdDate, 'The hold date is not an ISO-8601 date', 'until');
  }
  if (untilMs <= nowMs) return ruleViolation(RULES.holdDate, 'The hold date must be in the future', 'until');
  if (untilMs > oneYearAfter(nowMs)) {
    return ruleViolation(RULES.holdDate, 'The hold date must be at most one year ahead', 'until');
  }
  return null;
}

/** Seconds the clock has been paused by the current hold, ending at `now`. */
function pausedSince(state: CaseState, now: string): number {
  if (state.heldAt === null) return 0;
  const from = parseTime(state.heldAt);
  const to = parseTime(now);
  if (from === null || to === null) return 0;
  return Math.max(0, Math.floor((to - from) / 1000));
}

/** Actions the unit may not take while one of its requests waits for a decision. */
const NEEDS_NO_PENDING: readonly ActionKind[] = [
  'return',
  'reportBack',
  'requestExtension',
  'requestHold',
  'appeal',
];

/** The request each decision needs. */
const DECIDES: Partial<Record<ActionKind, PendingRequest['kind']>> = {
  decideExtension: 'extension',
  decideHold: 'hold',
  decideAppeal: 'appeal',
};

/** State-level gate: everything that does not depend on the action's fields. */
function gate(state: CaseState, kind: ActionKind, actor: Actor): Refusal | null {
  if (FINAL_STAGES.includes(state.stage) && !(state.stage === 'closed' && kind === 'reopen')) {
    return ruleViolation(
      RULES.final,
      `A case in stage ${state.stage} (${STAGES[state.stage]}) accepts no ${kind}`,
    );
  }
  if (actingRole(ACTION_ROLES[kind], actor) === undefined) {
    return refuse('FORBIDDEN', `${kind} needs one of the roles ${ACTION_ROLES[kind].join(', ')}`);
  }
  if (!ACTION_STAGES[kind].includes(state.stage)) {
    return refuse(
      'INVALID_TRANSITION',
      `${kind} is not possible in stage ${state.stage} (${STAGES[state.stage]})`,
    );
  }
  const pending = state.pendingRequest;
  if (NEEDS_NO_PENDING.includes(kind) && pending !== null) {
    return ruleViolation(RULES.requestPending, `A ${pending.kind} request is waiting for a decision`);
  }
  const wanted = DECIDES[kind];
  if (wanted !== undefined && pending?.kind !== wanted) {
    return refuse('INVALID_TRANSITION', `There is no pending ${wanted} request to decide`);
  }
  if (kind === 'requestExtension' && state.extensionsApproved >= MAX_EXTENSIONS) {
    return ruleViolation(RULES.extensionLimit, `At most ${MAX_EXTENSIONS} extensions may be approved`);
  }
  if (kind === 'appeal' && !state.flags.overdue) {
    return ruleViolation(RULES.notOverdue, 'Only an overdue case can be appealed');
  }
  if (kind === 'markOverdue' && state.flags.overdue) {
    return ruleViolation(RULES.alreadyOverdue, 'The case is already marked overdue');
  }
  return null;
}

/** The actions `actor` may take on `state` now (fields of the action may still be refused). */
export function allowedActions(state: CaseState, actor: Actor): ActionKind[] {
  return ACTION_KINDS.filter((kind) => gate(state, kind, actor) === null);
}

/** The initial stage of a report from `channel`. */
export function initialStage(channel: Channel, config: LifecycleConfig = DEFAULT_CONFIG): Stage {
  return config.verifyChannels.includes(channel) ? 'verifying' : 'reported';
}

/** 上报: a new report. Version 1; verification first when the channel is configured for it. */
export function openCase(
  input: { readonly channel: Channel },
  actor: Actor,
  now: string,
  config: LifecycleConfig = DEFAULT_CONFIG,
): Decision {
  const allowed = CHANNEL_ROLES[input.channel];
  const role =
    allowed.length === 0 ? (actingRole(REPORT_ROLES, actor) ?? 'public') : actingRole(allowed, actor);
  if (role === undefined) {
    return refuse('FORBIDDEN', `a ${input.channel} report needs one of the roles ${allowed.join(', ')}`);
  }
  const stage = initialStage(input.channel, config);
  const state: CaseState = {
    stage,
    version: 1,
    channel: input.channel,
    standardId: null,
    unitCode: null,
    reworkCount: 0,
    extensionsApproved: 0,
    returnCount: 0,
    pressCount: 0,
    reopenCount: 0,
    pendingRequest: null,
    onHoldUntil: null,
    heldAt: null,
    pausedSeconds: 0,
    mergedInto: null,
    flags: { forcedClose: false, overdue: false, overdueWaived: false },
  };
  const payload = {
    channel: input.channel,
    to: stage,
    needsVerification: stage === 'verifying',
    at: now,
    role,
  };
  return {
    ok: true,
    state,
    events: [{ name: `${EVENT_PREFIX}reported`, payload: withActor(payload, actor) }],
  };
}

function withActor(payload: Record<string, unknown>, actor: Actor): Record<string, unknown> {
  return actor.id === undefined ? payload : { ...payload, actorId: actor.id };
}

/** Take one action on a case. Pure: the same inputs always give the same answer. */
export function decide(
  state: CaseState,
  action: Action,
  actor: Actor,
  now: string,
  _config: LifecycleConfig = DEFAULT_CONFIG,
): Decision {
  const blocked = gate(state, action.kind, actor);
  if (blocked !== null) return blocked;
  const role = actingRole(ACTION_ROLES[action.kind], actor);

  const done = (patch: Partial<CaseState>, events: [string, Record<string, unknown>][]): Decision => {
    const next: CaseState = { ...state, ...patch, version: state.version + 1 };
    return {
      ok: true,
      state: next,
      events: events.map(([verb, extra]) => ({
        name: `${EVENT_PREFIX}${verb}`,
        payload: withActor({ from: state.stage, to: next.stage, at: now, role, ...extra }, actor),
      })),
    };
  };
  const withdrawn = (): Record<string, unknown> =>
    state.pendingRequest === null ? {} : { withdrawnRequest: state.pendingRequest.kind };

  switch (action.kind) {
    case 'verify':
      if (action.confirmed) return done({ stage: 'reported' }, [['verified', { confirmed: true }]]);
      if (!hasReason(action.reason)) return reasonRefusal();
      return done({ stage: 'voided' }, [
        ['verified', { confirmed: false, reason: action.reason }],
        ['voided', { reason: action.reason }],
      ]);
    case 'file':
      if (!nonEmpty(action.standardId)) {
        return ruleViolation(RULES.standardRequired, 'A standard row is required to file', 'standardId');
      }
      return done({ stage: 'filed', standardId: action.standardId }, [
        ['filed', { standardId: action.standardId }],
      ]);
    case 'void':
      if (!hasReason(action.reason)) return reasonRefusal();
      return done({ stage: 'voided' }, [['voided', { reason: action.reason }]]);
    case 'merge':
      if (!nonEmpty(action.intoCaseId)) {
        return ruleViolation(RULES.mergeTarget, 'The case to merge into is required', 'intoCaseId');
      }
      return done({ stage: 'merged', mergedInto: action.intoCaseId }, [
        ['merged', { intoCaseId: action.intoCaseId }],
      ]);
    case 'dispatch': {
      if (action.mode === 'manual' && actingRole(MANUAL_DISPATCH_ROLES, actor) === undefined) {
        return refuse(
          'FORBIDDEN',
          `manual dispatch needs one of the roles ${MANUAL_DISPATCH_ROLES.join(', ')}`,
        );
      }
      if (!nonEmpty(action.unitCode)) {
        return ruleViolation(RULES.unitRequired, 'A unit is required', 'unitCode');
      }
      if (action.mode === 'manual' && !hasReason(action.reason)) return reasonRefusal();
      const extra = action.mode === 'manual' ? { reason: action.reason } : {};
      return done({ stage: 'dispatched', unitCode: action.unitCode }, [
        ['dispatched', { unitCode: action.unitCode, mode: action.mode, ...extra }],
      ]);
    }
    case 'redispatch':
      if (!nonEmpty(action.unitCode)) {
        return ruleViolation(RULES.unitRequired, 'A unit is required', 'unitCode');
      }
      if (!hasReason(action.reason)) return reasonRefusal();
      return done({ stage: 'dispatched', unitCode: action.unitCode, pendingRequest: null }, [
        [
          'redispatched',
          { fromUnitCode: state.unitCode, unitCode: action.unitCode, reason: action.reason, ...withdrawn() },
        ],
      ]);
    case 'accept':
      return done({ stage: 'handling' }, [['accepted', { unitCode: state.unitCode }]]);
    case 'return':
      if (!hasReason(action.reason)) return reasonRefusal();
      return done({ stage: 'returned', returnCount: state.returnCount + 1 }, [
        ['returned', { unitCode: state.unitCode, reason: action.reason, returnCount: state.returnCount + 1 }],
      ]);
    case 'requestExtension': {
      if (!hasReason(action.reason)) return reasonRefusal();
      const request: PendingRequest = { kind: 'extension', reason: action.reason, requestedAt: now };
      return done({ pendingRequest: request }, [['extensionRequested', { reason: action.reason }]]);
    }
    case 'decideExtension':
      if (!action.approve) {
        return done({ pendingRequest: null }, [['extensionRejected', { reason: action.reason ?? null }]]);
      }
      return done({ pendingRequest: null, extensionsApproved: state.extensionsApproved + 1 }, [
        ['extensionApproved', { addedTimeLimits: 1, extensionsApproved: state.extensionsApproved + 1 }],
      ]);
    case 'requestHold': {
      const dateRefusal = holdDateRefusal(action.until, now);
      if (dateRefusal !== null) return dateRefusal;
      if (!hasReason(action.reason)) return reasonRefusal();
      const request: PendingRequest = {
        kind: 'hold',
        until: action.until,
        reason: action.reason,
        requestedAt: now,
      };
      return done({ pendingRequest: request }, [
        ['holdRequested', { until: action.until, reason: action.reason }],
      ]);
    }
    case 'decideHold': {
      if (state.pendingRequest?.kind !== 'hold') {
        return refuse('INVALID_TRANSITION', 'No pending hold request');
      }
      if (!action.approve) {
        return done({ pendingRequest: null }, [['holdRejected', { reason: action.reason ?? null }]]);
      }
      const until = state.pendingRequest.until;
      const dateRefusal = holdDateRefusal(until, now);
      if (dateRefusal !== null) return dateRefusal;
      return done({ stage: 'held', pendingRequest: null, onHoldUntil: until, heldAt: now }, [
        ['held', { until }],
      ]);
    }
    case 'resume': {
      const paused = pausedSince(state, now);
      return done(
        { stage: 'handling', onHoldUntil: null, heldAt: null, pausedSeconds: state.pausedSeconds + paused },
        [
          [
            'resumed',
            {
              pausedSeconds: paused,
              totalPausedSeconds: state.pausedSeconds + paused,
              until: state.onHoldUntil,
            },
          ],
        ],
      );
    }
    case 'reportBack':
      if (!Number.isInteger(action.photos) || action.photos < 1) {
        return ruleViolation(RULES.reportBackPhoto, 'At least one after-photo is required', 'photos');
      }
      return done({ stage: 'handled' }, [
        ['reportedBack', { photos: action.photos, note: action.note ?? null }],
      ]);
    case 'check':
      if (action.passed) return done({ stage: 'checked' }, [['checked', { passed: true }]]);
      if (!hasReason(action.reason)) return reasonRefusal();
      return done({ stage: 'handling', reworkCount: state.reworkCount + 1 }, [
        ['checked', { passed: false, reason: action.reason }],
        ['reworked', { unitCode: state.unitCode, reason: action.reason, reworkCount: state.reworkCount + 1 }],
      ]);
    case 'close':
      return done({ stage: 'closed' }, [['closed', { forced: false }]]);
    case 'press':
      return done({ pressCount: state.pressCount + 1 }, [
        ['pressed', { note: action.note ?? null, pressCount: state.pressCount + 1 }],
      ]);
    case 'markOverdue':
      return done({ flags: { ...state.flags, overdue: true } }, [
        ['markedOverdue', { unitCode: state.unitCode }],
      ]);
    case 'appeal': {
      if (!hasReason(action.reason)) return reasonRefusal();
      const request: PendingRequest = { kind: 'appeal', reason: action.reason, requestedAt: now };
      return done({ pendingRequest: request }, [['appealed', { reason: action.reason }]]);
    }
    case 'decideAppeal':
      if (!action.approve) {
        return done({ pendingRequest: null }, [['appealRejected', { reason: action.reason ?? null }]]);
      }
      return done({ pendingRequest: null, flags: { ...state.flags, overdue: false, overdueWaived: true } }, [
        ['appealApproved', { reason: action.reason ?? null }],
      ]);
    case 'forceClose': {
      if (!hasReason(action.reason)) return reasonRefusal();
      const paused = pausedSince(state, now);
      return done(
        {
          stage: 'closed',
          pendingRequest: null,
          onHoldUntil: null,
          heldAt: null,
          pausedSeconds: state.pausedSeconds + paused,
          flags: { ...state.flags, forcedClose: true },
        },
        [['forceClosed', { reason: action.reason, ...withdrawn() }]],
      );
    }
    case 'reopen':
      if (!hasReason(action.reason)) return reasonRefusal();
      return done(
        { stage: 'filed', reopenCount: state.reopenCount + 1, flags: { ...state.flags, forcedClose: false } },
        [['reopened', { reason: action.reason, reopenCount: state.reopenCount + 1 }]],
      );
  }
}
