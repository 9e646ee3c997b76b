/**
 * Group commit: concurrent requests that each need a small write share one transaction, so many durable
 * writes ride on one commit (one fsync) instead of one each (ARCHITECTURE §7, §8).
 *
 * There is no timer: a batch is taken only once its transaction has begun (after BEGIN's round trip, or once
 * PGlite's one connection is free), so everything that queued while the previous batch committed goes in
 * together. Under light load a lone item commits at once; under heavy load batches grow by themselves.
 * If a batch fails, its items are retried one by one, so one bad item cannot fail the others.
 */
import type { Database, Tx } from './database.js';

export interface GroupCommitter<I, R> {
  submit(item: I): Promise<R>;
  /** Waits until everything submitted so far has committed or failed. */
  drain(): Promise<void>;
}

interface Pending<I, R> {
  item: I;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export function createGroupCommitter<I, R>(options: {
  db: Database;
  maxBatch?: number;
  /** Writes a batch in the transaction; returns one result per item, in order. */
  write(tx: Tx, items: readonly I[]): Promise<R[]>;
  /** Items that must not share a batch (e.g. two writes of one record) get the same key. */
  keyOf?(item: I): string | null;
}): GroupCommitter<I, R> {
  const maxBatch = options.maxBatch ?? 256;
  let queue: Pending<I, R>[] = [];
  let running: Promise<void> | null = null;

  function take(): Pending<I, R>[] {
    const batch: Pending<I, R>[] = [];
    const rest: Pending<I, R>[] = [];
    const keys = new Set<string>();
    for (const p of queue) {
      const key = options.keyOf?.(p.item) ?? null;
      if (batch.length >= maxBatch || (key !== null && keys.has(key))) {
        rest.push(p);
        continue;
      }
      if (key !== null) keys.add(key);
      batch.push(p);
    }
    queue = rest;
    return batch;
  }

  async function runBatch(): Promise<void> {
    let batch: Pending<I, R>[] = [];
    try {
      const results = await options.db.transaction((tx) => {
        batch = take();
        return batch.length === 0
          ? Promise.resolve([])
          : options.write(
              tx,
              batch.map((p) => p.item),
            );
      });
      batch.forEach((p, i) => p.resolve(results[i] as R));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // Retry alone: put each back at the front, one per transaction.
      for (const p of batch) await runSingle(p);
    }
  }

  async function runSingle(p: Pending<I, R>): Promise<void> {
    try {
      const [result] = await options.db.transaction((tx) => options.write(tx, [p.item]));
      p.resolve(result as R);
    } catch (error) {
      p.reject(error);
    }
  }

  function pump(): void {
    if (running || queue.length === 0) return;
    running = runBatch().finally(() => {
      running = null;
      pump();
    });
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    async drain() {
      while (running || queue.length > 0) await (running ?? Promise.resolve());
    },
  };
}
