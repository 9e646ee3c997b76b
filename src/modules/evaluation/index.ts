/**
 * 综合评价 (issue 6): indicators computed from the case events (domain/credit.ts), kept as daily rollups by the
 * `evaluation.rollups` projection; scoring schemes as data with the 金华, 运城 and 12345 三率 presets; rankings,
 * the monthly bulletin (.xlsx / HTML), CSV exports, hot spots, a consistency check. See docs/evaluation.md.
 */
export { credit, recompute, sumCredits, localDay } from './domain/credit.js';
export {
  DIMENSIONS,
  METRICS,
  OBJECT_TYPES,
  type CaseFacts,
  type Credit,
  type Dimension,
  type EventIn,
  type ObjectType,
} from './domain/counters.js';
export { indicators, COUNTS, RATES, type IndicatorRow, type Totals } from './domain/indicators.js';
export { parsePeriod, previousPeriod, type Period } from './domain/periods.js';
export {
  PRESETS,
  JINHUA,
  YUNCHENG,
  HOTLINE_1_5_4,
  HOTLINE_30_35_35,
  score,
  type Scheme,
} from './domain/schemes.js';
export { rollupProjection, ROLLUP_PROJECTION } from './projection.js';
export { createEvaluationService, type EvaluationService } from './service.js';
export { evaluationRoutes } from './routes.js';
export { publicEvaluationRoutes } from './public-routes.js';
