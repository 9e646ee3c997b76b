/**
 * The queue's data: stage counts for the tabs, one keyset-paged list for the chosen tab and filters, and a
 * debounced refetch of both when case events arrive on the event stream.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { CASE_EVENT_NAMES, useEventStream } from '../../../api/events';
import type { CaseView, Stage } from '../types';

/** The tabs in the order of the loop; a stage's tab shows when the viewer's scope has cases in it. */
export const QUEUE_STAGES: readonly Stage[] = [
  'verifying',
  'reported',
  'filed',
  'dispatched',
  'returned',
  'handling',
  'held',
  'handled',
  'checked',
];
/** 延期/挂账/申诉 waiting for a decision, and 督办 cases: lists across the open stages, counted by the server. */
export const APPROVALS = 'approvals';
export const PRESSED = 'pressed';
const OPEN_STAGES = 'filed,dispatched,returned,handling,held,handled,checked';
/** The count key `GET /api/cases/counts` gives each of those tabs. */
export const SPECIAL_TAB_COUNTS: Record<string, string> = {
  [APPROVALS]: 'pendingRequests',
  [PRESSED]: 'pressed',
};

export interface QueueFilters {
  channel?: string;
  streetCode?: string;
  warning?: 'prompt' | 'yellow' | 'red';
  q?: string;
}

const PAGE = 50;
const REFRESH_DEBOUNCE_MS = 800;

export function visibleTabs(counts: Record<string, number>): string[] {
  const stages = QUEUE_STAGES.filter((s) => (counts[s] ?? 0) > 0);
  const special = [APPROVALS, PRESSED].filter((k) => (counts[SPECIAL_TAB_COUNTS[k] ?? ''] ?? 0) > 0);
  return [...stages, ...special];
}

/** `wanted` is the tab the URL names; without one the first tab with cases opens. */
export function useQueue(wanted: string | null, filters: QueueFilters) {
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  const tabs = useMemo(() => (counts ? visibleTabs(counts) : []), [counts]);
  const tab = wanted ?? tabs[0] ?? null;
  const [items, setItems] = useState<CaseView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const request = useRef(0);

  const loadCounts = useCallback(async () => {
    try {
      setCounts(unwrap(await api.GET('/api/cases/counts')));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, []);

  const key = JSON.stringify(filters);
  const fetchPage = useCallback(
    async (after: string | null, limit: number) => {
      const special = tab === APPROVALS || tab === PRESSED;
      const query = {
        ...(JSON.parse(key) as QueueFilters),
        stage: special ? OPEN_STAGES : (tab ?? undefined),
        ...(tab === APPROVALS ? { pending: 'any' as const } : {}),
        ...(tab === PRESSED ? { pressed: true } : {}),
        sort: 'deadline' as const,
        limit,
        ...(after ? { cursor: after } : {}),
      };
      const page = unwrap(await api.GET('/api/cases', { params: { query } }));
      return { rows: page.items as unknown as CaseView[], next: page.nextCursor };
    },
    [tab, key],
  );

  const reload = useCallback(
    async (keep = PAGE) => {
      if (!tab) return;
      const id = ++request.current;
      setLoading(true);
      try {
        const { rows, next } = await fetchPage(null, Math.min(200, Math.max(PAGE, keep)));
        if (id !== request.current) return;
        setItems(rows);
        setCursor(next);
        setError(null);
      } catch (e) {
        if (id === request.current) setError(e instanceof Error ? e : new Error(String(e)));
      } finally {
        if (id === request.current) setLoading(false);
      }
    },
    [tab, fetchPage],
  );

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    const id = ++request.current;
    setLoading(true);
    try {
      const { rows, next } = await fetchPage(cursor, PAGE);
      if (id !== request.current) return;
      setItems((prev) => [...prev, ...rows]);
      setCursor(next);
    } catch (e) {
      if (id === request.current) setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, [cursor, fetchPage]);

  useEffect(() => {
    void loadCounts();
  }, [loadCounts]);
  useEffect(() => {
    setItems([]);
    setCursor(null);
    void reload();
  }, [reload]);

  // Many events arrive in bursts (a bulk dispatch, the warning sweeper): one refetch per quiet moment.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const shown = useRef(items.length);
  shown.current = items.length;
  useEventStream(CASE_EVENT_NAMES, () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void loadCounts();
      void reload(shown.current);
    }, REFRESH_DEBOUNCE_MS);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const refresh = useCallback(() => {
    void loadCounts();
    void reload(shown.current);
  }, [loadCounts, reload]);

  return useMemo(
    () => ({ tab, tabs, counts, items, hasMore: cursor !== null, loading, error, loadMore, refresh }),
    [tab, tabs, counts, items, cursor, loading, error, loadMore, refresh],
  );
}
