/**
 * The outbox of this browser (IndexedDB, photos included) and the hooks the pages use. One outbox per tab;
 * sending starts on app start, on the `online` event, every half minute while something waits, and on demand.
 */
import { createStore, get, set } from 'idb-keyval';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { rawFetch, type paths } from '../../../api/client';
import { onReachabilityChange, serverReachable } from '../../../api/reachability';
import { createOutbox, type FlushResult, type IntakeBody, type OutboxItem, type SentReport } from './outbox';

type ServerIntakeBody =
  paths['/api/cases/intake/inspector']['post']['requestBody']['content']['application/json'];
// The queued body must stay a valid intake body (a renamed server field is a compile error here).
const _bodyFits = (b: IntakeBody): ServerIntakeBody => b;
void _bodyFits;

const store = createStore('chengzhi-mobile', 'outbox');
const ITEMS_KEY = 'items';
const SENT_KEY = 'cz.mobile.sent';
const SENT_KEPT = 10;
const RETRY_MS = 30_000;

export const outbox = createOutbox({
  storage: {
    load: async () => (await get<OutboxItem[]>(ITEMS_KEY, store)) ?? [],
    save: (items) => set(ITEMS_KEY, items, store),
  },
  fetch: (url, init) => rawFetch(url, init),
});

const sentListeners = new Set<() => void>();
let sentCache: SentReport[] | null = null;

function readSent(): SentReport[] {
  if (sentCache) return sentCache;
  try {
    sentCache = JSON.parse(localStorage.getItem(SENT_KEY) ?? '[]') as SentReport[];
  } catch {
    sentCache = [];
  }
  return sentCache;
}

function rememberSent(result: FlushResult): FlushResult {
  if (result.sent.length === 0) return result;
  sentCache = [...result.sent.reverse(), ...readSent()].slice(0, SENT_KEPT);
  try {
    localStorage.setItem(SENT_KEY, JSON.stringify(sentCache));
  } catch {
    // the list of sent reports is a convenience; the cases are on the server
  }
  for (const l of sentListeners) l();
  return result;
}

/** Sends what waits (or the one item), remembering the receipts; never rejects. */
export function sendOutbox(onlyId?: string): Promise<FlushResult | null> {
  return outbox.flush(onlyId).then(rememberSent, () => null);
}

export function useOutboxItems(): readonly OutboxItem[] {
  return useSyncExternalStore(outbox.subscribe, outbox.snapshot);
}

export function useSentReports(): readonly SentReport[] {
  return useSyncExternalStore((l) => {
    sentListeners.add(l);
    return () => sentListeners.delete(l);
  }, readSent);
}

/** Online: a network attached and the server answering (api/reachability.ts). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (l) => {
      window.addEventListener('online', l);
      window.addEventListener('offline', l);
      const stop = onReachabilityChange(l);
      return () => {
        window.removeEventListener('online', l);
        window.removeEventListener('offline', l);
        stop();
      };
    },
    () => navigator.onLine && serverReachable(),
  );
}

/** Mounted once by the app: loads the queue and sends it whenever there is a chance. */
export function useOutboxAutoSend(onSent: (sent: SentReport[]) => void): void {
  const latest = useRef(onSent);
  useEffect(() => {
    latest.current = onSent;
  });
  useEffect(() => {
    const send = () => {
      if (!navigator.onLine || !outbox.snapshot().some((i) => i.state === 'queued')) return;
      void sendOutbox().then((r) => {
        if (r && r.sent.length > 0) latest.current(r.sent);
      });
    };
    void outbox.load().then(send);
    window.addEventListener('online', send);
    const timer = window.setInterval(send, RETRY_MS);
    return () => {
      window.removeEventListener('online', send);
      window.clearInterval(timer);
    };
  }, []);
}

export interface SubmitOutcome {
  item: OutboxItem;
  sent: SentReport | null;
  /** The server's refusal (a 4xx): the report stays in the outbox as failed. */
  refused: string | null;
}

/** Queues a report and sends the queue at once (oldest first) when online. */
export function useSubmitReport() {
  return useCallback(async (body: IntakeBody, photos: Blob[]): Promise<SubmitOutcome> => {
    const item = await outbox.enqueue(body, photos);
    if (!navigator.onLine) return { item, sent: null, refused: null };
    const result = await sendOutbox();
    const now = outbox.snapshot().find((i) => i.id === item.id);
    return {
      item,
      sent: result?.sent.find((s) => s.itemId === item.id) ?? null,
      refused: now?.state === 'failed' ? (now.error ?? null) : null,
    };
  }, []);
}
