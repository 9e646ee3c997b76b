/**
 * Quarterly grading of units and officers (优秀 / 良好 / 合格 / 不合格) from their cards and accountability
 * records. The scheme — indicator weights and grade thresholds — is data; the tenant may override it.
 *
 * Fine totals are never an indicator (行政处罚法 Art. 74: fines and confiscations may not be tied to the
 * performance of the enforcing body or its staff). The scheme validation refuses any such indicator by name,
 * and the indicator list below offers none.
 */
import type { Problem } from './params.js';
import type { Severity } from './types.js';

export const INDICATORS = {
  'cards.prompt': '提示卡数',
  'cards.yellow': '黄牌数',
  'cards.red': '红牌数',
  'cards.escalated': '黄牌逾期未纠错升级红牌数',
  'cards.lateResponse': '逾期未答复（或逾期答复）卡数',
  'accountability.records': '问责记录数（不含不予问责）',
} as const;
export type IndicatorKey = keyof typeof INDICATORS;

export const GRADES = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;
export type Grade = keyof typeof GRADES;

export interface GradingScheme {
  /** Score before deductions. */
  base: number;
  /** Points deducted per count of each indicator. */
  indicators: { key: IndicatorKey; weight: number }[];
  /** Lowest score of each grade (excellent > good > pass); below pass is 不合格. */
  thresholds: { excellent: number; good: number; pass: number };
}

export const DEFAULT_GRADING: GradingScheme = {
  base: 100,
  indicators: [
    { key: 'cards.prompt', weight: 0.5 },
    { key: 'cards.yellow', weight: 2 },
    { key: 'cards.red', weight: 5 },
    { key: 'cards.escalated', weight: 3 },
    { key: 'cards.lateResponse', weight: 2 },
    { key: 'accountability.records', weight: 5 },
  ],
  thresholds: { excellent: 90, good: 80, pass: 60 },
};

/** Names that would make money collected an indicator (APL Art. 74). */
const FINE_LIKE = /fine|penalt|amount|money|fen|yuan|revenue|confiscat|罚|没收|金额|收缴/i;

export const FINE_INDICATOR_RULE = 'supervision.fine-indicator';

export function validateScheme(input: unknown): { problems: Problem[]; fineIndicator: boolean } {
  const problems: Problem[] = [];
  let fineIndicator = false;
  const s = input as Partial<GradingScheme> | null;
  if (typeof s !== 'object' || s === null) {
    return { problems: [{ field: 'grading', message: 'a grading scheme is an object' }], fineIndicator };
  }
  if (typeof s.base !== 'number' || !(s.base > 0 && s.base <= 1000)) {
    problems.push({ field: 'base', message: 'base must be a number in (0, 1000]' });
  }
  const seen = new Set<string>();
  (Array.isArray(s.indicators) ? s.indicators : []).forEach((ind, i) => {
    const key = String((ind as { key?: unknown }).key);
    if (FINE_LIKE.test(key)) {
      fineIndicator = true;
      problems.push({
        field: `indicators[${i}].key`,
        message: `${key}: fine totals may never be an indicator (行政处罚法 Art. 74)`,
      });
    } else if (!Object.hasOwn(INDICATORS, key)) {
      problems.push({ field: `indicators[${i}].key`, message: `unknown indicator ${key}` });
    }
    if (seen.has(key)) problems.push({ field: `indicators[${i}].key`, message: `${key} listed twice` });
    seen.add(key);
    const w = (ind as { weight?: unknown }).weight;
    if (typeof w !== 'number' || !(w >= 0 && w <= 100)) {
      problems.push({ field: `indicators[${i}].weight`, message: 'weight must be a number in [0, 100]' });
    }
  });
  if (!Array.isArray(s.indicators)) problems.push({ field: 'indicators', message: 'indicators is a list' });
  const t = s.thresholds;
  if (
    typeof t !== 'object' ||
    t === null ||
    ![t.excellent, t.good, t.pass].every((v) => typeof v === 'number') ||
    !(t.excellent > t.good && t.good > t.pass)
  ) {
    problems.push({ field: 'thresholds', message: 'thresholds need excellent > good > pass' });
  }
  return { problems, fineIndicator };
}

/** One subject's facts for a quarter. */
export interface SubjectFacts {
  cards: { severity: Severity; initialSeverity: Severity; escalated: boolean; late: boolean }[];
  accountability: number;
}

export function indicatorValues(facts: SubjectFacts): Record<IndicatorKey, number> {
  const bySeverity = (s: Severity) => facts.cards.filter((c) => c.initialSeverity === s).length;
  return {
    'cards.prompt': bySeverity('prompt'),
    'cards.yellow': bySeverity('yellow'),
    'cards.red': bySeverity('red'),
    'cards.escalated': facts.cards.filter((c) => c.escalated).length,
    'cards.lateResponse': facts.cards.filter((c) => c.late).length,
    'accountability.records': facts.accountability,
  };
}

export function grade(scheme: GradingScheme, facts: SubjectFacts) {
  const values = indicatorValues(facts);
  const deduction = scheme.indicators.reduce((sum, i) => sum + i.weight * values[i.key], 0);
  const score = Math.max(0, Math.round((scheme.base - deduction) * 100) / 100);
  const t = scheme.thresholds;
  const g: Grade =
    score >= t.excellent ? 'excellent' : score >= t.good ? 'good' : score >= t.pass ? 'pass' : 'fail';
  return { score, grade: g, label: GRADES[g], indicators: values };
}

/** `2025Q4` → the quarter's first month (0-based) and year; null when malformed. */
export function parseQuarter(text: string): { year: number; firstMonth: number } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), firstMonth: (Number(m[2]) - 1) * 3 };
}
