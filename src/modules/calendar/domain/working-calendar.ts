import {
  describeDate,
  isWorkingDay,
  listedDaysByNumber,
  type CalendarDefinition,
  type DateDescription,
} from './calendar-definition.js';
import { parseIsoDate } from './civil-date.js';
import { deadline } from './deadline.js';
import { elapsed } from './elapsed.js';
import type { PauseInterval } from './pauses.js';
import type { TimeUnit } from './units.js';
import { buildWorkingTimeIndex, indexBytes, type WorkingTimeIndex } from './working-time-index.js';

/**
 * A tenant's calendar ready to answer questions: the definition plus its precomputed index. Immutable; after an
 * amendment build a new one (pass the old one as `previous` to skip re-reading the time zone).
 */
export interface WorkingCalendar {
  readonly definition: CalendarDefinition;
  readonly index: WorkingTimeIndex;
  /** Epoch ms of the deadline; see deadline.ts for the rules. */
  deadline(start: number, amount: number, unit: TimeUnit, pauses?: readonly PauseInterval[]): number;
  /** Minutes (hour units) or fractional days (day units); see elapsed.ts. */
  elapsed(from: number, to: number, unit: TimeUnit, pauses?: readonly PauseInterval[]): number;
  /** Working-day status of a local date (any year; outside listed years the weekday rule applies). */
  isWorkingDate(date: string): boolean;
  describeDate(date: string): DateDescription;
  /** Bytes held in the index's typed arrays. */
  readonly indexBytes: number;
}

export interface BuildWorkingCalendarOptions {
  readonly fromYear?: number;
  readonly toYear?: number;
  readonly previous?: WorkingCalendar;
}

export function buildWorkingCalendar(
  definition: CalendarDefinition,
  options: BuildWorkingCalendarOptions = {},
): WorkingCalendar {
  const index = buildWorkingTimeIndex(definition, {
    fromYear: options.fromYear,
    toYear: options.toYear,
    zone: options.previous?.index.zone,
  });
  const listed = listedDaysByNumber(definition);
  return Object.freeze({
    definition,
    index,
    deadline: (start: number, amount: number, unit: TimeUnit, pauses?: readonly PauseInterval[]) =>
      deadline(index, start, amount, unit, pauses),
    elapsed: (from: number, to: number, unit: TimeUnit, pauses?: readonly PauseInterval[]) =>
      elapsed(index, from, to, unit, pauses),
    isWorkingDate: (date: string) => isWorkingDay(listed, parseIsoDate(date, 'date')),
    describeDate: (date: string) => describeDate(definition, date),
    indexBytes: indexBytes(index),
  });
}
