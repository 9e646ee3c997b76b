/**
 * Countdown arithmetic for deadlines. Wall time is plain subtraction; working time asks the calendar
 * (`GET /api/calendar/elapsed`) in the unit that matches the clock. Pure: no imports.
 */
export type TimeUnit =
  'urgent_hour' | 'natural_day' | 'work_hour' | 'work_day' | 'calendar_day' | 'working_day';

const MINUTE = 60_000;

/** Whole minutes from `nowMs` until `deadline` (negative once it has passed). */
export function wallMinutesLeft(deadline: string, nowMs: number): number {
  const ms = Date.parse(deadline) - nowMs;
  return ms >= 0 ? Math.floor(ms / MINUTE) : -Math.ceil(-ms / MINUTE);
}

/**
 * How to ask the calendar for the working time left on a clock, and how to turn its answer into minutes:
 * office clocks in office minutes, continuous clocks in minutes, legal clocks in (fractional) days.
 */
export function elapsedQuery(unit: TimeUnit): { unit: TimeUnit; minutesPerUnit: number } {
  switch (unit) {
    case 'work_hour':
    case 'work_day':
      return { unit: 'work_hour', minutesPerUnit: 1 };
    case 'urgent_hour':
    case 'natural_day':
      return { unit: 'urgent_hour', minutesPerUnit: 1 };
    case 'calendar_day':
    case 'working_day':
      return { unit, minutesPerUnit: 1440 };
  }
}

// Solid colours dark enough for white text (WCAG AA 4.5:1); antd's light preset tags are not.
const WARNING_COLORS: Record<string, string> = { red: '#cf1322', yellow: '#ad6800', prompt: '#0958d9' };
const ON_TIME = '#237804';

/** Tag colour for a deadline light (none = on time). */
export function warningColor(warning: string | null | undefined): string {
  return (warning ? WARNING_COLORS[warning] : undefined) ?? ON_TIME;
}
