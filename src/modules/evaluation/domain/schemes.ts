/**
 * Scoring schemes as data (domain reference §8.3–8.4): a scheme is a list of items, each scoring one object
 * from its summed counters. Schemes are versioned per tenant and year (store); publishing a period freezes
 * the scores it produced, so a later scheme version never rewrites them.
 *
 * Item kinds:
 * - `threshold`: full `points` when the rate reaches `target`, minus `perPoint` per percentage point below
 *   (never below 0) — 金华.
 * - `perCase`: `points` minus `each` per counted case; a deduction with `doubleFor` counts those cases a
 *   second time (领导交办 / 媒体曝光 cases: doubled deductions) — 金华 返工.
 * - `weighted`: `weight × rate` (or `weight × (1 − rate)` when `invert`), all summed and multiplied by the
 *   scheme's `scale` — 运城, 12345 三率.
 * - `manual`: points given by hand (组织保障); scored at `points` unless an override is given.
 */
import { rate, type RateDef, type Totals } from './indicators.js';

export type SchemeItem =
  | {
      readonly kind: 'threshold';
      readonly key: string;
      readonly label: string;
      readonly rate: RateDef;
      readonly points: number;
      /** Fraction, e.g. 0.7. */
      readonly target: number;
      readonly perPoint: number;
    }
  | {
      readonly kind: 'perCase';
      readonly key: string;
      readonly label: string;
      readonly points: number;
      readonly deductions: readonly { metric: string; each: number; doubleFor?: string }[];
    }
  | {
      readonly kind: 'weighted';
      readonly key: string;
      readonly label: string;
      readonly rate: RateDef;
      readonly weight: number;
      readonly invert?: boolean;
    }
  | { readonly kind: 'manual'; readonly key: string; readonly label: string; readonly points: number };

export interface Scheme {
  readonly code: string;
  readonly name: string;
  /** Multiplies the weighted items (100 for a score out of 100). */
  readonly scale: number;
  readonly items: readonly SchemeItem[];
}

export interface ItemScore {
  readonly key: string;
  readonly value: number | null;
  readonly score: number;
}

export interface Score {
  readonly total: number;
  readonly items: ItemScore[];
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export function score(scheme: Scheme, t: Totals, manual: Readonly<Record<string, number>> = {}): Score {
  const items: ItemScore[] = [];
  for (const item of scheme.items) {
    switch (item.kind) {
      case 'threshold': {
        const r = rate(t, item.rate);
        // No case to judge: full points (nothing was late).
        const below = r === null ? 0 : Math.max(0, item.target * 100 - r * 100);
        items.push({
          key: item.key,
          value: r,
          score: round(Math.max(0, item.points - below * item.perPoint)),
        });
        break;
      }
      case 'perCase': {
        let deducted = 0;
        for (const d of item.deductions) {
          const n = (t[d.metric] ?? 0) + (d.doubleFor ? (t[d.doubleFor] ?? 0) : 0);
          deducted += n * d.each;
        }
        items.push({ key: item.key, value: deducted, score: round(Math.max(0, item.points - deducted)) });
        break;
      }
      case 'weighted': {
        const r = rate(t, item.rate);
        const v = r === null ? 0 : item.invert ? 1 - r : r;
        items.push({ key: item.key, value: r, score: round(item.weight * v * scheme.scale) });
        break;
      }
      case 'manual':
        items.push({ key: item.key, value: null, score: manual[item.key] ?? item.points });
        break;
    }
  }
  return { total: round(items.reduce((s, i) => s + i.score, 0)), items };
}

// ── Presets ─────────────────────────────────────────────────────────────────────────────────────────────

const closeDen = { den: ['dueClose'], exclude: ['heldCohort'] } as const;

/** 金华 数字化城市管理工作考核细则 (100 points). */
export const JINHUA: Scheme = {
  code: 'jinhua',
  name: '金华 数字化城市管理工作考核 (百分制)',
  scale: 1,
  items: [
    {
      kind: 'threshold',
      key: 'closedOnTimeRate',
      label: '按期结案率',
      rate: { key: 'closedOnTimeRate', label: '按期结案率', num: ['closedOnTimeCohort'], ...closeDen },
      points: 50,
      target: 0.7,
      perPoint: 1,
    },
    {
      kind: 'threshold',
      key: 'closeRate',
      label: '结案率',
      rate: { key: 'closeRate', label: '结案率', num: ['closedCohort'], ...closeDen },
      points: 20,
      target: 0.9,
      perPoint: 1,
    },
    {
      kind: 'threshold',
      key: 'urgentCloseRate',
      label: '紧急问题结案率',
      rate: {
        key: 'urgentCloseRate',
        label: '紧急问题结案率',
        num: ['urgentClosedCohort'],
        den: ['urgentDue'],
      },
      points: 5,
      target: 1,
      perPoint: 0.5,
    },
    {
      kind: 'threshold',
      key: 'urgentClosedOnTimeRate',
      label: '紧急问题按期结案率',
      rate: {
        key: 'urgentClosedOnTimeRate',
        label: '紧急问题按期结案率',
        num: ['urgentClosedOnTimeCohort'],
        den: ['urgentDue'],
      },
      points: 5,
      target: 0.95,
      perPoint: 0.5,
    },
    {
      kind: 'perCase',
      key: 'rework',
      label: '返工',
      points: 5,
      deductions: [
        { metric: 'reworked', each: 0.2, doubleFor: 'reworkedLead' },
        { metric: 'rework3', each: 0.5, doubleFor: 'rework3Lead' },
      ],
    },
    { kind: 'manual', key: 'organisation', label: '组织保障', points: 5 },
  ],
};

const handledDen = { den: ['handled'] } as const;

/** 运城 monthly department / area score. */
export const YUNCHENG: Scheme = {
  code: 'yuncheng',
  name: '运城 月度部门 / 区域考核公式',
  scale: 100,
  items: [
    {
      kind: 'weighted',
      key: 'onTime',
      label: '按期率 × 0.8',
      rate: { key: 'onTime', label: '按期率', num: ['handledOnTime'], ...handledDen },
      weight: 0.8,
    },
    {
      kind: 'weighted',
      key: 'late',
      label: '超期率 × 0.4 × 0.8',
      rate: { key: 'late', label: '超期率', num: ['handledLate'], ...handledDen },
      weight: 0.32,
    },
    {
      kind: 'weighted',
      key: 'notExtended',
      label: '(1 − 延期率) × 0.1',
      rate: { key: 'extended', label: '延期率', num: ['extendedCase'], ...handledDen },
      weight: 0.1,
      invert: true,
    },
    {
      kind: 'weighted',
      key: 'notReworked',
      label: '(1 − 返工率) × 0.1',
      rate: { key: 'rework', label: '返工率', num: ['reworked'], ...handledDen },
      weight: 0.1,
      invert: true,
    },
  ],
};

const callbackRates = {
  response: { key: 'responseRate', label: '响应率', num: ['callbackResponded'], den: ['callbacks'] },
  solve: { key: 'solveRate', label: '解决率', num: ['callbackSolved'], den: ['callbacks'] },
  satisfaction: {
    key: 'satisfactionRate',
    label: '满意率',
    num: ['callbackSatTenths'],
    den: ['callbacks'],
    scale: 10,
  },
} satisfies Record<string, RateDef>;

function threeRates(code: string, name: string, weights: [number, number, number]): Scheme {
  return {
    code,
    name,
    scale: 100,
    items: [
      {
        kind: 'weighted',
        key: 'response',
        label: '响应率',
        rate: callbackRates.response,
        weight: weights[0],
      },
      { kind: 'weighted', key: 'solve', label: '解决率', rate: callbackRates.solve, weight: weights[1] },
      {
        kind: 'weighted',
        key: 'satisfaction',
        label: '满意率',
        rate: callbackRates.satisfaction,
        weight: weights[2],
      },
    ],
  };
}

/** 12345 三率: 响应率 × 0.1 + 解决率 × 0.5 + 满意率 × 0.4 (北京 practice). */
export const HOTLINE_1_5_4 = threeRates('hotline-10-50-40', '12345 三率 (0.1 / 0.5 / 0.4)', [0.1, 0.5, 0.4]);
/** 12345 三率: 响应率 30 %, 解决率 35 %, 满意率 35 % (准格尔旗). */
export const HOTLINE_30_35_35 = threeRates(
  'hotline-30-35-35',
  '12345 三率 (30 / 35 / 35)',
  [0.3, 0.35, 0.35],
);

export const PRESETS: readonly Scheme[] = [JINHUA, YUNCHENG, HOTLINE_1_5_4, HOTLINE_30_35_35];

/** Checks a scheme sent by an admin; returns a problem (field, message) or null. */
export function schemeProblem(s: Scheme): { field: string; message: string } | null {
  if (!/^[a-z0-9-]{2,40}$/.test(s.code)) return { field: 'code', message: 'code: 2–40 of a-z, 0-9, -' };
  if (s.items.length === 0) return { field: 'items', message: 'a scheme needs at least one item' };
  const keys = new Set<string>();
  for (const [i, item] of s.items.entries()) {
    if (keys.has(item.key)) return { field: `items[${i}].key`, message: `duplicate item ${item.key}` };
    keys.add(item.key);
    const need = (names: string[]) =>
      names.find((n) => (item as unknown as Record<string, unknown>)[n] === undefined);
    const missing =
      item.kind === 'threshold'
        ? need(['rate', 'points', 'target', 'perPoint'])
        : item.kind === 'weighted'
          ? need(['rate', 'weight'])
          : item.kind === 'perCase'
            ? need(['points', 'deductions'])
            : need(['points']);
    if (missing) return { field: `items[${i}].${missing}`, message: `a ${item.kind} item needs ${missing}` };
    if ((item.kind === 'threshold' || item.kind === 'weighted') && item.rate.den.length === 0) {
      return { field: `items[${i}].rate.den`, message: 'a rate needs a denominator' };
    }
  }
  return null;
}
