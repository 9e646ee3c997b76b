/**
 * Case stages and the case state record (domain reference §2.1–2.3, §3).
 *
 * Terminology (the common meaning, domain reference §2.1): 核实 `verify` checks a report before filing;
 * 核查 `check` checks the fix before closing.
 */

/** Where a report/case stands. Exactly one at a time. */
export const STAGES = {
  /** 待核实 — a public / hotline / camera report waits for an inspector to confirm it on site. */
  verifying: '待核实',
  /** 待立案 — the report is in (or verified) and waits for the operator: 立案, 作废 or 并案. */
  reported: '待立案',
  /** 已立案·待派遣 — filed against a standard row, waits for dispatch (also after a reopen). */
  filed: '待派遣',
  /** 已派遣·待签收 — sent to a unit; the handling clock runs from here. */
  dispatched: '待签收',
  /** 已回退·待改派 — the unit said "not ours"; waits for the dispatcher to re-dispatch. */
  returned: '待改派',
  /** 处置中 — signed for by the unit (also after a failed check: 返工). */
  handling: '处置中',
  /** 挂账中 — parked until a date; the clock is paused. */
  held: '挂账中',
  /** 已反馈·待核查 — the unit reported back with after-photos; waits for an inspector's check. */
  handled: '待核查',
  /** 核查通过·待结案 — the check passed; waits for the operator / shift lead to close. */
  checked: '待结案',
  /** 已结案 — closed (normally or forced, see `flags.forcedClose`); only a reopen leaves it. */
  closed: '已结案',
  /** 已作废 — the report did not qualify; final. */
  voided: '已作废',
  /** 已并案 — merged into another open case; final. */
  merged: '已并案',
} as const;

export type Stage = keyof typeof STAGES;
export const STAGE_CODES = Object.keys(STAGES) as Stage[];

/** Stages that accept nothing (closed accepts only `reopen`). */
export const FINAL_STAGES: readonly Stage[] = ['closed', 'voided', 'merged'];

/** Stages of a filed, not yet closed case ("open case": 督办 and 强制结案 apply here). */
export const OPEN_CASE_STAGES: readonly Stage[] = [
  'filed',
  'dispatched',
  'returned',
  'handling',
  'held',
  'handled',
  'checked',
];

/** Where a report came from (domain reference §2.1, stage 1). */
export const CHANNELS = {
  inspector: '监督员上报',
  public: '公众举报',
  hotline: '12345 热线',
  linkage: '110 社会联动',
  camera: '视频智能识别',
  sensor: '物联感知',
  leader: '领导交办',
  media: '媒体曝光',
} as const;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_CODES = Object.keys(CHANNELS) as Channel[];

/** A request from the unit (or dispatcher) that waits for a decision. At most one at a time. */
export type PendingRequest =
  | { readonly kind: 'extension'; readonly reason: string; readonly requestedAt: string }
  | { readonly kind: 'hold'; readonly until: string; readonly reason: string; readonly requestedAt: string }
  | { readonly kind: 'appeal'; readonly reason: string; readonly requestedAt: string };

export interface CaseFlags {
  /** 强制结案: the last closure was forced (cleared by a reopen). */
  readonly forcedClose: boolean;
  /** Marked overdue by the timer (超时). */
  readonly overdue: boolean;
  /** An 超时申诉 was approved: the overdue mark leaves the counts. */
  readonly overdueWaived: boolean;
}

export interface CaseState {
  readonly stage: Stage;
  /** Increments on every successful action (the report itself is version 1). */
  readonly version: number;
  readonly channel: Channel;
  /** Standard row the case was filed against (立结案标准). */
  readonly standardId: string | null;
  /** Unit currently responsible (set by dispatch / redispatch). */
  readonly unitCode: string | null;
  /** Failed checks (返工), counted against the unit. */
  readonly reworkCount: number;
  /** Approved extensions; each adds one original time limit; at most 2. */
  readonly extensionsApproved: number;
  /** 回退 count (counts against accurate dispatch). */
  readonly returnCount: number;
  /** 督办 / 催办 count. */
  readonly pressCount: number;
  readonly reopenCount: number;
  readonly pendingRequest: PendingRequest | null;
  /** Set while `stage === 'held'`. */
  readonly onHoldUntil: string | null;
  /** When the current hold started (the clock paused); set while held. */
  readonly heldAt: string | null;
  /** Total seconds the clock has been paused by finished holds. */
  readonly pausedSeconds: number;
  /** The case this one was merged into (stage `merged`). */
  readonly mergedInto: string | null;
  readonly flags: CaseFlags;
}

export interface LifecycleConfig {
  /** Channels whose reports are verified on site before filing. */
  readonly verifyChannels: readonly Channel[];
}

export const DEFAULT_CONFIG: LifecycleConfig = { verifyChannels: ['public', 'hotline', 'camera'] };
