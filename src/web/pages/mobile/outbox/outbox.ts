/**
 * The inspector's outbox: every report is queued here first (photo blobs included) and sent in order — photos
 * uploaded, then the intake. The Idempotency-Key is fixed when the report is queued, so a resend after a lost
 * answer returns the first case instead of opening a second one. Storage and fetch are injected (IndexedDB and
 * the app's fetch in the browser, fakes in test/web/outbox.test.ts); no imports keep it loadable by Node.
 */

export interface IntakeBody {
  category: { categoryType: 'component' | 'event'; majorCode: string; minorCode: string };
  standardId: string;
  description: string;
  location: { lng: number; lat: number; crs: 'wgs84' };
  address?: string | null;
  componentId?: string | null;
}

export interface QueuedPhoto {
  blob: Blob;
  /** Set once uploaded, so a retry does not upload the photo again. */
  sha256?: string;
}

export type OutboxState = 'queued' | 'sending' | 'failed';

export interface OutboxItem {
  id: string;
  idempotencyKey: string;
  createdAt: string;
  body: IntakeBody;
  photos: QueuedPhoto[];
  state: OutboxState;
  attempts: number;
  /** The server's message (failed) or the last network problem (queued). */
  error?: string;
}

export interface Receipt {
  id: string;
  caseNo: string;
  stage: string;
  version: number;
  deadline?: string | null;
}

export interface SentReport {
  itemId: string;
  caseNo: string;
  stage: string;
  deadline: string | null;
  sentAt: string;
}

export interface OutboxStorage {
  load(): Promise<OutboxItem[]>;
  save(items: OutboxItem[]): Promise<void>;
}

/** Answers like fetch: a Response, or a rejection. An error carrying `status` counts as an HTTP answer. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface OutboxDeps {
  storage: OutboxStorage;
  fetch: FetchLike;
  newKey?: () => string;
  now?: () => Date;
}

export type SendOutcome =
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'failed'; status: number; message: string }
  | { kind: 'retry'; message: string };

/** An answer worth sending again: no answer at all, a server error, or a pause the server asked for. */
const RETRIABLE = new Set([401, 408, 409, 425, 429]);

export function isRetriable(status: number): boolean {
  return status >= 500 || RETRIABLE.has(status);
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function failureOf(res: Response): Promise<HttpFailure> {
  let message = `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON: keep the status line
  }
  return new HttpFailure(res.status, message);
}

function asHttpFailure(error: unknown): HttpFailure | null {
  if (error instanceof HttpFailure) return error;
  const e = error as { status?: unknown; message?: unknown } | null;
  if (e && typeof e.status === 'number') {
    return new HttpFailure(e.status, typeof e.message === 'string' ? e.message : `HTTP ${e.status}`);
  }
  return null;
}

async function call(fetchFn: FetchLike, url: string, init: RequestInit): Promise<unknown> {
  const res = await fetchFn(url, init);
  if (!res.ok) throw await failureOf(res);
  return res.json();
}

/** Sends one item: uploads the photos not yet uploaded (recording their sha256 in `item`), then the intake. */
export async function sendItem(item: OutboxItem, fetchFn: FetchLike): Promise<SendOutcome> {
  try {
    for (const photo of item.photos) {
      if (photo.sha256) continue;
      const file = (await call(fetchFn, '/api/files', {
        method: 'POST',
        headers: { 'content-type': photo.blob.type || 'application/octet-stream' },
        body: photo.blob,
      })) as { sha256: string };
      photo.sha256 = file.sha256;
    }
    const body = { ...item.body, photos: item.photos.map((p) => p.sha256 as string) };
    const receipt = (await call(fetchFn, '/api/cases/intake/inspector', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': item.idempotencyKey },
      body: JSON.stringify(body),
    })) as Receipt;
    return { kind: 'sent', receipt };
  } catch (error) {
    const http = asHttpFailure(error);
    if (http && !isRetriable(http.status)) {
      return { kind: 'failed', status: http.status, message: http.message };
    }
    return { kind: 'retry', message: http?.message ?? (error as Error).message ?? String(error) };
  }
}

export interface FlushResult {
  sent: SentReport[];
  failed: string[];
  /** True when sending stopped at an item that should be retried later (the rest kept their turn). */
  interrupted: boolean;
}

export interface Outbox {
  subscribe: (listener: () => void) => () => void;
  snapshot: () => readonly OutboxItem[];
  load: () => Promise<void>;
  enqueue: (body: IntakeBody, photos: Blob[]) => Promise<OutboxItem>;
  /** Sends queued items oldest first; `onlyId` sends that one item (a failed one is tried again). */
  flush: (onlyId?: string) => Promise<FlushResult>;
  remove: (id: string) => Promise<void>;
  isFlushing: () => boolean;
}

function randomKey(): string {
  return globalThis.crypto.randomUUID();
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const newKey = deps.newKey ?? randomKey;
  const now = deps.now ?? (() => new Date());
  let items: readonly OutboxItem[] = [];
  let loaded: Promise<void> | null = null;
  let flushing: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  const publish = async (next: OutboxItem[]) => {
    items = next;
    for (const l of listeners) l();
    await deps.storage.save(next);
  };
  const update = (id: string, patch: Partial<OutboxItem>) =>
    publish(items.map((i) => (i.id === id ? { ...i, ...patch } : i)));

  const load = () => {
    loaded ??= deps.storage.load().then((stored) => {
      // A send cut off by a closed tab is simply queued again (the key makes the resend safe).
      items = stored.map((i) => (i.state === 'sending' ? { ...i, state: 'queued' } : i));
      for (const l of listeners) l();
    });
    return loaded;
  };

  async function runFlush(onlyId?: string): Promise<FlushResult> {
    await load();
    const result: FlushResult = { sent: [], failed: [], interrupted: false };
    const turn = items.filter((i) => (onlyId ? i.id === onlyId : i.state === 'queued'));
    for (const queued of turn) {
      const item: OutboxItem = { ...queued, photos: queued.photos.map((p) => ({ ...p })) };
      await update(item.id, { state: 'sending' });
      const outcome = await sendItem(item, deps.fetch);
      const attempts = item.attempts + 1;
      if (outcome.kind === 'sent') {
        await publish(items.filter((i) => i.id !== item.id));
        const r = outcome.receipt;
        result.sent.push({
          itemId: item.id,
          caseNo: r.caseNo,
          stage: r.stage,
          deadline: r.deadline ?? null,
          sentAt: now().toISOString(),
        });
      } else if (outcome.kind === 'failed') {
        await update(item.id, { state: 'failed', attempts, error: outcome.message, photos: item.photos });
        result.failed.push(item.id);
      } else {
        await update(item.id, { state: 'queued', attempts, error: outcome.message, photos: item.photos });
        result.interrupted = true;
        break;
      }
    }
    return result;
  }

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot: () => items,
    load,
    enqueue: async (body, photos) => {
      await load();
      const key = newKey();
      const item: OutboxItem = {
        id: key,
        idempotencyKey: key,
        createdAt: now().toISOString(),
        body,
        photos: photos.map((blob) => ({ blob })),
        state: 'queued',
        attempts: 0,
      };
      await publish([...items, item]);
      return item;
    },
    flush: (onlyId) => {
      // One sender at a time: a second call waits for the running one, then sends what is left.
      const run = (flushing ?? Promise.resolve()).then(() => runFlush(onlyId));
      const mine = run.then(
        () => undefined,
        () => undefined,
      );
      flushing = mine;
      void mine.then(() => {
        if (flushing === mine) flushing = null;
      });
      return run;
    },
    remove: async (id) => {
      await load();
      await publish(items.filter((i) => i.id !== id));
    },
    isFlushing: () => flushing !== null,
  };
}
