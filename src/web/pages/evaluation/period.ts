/**
 * Period labels as the evaluation API reads them (docs/evaluation.md): 2025-10-09, 2025-W41 (ISO week), 2025-10,
 * 2025-Q4, 2025. A range (a..b) is read by the API but not offered by the picker.
 */
import dayjs, { type Dayjs } from 'dayjs';

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** ISO 8601 week: the week belongs to the year of its Thursday. */
function isoWeek(d: Dayjs): { year: number; week: number } {
  const thursday = d.add(3 - ((d.day() + 6) % 7), 'day');
  const week = Math.floor(thursday.diff(thursday.startOf('year'), 'day') / 7) + 1;
  return { year: thursday.year(), week };
}

export function periodLabel(kind: PeriodKind, d: Dayjs): string {
  switch (kind) {
    case 'day':
      return d.format('YYYY-MM-DD');
    case 'week': {
      const w = isoWeek(d);
      return `${w.year}-W${String(w.week).padStart(2, '0')}`;
    }
    case 'month':
      return d.format('YYYY-MM');
    case 'quarter':
      return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
    case 'year':
      return String(d.year());
  }
}

export function parsePeriod(label: string): { kind: PeriodKind; date: Dayjs } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return { kind: 'day', date: dayjs(label) };
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) {
    const jan4 = dayjs(`${week[1]}-01-04`);
    const monday = jan4.subtract((jan4.day() + 6) % 7, 'day');
    return { kind: 'week', date: monday.add((Number(week[2]) - 1) * 7, 'day') };
  }
  if (/^\d{4}-\d{2}$/.test(label)) return { kind: 'month', date: dayjs(`${label}-01`) };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) {
    return { kind: 'quarter', date: dayjs(`${quarter[1]}-01-01`).month((Number(quarter[2]) - 1) * 3) };
  }
  if (/^\d{4}$/.test(label)) return { kind: 'year', date: dayjs(`${label}-01-01`) };
  return null;
}

/** The current month in the district's calendar (the browser's date is close enough for a default). */
export function defaultPeriod(): string {
  return periodLabel('month', dayjs());
}
