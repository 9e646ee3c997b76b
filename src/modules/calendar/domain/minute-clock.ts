import { CalendarRangeError } from './errors.js';
import { instantAtOfficeMinute, officeMinutesBefore, type WorkingTimeIndex } from './working-time-index.js';

/**
 * The two minute-based clocks behind one interface: a measure M(t) counting the minutes that count before instant
 * t, and its inverse. Continuous clock (index null): M(t) = t. Office clock: office minutes from the index.
 * Both deadline and elapsed are written once against this.
 */

const MAX_EPOCH_MINUTE = 8.64e15 / 60_000;

export function measure(office: WorkingTimeIndex | null, epochMinute: number): number {
  return office === null ? epochMinute : officeMinutesBefore(office, epochMinute);
}

/** Earliest instant t with M(t) ≥ count. */
export function instantAtMeasure(office: WorkingTimeIndex | null, count: number, field: string): number {
  if (office !== null) return instantAtOfficeMinute(office, count, field);
  if (count > MAX_EPOCH_MINUTE) {
    throw new CalendarRangeError(field, 'the result is beyond the representable dates');
  }
  return count;
}

/**
 * Earliest instant d ≥ start such that the counted minutes in [start, d) outside the pauses reach `minutes`.
 * Walks the gaps between pauses (O(pauses × log n)).
 */
export function minuteDeadline(
  office: WorkingTimeIndex | null,
  startMinute: number,
  minutes: number,
  pauses: readonly number[] | null,
): number {
  let cursor = startMinute;
  let remaining = minutes;
  if (pauses !== null) {
    for (let k = 0; k < pauses.length; k += 2) {
      const pauseStart = pauses[k]!;
      const pauseEnd = pauses[k + 1]!;
      if (pauseEnd <= cursor) continue;
      if (pauseStart > cursor) {
        const before = measure(office, cursor);
        const available = measure(office, pauseStart) - before;
        if (available >= remaining) return instantAtMeasure(office, before + remaining, 'amount');
        remaining -= available;
      }
      cursor = pauseEnd;
    }
  }
  return instantAtMeasure(office, measure(office, cursor) + remaining, 'amount');
}

/** Counted minutes in [fromMinute, toMinute) outside the pauses. */
export function minuteElapsed(
  office: WorkingTimeIndex | null,
  fromMinute: number,
  toMinute: number,
  pauses: readonly number[] | null,
): number {
  if (toMinute <= fromMinute) return 0;
  let total = measure(office, toMinute) - measure(office, fromMinute);
  if (pauses !== null) {
    for (let k = 0; k < pauses.length; k += 2) {
      const a = Math.max(pauses[k]!, fromMinute);
      const b = Math.min(pauses[k + 1]!, toMinute);
      if (b > a) total -= measure(office, b) - measure(office, a);
    }
  }
  return total;
}
