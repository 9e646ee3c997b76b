/**
 * Which event credits which counter (docs/evaluation.md §2): a pure fold over one case's events.
 *
 * `credit(facts, event, timeZone)` takes what the projection remembers about the case (null before its first
 * event) and one stored case event, and returns the new facts, the counter increments (`Credit`) and the stage
 * durations that ended with this event. Increments are additive and keyed by (local day, dimension, code,
 * metric), so rollups are plain sums and any period is the sum over its days. Nothing reads the clock or a
 * database: the rollup projection and the consistency check run the very same fold.
 */
import { formatInZone } from '../../../platform/zoned-time.js';
import type { CaseFacts, Credit, Dimension, Duration, DurationStage, EventIn, Metric } from './counters.js';

const PREFIX = 'cases.case.';

const QUARTER_HOUR = 900_000;
const dayCache = new Map<string, Map<number, string>>();

/**
 * The local date of an instant. Zone offsets are whole quarter hours, so every instant of one UTC quarter
 * hour has the same local date; the answer is cached per quarter hour (the fold calls this for every event).
 */
export function localDay(at: Date | number, timeZone: string): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let cache = dayCache.get(timeZone);
  if (!cache) dayCache.set(timeZone, (cache = new Map<number, string>()));
  let day = cache.get(bucket);
  if (day === undefined) {
    day = formatInZone(bucket * QUARTER_HOUR, timeZone).slice(0, 10);
    if (cache.size > 200_000) cache.clear();
    cache.set(bucket, day);
  }
  return day;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

function outcome(payload: Readonly<Record<string, unknown>>, kind: string): boolean | null {
  const outcomes = payload.stageOutcomes as Record<string, { onTime?: unknown }> | undefined;
  const o = outcomes?.[kind];
  return o && typeof o.onTime === 'boolean' ? o.onTime : null;
}

function categoryOf(payload: Readonly<Record<string, unknown>>): string {
  const major = text(payload.majorCode);
  if (major) return `${major}/${text(payload.minorCode) ?? ''}`;
  const std = text(payload.standardId);
  return std ? `std:${std}` : 'none';
}

/** The initial facts of a case whose first event we see (normally `reported`). */
function openFacts(e: EventIn): CaseFacts {
  const p = e.payload;
  const flags = Array.isArray(p.flags) ? (p.flags as unknown[]) : [];
  return {
    channel: text(p.channel) ?? 'unknown',
    category: categoryOf(p),
    urgent: p.priority === 'urgent',
    lead: flags.includes('leader') || flags.includes('media'),
    reporterId: text(p.actorId),
    reportedAt: e.occurredAt.getTime(),
    filedDay: null,
    filedAt: null,
    dispatchedAt: null,
    dispatcherId: null,
    handleStart: null,
    backAt: null,
    overdueUnit: null,
    late: false,
    waived: false,
    extended: false,
    heldCounted: false,
    closedCounted: false,
    closedOnTimeCounted: false,
    acceptOnTime: null,
    forced: false,
  };
}

export interface CreditResult {
  readonly facts: CaseFacts | null;
  readonly credits: Credit[];
  readonly durations: Duration[];
}

/**
 * Folds one event into a case's facts. Events that are not case events, or case events of a case whose
 * report we never saw (cannot happen in a complete log), credit nothing.
 */
export function credit(before: CaseFacts | null, e: EventIn, timeZone: string): CreditResult {
  if (!e.name.startsWith(PREFIX)) return { facts: before, credits: [], durations: [] };
  const verb = e.name.slice(PREFIX.length);
  const p = e.payload;
  const at = e.occurredAt.getTime();
  const day = localDay(at, timeZone);
  const credits: Credit[] = [];
  const durations: Duration[] = [];

  let f: CaseFacts;
  if (verb === 'reported') f = openFacts(e);
  else if (before === null) return { facts: null, credits, durations };
  else f = before;

  const grid = text(p.gridCode);
  const unit = text(p.unitCode);
  const actor = text(p.actorId);
  // Every counter goes to the tenant, the regions, the current unit, the category and the channel.
  const base = (unitCode: string | null): [Dimension, string][] => {
    const dims: [Dimension, string][] = [['tenant', '*']];
    if (grid) dims.push(['district', grid.slice(0, 6)], ['grid', grid]);
    const street = text(p.streetCode);
    const community = text(p.communityCode);
    if (street) dims.push(['street', street]);
    if (community) dims.push(['community', community]);
    if (unitCode) dims.push(['unit', unitCode]);
    dims.push(['category', f.category], ['channel', f.channel]);
    return dims;
  };
  const add = (
    metric: Metric,
    n = 1,
    opts: { day?: string; unit?: string | null; role?: [Dimension, string | null] } = {},
  ) => {
    if (n === 0) return;
    const d = opts.day ?? day;
    for (const [dim, code] of base(opts.unit === undefined ? unit : opts.unit)) {
      credits.push({ day: d, dim, code, metric, n });
    }
    const role = opts.role;
    if (role && role[1] !== null) credits.push({ day: d, dim: role[0], code: role[1], metric, n });
  };
  const hot = (metric: Metric) => {
    if (grid) credits.push({ day, dim: 'gridCategory', code: `${grid}|${f.category}`, metric, n: 1 });
    const street = text(p.streetCode);
    if (street) credits.push({ day, dim: 'streetCategory', code: `${street}|${f.category}`, metric, n: 1 });
  };
  const duration = (stage: DurationStage, from: number | null) => {
    if (from === null) return;
    const seconds = Math.max(0, Math.round((at - from) / 1000));
    add(`dur_${stage}_s`, seconds === 0 ? 0 : seconds);
    add(`dur_${stage}_n`);
    durations.push({ seq: e.seq, stage, day, unitCode: unit, gridCode: grid, seconds });
  };
  /** Ends an open 超期未处置 (reported back, re-dispatched, waived, force-closed, merged). */
  const endOverdue = () => {
    if (f.overdueUnit !== null) {
      add('overdueOpen', -1, { unit: f.overdueUnit });
      f = { ...f, overdueUnit: null };
    }
  };
  const intakeDecision = () => {
    if (p.from === 'reported') {
      add('intake', 1, { role: ['operator', actor] });
      duration('intake', f.reportedAt);
    }
  };

  switch (verb) {
    case 'reported':
      add('reported', 1, { role: ['inspector', f.channel === 'inspector' ? f.reporterId : null] });
      hot('reported');
      // 110 after hours: filed and dispatched in the same step (the following events say so).
      break;
    case 'verified':
      add('verified', 1, { role: ['inspector', actor] });
      if (outcome(p, 'verify') === true) add('verifiedOnTime', 1, { role: ['inspector', actor] });
      break;
    case 'filed': {
      f = { ...f, category: f.category === 'none' ? categoryOf(p) : f.category, filedDay: day, filedAt: at };
      intakeDecision();
      add('filed', 1, { role: ['operator', actor] });
      if (outcome(p, 'file') === true) add('filedOnTime', 1, { role: ['operator', actor] });
      add('validReport', 1, { role: ['inspector', f.channel === 'inspector' ? f.reporterId : null] });
      if (f.channel !== 'inspector') add('publicValid');
      add('dueClose');
      if (f.urgent) add('urgentDue');
      hot('filed');
      break;
    }
    case 'voided':
      intakeDecision();
      add('voided', 1, { role: ['operator', actor] });
      break;
    case 'merged':
      endOverdue();
      intakeDecision();
      add('merged', 1, { role: ['operator', actor] });
      break;
    case 'dispatched':
    case 'redispatched': {
      endOverdue();
      if (f.dispatchedAt === null) duration('dispatch', f.filedAt);
      add('dispatched', 1, { role: ['dispatcher', actor] });
      if (p.mode === 'auto') add('dispatchedAuto', 1, { role: ['dispatcher', actor] });
      if (outcome(p, 'dispatch') === true) add('dispatchedOnTime', 1, { role: ['dispatcher', actor] });
      f = {
        ...f,
        dispatchedAt: f.dispatchedAt ?? at,
        dispatcherId: actor,
        handleStart: at,
        backAt: null,
        waived: false,
      };
      break;
    }
    case 'returned':
      add('returned', 1, { role: ['dispatcher', f.dispatcherId] });
      break;
    case 'accepted':
      if (f.acceptOnTime === null) f = { ...f, acceptOnTime: outcome(p, 'accept') ?? true };
      break;
    case 'extensionApproved':
      add('extended');
      if (!f.extended) add('extendedCase');
      f = { ...f, extended: true };
      break;
    case 'held':
      add('held');
      if (!f.heldCounted && f.filedDay !== null) add('heldCohort', 1, { day: f.filedDay });
      f = { ...f, heldCounted: true };
      break;
    case 'markedOverdue':
      if (f.handleStart !== null && f.backAt === null && f.overdueUnit === null && unit !== null) {
        add('overdueOpen', 1);
        f = { ...f, overdueUnit: unit };
      }
      break;
    case 'appealApproved':
      endOverdue();
      add('appealApproved');
      f = { ...f, late: false, waived: true };
      break;
    case 'reportedBack': {
      endOverdue();
      const outcomeOnTime = outcome(p, 'handle');
      // An approved 超时申诉 takes the lateness out of the counts (and the case out of the denominator).
      const late = outcomeOnTime === false && !f.waived;
      add('handled');
      if (outcomeOnTime === true) add('handledOnTime');
      if (late) add('handledLate');
      duration('handle', f.handleStart);
      f = { ...f, backAt: at, late };
      break;
    }
    case 'checked':
      add('checked', 1, { role: ['inspector', actor] });
      if (outcome(p, 'check') === true) add('checkedOnTime', 1, { role: ['inspector', actor] });
      duration('check', f.backAt);
      break;
    case 'reworked': {
      add('reworked');
      if (f.lead) add('reworkedLead');
      if (p.reworkCount === 3) {
        add('rework3');
        if (f.lead) add('rework3Lead');
      }
      f = { ...f, handleStart: at, backAt: null };
      break;
    }
    case 'closed':
    case 'forceClosed': {
      const forced = verb === 'forceClosed';
      endOverdue();
      add('closed');
      if (forced) add('forceClosed');
      const onTime = !forced && !f.late;
      if (onTime) add('closedOnTime');
      duration('total', f.reportedAt);
      if (f.filedDay !== null && !f.closedCounted) {
        const cohort = { day: f.filedDay };
        add('closedCohort', 1, cohort);
        if (f.urgent) add('urgentClosedCohort', 1, cohort);
        if (onTime) {
          add('closedOnTimeCohort', 1, cohort);
          if (f.urgent) add('urgentClosedOnTimeCohort', 1, cohort);
        }
        f = { ...f, closedCounted: true, closedOnTimeCounted: onTime };
      }
      f = { ...f, forced };
      break;
    }
    case 'reopened': {
      add('reopened');
      if (f.filedDay !== null && f.closedCounted) {
        const cohort = { day: f.filedDay };
        add('closedCohort', -1, cohort);
        if (f.urgent) add('urgentClosedCohort', -1, cohort);
        if (f.closedOnTimeCounted) {
          add('closedOnTimeCohort', -1, cohort);
          if (f.urgent) add('urgentClosedOnTimeCohort', -1, cohort);
        }
      }
      f = {
        ...f,
        closedCounted: false,
        closedOnTimeCounted: false,
        forced: false,
        late: false,
        waived: false,
        dispatchedAt: null,
        handleStart: null,
        backAt: null,
      };
      break;
    }
    case 'rated': {
      if (f.channel === 'hotline' && p.via === 'callback') {
        add('callbacks');
        if (f.acceptOnTime === true) add('callbackResponded');
        if (!f.forced) add('callbackSolved');
        const tenths = p.satisfaction === 'satisfied' ? 10 : p.satisfaction === 'basically' ? 9 : 0;
        add('callbackSatTenths', tenths);
      }
      break;
    }
    default:
      break;
  }
  return { facts: f, credits, durations };
}

function creditKey(c: Credit): string {
  return `${c.day}\u0000${c.dim}\u0000${c.code}\u0000${c.metric}`;
}

function accumulate(into: Map<string, Credit>, credits: Iterable<Credit>): void {
  for (const c of credits) {
    const key = creditKey(c);
    const prev = into.get(key);
    into.set(key, prev ? { ...prev, n: prev.n + c.n } : c);
  }
}

function dropZeros(m: Map<string, Credit>): Map<string, Credit> {
  for (const [key, c] of m) if (c.n === 0) m.delete(key);
  return m;
}

/** Sums credits with the same key (what a rollup row holds); zero sums are dropped. */
export function sumCredits(credits: Iterable<Credit>): Map<string, Credit> {
  const out = new Map<string, Credit>();
  accumulate(out, credits);
  return dropZeros(out);
}

/** Folds a whole log (any order of cases, each case's events in order): what the rollups must hold. */
export function recompute(
  events: Iterable<EventIn>,
  timeZone: string,
): { credits: Map<string, Credit>; durations: Duration[] } {
  const facts = new Map<string, CaseFacts | null>();
  const sums = new Map<string, Credit>();
  const durations: Duration[] = [];
  for (const e of events) {
    const r = credit(facts.get(e.streamId) ?? null, e, timeZone);
    facts.set(e.streamId, r.facts);
    accumulate(sums, r.credits);
    durations.push(...r.durations);
  }
  return { credits: dropZeros(sums), durations };
}
