/** What `audit verify` reports: each broken record, event or checkpoint, by kind. */
export type ProblemKind =
  | 'unchained'
  | 'event-hash'
  | 'chain-link'
  | 'missing-event'
  | 'head-mismatch'
  | 'checkpoint-hash'
  | 'checkpoint-link'
  | 'checkpoint-signature'
  | 'checkpoint-untrusted-key'
  | 'checkpoint-root';

export interface AuditProblem {
  kind: ProblemKind;
  streamType?: string;
  streamId?: string;
  streamVersion?: number;
  checkpoint?: number;
  message: string;
}
