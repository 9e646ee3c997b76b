/**
 * Evaluation periods as ranges of local dates (the tenant's zone decides which day an event belongs to, see
 * credit.ts): day `2025-10-09`, ISO week `2025-W41`, month `2025-10`, quarter `2025-Q4`, year `2025`, or a
 * range `2025-10-01..2025-10-15`. Pure: dates are civil dates, no clock.
 */
export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  readonly kind: PeriodKind;
  /** The label as given (`2025-10`). */
  readonly label: string;
  /** First and last local date, inclusive. */
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) || iso(ms) !== date ? null : ms;
}

function monthRange(year: number, month0: number, months: number): [string, string] {
  return [iso(Date.UTC(year, month0, 1)), iso(Date.UTC(year, month0 + months, 1) - DAY_MS)];
}

/** Monday of ISO week 1 of the ISO year. */
function isoWeekOne(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY_MS;
}

/** Parses a period label; null when it is not one. */
export function parsePeriod(label: string): Period | null {
  let m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(label);
  if (m) {
    const [a, b] = [dayMs(m[1] as string), dayMs(m[2] as string)];
    if (a === null || b === null || b < a || b - a > 3 * 366 * DAY_MS) return null;
    return { kind: 'range', label, from: m[1] as string, to: m[2] as string };
  }
  if (dayMs(label) !== null) return { kind: 'day', label, from: label, to: label };
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    const weeks = isoWeekOne(year + 1) - isoWeekOne(year) === 53 * 7 * DAY_MS ? 53 : 52;
    if (week < 1 || week > weeks) return null;
    const start = isoWeekOne(year) + (week - 1) * 7 * DAY_MS;
    return { kind: 'week', label, from: iso(start), to: iso(start + 6 * DAY_MS) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const [from, to] = monthRange(Number(m[1]), month - 1, 1);
    return { kind: 'month', label, from, to };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) {
    const [from, to] = monthRange(Number(m[1]), (Number(m[2]) - 1) * 3, 3);
    return { kind: 'quarter', label, from, to };
  }
  m = /^(\d{4})$/.exec(label);
  if (m) {
    const [from, to] = monthRange(Number(m[1]), 0, 12);
    return { kind: 'year', label, from, to };
  }
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The period before (same kind and length) — for trends. */
export function previousPeriod(p: Period): Period {
  const from = dayMs(p.from) as number;
  const to = dayMs(p.to) as number;
  switch (p.kind) {
    case 'month': {
      const d = new Date(from - DAY_MS);
      return parsePeriod(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`) as Period;
    }
    case 'quarter': {
      const d = new Date(from - DAY_MS);
      return parsePeriod(`${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`) as Period;
    }
    case 'year':
      return parsePeriod(String(Number(p.label) - 1)) as Period;
    case 'day':
    case 'week':
    case 'range': {
      const length = to - from + DAY_MS;
      const a = iso(from - length);
      const b = iso(from - DAY_MS);
      return p.kind === 'day'
        ? { kind: 'day', label: a, from: a, to: a }
        : { kind: 'range', label: `${a}..${b}`, from: a, to: b };
    }
  }
}

/** The month before the one containing `today` (a local date): what the monthly job prepares. */
export function lastMonth(today: string): Period {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return parsePeriod(`${year}-${pad(month)}`) as Period;
}
