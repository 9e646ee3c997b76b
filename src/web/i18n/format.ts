/** Dates, numbers and durations in the reader's language; times in the district's zone (Asia/Shanghai). */
import { currentLanguage } from './index';

export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value == null) return '—';
  const lang = currentLanguage();
  return cached(
    `dt:${lang}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        timeZone: DISTRICT_TIME_ZONE,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(new Date(value));
}

export function formatDate(value: string | number | Date | null | undefined): string {
  if (value == null) return '—';
  const lang = currentLanguage();
  return cached(
    `d:${lang}`,
    () => new Intl.DateTimeFormat(lang, { timeZone: DISTRICT_TIME_ZONE, dateStyle: 'medium' }),
  ).format(new Date(value));
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value == null || Number.isNaN(value)) return '—';
  const lang = currentLanguage();
  return cached(
    `n:${lang}:${digits}`,
    () => new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }),
  ).format(value);
}

/** A share 0..1 as a percentage. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value == null || Number.isNaN(value)) return '—';
  const lang = currentLanguage();
  return cached(
    `p:${lang}:${digits}`,
    () =>
      new Intl.NumberFormat(lang, {
        style: 'percent',
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      }),
  ).format(value);
}

/** A duration in minutes as "2 天 3 小时" / "2 d 3 h" (the two largest units). */
export function formatDuration(minutes: number): string {
  const lang = currentLanguage();
  const m = Math.max(0, Math.round(Math.abs(minutes)));
  const parts: [number, Intl.NumberFormatOptions['unit']][] = [
    [Math.floor(m / 1440), 'day'],
    [Math.floor((m % 1440) / 60), 'hour'],
    [m % 60, 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) shown.push([0, 'minute']);
  return shown
    .map(([n, unit]) =>
      cached(
        `u:${lang}:${unit}`,
        () =>
          new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: lang === 'en' ? 'short' : 'long' }),
      ).format(n),
    )
    .join(lang === 'en' ? ' ' : '');
}
