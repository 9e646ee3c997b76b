/**
 * What evaluation counts: the objects (dimensions), the metrics, the stage durations, and the shapes of the
 * fold's input, output and per-case memory (domain/credit.ts folds case events into them).
 */

/** What the fold reads of a stored event (the platform's FeedEvent fits). */
export interface EventIn {
  readonly seq: number;
  readonly name: string;
  readonly streamId: string;
  readonly occurredAt: Date;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Evaluation objects: the tenant (`*`), regions, the handling unit, roles, and the slices used by hot spots. */
export const DIMENSIONS = [
  'tenant',
  'district',
  'street',
  'community',
  'grid',
  'unit',
  'category',
  'channel',
  'inspector',
  'operator',
  'dispatcher',
  'gridCategory',
  'streetCategory',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Objects that can be ranked (the slices used by hot spots are not). */
export const OBJECT_TYPES = [
  'district',
  'street',
  'community',
  'grid',
  'unit',
  'inspector',
  'operator',
  'dispatcher',
  'category',
  'channel',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export interface Credit {
  /** Local date (YYYY-MM-DD) in the tenant's zone of the day the counter belongs to. */
  readonly day: string;
  readonly dim: Dimension;
  readonly code: string;
  readonly metric: string;
  readonly n: number;
}

/** One finished stage duration (for medians). */
export interface Duration {
  readonly seq: number;
  readonly stage: DurationStage;
  readonly day: string;
  readonly unitCode: string | null;
  readonly gridCode: string | null;
  readonly seconds: number;
}

export const DURATION_STAGES = ['intake', 'dispatch', 'handle', 'check', 'total'] as const;
export type DurationStage = (typeof DURATION_STAGES)[number];

/** What the projection remembers per case between events (stored as JSON). */
export interface CaseFacts {
  readonly channel: string;
  /** `major/minor`, `std:<standardId>` when only the standard is known, or `none`. */
  readonly category: string;
  readonly urgent: boolean;
  /** 领导交办 / 媒体曝光: deductions count double. */
  readonly lead: boolean;
  readonly reporterId: string | null;
  readonly reportedAt: number;
  readonly filedDay: string | null;
  readonly filedAt: number | null;
  readonly dispatchedAt: number | null;
  readonly dispatcherId: string | null;
  readonly handleStart: number | null;
  readonly backAt: number | null;
  /** The unit an open 超期未处置 was counted against (null: none open). */
  readonly overdueUnit: string | null;
  /** The handling went over its deadline (not waived by an approved appeal). */
  readonly late: boolean;
  /** An 超时申诉 was approved for the current handling: its lateness does not count. */
  readonly waived: boolean;
  readonly extended: boolean;
  readonly heldCounted: boolean;
  /** The case currently counts as closed in its filing cohort. */
  readonly closedCounted: boolean;
  readonly closedOnTimeCounted: boolean;
  readonly acceptOnTime: boolean | null;
  readonly forced: boolean;
}

export const METRICS = [
  // 上报 / 受理 / 立案
  'reported',
  'validReport',
  'publicValid',
  'intake',
  'filed',
  'filedOnTime',
  'voided',
  'merged',
  'verified',
  'verifiedOnTime',
  // 派遣
  'dispatched',
  'dispatchedAuto',
  'dispatchedOnTime',
  'returned',
  // 处置
  'handled',
  'handledOnTime',
  'handledLate',
  'overdueOpen',
  'extended',
  'extendedCase',
  'held',
  'reworked',
  'reworkedLead',
  'rework3',
  'rework3Lead',
  'appealApproved',
  // 核查 / 结案
  'checked',
  'checkedOnTime',
  'closed',
  'closedOnTime',
  'forceClosed',
  'reopened',
  // Filing cohort (credited to the day the case was filed)
  'dueClose',
  'heldCohort',
  'closedCohort',
  'closedOnTimeCohort',
  'urgentDue',
  'urgentClosedCohort',
  'urgentClosedOnTimeCohort',
  // 12345 call-backs (satisfaction in tenths: 满意 10, 基本满意 9, 不满意 0)
  'callbacks',
  'callbackResponded',
  'callbackSolved',
  'callbackSatTenths',
  // Stage durations: seconds and count per stage
  ...DURATION_STAGES.flatMap((s) => [`dur_${s}_s`, `dur_${s}_n`]),
] as const;
export type Metric = (typeof METRICS)[number];
