/**
 * An instant's ISO-8601 text in UTC (what `Date#toISOString` gives), remembered in a small table keyed by the
 * millisecond. The rows a command writes carry many instants and most of them repeat: a report's time is its
 * row's, its clock's and its event's, and the deadlines of one standard fall on the same minute. Formatting
 * goes through C++ (about half a microsecond), and a `Date` handed to `JSON.stringify` costs a call back into
 * JavaScript (its `toJSON`) on top; intake writes some fifteen instants per report.
 */
const SLOTS = 256;

/** A formatter of epoch milliseconds remembered per millisecond in a direct-mapped table of SLOTS entries. */
export function rememberedByMillisecond(format: (ms: number) => string): (ms: number) => string {
  const keys = new Float64Array(SLOTS).fill(Number.NaN);
  const texts = new Array<string>(SLOTS).fill('');
  return (ms) => {
    // `& (SLOTS - 1)` takes the low bits of the integer; an invalid time (NaN) never equals its key.
    const slot = ms & (SLOTS - 1);
    if (keys[slot] === ms) return texts[slot] as string;
    const text = format(ms);
    keys[slot] = ms;
    texts[slot] = text;
    return text;
  };
}

const utc = rememberedByMillisecond((ms) => new Date(ms).toISOString());

/** `d.toISOString()`, remembered (it throws a RangeError for an invalid date, as toISOString does). */
export function isoInstant(d: Date): string {
  return utc(d.getTime());
}

export function isoInstantOrNull(d: Date | null): string | null {
  return d === null ? null : utc(d.getTime());
}
