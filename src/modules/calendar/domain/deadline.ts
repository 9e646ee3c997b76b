import { legalDeadline } from './legal-periods.js';
import { minuteDeadline } from './minute-clock.js';
import { checkInstant, normalizePauses, type PauseInterval } from './pauses.js';
import { amountToLegalDays, amountToMinutes, clockOf, type TimeUnit } from './units.js';
import { checkInRange, type WorkingTimeIndex } from './working-time-index.js';

/**
 * deadline = start + amount × unit, minus paused time. Epoch milliseconds in, epoch milliseconds out; the result
 * is always a whole minute.
 *
 * Minute-based units (urgent_hour, natural_day, work_hour, work_day): a minute counts only when it lies wholly
 * inside counted time, so a start with seconds counts from the next whole minute (09:00:40 → 09:01; the
 * department never gets less than its limit). The deadline is the earliest instant at which the required minutes
 * have accumulated: a work_hour limit that is used up at 12:00 ends at 12:00, not at 14:00 after lunch.
 *
 * Legal units (calendar_day, working_day): see legal-periods.ts; the result is 24:00 of the last day.
 */
export function deadline(
  index: WorkingTimeIndex,
  start: number,
  amount: number,
  unit: TimeUnit,
  pauses?: readonly PauseInterval[],
): number {
  const startMs = checkInstant(start, 'start');
  const clock = clockOf(unit);
  switch (clock) {
    case 'continuous': {
      const minutes = amountToMinutes(amount, unit, index.minutesPerWorkDay);
      return minuteDeadline(null, Math.ceil(startMs / 60_000), minutes, normalizePauses(pauses)) * 60_000;
    }
    case 'office': {
      const minutes = amountToMinutes(amount, unit, index.minutesPerWorkDay);
      const startMinute = Math.ceil(startMs / 60_000);
      checkInRange(index, startMinute, 'start');
      return minuteDeadline(index, startMinute, minutes, normalizePauses(pauses)) * 60_000;
    }
    case 'legal': {
      const days = amountToLegalDays(amount, unit);
      const legalUnit = unit === 'working_day' ? 'working_day' : 'calendar_day';
      return (
        legalDeadline(index, Math.floor(startMs / 60_000), days, legalUnit, normalizePauses(pauses)) * 60_000
      );
    }
  }
}
