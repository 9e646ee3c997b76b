import { isWorkingDay, listedDaysByNumber, type CalendarDefinition } from './calendar-definition.js';
import { daysFromCivil } from './civil-date.js';
import { CalendarInputError, CalendarRangeError } from './errors.js';
import { officeMinutesPerDay, officeWindowMinutes } from './office-windows.js';
import {
  buildZoneOffsets,
  firstInstantReaching,
  instantsWithWallClockIn,
  type ZoneOffsets,
} from './time-zone.js';

/**
 * Precomputed answers for a range of local dates, so each deadline/elapsed question is a few binary searches.
 * All instants are epoch minutes (Int32 holds ±4,000 years of them).
 *
 * Days: `dayStart[i]` is the first instant of local date firstDayNumber + i (the first instant its 00:00 is
 * reached, see time-zone.ts), `dayStart[dayCount]` closes the range. A day with no instants (skipped by a
 * zone change, e.g. Pacific/Apia 2011-12-30) is neither counted nor working.
 *
 * Office time: the instants whose wall clock lies inside an office window on a working day, as disjoint ascending
 * intervals [officeStart[i], officeEnd[i]) with `officeCumEnd[i]` the office minutes from the range start through
 * the end of interval i. Computing them from the offset table (not as "midnight + 8 h") keeps DST days exact.
 */
export interface WorkingTimeIndex {
  readonly timeZone: string;
  readonly zone: ZoneOffsets;
  readonly fromYear: number;
  readonly toYear: number;
  /** Day number (days since 1970-01-01) of the first local date in range. */
  readonly firstDayNumber: number;
  readonly dayCount: number;
  /** First and last instant (epoch minutes) the index can answer for: dayStart[0], dayStart[dayCount]. */
  readonly rangeStart: number;
  readonly rangeEnd: number;
  /** Nominal office minutes of one working day: the length of one `work_day`. */
  readonly minutesPerWorkDay: number;
  readonly dayStart: Int32Array;
  readonly dayWorking: Uint8Array;
  /** cumDays[i] = days (with at least one instant) among days < i. */
  readonly cumDays: Int32Array;
  /** cumWorkingDays[i] = working days among days < i. */
  readonly cumWorkingDays: Int32Array;
  /** nextWorkingDay[i] = smallest working day ≥ i, or dayCount when none. */
  readonly nextWorkingDay: Int32Array;
  readonly officeStart: Int32Array;
  readonly officeEnd: Int32Array;
  readonly officeCumEnd: Int32Array;
}

export interface WorkingTimeIndexOptions {
  /** First year of local dates covered (default 2000). */
  readonly fromYear?: number;
  /** Last year covered, inclusive (default 2100). */
  readonly toYear?: number;
  /** Offset table to reuse when only the holidays changed (an amendment): the Intl scan is the slow part. */
  readonly zone?: ZoneOffsets;
}

export const DEFAULT_FROM_YEAR = 2000;
export const DEFAULT_TO_YEAR = 2100;

function checkYear(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 2500) {
    throw new CalendarInputError(field, `${field} must be a whole year between 1900 and 2500`);
  }
  return value;
}

export function buildWorkingTimeIndex(
  definition: CalendarDefinition,
  options: WorkingTimeIndexOptions = {},
): WorkingTimeIndex {
  const fromYear = checkYear(options.fromYear ?? DEFAULT_FROM_YEAR, 'fromYear');
  const toYear = checkYear(options.toYear ?? DEFAULT_TO_YEAR, 'toYear');
  if (toYear < fromYear) throw new CalendarInputError('toYear', 'toYear must not be before fromYear');

  const firstDayNumber = daysFromCivil(fromYear, 1, 1);
  const endDayNumber = daysFromCivil(toYear + 1, 1, 1);
  const dayCount = endDayNumber - firstDayNumber;
  const windows = officeWindowMinutes(definition.officeWindows);

  // Two days of margin: a local date's instants lie within ±1 day of its wall-clock value.
  const zoneFrom = (firstDayNumber - 2) * 1440;
  const zoneTo = (endDayNumber + 2) * 1440;
  const given = options.zone;
  const zone =
    given &&
    given.timeZone === definition.timeZone &&
    given.coversFrom <= zoneFrom &&
    given.coversTo >= zoneTo
      ? given
      : buildZoneOffsets(definition.timeZone, zoneFrom, zoneTo);

  const dayStart = new Int32Array(dayCount + 1);
  for (let i = 0; i <= dayCount; i++) dayStart[i] = firstInstantReaching(zone, (firstDayNumber + i) * 1440);
  const rangeStart = dayStart[0]!;
  const rangeEnd = dayStart[dayCount]!;

  const listed = listedDaysByNumber(definition);
  const dayWorking = new Uint8Array(dayCount);
  const cumDays = new Int32Array(dayCount + 1);
  const cumWorkingDays = new Int32Array(dayCount + 1);
  const office: number[] = [];
  for (let i = 0; i < dayCount; i++) {
    const exists = dayStart[i + 1]! > dayStart[i]!;
    const working = exists && isWorkingDay(listed, firstDayNumber + i);
    dayWorking[i] = working ? 1 : 0;
    cumDays[i + 1] = cumDays[i]! + (exists ? 1 : 0);
    cumWorkingDays[i + 1] = cumWorkingDays[i]! + (working ? 1 : 0);
    if (working) {
      const wallMidnight = (firstDayNumber + i) * 1440;
      for (const w of windows) {
        instantsWithWallClockIn(zone, wallMidnight + w.start, wallMidnight + w.end, office);
      }
    }
  }
  const nextWorkingDay = new Int32Array(dayCount + 1);
  nextWorkingDay[dayCount] = dayCount;
  for (let i = dayCount - 1; i >= 0; i--) nextWorkingDay[i] = dayWorking[i] ? i : nextWorkingDay[i + 1]!;

  const { officeStart, officeEnd, officeCumEnd } = packOfficeIntervals(office, rangeStart, rangeEnd);

  return {
    timeZone: definition.timeZone,
    zone,
    fromYear,
    toYear,
    firstDayNumber,
    dayCount,
    rangeStart,
    rangeEnd,
    minutesPerWorkDay: officeMinutesPerDay(windows),
    dayStart,
    dayWorking,
    cumDays,
    cumWorkingDays,
    nextWorkingDay,
    officeStart,
    officeEnd,
    officeCumEnd,
  };
}

/**
 * Sorts (only needed when an autumn transition interleaves two dates' office time), merges touching intervals and
 * clips to the range.
 */
function packOfficeIntervals(
  flat: number[],
  rangeStart: number,
  rangeEnd: number,
): { officeStart: Int32Array; officeEnd: Int32Array; officeCumEnd: Int32Array } {
  let pairs: [number, number][] | null = null;
  for (let i = 2; i < flat.length; i += 2) {
    if (flat[i]! < flat[i - 1]!) {
      pairs = [];
      for (let j = 0; j < flat.length; j += 2) pairs.push([flat[j]!, flat[j + 1]!]);
      pairs.sort((a, b) => a[0] - b[0]);
      break;
    }
  }
  const starts: number[] = [];
  const ends: number[] = [];
  const count = pairs ? pairs.length : flat.length / 2;
  for (let i = 0; i < count; i++) {
    const start = Math.max(rangeStart, pairs ? pairs[i]![0] : flat[2 * i]!);
    const end = Math.min(rangeEnd, pairs ? pairs[i]![1] : flat[2 * i + 1]!);
    if (end <= start) continue;
    const last = ends.length - 1;
    if (last >= 0 && start <= ends[last]!) {
      ends[last] = Math.max(ends[last]!, end);
    } else {
      starts.push(start);
      ends.push(end);
    }
  }
  const officeStart = Int32Array.from(starts);
  const officeEnd = Int32Array.from(ends);
  const officeCumEnd = new Int32Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    total += ends[i]! - starts[i]!;
    officeCumEnd[i] = total;
  }
  return { officeStart, officeEnd, officeCumEnd };
}

/** Bytes held in the index's typed arrays (the memory the benchmark reports). */
export function indexBytes(index: WorkingTimeIndex): number {
  return (
    index.zone.transitions.byteLength +
    index.zone.offsets.byteLength +
    index.dayStart.byteLength +
    index.dayWorking.byteLength +
    index.cumDays.byteLength +
    index.cumWorkingDays.byteLength +
    index.nextWorkingDay.byteLength +
    index.officeStart.byteLength +
    index.officeEnd.byteLength +
    index.officeCumEnd.byteLength
  );
}

/** Smallest i in [lo, hi) with array[i] > value, or hi. */
export function upperBound(array: Int32Array, value: number, lo = 0, hi = array.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (array[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Smallest i in [lo, hi) with array[i] >= value, or hi. */
export function lowerBound(array: Int32Array, value: number, lo = 0, hi = array.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (array[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function checkInRange(index: WorkingTimeIndex, epochMinute: number, field: string): void {
  if (epochMinute < index.rangeStart || epochMinute > index.rangeEnd) {
    throw new CalendarRangeError(
      field,
      `${field} is outside the calendar's range (local dates ${index.fromYear}-01-01 … ${index.toYear}-12-31)`,
    );
  }
}

/** Office minutes in [rangeStart, t); t is clamped to the range (callers check the range where it matters). */
export function officeMinutesBefore(index: WorkingTimeIndex, epochMinute: number): number {
  const i = upperBound(index.officeStart, epochMinute) - 1;
  if (i < 0) return 0;
  const end = index.officeEnd[i]!;
  return index.officeCumEnd[i]! - (epochMinute < end ? end - epochMinute : 0);
}

/** Earliest instant t with officeMinutesBefore(t) ≥ count, for count ≥ 1. */
export function instantAtOfficeMinute(index: WorkingTimeIndex, count: number, field: string): number {
  const k = lowerBound(index.officeCumEnd, count);
  if (k === index.officeCumEnd.length) {
    throw new CalendarRangeError(
      field,
      `the result falls after the calendar's range (${index.toYear}-12-31)`,
    );
  }
  return index.officeEnd[k]! - (index.officeCumEnd[k]! - count);
}

/** Day containing the instant: largest i with dayStart[i] ≤ t (so a zero-length day is never returned). */
export function dayIndexAt(index: WorkingTimeIndex, epochMinute: number, field: string): number {
  if (epochMinute < index.rangeStart || epochMinute >= index.rangeEnd) {
    throw new CalendarRangeError(
      field,
      `${field} is outside the calendar's range (local dates ${index.fromYear}-01-01 … ${index.toYear}-12-31)`,
    );
  }
  return upperBound(index.dayStart, epochMinute) - 1;
}
