/**
 * Coalesced look-ups: while one look-up is in flight, the keys asked for meanwhile wait and are then
 * fetched together in one statement. A lone request goes straight through (no added delay); under load,
 * concurrent requests of different people share a round trip — the read-side sibling of group commit.
 */
export function createCoalescer<K, V>(options: {
  load: (keys: readonly K[]) => Promise<ReadonlyMap<string, V>>;
  keyOf: (key: K) => string;
  maxBatch?: number;
}): (key: K) => Promise<V | null> {
  const maxBatch = options.maxBatch ?? 500;
  let queue: { key: K; resolve: (v: V | null) => void; reject: (e: unknown) => void }[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        try {
          const found = await options.load(batch.map((b) => b.key));
          for (const b of batch) b.resolve(found.get(options.keyOf(b.key)) ?? null);
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      running = false;
    }
  }

  return (key) =>
    new Promise<V | null>((resolve, reject) => {
      queue.push({ key, resolve, reject });
      if (!running) void drain();
    });
}
