import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { fromPackageRoot } from '../../platform/paths.js';
import type { CalendarDay } from './domain/calendar-definition.js';
import { calendarDaysFromHolidayCn } from './domain/holiday-cn.js';

/**
 * Loads the holiday-cn files shipped in `data/reference/holidays/` (see PROVENANCE.md there). Kept outside
 * `domain/` because it reads files.
 */

const HOLIDAY_FILE = /^holiday-cn-\d{4}\.json$/;

export function shippedHolidayDirectory(): string {
  return fromPackageRoot('data', 'reference', 'holidays');
}

/** Every `holiday-cn-YYYY.json` in the folder, parsed, in file-name order. */
export async function loadHolidayCnFiles(directory: string = shippedHolidayDirectory()): Promise<unknown[]> {
  const names = (await readdir(directory)).filter((name) => HOLIDAY_FILE.test(name)).sort();
  if (names.length === 0) throw new Error(`no holiday-cn-YYYY.json files in ${directory}`);
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(directory, name), 'utf8')) as unknown),
  );
}

/** Official holidays and make-up working days from all shipped files, merged by date. */
export async function loadShippedHolidayDays(directory?: string): Promise<CalendarDay[]> {
  return calendarDaysFromHolidayCn(await loadHolidayCnFiles(directory));
}
