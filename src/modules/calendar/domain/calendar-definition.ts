import { formatIsoDate, isWeekend, parseIsoDate } from './civil-date.js';
import { CalendarInputError } from './errors.js';
import { DEFAULT_OFFICE_WINDOWS, normalizeOfficeWindows, type OfficeWindow } from './office-windows.js';
import { canonicalTimeZone } from './time-zone.js';

/**
 * One listed date: an official holiday or rest day (`isOffDay: true`) or a make-up working day, 调休
 * (`isOffDay: false`). Dates that are not listed follow the ordinary rule: Monday–Friday work, weekends rest.
 */
export interface CalendarDay {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly isOffDay: boolean;
  /** Festival name as published, e.g. 春节. */
  readonly name: string;
  /** Where the entry comes from: the State Council notice URL(s) or the amendment's reference. */
  readonly source?: string;
}

/**
 * Everything a tenant's working calendar depends on. Plain JSON so the platform can store it as is; build a
 * `WorkingCalendar` from it to answer deadline questions.
 */
export interface CalendarDefinition {
  /** IANA time-zone name, canonical form. */
  readonly timeZone: string;
  /** Office windows of a working day, sorted, local wall-clock time. */
  readonly officeWindows: readonly OfficeWindow[];
  /** Listed dates, sorted by date, at most one entry per date. */
  readonly days: readonly CalendarDay[];
}

export interface CalendarDefinitionInput {
  readonly timeZone?: string;
  readonly officeWindows?: readonly OfficeWindow[];
  readonly days?: readonly CalendarDay[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function validateCalendarDay(day: CalendarDay, field: string): CalendarDay {
  if (day === null || typeof day !== 'object') {
    throw new CalendarInputError(field, `${field} must be an object {date, isOffDay, name}`);
  }
  parseIsoDate(day.date, `${field}.date`);
  if (typeof day.isOffDay !== 'boolean') {
    throw new CalendarInputError(`${field}.isOffDay`, `${field}.isOffDay must be true or false`);
  }
  if (typeof day.name !== 'string') {
    throw new CalendarInputError(`${field}.name`, `${field}.name must be a string`);
  }
  if (day.source !== undefined && typeof day.source !== 'string') {
    throw new CalendarInputError(`${field}.source`, `${field}.source must be a string when given`);
  }
  const copy: CalendarDay =
    day.source === undefined
      ? { date: day.date, isOffDay: day.isOffDay, name: day.name }
      : { date: day.date, isOffDay: day.isOffDay, name: day.name, source: day.source };
  return Object.freeze(copy);
}

/** Validates and normalises a definition. Two entries for one date are refused: which one wins would be a guess. */
export function createCalendarDefinition(input: CalendarDefinitionInput = {}): CalendarDefinition {
  const timeZone = canonicalTimeZone(input.timeZone ?? DEFAULT_TIME_ZONE);
  const officeWindows = normalizeOfficeWindows(input.officeWindows ?? DEFAULT_OFFICE_WINDOWS).map((w) =>
    Object.freeze(w),
  );
  const days = (input.days ?? []).map((day, i) => validateCalendarDay(day, `days[${i}]`));
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < days.length; i++) {
    if (days[i]!.date === days[i - 1]!.date) {
      throw new CalendarInputError('days', `date ${days[i]!.date} is listed twice`);
    }
  }
  return Object.freeze({
    timeZone,
    officeWindows: Object.freeze(officeWindows),
    days: Object.freeze(days),
  });
}

/** Listed dates by day number, for the index build and for lookups. */
export function listedDaysByNumber(definition: CalendarDefinition): Map<number, CalendarDay> {
  const map = new Map<number, CalendarDay>();
  for (const day of definition.days) map.set(parseIsoDate(day.date, 'date'), day);
  return map;
}

/** The one rule for "is this a working day": a listing wins, otherwise Monday–Friday. */
export function isWorkingDay(listed: ReadonlyMap<number, CalendarDay>, dayNumber: number): boolean {
  const entry = listed.get(dayNumber);
  return entry ? !entry.isOffDay : !isWeekend(dayNumber);
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DateDescription {
  readonly date: string;
  readonly working: boolean;
  /** `holiday`: listed rest day; `makeup_workday`: listed working weekend day (调休); otherwise the weekday rule. */
  readonly kind: DayKind;
  /** Festival name for listed dates. */
  readonly name: string | null;
}

export function describeDate(definition: CalendarDefinition, date: string): DateDescription {
  const dayNumber = parseIsoDate(date, 'date');
  const entry = definition.days.find((d) => d.date === date);
  const weekend = isWeekend(dayNumber);
  const iso = formatIsoDate(dayNumber);
  if (!entry) return { date: iso, working: !weekend, kind: weekend ? 'weekend' : 'workday', name: null };
  if (entry.isOffDay) return { date: iso, working: false, kind: 'holiday', name: entry.name };
  return { date: iso, working: true, kind: weekend ? 'makeup_workday' : 'workday', name: entry.name };
}
