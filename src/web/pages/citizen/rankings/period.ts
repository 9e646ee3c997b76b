/** Period labels as the evaluation API takes them (docs/evaluation.md): 2025-10, 2025-Q4, 2025. */
import dayjs, { type Dayjs } from 'dayjs';

export type Granularity = 'month' | 'quarter' | 'year';

export function periodLabel(date: Dayjs, granularity: Granularity): string {
  const y = date.year();
  if (granularity === 'year') return String(y);
  if (granularity === 'quarter') return `${y}-Q${Math.floor(date.month() / 3) + 1}`;
  return `${y}-${String(date.month() + 1).padStart(2, '0')}`;
}

/** The granularity and first day of a label; null when it is not one of the three forms. */
export function parsePeriod(label: string | null): { granularity: Granularity; date: Dayjs } | null {
  if (!label) return null;
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return { granularity: 'month', date: dayjs(`${m[1]}-${m[2]}-01`) };
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return { granularity: 'quarter', date: dayjs(new Date(Number(m[1]), (Number(m[2]) - 1) * 3, 1)) };
  m = /^(\d{4})$/.exec(label);
  if (m) return { granularity: 'year', date: dayjs(`${m[1]}-01-01`) };
  return null;
}
