/**
 * The case loop (数字城管 closed loop). So far only its pure lifecycle: the stages, the actions with the roles
 * that may take them, and `decide`, which turns (state, action, actor, now) into a new state and events or a
 * refusal with a machine-readable code. Intake, storage, timers and the HTTP API build on it (issue 5).
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
