/**
 * The dispatch module's public face: responsibility rules (权责 / 派遣规则) — which handling unit a case goes
 * to, by category, filing standard, area and component owner, with the principles 部件先属主后属地,
 * 事件先属地后属主 and 属地兜底 — and the trace that answers a dispatcher’s "why here?".
 * The domain is pure (no I/O, no clock); the service, routes and seeder at the end bring storage and HTTP.
 * Other modules import only from here. See docs/dispatch.md.
 */

export type {
  CaseComponent,
  CaseFacts,
  CaseRegions,
  CategoryType,
  ChosenReason,
  ComponentRole,
  DispatchUnit,
  DispatchUnitKind,
  LngLat,
  MismatchReason,
  PrecedenceReason,
  Resolution,
  ResolutionPrinciple,
  ResolvedVia,
  Rule,
  RuleArea,
  RuleMatch,
  RuleMultiPolygon,
  RulePolygon,
  RuleTarget,
  SkipReason,
  TargetClass,
  TargetFailureReason,
  TraceReason,
  TraceStep,
} from './domain/types.js';
export {
  BUILTIN_FALLBACK,
  BUILTIN_OWNER,
  BUILTIN_TERRITORY,
  CATEGORY_TYPES,
  DISPATCH_UNIT_KINDS,
} from './domain/types.js';

export type { CompileOptions, CompiledRuleSet } from './domain/compile-rules.js';
export { compileRules, DEFAULT_MAX_SKIPPED_STEPS, DEFAULT_OWNER_ORDER } from './domain/compile-rules.js';
export type { RuleProblem, RuleProblemCode } from './domain/rule-problems.js';
export { RuleSetError } from './domain/rule-problems.js';
export type { TerritoryLevel } from './domain/territory.js';

export { resolve } from './domain/resolve.js';
export { explain } from './domain/explain.js';

// The demo rule set for 杭州市上城区 (pure, deterministic).
export type { DemoCategory, DemoRuleSet, DemoRuleSetInput, DemoStandard } from './demo-rules.js';
export type { DemoStreet } from './demo-streets.js';
export { generateDemoRules } from './demo-rules.js';
export { DEMO_FALLBACK_UNIT_CODE, demoDispatchUnits } from './demo-units.js';
export { DEMO_AREAS, type DemoArea } from './demo-areas.js';
export { SHANGCHENG_DISTRICT_CODE, SHANGCHENG_STREETS, SORTING_PILOT_COMMUNITIES } from './demo-streets.js';

// Service, routes and seeding
export { createDispatchService, type DispatchService, type ResolveInput } from './commands.js';
export { dispatchRoutes } from './routes.js';
export { createDispatchDemoSeeder } from './demo-seeder.js';
