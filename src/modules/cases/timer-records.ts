/**
 * Applies the clock changes of one lifecycle step to the stored timers of a case (pure: the calendar and
 * `now` are arguments). See domain/stage-timers.ts for the rules.
 */
import type { WorkingCalendar } from '../calendar/index.js';
import type { ActionKind } from './domain/actions.js';
import type { CaseSettings } from './domain/settings.js';
import type { Stage } from './domain/states.js';
import {
  ACTIVE_TIMERS,
  extend,
  nextFireAt,
  pause,
  resume,
  schedule,
  startTimer,
  timerChanges,
  type TimeLimit,
  type TimerKind,
  type TimerState,
  type WarningLevel,
} from './domain/stage-timers.js';
import type { TimerRecord } from './types.js';

export interface StageOutcome {
  readonly deadline: string;
  readonly onTime: boolean;
}

export interface TimerPlan {
  readonly upsert: TimerRecord[];
  readonly remove: TimerKind[];
  /** Clocks that ended, with 按期 (finish ≤ deadline) — recorded on the step's event. */
  readonly finished: Partial<Record<TimerKind, StageOutcome>>;
  /** The deadline shown on the case (处置 while it runs, otherwise the current stage's clock). */
  readonly caseDeadline: Date | null;
  /** The highest warning raised among the clocks still running. */
  readonly warning: WarningLevel | null;
}

export function toState(t: TimerRecord): TimerState {
  return {
    kind: t.kind,
    startedAt: t.startedAt.getTime(),
    limit: t.limit,
    multiplier: t.multiplier,
    pauses: t.pauses,
    pausedAt: t.pausedAt?.getTime() ?? null,
    fired: t.fired,
    generation: t.generation,
  };
}

/** A stored record for a clock state: its schedule and when the sweeper should look next. */
export function toRecord(
  caseId: string,
  stage: Stage,
  state: TimerState,
  calendar: WorkingCalendar,
  settings: CaseSettings,
  calendarVersion: number,
  holdUntil?: Date,
): TimerRecord {
  if (state.kind === 'hold') {
    const until = holdUntil ?? new Date(state.startedAt);
    return {
      caseId,
      kind: 'hold',
      stage,
      startedAt: new Date(state.startedAt),
      limit: state.limit,
      multiplier: 1,
      pauses: [],
      pausedAt: null,
      deadline: until,
      promptAt: null,
      yellowAt: null,
      fired: null,
      generation: state.generation,
      fireAt: until,
      calendarVersion,
    };
  }
  const s = schedule(calendar, state, settings.warnings);
  const fire = nextFireAt(state, s, null);
  return {
    caseId,
    kind: state.kind,
    stage,
    startedAt: new Date(state.startedAt),
    limit: state.limit,
    multiplier: state.multiplier,
    pauses: state.pauses,
    pausedAt: state.pausedAt === null ? null : new Date(state.pausedAt),
    deadline: new Date(s.deadline),
    promptAt: new Date(s.promptAt),
    yellowAt: new Date(s.yellowAt),
    fired: state.fired,
    generation: state.generation,
    fireAt: fire === null ? null : new Date(fire),
    calendarVersion,
  };
}

export interface TimerPlanInput {
  readonly caseId: string;
  readonly before: Stage | null;
  readonly after: Stage;
  readonly action: ActionKind | 'report';
  readonly approvedExtension: boolean;
  readonly current: readonly TimerRecord[];
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly calendarVersion: number;
  readonly settings: CaseSettings;
  /** 处置 limit of the case (the standard row's, or the urgent one for 110 after hours). */
  readonly handleLimit: TimeLimit;
  /** Overrides of stage limits for this case (110 after hours: an urgent 签收 clock). */
  readonly acceptLimit?: TimeLimit;
  /** The date a 挂账 ends (when the step parks the case). */
  readonly holdUntil?: Date;
}

const RANK: Record<WarningLevel, number> = { prompt: 1, yellow: 2, red: 3 };

function limitFor(kind: TimerKind, input: TimerPlanInput): TimeLimit {
  switch (kind) {
    case 'handle':
      return input.handleLimit;
    case 'accept':
      return input.acceptLimit ?? input.settings.stageLimits.accept;
    case 'hold':
      return { amount: 1, unit: 'natural_day' };
    case 'verify':
    case 'file':
    case 'dispatch':
    case 'check':
      return input.settings.stageLimits[kind];
  }
}

export function planTimers(input: TimerPlanInput): TimerPlan {
  const now = input.now.getTime();
  const byKind = new Map(input.current.map((t) => [t.kind, t]));
  const changes =
    input.before === null
      ? {
          stop: [],
          start: [...ACTIVE_TIMERS[input.after]],
          pauseHandle: false,
          resumeHandle: false,
          extendHandle: false,
        }
      : timerChanges(input.before, input.after, input.action as ActionKind, input.approvedExtension);
  const finished: Partial<Record<TimerKind, StageOutcome>> = {};
  const remove = new Set<TimerKind>();
  const upsert = new Map<TimerKind, TimerRecord>();
  const record = (state: TimerState): TimerRecord =>
    toRecord(
      input.caseId,
      input.after,
      state,
      input.calendar,
      input.settings,
      input.calendarVersion,
      state.kind === 'hold' ? input.holdUntil : undefined,
    );

  for (const kind of changes.stop) {
    const t = byKind.get(kind);
    if (t && kind !== 'hold') {
      finished[kind] = { deadline: t.deadline.toISOString(), onTime: now <= t.deadline.getTime() };
    }
    remove.add(kind);
    byKind.delete(kind);
  }
  for (const kind of changes.start) {
    const state = startTimer(kind, now, limitFor(kind, input));
    const rec = record(state);
    upsert.set(kind, rec);
    remove.delete(kind);
    byKind.set(kind, rec);
  }
  const handle = byKind.get('handle');
  if (handle && !upsert.has('handle')) {
    let state = toState(handle);
    if (changes.pauseHandle) state = pause(state, now);
    if (changes.resumeHandle) state = resume(state, now);
    if (changes.extendHandle) state = extend(state);
    if (changes.pauseHandle || changes.resumeHandle || changes.extendHandle) {
      const rec = record(state);
      upsert.set('handle', rec);
      byKind.set('handle', rec);
    }
  }
  // Clocks that keep running into a new stage keep their schedule but are labelled with it.
  for (const [kind, t] of byKind) {
    if (!upsert.has(kind) && t.stage !== input.after) upsert.set(kind, { ...t, stage: input.after });
  }

  const running = [...byKind.values()].filter((t) => t.kind !== 'hold');
  const main = byKind.get('handle') ?? running[0] ?? null;
  let warning: WarningLevel | null = null;
  for (const t of running) {
    if (t.fired && (warning === null || RANK[t.fired] > RANK[warning])) warning = t.fired;
  }
  return {
    upsert: [...upsert.values()],
    remove: [...remove],
    finished,
    caseDeadline: main && main.pausedAt === null ? main.deadline : null,
    warning,
  };
}
