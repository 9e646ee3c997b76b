/**
 * Stage timers (domain reference §10.5): which clocks run in which stage, their deadlines in working time, and
 * the warnings they raise — `prompt` and `yellow` at configured shares of the time, `red` at the deadline.
 *
 * Pure: the calendar and `now` are arguments. Instants are epoch milliseconds.
 */
import type { PauseInterval, TimeUnit, WorkingCalendar } from '../../calendar/index.js';
import { clockOf } from '../../calendar/index.js';
import type { ActionKind } from './actions.js';
import type { Stage } from './states.js';

/** The timed stages: 核实, 立案, 派遣, 签收, 处置, 核查 — plus `hold`, which ends a 挂账 on its date. */
export const TIMER_KINDS = ['verify', 'file', 'dispatch', 'accept', 'handle', 'check', 'hold'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export const WARNING_LEVELS = ['prompt', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export interface TimeLimit {
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** Shares of the time limit at which `prompt` and `yellow` fire (red fires at the deadline). */
export interface WarningShares {
  readonly prompt: number;
  readonly yellow: number;
}

export const DEFAULT_WARNING_SHARES: WarningShares = { prompt: 0.7, yellow: 0.9 };

/** The clocks running in each stage. The 处置 clock starts at dispatch and keeps running through 签收. */
export const ACTIVE_TIMERS: { readonly [S in Stage]: readonly TimerKind[] } = {
  verifying: ['verify'],
  reported: ['file'],
  filed: ['dispatch'],
  returned: ['dispatch'],
  dispatched: ['accept', 'handle'],
  handling: ['handle'],
  held: ['handle', 'hold'],
  handled: ['check'],
  checked: [],
  closed: [],
  voided: [],
  merged: [],
};

/** Actions that give a clock a fresh start even when it was already running (a new unit, a rework). */
const RESTARTS: Partial<Record<ActionKind, readonly TimerKind[]>> = {
  dispatch: ['accept', 'handle'],
  redispatch: ['accept', 'handle'],
};

export interface TimerChanges {
  /** Clocks that end with this action (their deadline is compared with `now`: 按期 = finish ≤ deadline). */
  readonly stop: TimerKind[];
  /** Clocks that start now (a restart is a stop plus a start). */
  readonly start: TimerKind[];
  readonly pauseHandle: boolean;
  readonly resumeHandle: boolean;
  /** An approved 延期 adds one original time limit to the 处置 clock. */
  readonly extendHandle: boolean;
}

/** How the clocks change when a case moves from `before` to `after` by `action`. */
export function timerChanges(
  before: Stage,
  after: Stage,
  action: ActionKind,
  approvedExtension: boolean,
): TimerChanges {
  const was = ACTIVE_TIMERS[before];
  const now = ACTIVE_TIMERS[after];
  const restarted = (RESTARTS[action] ?? []).filter((k) => was.includes(k) && now.includes(k));
  return {
    stop: [...was.filter((k) => !now.includes(k)), ...restarted],
    start: [...now.filter((k) => !was.includes(k)), ...restarted],
    pauseHandle: after === 'held' && before !== 'held',
    resumeHandle: before === 'held' && after !== 'held' && now.includes('handle'),
    extendHandle: approvedExtension,
  };
}

/** A running (or paused) clock as stored. */
export interface TimerState {
  readonly kind: TimerKind;
  readonly startedAt: number;
  readonly limit: TimeLimit;
  /** 1 + approved extensions: the deadline is `multiplier × limit` of working time after the start. */
  readonly multiplier: number;
  /** Finished pauses (挂账 spans). */
  readonly pauses: readonly PauseInterval[];
  /** Set while paused: the clock stands still from here. */
  readonly pausedAt: number | null;
  /** The highest warning already raised for this generation of the deadline. */
  readonly fired: WarningLevel | null;
  /** Increments whenever the deadline moves, so each warning is raised once per deadline. */
  readonly generation: number;
}

export interface TimerSchedule {
  readonly deadline: number;
  readonly promptAt: number;
  readonly yellowAt: number;
}

/** Minute-counted clocks measure shares in the unit's own clock; legal (whole-day) units in wall time. */
function shareInstant(calendar: WorkingCalendar, timer: TimerState, deadline: number, share: number): number {
  const { unit } = timer.limit;
  const pauses = timer.pauses;
  if (clockOf(unit) === 'legal') {
    const span = deadline - timer.startedAt - pausedWithin(pauses, timer.startedAt, deadline);
    return shiftByPauses(timer.startedAt + Math.floor(span * share), timer.startedAt, pauses);
  }
  const clockUnit: TimeUnit = clockOf(unit) === 'office' ? 'work_hour' : 'urgent_hour';
  const total = calendar.elapsed(timer.startedAt, deadline, clockUnit, pauses);
  const minutes = Math.max(1, Math.floor(total * share));
  return calendar.deadline(timer.startedAt, minutes / 60, clockUnit, pauses);
}

function pausedWithin(pauses: readonly PauseInterval[], from: number, to: number): number {
  let sum = 0;
  for (const p of pauses) sum += Math.max(0, Math.min(p.to, to) - Math.max(p.from, from));
  return sum;
}

/** The wall-clock instant reached after `offset` unpaused milliseconds from `start`. */
function shiftByPauses(target: number, start: number, pauses: readonly PauseInterval[]): number {
  let at = target;
  for (const p of [...pauses].sort((a, b) => a.from - b.from)) {
    if (p.to <= start) continue;
    if (p.from < at) at += p.to - Math.max(p.from, start);
  }
  return at;
}

/** Deadline and warning instants of a running clock (a paused clock has none: see `nextFireAt`). */
export function schedule(
  calendar: WorkingCalendar,
  timer: TimerState,
  shares: WarningShares = DEFAULT_WARNING_SHARES,
): TimerSchedule {
  if (timer.kind === 'hold') {
    throw new Error('a hold timer has a fixed end date, not a schedule');
  }
  const deadline = calendar.deadline(
    timer.startedAt,
    timer.limit.amount * timer.multiplier,
    timer.limit.unit,
    timer.pauses,
  );
  return {
    deadline,
    promptAt: shareInstant(calendar, timer, deadline, shares.prompt),
    yellowAt: shareInstant(calendar, timer, deadline, shares.yellow),
  };
}

function levelRank(level: WarningLevel | null): number {
  return level === null ? 0 : WARNING_LEVELS.indexOf(level) + 1;
}

function instantOf(s: TimerSchedule, level: WarningLevel): number {
  return level === 'prompt' ? s.promptAt : level === 'yellow' ? s.yellowAt : s.deadline;
}

/** The warnings due at `now` and not yet raised, lowest first (a late sweep raises each level it missed). */
export function dueWarnings(timer: TimerState, s: TimerSchedule, now: number): WarningLevel[] {
  if (timer.pausedAt !== null) return [];
  return WARNING_LEVELS.filter((l) => levelRank(l) > levelRank(timer.fired) && instantOf(s, l) <= now);
}

/** When the sweeper should next look at this clock; null when paused or when every level has fired. */
export function nextFireAt(
  timer: TimerState,
  s: TimerSchedule,
  firedNow: WarningLevel | null,
): number | null {
  if (timer.pausedAt !== null) return null;
  const fired = levelRank(firedNow) > levelRank(timer.fired) ? firedNow : timer.fired;
  const next = WARNING_LEVELS.find((l) => levelRank(l) > levelRank(fired));
  return next === undefined ? null : instantOf(s, next);
}

/** 按期: the stage finished at or before its deadline. */
export function onTime(finishedAt: number, deadline: number): boolean {
  return finishedAt <= deadline;
}

/** Pauses the clock at `now` (挂账 approved). */
export function pause(timer: TimerState, now: number): TimerState {
  return timer.pausedAt === null ? { ...timer, pausedAt: now } : timer;
}

/**
 * Resumes a paused clock: the paused span is recorded and the deadline moves by it (a new generation). The
 * share of time used is what it was before the pause, so warnings already raised stay raised.
 */
export function resume(timer: TimerState, now: number): TimerState {
  if (timer.pausedAt === null) return timer;
  const pauses = now > timer.pausedAt ? [...timer.pauses, { from: timer.pausedAt, to: now }] : timer.pauses;
  return { ...timer, pauses, pausedAt: null, generation: timer.generation + 1 };
}

/** 延期 approved: one more original time limit; warnings start over for the new deadline. */
export function extend(timer: TimerState): TimerState {
  return { ...timer, multiplier: timer.multiplier + 1, generation: timer.generation + 1, fired: null };
}

/** A fresh clock. */
export function startTimer(kind: TimerKind, startedAt: number, limit: TimeLimit): TimerState {
  return { kind, startedAt, limit, multiplier: 1, pauses: [], pausedAt: null, fired: null, generation: 1 };
}
