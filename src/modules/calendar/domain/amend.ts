import {
  createCalendarDefinition,
  isWorkingDay,
  type CalendarDay,
  type CalendarDefinition,
} from './calendar-definition.js';
import { parseIsoDate } from './civil-date.js';
import { CalendarInputError } from './errors.js';

/**
 * One line of an amendment, as published in a later State Council notice (e.g. the 2020 Spring Festival
 * extension of 2020-01-27): set a date's status, or remove its listing with `isOffDay: null` (the date then
 * follows the weekday rule again).
 */
export interface CalendarAmendmentEntry {
  readonly date: string;
  readonly isOffDay: boolean | null;
  /** Festival name; required when setting a status. */
  readonly name?: string;
  /** Reference of the notice that made the change. */
  readonly source?: string;
}

export interface CalendarDayChange {
  readonly date: string;
  /** The listing before and after; null when the date was (or is now) not listed. */
  readonly before: CalendarDay | null;
  readonly after: CalendarDay | null;
  /** Whether the date switched between working day and rest day; only then can deadlines move. */
  readonly workingChanged: boolean;
}

export interface CalendarAmendmentResult {
  readonly definition: CalendarDefinition;
  /** Dates whose listing changed in any way, ascending. */
  readonly changedDates: readonly string[];
  readonly changes: readonly CalendarDayChange[];
}

/**
 * Applies an amendment and reports what changed, so the platform can emit `calendar.amended` and recompute the
 * open deadlines that span a date whose working status changed. A date appearing twice in one amendment is
 * refused: its outcome would depend on the order of lines.
 */
export function amendCalendar(
  definition: CalendarDefinition,
  amendment: readonly CalendarAmendmentEntry[],
): CalendarAmendmentResult {
  if (!Array.isArray(amendment)) {
    throw new CalendarInputError('amendment', 'amendment must be a list of entries');
  }
  const byDate = new Map<string, CalendarDay>(definition.days.map((d) => [d.date, d]));
  const listedBefore = new Map<number, CalendarDay>();
  const listedAfter = new Map<number, CalendarDay>();
  const seen = new Set<string>();
  const touched: { date: string; dayNumber: number }[] = [];

  amendment.forEach((entry: CalendarAmendmentEntry, i) => {
    const field = `amendment[${i}]`;
    if (entry === null || typeof entry !== 'object') {
      throw new CalendarInputError(field, `${field} must be an object {date, isOffDay, name}`);
    }
    const dayNumber = parseIsoDate(entry.date, `${field}.date`);
    if (seen.has(entry.date)) {
      throw new CalendarInputError(`${field}.date`, `date ${entry.date} appears twice`);
    }
    seen.add(entry.date);
    const before = byDate.get(entry.date);
    if (before) listedBefore.set(dayNumber, before);

    if (entry.isOffDay === null) {
      byDate.delete(entry.date);
    } else {
      if (typeof entry.isOffDay !== 'boolean') {
        throw new CalendarInputError(`${field}.isOffDay`, `${field}.isOffDay must be true, false or null`);
      }
      if (typeof entry.name !== 'string' || entry.name.trim() === '') {
        throw new CalendarInputError(`${field}.name`, `${field}.name is required when setting a date`);
      }
      if (entry.source !== undefined && typeof entry.source !== 'string') {
        throw new CalendarInputError(`${field}.source`, `${field}.source must be a string when given`);
      }
      const after: CalendarDay =
        entry.source === undefined
          ? { date: entry.date, isOffDay: entry.isOffDay, name: entry.name }
          : { date: entry.date, isOffDay: entry.isOffDay, name: entry.name, source: entry.source };
      byDate.set(entry.date, after);
      listedAfter.set(dayNumber, after);
    }
    touched.push({ date: entry.date, dayNumber });
  });

  const next = createCalendarDefinition({
    timeZone: definition.timeZone,
    officeWindows: definition.officeWindows,
    days: [...byDate.values()],
  });

  const changes: CalendarDayChange[] = [];
  for (const { date, dayNumber } of touched) {
    const before = listedBefore.get(dayNumber) ?? null;
    const after = listedAfter.get(dayNumber) ?? null;
    if (sameListing(before, after)) continue;
    changes.push({
      date,
      before,
      after,
      workingChanged: isWorkingDay(listedBefore, dayNumber) !== isWorkingDay(listedAfter, dayNumber),
    });
  }
  changes.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { definition: next, changedDates: changes.map((c) => c.date), changes };
}

function sameListing(a: CalendarDay | null, b: CalendarDay | null): boolean {
  if (a === null || b === null) return a === b;
  return a.isOffDay === b.isOffDay && a.name === b.name && a.source === b.source;
}
