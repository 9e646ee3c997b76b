import { CalendarRangeError } from './errors.js';
import { dayIndexAt, lowerBound, upperBound, type WorkingTimeIndex } from './working-time-index.js';

/**
 * Legal periods counted in days (民法典 Art. 201, 203; 行政处罚法 Art. 85; 行政诉讼法 Art. 83; 民事诉讼法 Art. 85):
 * - the day of the triggering event is not counted; counting starts on the next local day;
 * - `calendar_day`: every day counts; if the last day is a rest day (statutory holiday, or a weekend day that is
 *   not a 调休 make-up working day) the period runs to the end of the next working day;
 * - `working_day`: only working days count (weekdays that are not holidays, plus make-up days);
 * - the period ends at 24:00 of its last day in the tenant's zone, i.e. the first instant of the following day;
 * - a pause excludes only the days it covers entirely (00:00–24:00 local); a partly paused day still counts.
 *   Suspensions in law (hearing, appraisal, 中止) are stated in days, so the platform passes whole days.
 */

export type LegalUnit = 'calendar_day' | 'working_day';

function countsOf(index: WorkingTimeIndex, unit: LegalUnit): Int32Array {
  return unit === 'working_day' ? index.cumWorkingDays : index.cumDays;
}

/** Day-index ranges [i, j) wholly covered by one pause, ascending (pauses are merged, so ranges are disjoint). */
export function fullyPausedDays(index: WorkingTimeIndex, pauses: readonly number[]): number[] {
  const ranges: number[] = [];
  const { dayStart, dayCount } = index;
  for (let k = 0; k < pauses.length; k += 2) {
    // Day d is covered iff dayStart[d] ≥ a and dayStart[d + 1] ≤ b.
    const first = lowerBound(dayStart, pauses[k]!, 0, dayCount + 1);
    const end = Math.min(upperBound(dayStart, pauses[k + 1]!, 0, dayCount + 1) - 1, dayCount);
    if (end > first) ranges.push(first, end);
  }
  return ranges;
}

/** The day on which `count` counted days after position `from` (inclusive) are complete. */
function nthCountedDay(index: WorkingTimeIndex, counts: Int32Array, from: number, count: number): number {
  const k = lowerBound(counts, counts[from]! + count, from + 1, index.dayCount + 1);
  if (k > index.dayCount) {
    throw new CalendarRangeError(
      'amount',
      `the period ends after the calendar's range (${index.toYear}-12-31)`,
    );
  }
  return k - 1;
}

/** Returns the epoch minute at which the period ends (24:00 of its last day). */
export function legalDeadline(
  index: WorkingTimeIndex,
  startMinute: number,
  days: number,
  unit: LegalUnit,
  pauses: readonly number[] | null,
): number {
  const counts = countsOf(index, unit);
  const triggerDay = dayIndexAt(index, startMinute, 'start');
  const excluded = pauses === null ? null : fullyPausedDays(index, pauses);

  let position = triggerDay + 1;
  let remaining = days;
  let lastDay = -1;
  if (excluded !== null) {
    for (let k = 0; k < excluded.length; k += 2) {
      const a = excluded[k]!;
      const b = excluded[k + 1]!;
      if (b <= position) continue;
      if (a > position) {
        const available = counts[a]! - counts[position]!;
        if (available >= remaining) {
          lastDay = nthCountedDay(index, counts, position, remaining);
          break;
        }
        remaining -= available;
      }
      position = b;
    }
  }
  if (lastDay < 0) lastDay = nthCountedDay(index, counts, position, remaining);

  if (unit === 'calendar_day' && index.dayWorking[lastDay] === 0) {
    lastDay = nextUnpausedWorkingDay(index, lastDay + 1, excluded);
  }
  return index.dayStart[lastDay + 1]!;
}

function nextUnpausedWorkingDay(
  index: WorkingTimeIndex,
  from: number,
  excluded: readonly number[] | null,
): number {
  let day = index.nextWorkingDay[from]!;
  if (excluded !== null) {
    for (let k = 0; k < excluded.length; k += 2) {
      const b = excluded[k + 1]!;
      if (b <= day) continue;
      if (excluded[k]! > day) break;
      day = index.nextWorkingDay[b]!;
    }
  }
  if (day >= index.dayCount) {
    throw new CalendarRangeError(
      'amount',
      `the period ends after the calendar's range (${index.toYear}-12-31)`,
    );
  }
  return day;
}

/**
 * Days of the period used by `toMinute`: whole counted days since the trigger day, plus the elapsed fraction of
 * the current day if it counts (minutes since its 00:00 / its length, 1,440 except on DST days). Fully paused
 * days and, for `working_day`, rest days add nothing. The rest-day extension of `calendar_day` is not included:
 * the count can exceed the amount before the deadline is reached.
 */
export function legalElapsed(
  index: WorkingTimeIndex,
  fromMinute: number,
  toMinute: number,
  unit: LegalUnit,
  pauses: readonly number[] | null,
): number {
  const counts = countsOf(index, unit);
  const { dayStart, dayCount } = index;
  const firstDay = dayIndexAt(index, fromMinute, 'from') + 1;
  if (toMinute < dayStart[firstDay]!) return 0;
  let currentDay: number;
  if (toMinute === index.rangeEnd) currentDay = dayCount;
  else currentDay = dayIndexAt(index, toMinute, 'to');

  let value = counts[currentDay]! - counts[firstDay]!;
  let currentPaused = false;
  if (pauses !== null) {
    const excluded = fullyPausedDays(index, pauses);
    for (let k = 0; k < excluded.length; k += 2) {
      const a = Math.max(excluded[k]!, firstDay);
      const b = Math.min(excluded[k + 1]!, currentDay);
      if (b > a) value -= counts[b]! - counts[a]!;
      if (excluded[k]! <= currentDay && currentDay < excluded[k + 1]!) currentPaused = true;
    }
  }
  if (currentDay < dayCount && !currentPaused && counts[currentDay + 1]! > counts[currentDay]!) {
    value += (toMinute - dayStart[currentDay]!) / (dayStart[currentDay + 1]! - dayStart[currentDay]!);
  }
  return value;
}
