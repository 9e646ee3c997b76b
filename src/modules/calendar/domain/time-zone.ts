import { CalendarInputError } from './errors.js';

/**
 * A time zone as a table of UTC-offset changes, read once from Intl (the tz database shipped with Node), so that
 * the hot paths never call Intl. All instants here are epoch minutes; "wall minutes" are local wall-clock minutes
 * counted as if the wall clock were UTC (wall = instant + offset).
 */
export interface ZoneOffsets {
  readonly timeZone: string;
  /** The span of instants (epoch minutes) the table was read for; outside it the edge offsets are assumed. */
  readonly coversFrom: number;
  readonly coversTo: number;
  /** Epoch minutes at which offsets[i + 1] takes over from offsets[i]; ascending. */
  readonly transitions: Int32Array;
  /** Offset (local − UTC) in minutes, one more entry than transitions. */
  readonly offsets: Int32Array;
}

/** Canonical IANA name (Intl resolves aliases and case); throws a typed error for unknown zones. */
export function canonicalTimeZone(timeZone: unknown, field = 'timeZone'): string {
  if (typeof timeZone !== 'string' || timeZone.length === 0) {
    throw new CalendarInputError(field, `${field} must be an IANA time-zone name such as Asia/Shanghai`);
  }
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new CalendarInputError(field, `unknown time zone "${timeZone}"`);
  }
}

function offsetReader(timeZone: string): (epochMinute: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const wallOf = (ms: number): number => {
    // format() is three times faster than formatToParts(); en-US with h23 prints "M/D/YYYY, HH:MM:SS".
    const numbers = format.format(ms).match(/\d+/g);
    if (numbers?.length === 6) {
      const [month, day, year, hour, minute, second] = numbers.map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      return Date.UTC(year, month - 1, day, hour, minute, second);
    }
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(ms)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return Date.UTC(
      parts['year'] ?? NaN,
      (parts['month'] ?? NaN) - 1,
      parts['day'] ?? NaN,
      parts['hour'] ?? NaN,
      parts['minute'] ?? NaN,
      parts['second'] ?? NaN,
    );
  };
  return (epochMinute: number): number => {
    const ms = epochMinute * 60_000;
    const wall = wallOf(ms);
    const offsetMs = wall - ms;
    // Minute arithmetic is only exact if offsets are whole minutes (true for every zone since 1972).
    if (!Number.isInteger(offsetMs / 60_000)) {
      throw new CalendarInputError(
        'timeZone',
        `time zone ${timeZone} has a UTC offset that is not a whole number of minutes at ${new Date(ms).toISOString()}`,
      );
    }
    return offsetMs / 60_000;
  };
}

// Daily samples find every real-world transition: no zone has had two offset changes that cancel out within
// one day. Between two samples with different offsets the exact minute is found by bisection.
const SAMPLE_STEP_MINUTES = 1440;

export function buildZoneOffsets(timeZone: string, fromMinute: number, toMinute: number): ZoneOffsets {
  const offsetAt = offsetReader(timeZone);
  const transitions: number[] = [];
  const offsets: number[] = [offsetAt(fromMinute)];
  let previousTime = fromMinute;
  let previousOffset = offsets[0]!;
  for (let t = fromMinute + SAMPLE_STEP_MINUTES; ; t += SAMPLE_STEP_MINUTES) {
    const sampleTime = Math.min(t, toMinute);
    let sampleOffset = offsetAt(sampleTime);
    // Loop in case one sampling step holds more than one change.
    while (sampleOffset !== previousOffset) {
      let lo = previousTime; // offsetAt(lo) === previousOffset
      let hi = sampleTime; // offsetAt(hi) !== previousOffset
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === previousOffset) lo = mid;
        else hi = mid;
      }
      const changed = offsetAt(hi);
      transitions.push(hi);
      offsets.push(changed);
      previousTime = hi;
      previousOffset = changed;
      sampleOffset = offsetAt(sampleTime);
    }
    previousTime = sampleTime;
    if (sampleTime >= toMinute) break;
  }
  return {
    timeZone,
    coversFrom: fromMinute,
    coversTo: toMinute,
    transitions: Int32Array.from(transitions),
    offsets: Int32Array.from(offsets),
  };
}

/** Index of the offset segment that contains the instant. */
function segmentAt(zone: ZoneOffsets, epochMinute: number): number {
  const transitions = zone.transitions;
  let lo = 0;
  let hi = transitions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (transitions[mid]! <= epochMinute) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function offsetAt(zone: ZoneOffsets, epochMinute: number): number {
  return zone.offsets[segmentAt(zone, epochMinute)]!;
}

// Real offsets stay within −12 h … +14 h; a day of margin on each side keeps the scans below correct anyway.
const MAX_ABS_OFFSET = 1440;

/**
 * The first instant at which the wall clock shows `wallMinute` or later. This is how a local day's start
 * ("00:00") is defined when a transition skips or repeats it: a skipped 00:00 starts the day at the transition.
 */
export function firstInstantReaching(zone: ZoneOffsets, wallMinute: number): number {
  const { transitions, offsets } = zone;
  for (let k = segmentAt(zone, wallMinute - MAX_ABS_OFFSET); k < offsets.length; k++) {
    const segmentStart = k === 0 ? -Infinity : transitions[k - 1]!;
    const segmentEnd = k === transitions.length ? Infinity : transitions[k]!;
    // Within a segment the wall clock runs forward with the instant, so the candidate is the segment's minimum.
    const candidate = Math.max(segmentStart, wallMinute - offsets[k]!);
    if (candidate < segmentEnd) return candidate;
  }
  throw new Error('unreachable: the last offset segment is unbounded');
}

/**
 * All instants whose wall clock lies in [wallFrom, wallTo), as ascending [start, end) pairs appended to `out`.
 * A repeated hour (autumn transition) yields two pieces; a skipped hour yields none for the skipped part.
 */
export function instantsWithWallClockIn(
  zone: ZoneOffsets,
  wallFrom: number,
  wallTo: number,
  out: number[],
): void {
  const { transitions, offsets } = zone;
  const last = segmentAt(zone, wallTo + MAX_ABS_OFFSET);
  for (let k = segmentAt(zone, wallFrom - MAX_ABS_OFFSET); k <= last; k++) {
    const segmentStart = k === 0 ? -Infinity : transitions[k - 1]!;
    const segmentEnd = k === transitions.length ? Infinity : transitions[k]!;
    const start = Math.max(segmentStart, wallFrom - offsets[k]!);
    const end = Math.min(segmentEnd, wallTo - offsets[k]!);
    if (start < end) out.push(start, end);
  }
}
