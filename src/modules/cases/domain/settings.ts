/**
 * Per-tenant settings of the case loop, with the defaults a new tenant starts from. Stored as one JSON document
 * per tenant (admin API); every field is optional in storage and falls back to these defaults.
 */
import { CHANNEL_CODES, type Channel } from './states.js';
import { isTimeUnit } from '../../calendar/index.js';
import type { TimeLimit, WarningShares } from './stage-timers.js';
import { DEFAULT_WARNING_SHARES } from './stage-timers.js';

/** 12345 诉求类型. */
export const APPEAL_TYPES = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
} as const;
export type AppealType = keyof typeof APPEAL_TYPES;
export const APPEAL_TYPE_CODES = Object.keys(APPEAL_TYPES) as AppealType[];

export interface CaseSettings {
  /** Channels whose reports an inspector verifies on site before filing (核实). */
  readonly verifyChannels: readonly Channel[];
  /** Time limits of the stages that are not set by the standard row (处置 is). */
  readonly stageLimits: {
    readonly verify: TimeLimit;
    readonly file: TimeLimit;
    readonly dispatch: TimeLimit;
    readonly accept: TimeLimit;
    readonly check: TimeLimit;
  };
  /** 处置 limit when a case has no standard row yet (never used for filed cases, kept for safety). */
  readonly fallbackHandleLimit: TimeLimit;
  /** 110 linkage outside office hours: straight to the unit's duty staff on an urgent (continuous) clock. */
  readonly urgentLinkage: { readonly accept: TimeLimit; readonly handle: TimeLimit };
  readonly warnings: WarningShares;
  /** "Me too": open cases of the same category within this radius are offered before a public report. */
  readonly nearby: { readonly radiusM: number; readonly limit: number };
  /** Camera events of one device + label + grid inside this sliding window fold into one report. */
  readonly camera: { readonly foldWindowMinutes: number; readonly minConfidence: number };
  /** 12345 reply limits by 诉求类型 (广东省 rules: 咨询 2, 求助/建议 10, 投诉/举报 15 working days). */
  readonly hotlineReplyLimits: { readonly [A in AppealType]: TimeLimit };
  /** Where status changes of 12345 tickets flow back to (the hotline platform's webhook), if anywhere. */
  readonly hotline: { readonly webhookUrl: string | null };
}

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  verifyChannels: ['public', 'hotline', 'camera', 'sensor'],
  stageLimits: {
    verify: { amount: 2, unit: 'work_hour' },
    file: { amount: 1, unit: 'work_hour' },
    dispatch: { amount: 1, unit: 'work_hour' },
    accept: { amount: 2, unit: 'work_hour' },
    check: { amount: 4, unit: 'work_hour' },
  },
  fallbackHandleLimit: { amount: 3, unit: 'work_day' },
  urgentLinkage: { accept: { amount: 0.5, unit: 'urgent_hour' }, handle: { amount: 2, unit: 'urgent_hour' } },
  warnings: DEFAULT_WARNING_SHARES,
  nearby: { radiusM: 250, limit: 5 },
  camera: { foldWindowMinutes: 30, minConfidence: 0.6 },
  hotlineReplyLimits: {
    consult: { amount: 2, unit: 'working_day' },
    help: { amount: 10, unit: 'working_day' },
    suggestion: { amount: 10, unit: 'working_day' },
    complaint: { amount: 15, unit: 'working_day' },
    report: { amount: 15, unit: 'working_day' },
  },
  hotline: { webhookUrl: null },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type StoredCaseSettings = DeepPartial<CaseSettings>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = merge((base as Record<string, unknown>)[k], v);
  return out as T;
}

/** The effective settings: stored values over the defaults. */
export function effectiveSettings(stored: StoredCaseSettings | null | undefined): CaseSettings {
  return merge(DEFAULT_CASE_SETTINGS, stored ?? {});
}

/** The first problem of stored overrides, or null. Checked on the effective (merged) settings. */
export function settingsProblem(stored: unknown): { field: string; message: string } | null {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { field: '', message: 'settings must be an object' };
  }
  const unknown = Object.keys(stored).find((k) => !(k in DEFAULT_CASE_SETTINGS));
  if (unknown) return { field: unknown, message: `unknown setting ${unknown}` };
  const s = effectiveSettings(stored);
  const limits: [string, unknown][] = [
    ...Object.entries(s.stageLimits).map(([k, v]) => [`stageLimits.${k}`, v] as [string, unknown]),
    ['fallbackHandleLimit', s.fallbackHandleLimit],
    ['urgentLinkage.accept', s.urgentLinkage.accept],
    ['urgentLinkage.handle', s.urgentLinkage.handle],
    ...Object.entries(s.hotlineReplyLimits).map(
      ([k, v]) => [`hotlineReplyLimits.${k}`, v] as [string, unknown],
    ),
  ];
  for (const [field, value] of limits) {
    const v = value as { amount?: unknown; unit?: unknown } | null;
    if (!v || typeof v.amount !== 'number' || !(v.amount > 0) || !isTimeUnit(v.unit)) {
      return { field, message: 'a time limit is { amount > 0, unit } with a known unit' };
    }
  }
  const { prompt, yellow } = s.warnings;
  if (!(
    typeof prompt === 'number' &&
    typeof yellow === 'number' &&
    prompt > 0 &&
    prompt < yellow &&
    yellow < 1
  )) {
    return { field: 'warnings', message: 'warning shares need 0 < prompt < yellow < 1' };
  }
  const channels: unknown = s.verifyChannels;
  if (!Array.isArray(channels) || channels.some((c) => !(CHANNEL_CODES as readonly unknown[]).includes(c))) {
    return { field: 'verifyChannels', message: `channels are ${CHANNEL_CODES.join(', ')}` };
  }
  if (!(s.nearby.radiusM > 0 && s.nearby.radiusM <= 5000 && s.nearby.limit >= 1 && s.nearby.limit <= 20)) {
    return { field: 'nearby', message: 'radiusM in (0, 5000], limit 1…20' };
  }
  if (!(s.camera.foldWindowMinutes > 0 && s.camera.minConfidence >= 0 && s.camera.minConfidence <= 1)) {
    return { field: 'camera', message: 'foldWindowMinutes > 0, minConfidence 0…1' };
  }
  const url = s.hotline.webhookUrl;
  if (url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url))) {
    return { field: 'hotline.webhookUrl', message: 'an http(s) URL or null' };
  }
  return null;
}
