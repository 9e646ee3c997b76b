/** The indicator keys the API answers (src/modules/evaluation/domain/indicators.ts), in display order. */
export const RATE_KEYS = [
  'handledOnTimeRate',
  'closeRate',
  'closedOnTimeRate',
  'reworkRate',
  'handleRate',
  'extensionRate',
  'validReportRate',
  'filedOnTimeRate',
  'accurateDispatchRate',
  'urgentCloseRate',
  'urgentClosedOnTimeRate',
  'missedRate',
  'responseRate',
  'solveRate',
  'satisfactionRate',
] as const;

/** The rates a ranking shows beside the score. */
export const RANKING_RATES = [
  'handledOnTimeRate',
  'closeRate',
  'closedOnTimeRate',
  'reworkRate',
  'extensionRate',
] as const;

export const COUNT_KEYS = [
  'reported',
  'validReport',
  'intake',
  'filed',
  'voided',
  'dispatched',
  'accurateDispatch',
  'dueHandle',
  'handled',
  'handledOnTime',
  'handledLate',
  'overdueOpen',
  'extended',
  'held',
  'reworked',
  'dueClose',
  'closed',
  'closedOnTime',
  'urgentClosed',
  'urgentClosedOnTime',
  'missed',
  'callbacks',
] as const;

export const isRateKey = (k: string): boolean => (RATE_KEYS as readonly string[]).includes(k);
