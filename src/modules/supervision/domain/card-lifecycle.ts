/**
 * A card's life: open → responded (纠错 record) → closed (review accepted), or back to open when the review
 * rejects the response; dismissed (误报) from open or responded. An unanswered yellow card past its due-by
 * escalates to red with a new due-by. Pure: `now` and the calendar are arguments.
 */
import type { Card, CardResponse, CardReview } from '../types.js';
import type { RuleCalendar } from './types.js';

export type CardRefusal = { ok: false; code: 'INVALID_TRANSITION'; message: string };
export type CardDecision = { ok: true; card: Card } | CardRefusal;

const refuse = (message: string): CardRefusal => ({ ok: false, code: 'INVALID_TRANSITION', message });

export function respond(
  card: Card,
  input: { explanation: string; correctiveAction: string; attachments: string[] },
  by: number | null,
  now: Date,
): CardDecision {
  if (card.status !== 'open') return refuse(`a ${card.status} card takes no response`);
  const response: CardResponse = { ...input, by, at: now.toISOString() };
  return {
    ok: true,
    card: { ...card, status: 'responded', response, respondedAt: now, version: card.version + 1 },
  };
}

export function review(
  card: Card,
  decision: CardReview['decision'],
  note: string | null,
  by: number | null,
  now: Date,
): CardDecision {
  const record: CardReview = { decision, note, by, at: now.toISOString() };
  const next = { ...card, review: record, version: card.version + 1 };
  switch (decision) {
    case 'accept':
      if (card.status !== 'responded') return refuse('only a responded card can be accepted');
      return { ok: true, card: { ...next, status: 'closed', closedAt: now, outcome: 'corrected' } };
    case 'reject':
      if (card.status !== 'responded') return refuse('only a responded card can be rejected');
      return { ok: true, card: { ...next, status: 'open' } };
    case 'dismiss':
      if (card.status === 'closed') return refuse('the card is already closed');
      return { ok: true, card: { ...next, status: 'closed', closedAt: now, outcome: 'dismissed' } };
  }
}

/** An open yellow card past its due-by becomes red, with `respondWorkingDays` more to answer. */
export function escalation(
  card: Card,
  now: Date,
  calendar: RuleCalendar,
  respondWorkingDays: number,
): Card | null {
  if (card.status !== 'open' || card.severity !== 'yellow' || now.getTime() <= card.dueBy.getTime()) {
    return null;
  }
  return {
    ...card,
    severity: 'red',
    escalatedAt: now,
    dueBy: new Date(calendar.deadline(now.getTime(), respondWorkingDays, 'working_day')),
    version: card.version + 1,
  };
}
