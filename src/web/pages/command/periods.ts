/**
 * The evaluation periods the command center shows ("today", "this month") in the district's time zone, as the
 * API writes them (day 2025-10-09, month 2025-10).
 */
export function districtDay(now: Date, timeZone: string): string {
  // en-CA writes ISO order (yyyy-mm-dd); this is an API parameter, not text for the reader.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function districtMonth(now: Date, timeZone: string): string {
  return districtDay(now, timeZone).slice(0, 7);
}

/** The last segment of an event name (cases.case.dispatched → dispatched). */
export function stepOf(eventName: string): string {
  return eventName.slice(eventName.lastIndexOf('.') + 1);
}
