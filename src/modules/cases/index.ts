/**
 * The case loop (数字城管 closed loop): intake from every channel, the lifecycle with all its branches, stage
 * clocks with prompt / yellow / red warnings, public tracking and ratings. The pure lifecycle lives in
 * `domain/`; the service, routes and scheduler bring storage, HTTP and time. See docs/cases.md.
 */
export {
  allowedActions,
  decide,
  initialStage,
  openCase,
  MAX_EXTENSIONS,
  MIN_REASON_LENGTH,
  RULES,
} from './domain/lifecycle.js';
export type { Actor as CaseActor, CaseEvent, Decision, Refusal, RefusalCode } from './domain/lifecycle.js';
export {
  ACTION_KINDS,
  ACTION_ROLES,
  ACTION_STAGES,
  CHANNEL_ROLES,
  MANUAL_DISPATCH_ROLES,
  REPORT_ROLES,
} from './domain/actions.js';
export type { Action, ActionKind } from './domain/actions.js';
export {
  CHANNELS,
  CHANNEL_CODES,
  DEFAULT_CONFIG,
  FINAL_STAGES,
  OPEN_CASE_STAGES,
  STAGES,
  STAGE_CODES,
} from './domain/states.js';
export type {
  CaseFlags,
  CaseState,
  Channel,
  LifecycleConfig,
  PendingRequest,
  Stage,
} from './domain/states.js';
export {
  ACTIVE_TIMERS,
  TIMER_KINDS,
  WARNING_LEVELS,
  type TimerKind,
  type WarningLevel,
} from './domain/stage-timers.js';
export {
  APPEAL_TYPES,
  DEFAULT_CASE_SETTINGS,
  type AppealType,
  type CaseSettings,
} from './domain/settings.js';
export type { CaseRecord, Reporter, Satisfaction, TimerRecord } from './types.js';
export { SATISFACTION } from './types.js';

// Service, routes and the background scheduler
export type { CasesDeps } from './context.js';
export type { CategoryRef, ReportInput, Receipt } from './intake-input.js';
export type { Acting, StepInput } from './commands.js';
export { createCasesService, type CasesService } from './service.js';
export { timerActor } from './scheduler.js';
export { caseRoutes } from './routes.js';
export { publicCaseRoutes } from './public-routes.js';
export { CASE_STREAM } from './events.js';
export { caseEventsVisibleTo } from './stream-visibility.js';
export type { Viewer as CaseViewer } from './policies.js';
