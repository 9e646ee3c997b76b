import { CalendarInputError } from './errors.js';

/** One office window in local wall-clock time, `HH:MM`; `end` may be `24:00`. Half-open: [start, end). */
export interface OfficeWindow {
  readonly start: string;
  readonly end: string;
}

export const DEFAULT_OFFICE_WINDOWS: readonly OfficeWindow[] = Object.freeze([
  Object.freeze({ start: '08:00', end: '12:00' }),
  Object.freeze({ start: '14:00', end: '18:00' }),
]);

/** A window as minutes after local midnight. */
export interface WindowMinutes {
  readonly start: number;
  readonly end: number;
}

const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

export function parseClockTime(text: unknown, field: string): number {
  const match = typeof text === 'string' ? CLOCK_TIME.exec(text) : null;
  if (!match) {
    throw new CalendarInputError(field, `${field} must be a time HH:MM, got ${JSON.stringify(text)}`);
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    throw new CalendarInputError(field, `${field} is not a time between 00:00 and 24:00: "${String(text)}"`);
  }
  return hours * 60 + minutes;
}

/**
 * Validates and converts windows. Overlaps are refused because they would count the same minute twice; windows
 * may touch (08:00–12:00, 12:00–13:00). At least one window is required: a calendar without office time would
 * make every office-clock deadline unreachable.
 */
export function officeWindowMinutes(
  windows: readonly OfficeWindow[],
  field = 'officeWindows',
): WindowMinutes[] {
  if (!Array.isArray(windows) || windows.length === 0) {
    throw new CalendarInputError(field, `${field} must list at least one office window`);
  }
  const parsed = windows.map((window: OfficeWindow, i) => {
    const start = parseClockTime(window?.start, `${field}[${i}].start`);
    const end = parseClockTime(window?.end, `${field}[${i}].end`);
    if (end <= start) {
      throw new CalendarInputError(`${field}[${i}].end`, `office window ${i} must end after it starts`);
    }
    return { start, end };
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i]!.start < parsed[i - 1]!.end) {
      throw new CalendarInputError(field, `office windows overlap`);
    }
  }
  return parsed;
}

function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Canonical form: sorted, `HH:MM`. */
export function normalizeOfficeWindows(windows: readonly OfficeWindow[]): OfficeWindow[] {
  return officeWindowMinutes(windows).map((w) => ({
    start: formatClockTime(w.start),
    end: formatClockTime(w.end),
  }));
}

/** Office minutes in one working day; one `work_day` is this many office minutes. */
export function officeMinutesPerDay(windows: readonly WindowMinutes[]): number {
  return windows.reduce((sum, w) => sum + (w.end - w.start), 0);
}
