/**
 * One event-stream subscription for the page: the live feed keeps the newest events, and the map and the
 * figures reload at most once per REFRESH_MS however many events arrive (a busy district sends many).
 */
import { useEffect, useRef, useState } from 'react';
import { CASE_EVENT_NAMES, useEventStream, type StreamEvent } from '../../api/events';

export const FEED_SIZE = 50;
const REFRESH_MS = 5_000;

export function useLiveCases(): { events: StreamEvent[]; tick: number } {
  const [events, setEvents] = useState<StreamEvent[]>([]);
  const [tick, setTick] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEventStream(CASE_EVENT_NAMES, (e) => {
    setEvents((list) => [e, ...list].slice(0, FEED_SIZE));
    timer.current ??= setTimeout(() => {
      timer.current = null;
      setTick((n) => n + 1);
    }, REFRESH_MS);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { events, tick };
}
