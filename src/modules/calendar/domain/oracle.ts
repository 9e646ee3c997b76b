import type { CalendarDefinition } from './calendar-definition.js';
import type { PauseInterval } from './pauses.js';
import type { TimeUnit } from './units.js';

/**
 * Brute-force reference for tests and the benchmark: walks the time line one minute at a time and asks, for each
 * minute, the plain questions of the rules. It shares no code with the index: local time comes straight from
 * Intl, dates from `Date`'s UTC fields, working days from the definition's list and the weekday. Slow on purpose
 * (milliseconds per call); never used in production paths.
 *
 * Rules it encodes (the same as the fast path, stated minute by minute):
 * - minute m is the span [m, m + 1 min); it is paused when it overlaps a non-empty pause at all;
 * - it is office time when its own local date is a working day and its local time of day is inside a window;
 * - a local day runs from the first minute the wall clock shows that date (or a later one) until the first minute
 *   it shows a later date; the date an instant belongs to is the latest date the wall clock has shown so far.
 */
export interface Oracle {
  deadline(start: number, amount: number, unit: TimeUnit, pauses?: readonly PauseInterval[]): number;
  elapsed(from: number, to: number, unit: TimeUnit, pauses?: readonly PauseInterval[]): number;
}

const MINUTE = 60_000;

export function createOracle(definition: CalendarDefinition, maxSteps = 5_000_000): Oracle {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: definition.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const intlOffset = (minute: number): number => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(minute * MINUTE)) p[part.type] = Number(part.value);
    const wall = Date.UTC(
      p['year'] ?? NaN,
      (p['month'] ?? NaN) - 1,
      p['day'],
      p['hour'],
      p['minute'],
      p['second'],
    );
    return (wall - minute * MINUTE) / MINUTE;
  };
  // An hour whose two ends share an offset has that offset throughout (offsets never change twice in an hour).
  const hourOffsets = new Map<number, number | null>();
  const offsetOf = (minute: number): number => {
    const hour = Math.floor(minute / 60);
    let cached = hourOffsets.get(hour);
    if (cached === undefined) {
      const a = intlOffset(hour * 60);
      cached = a === intlOffset(hour * 60 + 60) ? a : null;
      hourOffsets.set(hour, cached);
    }
    return cached ?? intlOffset(minute);
  };

  const listed = new Map(definition.days.map((d) => [d.date, d.isOffDay]));
  const windows = definition.officeWindows.map((w) => [clock(w.start), clock(w.end)] as const);
  const workDayMinutes = windows.reduce((sum, [s, e]) => sum + e - s, 0);

  const wall = (minute: number): { date: string; timeOfDay: number } => {
    const wallMinute = minute + offsetOf(minute);
    const date = new Date(wallMinute * MINUTE).toISOString().slice(0, 10);
    return { date, timeOfDay: ((wallMinute % 1440) + 1440) % 1440 };
  };
  const isWorkingDate = (date: string): boolean => {
    const off = listed.get(date);
    if (off !== undefined) return !off;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  const isOfficeMinute = (minute: number): boolean => {
    const { date, timeOfDay } = wall(minute);
    return isWorkingDate(date) && windows.some(([s, e]) => s <= timeOfDay && timeOfDay < e);
  };
  const pausedTest = (pauses: readonly PauseInterval[] | undefined) => {
    const list = (pauses ?? []).filter((p) => p.from < p.to);
    return (minute: number): boolean =>
      list.some((p) => p.from < (minute + 1) * MINUTE && p.to > minute * MINUTE);
  };
  const dateOf = (minute: number): string => {
    let latest = wall(minute).date;
    for (let m = minute - 1560; m < minute; m++) {
      const d = wall(m).date;
      if (d > latest) latest = d;
    }
    return latest;
  };
  const minutesPer = (unit: TimeUnit): number => {
    switch (unit) {
      case 'urgent_hour':
      case 'work_hour':
        return 60;
      case 'natural_day':
        return 1440;
      case 'work_day':
        return workDayMinutes;
      case 'calendar_day':
      case 'working_day':
        return NaN;
    }
  };
  const isOffice = (unit: TimeUnit): boolean => unit === 'work_hour' || unit === 'work_day';
  const tooLong = (): never => {
    throw new Error(`oracle gave up after ${maxSteps} minutes`);
  };

  function deadline(
    start: number,
    amount: number,
    unit: TimeUnit,
    pauses?: readonly PauseInterval[],
  ): number {
    const paused = pausedTest(pauses);
    if (unit === 'calendar_day' || unit === 'working_day') {
      const trigger = dateOf(Math.floor(start / MINUTE));
      let current = trigger;
      let currentHasUnpaused = false;
      let counted = 0;
      let waitingForWorkingDay = false;
      for (let m = Math.floor(start / MINUTE) + 1, steps = 0; steps < maxSteps; m++, steps++) {
        const date = wall(m).date;
        if (date > current) {
          // The day `current` ended at instant m (24:00).
          if (current !== trigger && currentHasUnpaused) {
            const working = isWorkingDate(current);
            if (waitingForWorkingDay) {
              if (working) return m * MINUTE;
            } else if (unit === 'calendar_day' || working) {
              counted++;
              if (counted === amount) {
                if (working) return m * MINUTE;
                waitingForWorkingDay = true;
              }
            }
          }
          current = date;
          currentHasUnpaused = false;
        }
        if (!paused(m)) currentHasUnpaused = true;
      }
      return tooLong();
    }
    const needed = Math.round(amount * minutesPer(unit));
    let counted = 0;
    for (let m = Math.ceil(start / MINUTE), steps = 0; steps < maxSteps; m++, steps++) {
      if (!paused(m) && (!isOffice(unit) || isOfficeMinute(m))) counted++;
      if (counted === needed) return (m + 1) * MINUTE;
    }
    return tooLong();
  }

  function elapsed(from: number, to: number, unit: TimeUnit, pauses?: readonly PauseInterval[]): number {
    const paused = pausedTest(pauses);
    const toMinute = Math.floor(to / MINUTE);
    if (unit === 'calendar_day' || unit === 'working_day') {
      const trigger = dateOf(Math.floor(from / MINUTE));
      let current = trigger;
      let currentStart = NaN;
      let currentHasUnpaused = false;
      let total = 0;
      for (let m = Math.floor(from / MINUTE) + 1, steps = 0; steps < maxSteps; m++, steps++) {
        const date = wall(m).date;
        if (date > current) {
          if (
            current !== trigger &&
            currentHasUnpaused &&
            (unit === 'calendar_day' || isWorkingDate(current))
          ) {
            total += (Math.min(toMinute, m) - currentStart) / (m - currentStart);
          }
          if (m >= toMinute) return total;
          current = date;
          currentStart = m;
          currentHasUnpaused = false;
        }
        if (!paused(m)) currentHasUnpaused = true;
      }
      return tooLong();
    }
    let counted = 0;
    for (let m = Math.ceil(from / MINUTE); m < toMinute; m++) {
      if (!paused(m) && (!isOffice(unit) || isOfficeMinute(m))) counted++;
    }
    return unit === 'work_day' || unit === 'natural_day' ? counted / minutesPer(unit) : counted;
  }

  return { deadline, elapsed };
}

function clock(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}
