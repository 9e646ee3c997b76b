/**
 * Typed errors so callers (HTTP layer, timer jobs) can tell bad input from a bug and name the offending field.
 * A calendar that cannot answer exactly must say so: a silently wrong deadline decides whether a department is
 * ranked as late.
 */
export class CalendarInputError extends Error {
  override readonly name: string = 'CalendarInputError';
  readonly code: string = 'CALENDAR_INPUT_INVALID';

  constructor(
    /** Path of the offending input, e.g. `amount`, `pauses[2].to`, `days[5].date`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The question is valid but falls outside the precomputed range (by default local dates 2000-01-01 … 2100-12-31),
 * so no exact answer is available. A subclass of CalendarInputError so one `catch` handles both.
 */
export class CalendarRangeError extends CalendarInputError {
  override readonly name: string = 'CalendarRangeError';
  override readonly code: string = 'CALENDAR_OUT_OF_RANGE';
}
