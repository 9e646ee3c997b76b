import { CalendarInputError } from './errors.js';

/**
 * Proleptic Gregorian date arithmetic on "day numbers" (days since 1970-01-01). Local calendar dates are handled
 * as day numbers so that no code path ever depends on the machine's time zone.
 * Algorithms after H. Hinnant, "chrono-compatible low-level date algorithms".
 */

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2025-02-30 instead of rolling them over. */
export function parseIsoDate(text: unknown, field: string): number {
  if (typeof text !== 'string') {
    throw new CalendarInputError(field, `${field} must be a date string YYYY-MM-DD`);
  }
  const match = ISO_DATE.exec(text);
  if (!match) {
    throw new CalendarInputError(field, `${field} must be a date YYYY-MM-DD, got "${text}"`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const dayNumber = daysFromCivil(year, month, day);
  const back = civilFromDays(dayNumber);
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new CalendarInputError(field, `${field} is not a real calendar date: "${text}"`);
  }
  return dayNumber;
}

export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
