/**
 * Reloads when cards change on the live stream (raised, answered, reviewed, escalated). A burst of events — a
 * sweep raises many cards at once — reloads once, a second after the first.
 */
import { useEffect, useRef } from 'react';
import { useEventStream } from '../../../api/events';

const CARD_EVENT_NAMES = ['raised', 'responded', 'reviewed', 'escalated'].map((s) => `supervision.card.${s}`);
const SETTLE_MS = 1000;

export function useCardEvents(reload: () => void, only?: (cardId: string) => boolean): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useEventStream(CARD_EVENT_NAMES, (e) => {
    if (only && !only(e.streamId)) return;
    timer.current ??= setTimeout(() => {
      timer.current = null;
      reload();
    }, SETTLE_MS);
  });
}
