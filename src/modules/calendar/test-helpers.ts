/**
 * Shared by this module's tests and the benchmark: the shipped calendar and helpers that write instants with an
 * explicit UTC offset, so no test depends on the machine's time zone.
 */
import { createCalendarDefinition, type CalendarDefinition } from './domain/calendar-definition.js';
import { buildWorkingCalendar, type WorkingCalendar } from './domain/working-calendar.js';
import { loadShippedHolidayDays } from './holiday-data.js';

/** Asia/Shanghai, default office windows, holiday-cn 2020–2026. */
export const shanghaiDefinition: CalendarDefinition = createCalendarDefinition({
  days: await loadShippedHolidayDays(),
});

let shanghai: WorkingCalendar | undefined;

export function shanghaiCalendar(): WorkingCalendar {
  shanghai ??= buildWorkingCalendar(shanghaiDefinition);
  return shanghai;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO date-time that must carry its offset; `at('2025-01-26T08:00')` assumes +08:00. */
export function at(text: string): number {
  const full = /(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}+08:00`;
  if (!WITH_OFFSET.test(full)) throw new Error(`not an ISO date-time: ${text}`);
  return Date.parse(full);
}

/** Formats epoch ms as local time at a fixed offset (default +08:00) to the second: `2025-01-26T10:00`. */
export function show(ms: number, offsetMinutes = 480): string {
  const iso = new Date(ms + offsetMinutes * 60_000).toISOString();
  return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
}
