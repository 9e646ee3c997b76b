/**
 * Group commit: concurrent requests that each need a small write share one transaction, so many durable
 * writes ride on one commit (one fsync) instead of one each (ARCHITECTURE §7, §8).
 *
 * There is no timer: a new batch takes everything queued so far, so under light load a lone item commits at
 * once and under heavy load batches grow by themselves. Batches form a pipeline: the next one starts when the
 * one before has sent its writes and is committing, so one waits for its WAL flush while the next writes,
 * and neither the server nor the database idles waiting for the other (`concurrency` bounds the batches in
 * flight; 1 runs them one after another). A batch's `prepare` step runs before its transaction, outside it:
 * work that must not hold locks until COMMIT, such as taking case numbers.
 *
 * A batch whose whole write is one statement needs no transaction of its own: PostgreSQL runs a lone
 * statement atomically and commits it (durably) before answering, which saves the BEGIN and COMMIT round
 * trips. The caller says when (`oneStatement`); a second statement in such a batch is refused.
 * If a batch fails, its items are retried one by one (each with what `prepare` gave it), so one bad item
 * cannot fail the others.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from 'kysely';
import type { Database, Executor } from './database.js';

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

export function createGroupCommitter<I, R, P = undefined>(options: {
  db: Database;
  maxBatch?: number;
  /** Batches in flight at once (1 = one after another). */
  concurrency?: number;
  /**
   * A batch starts beside one in flight only once this many items wait (default 1); fewer wait for it to
   * finish. A few items would otherwise go off alone and pay a batch's fixed cost for little.
   */
  minOverlapping?: number;
  /** Runs before the batch's transaction, outside it; one value per item, in order. */
  prepare?(items: readonly I[]): Promise<P[]>;
  /** Whether the batch's write is a single statement (then `write` gets the database, not a transaction). */
  oneStatement?(items: readonly I[], prepared: readonly (P | undefined)[]): boolean;
  /** Writes a batch in its transaction (or its one statement); returns one result per item, in order. */
  write(ex: Executor, items: readonly I[], prepared: readonly (P | undefined)[]): Promise<R[]>;
  /**
   * Items that must not share a batch (e.g. two writes of one record) get the same key; such an item also
   * waits while a batch in flight holds its key, so it sees that batch's outcome.
   */
  keyOf?(item: I): string | null;
}): GroupCommitter<I, R> {
  const maxBatch = options.maxBatch ?? 256;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const minOverlapping = Math.max(1, options.minOverlapping ?? 1);
  let queue: Pending<I, R>[] = [];
  const running = new Set<Promise<void>>();
  /** Batches that have not yet finished writing (only their COMMIT is left once they have). */
  let writing = 0;
  const keysInFlight = new Set<string>();

  function take(): { batch: Pending<I, R>[]; keys: string[] } {
    const batch: Pending<I, R>[] = [];
    const rest: Pending<I, R>[] = [];
    const keys: string[] = [];
    for (const p of queue) {
      const key = options.keyOf?.(p.item) ?? null;
      if (batch.length >= maxBatch || (key !== null && (keys.includes(key) || keysInFlight.has(key)))) {
        rest.push(p);
        continue;
      }
      if (key !== null) keys.push(key);
      batch.push(p);
    }
    queue = rest;
    for (const key of keys) keysInFlight.add(key);
    return { batch, keys };
  }

  async function runBatch(batch: Pending<I, R>[]): Promise<void> {
    const items = batch.map((p) => p.item);
    let prepared: readonly (P | undefined)[] = [];
    let written = false;
    const doneWriting = () => {
      if (written) return;
      written = true;
      writing -= 1;
      pump();
    };
    try {
      prepared = options.prepare ? await options.prepare(items) : [];
      let results: R[];
      if (options.oneStatement?.(items, prepared)) {
        // Its statement goes out now; the next batch may gather while it runs and commits.
        const write = options.write(options.db.sql.withPlugin(new OneStatementOnly()), items, prepared);
        doneWriting();
        results = await write;
      } else {
        results = await options.db.transaction(async (tx) => {
          const r = await options.write(tx, items, prepared);
          doneWriting();
          return r;
        });
      }
      batch.forEach((p, i) => p.resolve(results[i] as R));
    } catch (error) {
      doneWriting();
      // A one-statement batch that tried a second statement has committed its first: a bug in the caller's
      // `oneStatement`, which a retry would only make worse (the rows would go in twice).
      if (batch.length === 1 || error instanceof SecondStatementError) {
        for (const p of batch) p.reject(error);
        return;
      }
      // Retry alone, one per transaction (each prepares anew if the batch's `prepare` failed).
      for (const [i, p] of batch.entries()) await runSingle(p, prepared[i]);
    }
  }

  async function runSingle(p: Pending<I, R>, prepared: P | undefined): Promise<void> {
    try {
      const own = prepared === undefined && options.prepare ? await options.prepare([p.item]) : [prepared];
      // Alone and in a transaction: whatever failed the batch must not half-apply here.
      const [result] = await options.db.transaction((tx) => options.write(tx, [p.item], own));
      p.resolve(result as R);
    } catch (error) {
      p.reject(error);
    }
  }

  function pump(): void {
    while (
      writing === 0 &&
      running.size < concurrency &&
      queue.length >= (running.size === 0 ? 1 : minOverlapping)
    ) {
      const { batch, keys } = take();
      if (batch.length === 0) return; // everything queued waits for a key in flight
      writing += 1;
      const run: Promise<void> = runBatch(batch).finally(() => {
        for (const key of keys) keysInFlight.delete(key);
        running.delete(run);
        pump();
      });
      running.add(run);
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
      while (running.size > 0 || queue.length > 0) {
        if (running.size === 0) pump();
        if (running.size === 0) return;
        await Promise.race(running);
      }
    },
  };
}

/** Refuses a second statement through the executor it is plugged into (a batch that said it writes one). */
class OneStatementOnly implements KyselyPlugin {
  private used = false;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.used) throw new SecondStatementError();
    this.used = true;
    return node;
  }
  transformResult: KyselyPlugin['transformResult'] = (args) => Promise.resolve(args.result);
}

export class SecondStatementError extends Error {
  override name = 'SecondStatementError';
  constructor() {
    super('group commit: a batch said it writes one statement, then issued a second');
  }
}
