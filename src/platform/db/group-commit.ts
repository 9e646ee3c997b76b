/**
 * Group commit: concurrent requests that each need a small write share one transaction, so many durable
 * writes ride on one commit (one fsync) instead of one each (ARCHITECTURE §7, §8).
 *
 * There is no timer: while a batch commits, new items queue; when it finishes, everything queued goes in the
 * next batch. Under light load a lone item commits at once; under heavy load batches grow by themselves.
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
  /**
   * Batches in flight at once (PostgreSQL: 2 lets one batch build while another waits for its fsync; PGlite
   * has one connection, so 1).
   */
  concurrency?: number;
  /** Items that must not share a batch (e.g. two writes of one record) get the same key. */
  keyOf?(item: I): string | null;
}): GroupCommitter<I, R> {
  const maxBatch = options.maxBatch ?? 256;
  const concurrency = options.concurrency ?? 1;
  let queue: Pending<I, R>[] = [];
  const running = new Set<Promise<void>>();

  async function runBatch(batch: Pending<I, R>[]): Promise<void> {
    try {
      const results = await options.db.transaction((tx) =>
        options.write(
          tx,
          batch.map((p) => p.item),
        ),
      );
      batch.forEach((p, i) => p.resolve(results[i] as R));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const p of batch) await runBatch([p]);
    }
  }

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

  function pump(): void {
    while (running.size < concurrency && queue.length > 0) {
      const batch = take();
      const done: Promise<void> = runBatch(batch).finally(() => {
        running.delete(done);
        pump();
      });
      running.add(done);
    }
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    async drain() {
      while (running.size > 0 || queue.length > 0) await Promise.all([...running]);
    },
  };
}
