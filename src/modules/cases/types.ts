/** The case record as the commands, presenters and other modules see it. */
import type { CategoryType } from '../dispatch/index.js';
import type { CaseState, Channel, Stage } from './domain/states.js';
import type { TimeLimit, TimerKind, WarningLevel } from './domain/stage-timers.js';

export interface Reporter {
  readonly name: string | null;
  readonly phone: string | null;
  readonly anonymous: boolean;
}

export interface CaseRecord {
  readonly id: string;
  readonly caseNo: string;
  readonly version: number;
  readonly stage: Stage;
  readonly channel: Channel;
  readonly state: CaseState;
  readonly categoryType: CategoryType | null;
  readonly majorCode: string | null;
  readonly minorCode: string | null;
  readonly standardId: string | null;
  readonly taxonomyVersion: number | null;
  readonly handleLimit: TimeLimit | null;
  readonly unitCode: string | null;
  /** WGS-84. */
  readonly lng: number;
  readonly lat: number;
  readonly gridCode: string | null;
  readonly communityCode: string | null;
  readonly streetCode: string | null;
  readonly componentId: string | null;
  readonly address: string | null;
  readonly description: string;
  readonly photos: readonly string[];
  readonly reporter: Reporter | null;
  readonly source: Readonly<Record<string, unknown>>;
  readonly priority: 'normal' | 'urgent';
  readonly flags: readonly string[];
  readonly supporters: number;
  readonly trackingDigest: string | null;
  readonly satisfaction: Satisfaction | null;
  readonly ratedAt: Date | null;
  readonly reportedAt: Date;
  readonly filedAt: Date | null;
  readonly closedAt: Date | null;
  readonly deadline: Date | null;
  readonly warning: WarningLevel | null;
  readonly reportedBy: number | null;
  readonly updatedAt: Date;
}

export const SATISFACTION = { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' } as const;
export type Satisfaction = keyof typeof SATISFACTION;

/** A clock as stored (see domain/stage-timers.ts). */
export interface TimerRecord {
  readonly caseId: string;
  readonly kind: TimerKind;
  readonly stage: Stage;
  readonly startedAt: Date;
  readonly limit: TimeLimit;
  readonly multiplier: number;
  readonly pauses: readonly { from: number; to: number }[];
  readonly pausedAt: Date | null;
  readonly deadline: Date;
  readonly promptAt: Date | null;
  readonly yellowAt: Date | null;
  readonly fired: WarningLevel | null;
  readonly generation: number;
  readonly fireAt: Date | null;
  readonly calendarVersion: number;
}

/** Region and unit facts every case event carries, so streams and rollups need no join. */
export interface CaseScopeFacts {
  readonly caseNo: string;
  readonly unitCode: string | null;
  readonly gridCode: string | null;
  readonly communityCode: string | null;
  readonly streetCode: string | null;
}
