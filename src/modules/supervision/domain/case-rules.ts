/**
 * The rules shipped for the case loop (数字城管 closed loop). Each is pure: params, the event, the case's
 * earlier events, the actor's recent actions and organisation facts, `now` and the calendar in; a card draft or
 * null out. Defaults are the shipped values; tenants override them as data (docs/supervision.md).
 */
import {
  closeWithoutCheckPhotos,
  closedCaseEdit,
  extensionCap,
  outOfScope,
  returnPingPong,
  voidBurst,
  weakReasonRule,
} from './case-conduct-rules.js';
import { deadlinePrompt, offDuty, stageOverdue } from './case-time-rules.js';

/** The shipped case-loop rules, in display order. */
export const CASE_RULES = [
  stageOverdue,
  deadlinePrompt,
  returnPingPong,
  weakReasonRule,
  extensionCap,
  closeWithoutCheckPhotos,
  outOfScope,
  offDuty,
  closedCaseEdit,
  voidBurst,
] as const;
