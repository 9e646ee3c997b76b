/**
 * Indicators of one object over one period, from the summed counters (credit.ts): counts, rates with their
 * denominators and exclusions, mean stage durations. Rates are fractions (0..1) or null when the denominator
 * is 0. See docs/evaluation.md §3 for every definition.
 */
import { DURATION_STAGES } from './counters.js';

export type Totals = Readonly<Record<string, number>>;

/** The count indicators, in display order: key, Chinese label, how it is summed from counters. */
export const COUNTS: readonly {
  key: string;
  label: string;
  sum: readonly string[];
  minus?: readonly string[];
}[] = [
  { key: 'reported', label: '上报数', sum: ['reported'] },
  { key: 'validReport', label: '有效上报数', sum: ['validReport'] },
  { key: 'intake', label: '受理数', sum: ['intake'] },
  { key: 'filed', label: '立案数', sum: ['filed'] },
  { key: 'voided', label: '作废数', sum: ['voided'] },
  { key: 'dispatched', label: '派遣数', sum: ['dispatched'] },
  { key: 'accurateDispatch', label: '准确派遣数', sum: ['dispatched'], minus: ['returned'] },
  { key: 'dueHandle', label: '应处置数', sum: ['handled', 'overdueOpen'], minus: ['appealApproved'] },
  { key: 'handled', label: '处置数', sum: ['handled'] },
  { key: 'handledOnTime', label: '按期处置数', sum: ['handledOnTime'] },
  { key: 'handledLate', label: '超期处置数', sum: ['handledLate'] },
  { key: 'overdueOpen', label: '超期未处置数', sum: ['overdueOpen'] },
  { key: 'extended', label: '延期数', sum: ['extended'] },
  { key: 'held', label: '挂账数', sum: ['held'] },
  { key: 'reworked', label: '返工数', sum: ['reworked'] },
  { key: 'dueClose', label: '应结案数', sum: ['dueClose'] },
  { key: 'closed', label: '结案数', sum: ['closedCohort'] },
  { key: 'closedOnTime', label: '按期结案数', sum: ['closedOnTimeCohort'] },
  { key: 'urgentClosed', label: '紧急问题结案数', sum: ['urgentClosedCohort'] },
  { key: 'urgentClosedOnTime', label: '紧急问题按期结案数', sum: ['urgentClosedOnTimeCohort'] },
  { key: 'missed', label: '漏报数', sum: ['missed'] },
  { key: 'callbacks', label: '有效回访数', sum: ['callbacks'] },
];

export interface RateDef {
  readonly key: string;
  readonly label: string;
  readonly num: readonly string[];
  readonly numMinus?: readonly string[];
  readonly den: readonly string[];
  /** Subtracted from the denominator (挂账 / 缓办, approved 超时申诉 …). */
  readonly exclude?: readonly string[];
  /** Divides the numerator (satisfaction is kept in tenths). */
  readonly scale?: number;
}

export const RATES: readonly RateDef[] = [
  { key: 'validReportRate', label: '有效上报率', num: ['validReport'], den: ['reported'] },
  { key: 'filedOnTimeRate', label: '按时立案率', num: ['filedOnTime'], den: ['filed'] },
  {
    key: 'accurateDispatchRate',
    label: '准确派遣率',
    num: ['dispatched'],
    numMinus: ['returned'],
    den: ['dispatched'],
  },
  {
    key: 'handleRate',
    label: '处置率',
    num: ['handled'],
    den: ['handled', 'overdueOpen'],
    exclude: ['appealApproved'],
  },
  {
    key: 'handledOnTimeRate',
    label: '按期处置率',
    num: ['handledOnTime'],
    den: ['handled', 'overdueOpen'],
    exclude: ['appealApproved'],
  },
  { key: 'reworkRate', label: '返工率', num: ['reworked'], den: ['handled'] },
  {
    key: 'extensionRate',
    label: '延期率',
    num: ['extended'],
    den: ['handled', 'overdueOpen'],
    exclude: ['appealApproved'],
  },
  { key: 'closeRate', label: '结案率', num: ['closedCohort'], den: ['dueClose'], exclude: ['heldCohort'] },
  {
    key: 'closedOnTimeRate',
    label: '按期结案率',
    num: ['closedOnTimeCohort'],
    den: ['dueClose'],
    exclude: ['heldCohort'],
  },
  { key: 'urgentCloseRate', label: '紧急问题结案率', num: ['urgentClosedCohort'], den: ['urgentDue'] },
  {
    key: 'urgentClosedOnTimeRate',
    label: '紧急问题按期结案率',
    num: ['urgentClosedOnTimeCohort'],
    den: ['urgentDue'],
  },
  { key: 'missedRate', label: '漏报率', num: ['missed'], den: ['validReport', 'missed'] },
  { key: 'responseRate', label: '响应率', num: ['callbackResponded'], den: ['callbacks'] },
  { key: 'solveRate', label: '解决率', num: ['callbackSolved'], den: ['callbacks'] },
  { key: 'satisfactionRate', label: '满意率', num: ['callbackSatTenths'], den: ['callbacks'], scale: 10 },
];

const STAGE_LABELS: Record<string, string> = {
  intake: '受理时长',
  dispatch: '派遣时长',
  handle: '处置时长',
  check: '核查时长',
  total: '结案时长',
};

function sum(t: Totals, keys: readonly string[] | undefined): number {
  let s = 0;
  for (const k of keys ?? []) s += t[k] ?? 0;
  return s;
}

export function rate(t: Totals, def: RateDef): number | null {
  const den = sum(t, def.den) - sum(t, def.exclude);
  if (den <= 0) return null;
  return (sum(t, def.num) - sum(t, def.numMinus)) / (def.scale ?? 1) / den;
}

export function rateDef(key: string): RateDef | undefined {
  return RATES.find((r) => r.key === key);
}

export interface IndicatorRow {
  readonly counts: Record<string, number>;
  readonly rates: Record<string, number | null>;
  /** Mean seconds per stage (null without a finished stage). */
  readonly meanSeconds: Record<string, number | null>;
}

export function indicators(t: Totals): IndicatorRow {
  const counts: Record<string, number> = {};
  for (const c of COUNTS) counts[c.key] = sum(t, c.sum) - sum(t, c.minus);
  const rates: Record<string, number | null> = {};
  for (const r of RATES) rates[r.key] = rate(t, r);
  const meanSeconds: Record<string, number | null> = {};
  for (const s of DURATION_STAGES) {
    const n = t[`dur_${s}_n`] ?? 0;
    meanSeconds[s] = n > 0 ? (t[`dur_${s}_s`] ?? 0) / n : null;
  }
  return { counts, rates, meanSeconds };
}

/** Column labels (key → Chinese) for exports. */
export function indicatorLabels(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of COUNTS) out[c.key] = c.label;
  for (const r of RATES) out[r.key] = r.label;
  for (const s of DURATION_STAGES) out[`mean_${s}`] = `平均${STAGE_LABELS[s] ?? s}`;
  return out;
}

/** Median of a list of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
