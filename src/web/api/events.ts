/**
 * Live updates from GET /api/events/stream (server-sent events). The browser's EventSource reconnects by
 * itself and sends Last-Event-ID, so nothing is missed or repeated across a dropped connection.
 */
import { useEffect, useRef } from 'react';

export interface StreamEvent {
  seq: number;
  name: string;
  streamType: string;
  streamId: string;
  streamVersion: number;
  occurredAt: string;
  payload: Record<string, unknown>;
}

const CASE_STEPS = [
  'reported',
  'verified',
  'filed',
  'voided',
  'merged',
  'mergedIn',
  'folded',
  'supported',
  'dispatched',
  'redispatched',
  'accepted',
  'returned',
  'extensionRequested',
  'extensionApproved',
  'extensionRejected',
  'holdRequested',
  'held',
  'holdRejected',
  'resumed',
  'reportedBack',
  'checked',
  'reworked',
  'closed',
  'pressed',
  'markedOverdue',
  'appealed',
  'appealApproved',
  'appealRejected',
  'forceClosed',
  'reopened',
  'warned',
  'deadlineMoved',
  'rated',
];
/** Every event name of the case stream (EventSource delivers a named event only to listeners of that name). */
export const CASE_EVENT_NAMES: readonly string[] = CASE_STEPS.map((s) => `cases.case.${s}`);

/**
 * Calls `onEvent` for each of the named events while the component is mounted. The server filters by the
 * names' common prefixes; the browser listens to each name.
 */
export function useEventStream(names: readonly string[], onEvent: (e: StreamEvent) => void, enabled = true) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = names.join(',');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined' || key === '') return;
    const list = key.split(',');
    const prefixes = [...new Set(list.map((n) => n.slice(0, n.lastIndexOf('.') + 1)))];
    const source = new EventSource(`/api/events/stream?types=${encodeURIComponent(prefixes.join(','))}`);
    const listener = (message: Event) => {
      try {
        handler.current(JSON.parse((message as MessageEvent<string>).data) as StreamEvent);
      } catch {
        // a malformed message is skipped; the next one still arrives
      }
    };
    for (const name of list) source.addEventListener(name, listener);
    return () => source.close();
  }, [key, enabled]);
}
