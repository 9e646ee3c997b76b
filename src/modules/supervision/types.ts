/** Stored records of the supervision module. */
import type { Severity, TargetKind } from './domain/types.js';

export const CARD_STATUSES = ['open', 'responded', 'closed'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];
export const CARD_OUTCOMES = ['corrected', 'dismissed'] as const;
export type CardOutcome = (typeof CARD_OUTCOMES)[number];

/** 纠错 record: what the unit or officer says and did. */
export interface CardResponse {
  explanation: string;
  correctiveAction: string;
  attachments: string[];
  by: number | null;
  at: string;
}

export interface CardReview {
  decision: 'accept' | 'reject' | 'dismiss';
  note: string | null;
  by: number | null;
  at: string;
}

export interface Card {
  id: string;
  ruleId: string;
  severity: Severity;
  initialSeverity: Severity;
  targetKind: TargetKind;
  targetId: string;
  powerItemCode: string | null;
  caseId: string | null;
  caseNo: string | null;
  unitCode: string | null;
  gridCode: string | null;
  officerAccountId: number | null;
  triggerSeq: number;
  triggerName: string;
  summary: string;
  facts: Record<string, unknown>;
  status: CardStatus;
  firedAt: Date;
  dueBy: Date;
  escalatedAt: Date | null;
  response: CardResponse | null;
  respondedAt: Date | null;
  review: CardReview | null;
  closedAt: Date | null;
  outcome: CardOutcome | null;
  version: number;
}

export interface Notification {
  recipientKind: 'officer' | 'unitHead';
  accountId: number | null;
  unitCode: string | null;
  reason: 'raised' | 'escalated';
  createdAt: Date;
}

/** 问责 outcomes, lightest first. */
export const ACCOUNTABILITY_OUTCOMES = {
  noAccountability: '不予问责',
  reminderTalk: '提醒谈话',
  writtenReview: '书面检查',
  criticism: '通报批评',
  admonition: '诫勉',
  referral: '移送纪检监察机关',
} as const;
export type AccountabilityOutcome = keyof typeof ACCOUNTABILITY_OUTCOMES;

/** What a 问责 record says when it is recorded; the rest is who and when. */
export type AccountabilityInput = Pick<
  Accountability,
  'subjectKind' | 'subjectAccountId' | 'subjectUnitCode' | 'outcome' | 'basis' | 'note' | 'cardIds'
>;

export interface Accountability {
  id: string;
  subjectKind: 'officer' | 'unit';
  subjectAccountId: number | null;
  subjectUnitCode: string | null;
  outcome: AccountabilityOutcome;
  basis: string;
  note: string | null;
  cardIds: string[];
  decidedBy: number | null;
  decidedAt: Date;
  withdrawnAt: Date | null;
  version: number;
}
