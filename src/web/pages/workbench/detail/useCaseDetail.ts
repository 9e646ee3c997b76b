/** A case with its clocks and its history; reloads on demand and when an event of this case arrives. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { CASE_EVENT_NAMES, useEventStream } from '../../../api/events';
import type { CaseView, HistoryEvent } from '../types';

export function useCaseDetail(ref: string) {
  const [c, setCase] = useState<CaseView | null>(null);
  const [history, setHistory] = useState<HistoryEvent[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const request = useRef(0);

  const reload = useCallback(async () => {
    const id = ++request.current;
    setLoading(true);
    try {
      const path = { ref };
      const [one, events] = await Promise.all([
        api.GET('/api/cases/{ref}', { params: { path } }).then(unwrap),
        api.GET('/api/cases/{ref}/history', { params: { path } }).then(unwrap),
      ]);
      if (id !== request.current) return;
      setCase(one as unknown as CaseView);
      setHistory(events.items as HistoryEvent[]);
      setError(null);
    } catch (e) {
      if (id === request.current) setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, [ref]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const caseId = c?.id;
  useEventStream(CASE_EVENT_NAMES, (e) => {
    // Someone else's step (or a warning) on this case: show the new state without a click.
    if (caseId && e.streamId === caseId && e.streamVersion > (c?.version ?? 0)) void reload();
  });

  return { c, history, error, loading, reload };
}
