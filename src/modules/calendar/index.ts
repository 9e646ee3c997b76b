/**
 * Working-time calendar (工作日历): per-tenant time zone, office windows, official holidays and make-up working
 * days (调休); deadlines and elapsed time in the six time-limit units, with pauses. See docs/calendar.md.
 *
 * Times are epoch milliseconds; results are whole minutes. Everything except the `load…` functions is pure.
 */
export { CalendarInputError, CalendarRangeError } from './domain/errors.js';
export { TIME_UNITS, clockOf, isTimeUnit, type TimeUnit, type UnitClock } from './domain/units.js';
export { DEFAULT_OFFICE_WINDOWS, type OfficeWindow } from './domain/office-windows.js';
export {
  DEFAULT_TIME_ZONE,
  createCalendarDefinition,
  describeDate,
  type CalendarDay,
  type CalendarDefinition,
  type CalendarDefinitionInput,
  type DateDescription,
  type DayKind,
} from './domain/calendar-definition.js';
export type { PauseInterval } from './domain/pauses.js';
export type { WorkingTimeIndex } from './domain/working-time-index.js';
export {
  buildWorkingCalendar,
  type BuildWorkingCalendarOptions,
  type WorkingCalendar,
} from './domain/working-calendar.js';
export {
  amendCalendar,
  type CalendarAmendmentEntry,
  type CalendarAmendmentResult,
  type CalendarDayChange,
} from './domain/amend.js';
export { calendarDaysFromHolidayCn, parseHolidayCnFile, type HolidayCnFile } from './domain/holiday-cn.js';
export { loadHolidayCnFiles, loadShippedHolidayDays, shippedHolidayDirectory } from './holiday-data.js';
export { createCalendarService, type CalendarService } from './commands.js';
export { calendarRoutes } from './routes.js';
export { createCalendarSeeder } from './seeder.js';
