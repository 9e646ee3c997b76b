/**
 * Whether the server answered the last request. `navigator.onLine` says only that a network is attached: it
 * stays true on a Wi-Fi without internet, and an inspector would read 在线 while nothing gets through. A
 * request that fails without an answer marks the server unreachable until a request is answered, the browser
 * says it is online again, or a probe of /healthz (every 15 s while unreachable) gets an answer.
 */
const PROBE_MS = 15_000;

let unreachable = false;
let probe: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function set(value: boolean): void {
  if (unreachable === value) return;
  unreachable = value;
  if (value && probe === null) {
    probe = setInterval(() => {
      fetch('/healthz').then(noteAnswer, () => undefined);
    }, PROBE_MS);
  } else if (!value && probe !== null) {
    clearInterval(probe);
    probe = null;
  }
  for (const l of listeners) l();
}

/** Any HTTP answer, error statuses included: the server is there. */
export function noteAnswer(): void {
  set(false);
}

/** A request that failed without an answer (not one the page aborted). */
export function noteNoAnswer(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  set(true);
}

export function serverReachable(): boolean {
  return !unreachable;
}

export function onReachabilityChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// In the browser (globalThis is window); under node's test runner there is no such event.
const events = globalThis as { addEventListener?: (type: 'online', listener: () => void) => void };
events.addEventListener?.('online', () => set(false));
