/**
 * Electronic supervision (电子监察): a rule engine over the event log (and time) that raises prompt / yellow /
 * red cards, their 纠错 responses and reviews, accountability (问责) records and the quarterly grading of
 * units and officers. Rule kinds are a registry (domain/registry.ts). See docs/supervision.md.
 */
export { RULE_KINDS, ruleKind, effectiveConfig, type RuleOverride } from './domain/registry.js';
export type {
  CardDraft,
  RuleInput,
  RuleKind,
  Severity,
  SupervisedEvent,
  TargetKind,
} from './domain/types.js';
export { SEVERITIES, TARGET_KINDS } from './domain/types.js';
export { DEFAULT_GRADING, GRADES, INDICATORS, type GradingScheme } from './domain/grading.js';
export { ACCOUNTABILITY_OUTCOMES, type Accountability, type Card } from './types.js';
export { createSupervisionProjection, SUPERVISION_PROJECTION, CARD_STREAM } from './projection.js';
export { createSupervisionService, type SupervisionService } from './service.js';
export { supervisionRoutes } from './routes.js';
export { cardEventsVisibleTo } from './policies.js';
