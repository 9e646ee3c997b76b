/** Helpers that turn lifecycle events into stored events with the facts every case event carries. */
import type { NewEvent } from '../../platform/events/index.js';
import type { CaseEvent } from './domain/lifecycle.js';
import type { CaseRecord, CaseScopeFacts } from './types.js';

export const CASE_STREAM = 'case';

export function scopeFacts(c: CaseRecord): CaseScopeFacts {
  return {
    caseNo: c.caseNo,
    unitCode: c.unitCode,
    gridCode: c.gridCode,
    communityCode: c.communityCode,
    streetCode: c.streetCode,
  };
}

/**
 * Stored form of the lifecycle's events: the case's scope facts (so the event stream and evaluation rollups
 * need no join) plus extras for the first event of the step (stage outcomes, dispatch trace, attachments).
 */
export function toStoredEvents(
  record: CaseRecord,
  events: readonly CaseEvent[],
  extras: Record<string, unknown> = {},
): NewEvent[] {
  const facts = scopeFacts(record);
  return events.map((e, i) => ({
    streamType: CASE_STREAM,
    streamId: record.id,
    name: e.name,
    role: typeof e.payload.role === 'string' ? e.payload.role : null,
    payload: { ...e.payload, ...facts, ...(i === 0 ? extras : {}) },
  }));
}

export function caseEvent(record: CaseRecord, name: string, payload: Record<string, unknown>): NewEvent {
  return {
    streamType: CASE_STREAM,
    streamId: record.id,
    name,
    role: typeof payload.role === 'string' ? payload.role : null,
    payload: { ...payload, ...scopeFacts(record) },
  };
}
