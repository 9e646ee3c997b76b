/**
 * The case as the workbench reads it. The generated API types describe a case only loosely (an open record),
 * so the fields this area uses are named here once, after src/modules/cases/presenters.ts.
 */
import type { TimeUnit } from './time';

export type { TimeUnit };

export type Stage =
  | 'verifying'
  | 'reported'
  | 'filed'
  | 'dispatched'
  | 'returned'
  | 'handling'
  | 'held'
  | 'handled'
  | 'checked'
  | 'closed'
  | 'voided'
  | 'merged';

export type Warning = 'prompt' | 'yellow' | 'red';

export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
}

export interface CaseTimer {
  kind: string;
  startedAt: string;
  limit: TimeLimit;
  multiplier: number;
  deadline: string;
  promptAt: string | null;
  yellowAt: string | null;
  warning: Warning | null;
  paused: boolean;
}

export interface PendingRequest {
  kind: 'extension' | 'hold' | 'appeal';
  reason: string;
  requestedAt: string;
  until?: string;
}

export interface CaseView {
  id: string;
  caseNo: string;
  version: number;
  stage: Stage;
  stageName: string;
  channel: string;
  categoryType: 'component' | 'event' | null;
  majorCode: string | null;
  minorCode: string | null;
  standardId: string | null;
  taxonomyVersion: number | null;
  handleLimit: TimeLimit | null;
  unitCode: string | null;
  location: { coordinates: [number, number] };
  gridCode: string | null;
  communityCode: string | null;
  streetCode: string | null;
  address: string | null;
  description: string | null;
  photos: string[];
  flags: string[];
  reportedAt: string;
  deadline: string | null;
  warning: Warning | null;
  pendingRequest: PendingRequest | null;
  onHoldUntil: string | null;
  overdue: boolean;
  allowedActions: string[];
  timers?: CaseTimer[];
}

export interface HistoryEvent {
  seq: number;
  version: number;
  name: string;
  at: string;
  actor: { kind?: string; accountId?: number | null; role?: string | null } | null;
  payload: Record<string, unknown>;
}
