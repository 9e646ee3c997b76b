/**
 * What can be done to a case, by whom, and in which stages (domain reference §2.2, §3; CONVENTIONS words).
 */
import type { Role } from '../../../platform/auth/roles.js';
import type { Channel, Stage } from './states.js';

export type Action =
  /** 核实: the inspector confirms (→ 待立案) or not (→ 作废, reason required). */
  | { readonly kind: 'verify'; readonly confirmed: boolean; readonly reason?: string }
  /** 立案 against a standard row. */
  | { readonly kind: 'file'; readonly standardId: string }
  /** 作废 with a reason. */
  | { readonly kind: 'void'; readonly reason: string }
  /** 并案 into another open case (the caller checks that the target is open). */
  | { readonly kind: 'merge'; readonly intoCaseId: string }
  /** 派遣: automatic (rule engine) or manual (reason required). */
  | {
      readonly kind: 'dispatch';
      readonly unitCode: string;
      readonly mode: 'auto' | 'manual';
      readonly reason?: string;
    }
  /** 改派 to another unit (reason required). */
  | { readonly kind: 'redispatch'; readonly unitCode: string; readonly reason: string }
  /** 签收 by the unit. */
  | { readonly kind: 'accept' }
  /** 回退: "not ours" (reason required) → back to the dispatcher. */
  | { readonly kind: 'return'; readonly reason: string }
  /** 延期 request by the unit. */
  | { readonly kind: 'requestExtension'; readonly reason: string }
  /** 延期 approve / reject by the dispatcher. */
  | { readonly kind: 'decideExtension'; readonly approve: boolean; readonly reason?: string }
  /** 挂账 request: parked until a date (≤ 1 year ahead). */
  | { readonly kind: 'requestHold'; readonly until: string; readonly reason: string }
  /** 挂账 approve / reject (one approval). */
  | { readonly kind: 'decideHold'; readonly approve: boolean; readonly reason?: string }
  /** End a hold (early by a person, or by the scheduler when the date is reached); the clock resumes. */
  | { readonly kind: 'resume' }
  /** 处理反馈 with after-photos. */
  | { readonly kind: 'reportBack'; readonly photos: number; readonly note?: string }
  /** 核查: pass → 待结案; fail → 返工 (reason required). */
  | { readonly kind: 'check'; readonly passed: boolean; readonly reason?: string }
  /** 结案. */
  | { readonly kind: 'close' }
  /** 督办 / 催办: any open case; the stage does not change. */
  | { readonly kind: 'press'; readonly note?: string }
  /** The timer marks the case overdue (超时). */
  | { readonly kind: 'markOverdue' }
  /** 超时申诉 by the unit. */
  | { readonly kind: 'appeal'; readonly reason: string }
  /** 超时申诉 review. */
  | { readonly kind: 'decideAppeal'; readonly approve: boolean; readonly reason?: string }
  /** 强制结案 (reason required, flagged). */
  | { readonly kind: 'forceClose'; readonly reason: string }
  /** Reopen a closed case (reason required) → 待派遣. */
  | { readonly kind: 'reopen'; readonly reason: string };

export type ActionKind = Action['kind'];

export const ACTION_KINDS: readonly ActionKind[] = [
  'verify',
  'file',
  'void',
  'merge',
  'dispatch',
  'redispatch',
  'accept',
  'return',
  'requestExtension',
  'decideExtension',
  'requestHold',
  'decideHold',
  'resume',
  'reportBack',
  'check',
  'close',
  'press',
  'markOverdue',
  'appeal',
  'decideAppeal',
  'forceClose',
  'reopen',
];

/** Who may take each action (the first listed role an actor holds is recorded on the event). */
export const ACTION_ROLES: { readonly [K in ActionKind]: readonly Role[] } = {
  verify: ['inspector'],
  // integration: a 110 hand-over outside office hours is filed and dispatched by the linkage interface itself.
  file: ['operator', 'shiftLead', 'integration'],
  void: ['operator', 'shiftLead'],
  merge: ['operator', 'shiftLead'],
  dispatch: ['dispatcher', 'integration'],
  redispatch: ['dispatcher', 'shiftLead'],
  accept: ['handler'],
  return: ['handler'],
  requestExtension: ['handler'],
  decideExtension: ['dispatcher'],
  requestHold: ['handler', 'dispatcher'],
  decideHold: ['dispatcher', 'shiftLead'],
  resume: ['dispatcher', 'shiftLead', 'integration'],
  reportBack: ['handler'],
  check: ['inspector'],
  close: ['operator', 'shiftLead'],
  press: ['leader', 'monitor', 'shiftLead', 'dispatcher'],
  markOverdue: ['integration'],
  appeal: ['handler'],
  decideAppeal: ['dispatcher', 'operator', 'shiftLead'],
  forceClose: ['shiftLead'],
  reopen: ['shiftLead', 'operator'],
};

/** Roles that may dispatch manually (the integration account only dispatches automatically). */
export const MANUAL_DISPATCH_ROLES: readonly Role[] = ['dispatcher'];

/** Who may report (上报) on each channel; an empty list means anyone, a citizen included. */
export const CHANNEL_ROLES: { readonly [C in Channel]: readonly Role[] } = {
  inspector: ['inspector'],
  public: [],
  hotline: ['integration', 'operator', 'shiftLead'],
  linkage: ['integration', 'operator', 'shiftLead'],
  camera: ['integration'],
  sensor: ['integration'],
  leader: ['leader', 'operator', 'shiftLead'],
  media: ['operator', 'shiftLead', 'monitor'],
};

/** Every role that may report on some channel. */
export const REPORT_ROLES: readonly Role[] = [...new Set(Object.values(CHANNEL_ROLES).flat())];

const OPEN: readonly Stage[] = ['filed', 'dispatched', 'returned', 'handling', 'held', 'handled', 'checked'];

/** The stages in which each action applies (further state preconditions are checked by `decide`). */
export const ACTION_STAGES: { readonly [K in ActionKind]: readonly Stage[] } = {
  verify: ['verifying'],
  file: ['reported'],
  void: ['verifying', 'reported'],
  merge: ['verifying', 'reported'],
  dispatch: ['filed'],
  redispatch: ['returned', 'dispatched', 'handling'],
  accept: ['dispatched'],
  return: ['dispatched', 'handling'],
  requestExtension: ['handling'],
  decideExtension: ['handling'],
  requestHold: ['handling'],
  decideHold: ['handling'],
  resume: ['held'],
  reportBack: ['handling'],
  check: ['handled'],
  close: ['checked'],
  press: OPEN,
  markOverdue: ['dispatched', 'handling'],
  appeal: ['dispatched', 'handling'],
  decideAppeal: ['dispatched', 'handling'],
  forceClose: OPEN,
  reopen: ['closed'],
};
