import { CalendarInputError } from './errors.js';

/**
 * Time-limit units (CONVENTIONS.md). Three clocks:
 * - continuous: `urgent_hour` (60 min), `natural_day` (1,440 min) — nights, weekends and holidays count;
 * - office: `work_hour` (60 office minutes), `work_day` (one working day's office time, 480 min by default);
 * - legal: `calendar_day`, `working_day` — whole days counted by the Civil Code / Penalty Law rules.
 */
export const TIME_UNITS = [
  'urgent_hour',
  'natural_day',
  'work_hour',
  'work_day',
  'calendar_day',
  'working_day',
] as const;

export type TimeUnit = (typeof TIME_UNITS)[number];

export type UnitClock = 'continuous' | 'office' | 'legal';

export function isTimeUnit(value: unknown): value is TimeUnit {
  return typeof value === 'string' && (TIME_UNITS as readonly string[]).includes(value);
}

/** Units usually arrive from stored standards rows, so they are checked at run time too. */
export function clockOf(unit: TimeUnit): UnitClock {
  switch (unit) {
    case 'urgent_hour':
    case 'natural_day':
      return 'continuous';
    case 'work_hour':
    case 'work_day':
      return 'office';
    case 'calendar_day':
    case 'working_day':
      return 'legal';
    default:
      throw new CalendarInputError(
        'unit',
        `unknown time unit "${String(unit)}"; expected one of ${TIME_UNITS.join(', ')}`,
      );
  }
}

// Float noise such as 0.7 * 60 = 42.00000000000001 must not turn a whole minute into an error.
const WHOLE_MINUTE_TOLERANCE = 1e-6;

/**
 * Converts an amount of a minute-based unit (continuous or office clock) into whole minutes.
 * Fractions are allowed only when they come to a whole number of minutes (1.5 work_hour = 90 min;
 * 0.01 work_hour = 0.6 min is refused rather than rounded).
 */
export function amountToMinutes(amount: unknown, unit: TimeUnit, minutesPerWorkDay: number): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
    throw new CalendarInputError('amount', `amount must be a positive finite number, got ${String(amount)}`);
  }
  let perUnit: number;
  switch (unit) {
    case 'urgent_hour':
    case 'work_hour':
      perUnit = 60;
      break;
    case 'natural_day':
      perUnit = 1440;
      break;
    case 'work_day':
      perUnit = minutesPerWorkDay;
      break;
    case 'calendar_day':
    case 'working_day':
      throw new CalendarInputError('unit', `${unit} is counted in whole days, not minutes`);
    default:
      throw new CalendarInputError('unit', `unknown time unit "${String(unit)}"`);
  }
  const raw = amount * perUnit;
  const minutes = Math.round(raw);
  if (Math.abs(raw - minutes) > WHOLE_MINUTE_TOLERANCE || minutes < 1) {
    throw new CalendarInputError(
      'amount',
      `amount ${amount} ${unit} is not a whole number of minutes (${perUnit} minutes per unit)`,
    );
  }
  if (!Number.isSafeInteger(minutes)) {
    throw new CalendarInputError('amount', `amount ${amount} ${unit} is too large`);
  }
  return minutes;
}

/** Legal periods are stated in whole days ("五日", "十五日"); a fraction there is a data error. */
export function amountToLegalDays(amount: unknown, unit: TimeUnit): number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
    throw new CalendarInputError(
      'amount',
      `${unit} amount must be a positive whole number, got ${String(amount)}`,
    );
  }
  return amount;
}
