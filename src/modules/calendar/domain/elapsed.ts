import { CalendarInputError } from './errors.js';
import { legalElapsed } from './legal-periods.js';
import { minuteElapsed } from './minute-clock.js';
import { checkInstant, normalizePauses, type PauseInterval } from './pauses.js';
import { clockOf, type TimeUnit } from './units.js';
import { checkInRange, type WorkingTimeIndex } from './working-time-index.js';

/**
 * Counted time between two instants (epoch milliseconds), minus pauses.
 * - urgent_hour, work_hour: whole minutes (continuous / office minutes);
 * - natural_day: minutes / 1,440; work_day: office minutes / office minutes of one working day (480 by default);
 * - calendar_day, working_day: days of the legal period used, fractional (see legal-periods.ts).
 *
 * Only whole minutes count: `from` is rounded up and `to` down to the minute. With that rule, for minute-based
 * units elapsed(s, t) < amount exactly when t < deadline(s, amount), and elapsed(s, deadline(s, amount)) = amount.
 */
export function elapsed(
  index: WorkingTimeIndex,
  from: number,
  to: number,
  unit: TimeUnit,
  pauses?: readonly PauseInterval[],
): number {
  const fromMs = checkInstant(from, 'from');
  const toMs = checkInstant(to, 'to');
  if (toMs < fromMs) throw new CalendarInputError('to', 'to must not be before from');
  const clock = clockOf(unit);
  switch (clock) {
    case 'continuous': {
      const minutes = minuteElapsed(
        null,
        Math.ceil(fromMs / 60_000),
        Math.floor(toMs / 60_000),
        normalizePauses(pauses),
      );
      return unit === 'natural_day' ? minutes / 1440 : minutes;
    }
    case 'office': {
      const fromMinute = Math.ceil(fromMs / 60_000);
      const toMinute = Math.floor(toMs / 60_000);
      checkInRange(index, fromMinute, 'from');
      checkInRange(index, toMinute, 'to');
      const minutes = minuteElapsed(index, fromMinute, toMinute, normalizePauses(pauses));
      return unit === 'work_day' ? minutes / index.minutesPerWorkDay : minutes;
    }
    case 'legal': {
      const legalUnit = unit === 'working_day' ? 'working_day' : 'calendar_day';
      return legalElapsed(
        index,
        Math.floor(fromMs / 60_000),
        Math.floor(toMs / 60_000),
        legalUnit,
        normalizePauses(pauses),
      );
    }
  }
}
