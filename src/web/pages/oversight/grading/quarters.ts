/** Quarters as the grading API names them (2025Q4), counted in the district's time zone. */
import { DISTRICT_TIME_ZONE } from '../../../i18n/format';

export function currentQuarter(now = new Date()): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: DISTRICT_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
  })
    .formatToParts(now)
    .filter((p) => p.type === 'year' || p.type === 'month')
    .map((p) => Number(p.value));
  return `${y}Q${Math.floor(((m ?? 1) - 1) / 3) + 1}`;
}

/** The current quarter and the `count - 1` before it, newest first. */
export function recentQuarters(count = 8, now = new Date()): string[] {
  const match = /^(\d{4})Q([1-4])$/.exec(currentQuarter(now));
  let year = Number(match?.[1]);
  let q = Number(match?.[2]);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

export const isQuarter = (v: string | null): v is string => !!v && /^\d{4}Q[1-4]$/.test(v);

/** i18next reads dots as nesting: indicator keys (cards.red) become cards_red in messages. */
export const indicatorKey = (k: string) => `indicators.${k.replace(/\./g, '_')}`;
