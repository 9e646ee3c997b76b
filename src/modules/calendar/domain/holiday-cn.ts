import type { CalendarDay } from './calendar-definition.js';
import { parseIsoDate } from './civil-date.js';
import { CalendarInputError } from './errors.js';

/**
 * NateScarlet/holiday-cn files: `{year, papers[], days[{name, date, isOffDay}]}`. A file is keyed by the year of
 * the State Council notice, not by the dates it lists (2022-12-31 sits in the 2023 file), so all files are read
 * together and merged by date. Ordinary weekends are not listed.
 */
export interface HolidayCnFile {
  readonly year: number;
  readonly papers: readonly string[];
  readonly days: readonly { readonly name: string; readonly date: string; readonly isOffDay: boolean }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks one parsed JSON document against the holiday-cn schema. */
export function parseHolidayCnFile(json: unknown, label = 'holiday-cn'): HolidayCnFile {
  if (!isRecord(json)) throw new CalendarInputError(label, `${label} is not a holiday-cn object`);
  const { year, papers, days } = json;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    throw new CalendarInputError(`${label}.year`, `${label}.year must be a whole number`);
  }
  const paperList: string[] = [];
  if (!Array.isArray(papers)) {
    throw new CalendarInputError(`${label}.papers`, `${label}.papers must be a list`);
  }
  for (const paper of papers as unknown[]) {
    if (typeof paper !== 'string') {
      throw new CalendarInputError(`${label}.papers`, `${label}.papers must be a list of URLs`);
    }
    paperList.push(paper);
  }
  if (!Array.isArray(days)) throw new CalendarInputError(`${label}.days`, `${label}.days must be a list`);
  const parsedDays = days.map((day: unknown, i) => {
    const field = `${label}.days[${i}]`;
    if (!isRecord(day)) throw new CalendarInputError(field, `${field} must be an object`);
    const { name, date, isOffDay } = day;
    if (typeof name !== 'string') {
      throw new CalendarInputError(`${field}.name`, `${field}.name must be a string`);
    }
    if (typeof date !== 'string') {
      throw new CalendarInputError(`${field}.date`, `${field}.date must be a date string YYYY-MM-DD`);
    }
    parseIsoDate(date, `${field}.date`);
    if (typeof isOffDay !== 'boolean') {
      throw new CalendarInputError(`${field}.isOffDay`, `${field}.isOffDay must be a boolean`);
    }
    return { name, date, isOffDay };
  });
  return { year, papers: paperList, days: parsedDays };
}

/**
 * Merges holiday-cn files into calendar days. The same date in two files must agree on `isOffDay` (the later
 * notice's name is kept); a disagreement is refused rather than resolved silently.
 */
export function calendarDaysFromHolidayCn(files: readonly unknown[]): CalendarDay[] {
  const parsed = files.map((file, i) => parseHolidayCnFile(file, `files[${i}]`));
  parsed.sort((a, b) => a.year - b.year);
  const byDate = new Map<string, CalendarDay>();
  for (const file of parsed) {
    const source = file.papers.join(' ');
    for (const day of file.days) {
      const earlier = byDate.get(day.date);
      if (earlier && earlier.isOffDay !== day.isOffDay) {
        throw new CalendarInputError(
          'files',
          `holiday-cn files disagree on ${day.date}: isOffDay ${String(earlier.isOffDay)} vs ${String(day.isOffDay)}`,
        );
      }
      byDate.set(day.date, { date: day.date, isOffDay: day.isOffDay, name: day.name, source });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
