/**
 * What a report says, per channel, and what intake answers: the shapes the routes validate and the intake
 * command (intake.ts) takes.
 */
import type { Principal, Role } from '../../platform/auth/index.js';
import type { Actor } from '../../platform/actor.js';
import type { CategoryType } from '../dispatch/index.js';
import type { Crs } from '../geo/index.js';
import type { AppealType } from './domain/settings.js';

export interface Place {
  readonly lng: number;
  readonly lat: number;
  readonly crs?: Crs;
}

export interface CategoryRef {
  readonly categoryType: CategoryType;
  readonly majorCode: string;
  readonly minorCode: string;
}

export interface Contact {
  readonly name?: string | null;
  readonly phone?: string | null;
}

interface Common {
  readonly location: Place;
  readonly description: string;
  readonly address?: string | null;
  readonly photos?: readonly string[];
}

export type ReportInput =
  | (Common & {
      readonly channel: 'inspector';
      readonly category: CategoryRef;
      readonly standardId: string;
      readonly componentId?: string | null;
    })
  | (Common & {
      readonly channel: 'public';
      readonly category?: CategoryRef | null;
      readonly contact?: Contact | null;
    })
  | (Common & {
      readonly channel: 'hotline';
      readonly ticketId: string;
      readonly appealType: AppealType;
      readonly caller?: Contact | null;
      readonly category?: CategoryRef | null;
    })
  | (Common & {
      readonly channel: 'linkage';
      readonly incidentId: string;
      readonly category: CategoryRef;
      readonly standardId?: string | null;
    })
  | (Common & {
      readonly channel: 'camera' | 'sensor';
      readonly deviceId: string;
      readonly label: string;
      readonly confidence: number;
      readonly category?: CategoryRef | null;
    })
  | (Common & {
      readonly channel: 'leader';
      readonly instruction: string;
      readonly leaderName?: string | null;
      readonly category?: CategoryRef | null;
    })
  | (Common & {
      readonly channel: 'media';
      readonly outlet: string;
      readonly url?: string | null;
      readonly category?: CategoryRef | null;
    });

/** The receipt a reporter gets (and gets again for a retried Idempotency-Key). */
export interface Receipt {
  readonly id: string;
  readonly caseNo: string;
  readonly stage: string;
  readonly version: number;
  readonly reportedAt: string;
  /** Public tracking: shown once, to the reporter only (public and 12345 reports). */
  readonly trackingCode?: string;
  /** A camera event folded into an open report instead of opening a new one. */
  readonly folded?: boolean;
  readonly foldCount?: number;
  readonly unitCode?: string | null;
  readonly deadline?: string | null;
}

export interface IntakeAnswer {
  readonly status: number;
  readonly body: Receipt;
}

export interface Reporting {
  readonly actor: Actor;
  /** The signed-in reporter; null for citizens and for the system (simulation, gateways without a session). */
  readonly principal: Principal | null;
  /** Roles when there is no principal (a system actor reporting for a channel). */
  readonly roles?: readonly Role[];
  readonly idempotencyKey?: string;
}
