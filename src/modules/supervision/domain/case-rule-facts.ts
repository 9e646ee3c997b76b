/**
 * What the case-loop rules share: the event names, a payload's text fields, and the card a rule raises on a
 * case.
 */
import { type CardDraft, type SupervisedEvent } from './types.js';

export const E = (verb: string) => `cases.case.${verb}`;

export function text(payload: Record<string, unknown>, key: string): string | null {
  const v = payload[key];
  return typeof v === 'string' ? v : null;
}

/** The facts every case card carries (from the case event's scope facts). */
export function caseFacts(event: SupervisedEvent): Record<string, unknown> {
  return {
    caseId: event.streamId,
    caseNo: text(event.payload, 'caseNo'),
    unitCode: text(event.payload, 'unitCode'),
    gridCode: text(event.payload, 'gridCode'),
    event: event.name,
    eventSeq: event.seq,
    at: event.occurredAt.toISOString(),
  };
}

export function caseCard(
  event: SupervisedEvent,
  summary: string,
  extra: Record<string, unknown>,
  officer: number | null = event.actorId,
): CardDraft {
  return {
    target: { kind: 'case', id: event.streamId },
    officerAccountId: officer,
    summary,
    facts: { ...caseFacts(event), ...extra },
  };
}

export function count(history: readonly SupervisedEvent[], name: string): number {
  return history.filter((e) => e.name === name).length;
}
