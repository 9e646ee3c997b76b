import type { TimeUnit } from '../../calendar/index.js';
import type { Standard, TimeLimit } from './types.js';

/**
 * Buckets of 处置时限, as the domain reference (§7.2) tabulates the 运城 table: urgent, within a working day,
 * one day, 2–3 days, 4–7 days, more than 7 days. Used to check that a table is balanced the way real tables
 * are (≈10 % urgent, most rows within 1–3 working days) and for a summary on screen.
 */
export const TIME_LIMIT_BUCKETS = ['urgent', 'hours', 'day1', 'days2to3', 'days4to7', 'over7days'] as const;
export type TimeLimitBucket = (typeof TIME_LIMIT_BUCKETS)[number];

export const TIME_LIMIT_BUCKET_LABELS: Readonly<Record<TimeLimitBucket, string>> = {
  urgent: '紧急（连续计时）',
  hours: '不足1个工作日',
  day1: '1日',
  days2to3: '2–3日',
  days4to7: '4–7日',
  over7days: '7日以上',
};

/** Office hours in a working day, for comparing 工作时 with 工作日 (the calendar's default office day). */
const WORK_HOURS_PER_DAY = 8;

/** The limit in days for bucketing: 工作时 ÷ 8; day units as they are. Urgent hours have no day equivalent. */
function dayEquivalent(limit: TimeLimit): number | null {
  switch (limit.unit) {
    case 'urgent_hour':
      return null;
    case 'work_hour':
      return limit.amount / WORK_HOURS_PER_DAY;
    case 'work_day':
    case 'natural_day':
    case 'calendar_day':
    case 'working_day':
      return limit.amount;
  }
}

export function timeLimitBucket(limit: TimeLimit): TimeLimitBucket {
  const days = dayEquivalent(limit);
  if (days === null) return 'urgent';
  if (days < 1) return 'hours';
  if (days <= 1) return 'day1';
  if (days <= 3) return 'days2to3';
  if (days <= 7) return 'days4to7';
  return 'over7days';
}

export interface TimeLimitDistribution {
  total: number;
  byBucket: Record<TimeLimitBucket, number>;
  byUnit: Record<TimeUnit, number>;
}

export function summariseTimeLimits(standards: readonly Standard[]): TimeLimitDistribution {
  const byBucket = Object.fromEntries(TIME_LIMIT_BUCKETS.map((b) => [b, 0])) as Record<
    TimeLimitBucket,
    number
  >;
  const byUnit: Record<TimeUnit, number> = {
    urgent_hour: 0,
    natural_day: 0,
    work_hour: 0,
    work_day: 0,
    calendar_day: 0,
    working_day: 0,
  };
  for (const standard of standards) {
    byBucket[timeLimitBucket(standard.timeLimit)] += 1;
    byUnit[standard.timeLimit.unit] += 1;
  }
  return { total: standards.length, byBucket, byUnit };
}
