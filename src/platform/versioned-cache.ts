import type { Clock } from './clock.js';

/**
 * An in-memory, per-tenant cache of something expensive to build (a geocoder index, a working calendar),
 * kept correct across processes: each change bumps a version in the database, and a process trusts its copy
 * for `recheckMs` before reading the version again and rebuilding when it moved.
 */
export interface VersionedCache<V> {
  get(tenantId: number): Promise<V>;
  /** Forget a tenant's copy at once (after a change made by this process). */
  invalidate(tenantId: number): void;
}

export function createVersionedCache<V>(options: {
  clock: Clock;
  recheckMs?: number;
  readVersion(tenantId: number): Promise<number>;
  load(tenantId: number, previous: V | undefined): Promise<{ value: V; version: number }>;
}): VersionedCache<V> {
  const recheckMs = options.recheckMs ?? 5_000;
  const entries = new Map<number, { value: V; version: number; checkedAt: number }>();
  const loading = new Map<number, Promise<V>>();
  const checking = new Map<number, Promise<number>>();

  function reload(tenantId: number): Promise<V> {
    let pending = loading.get(tenantId);
    if (!pending) {
      const started = options.clock.now().getTime();
      pending = options
        .load(tenantId, entries.get(tenantId)?.value)
        .then(({ value, version }) => {
          entries.set(tenantId, { value, version, checkedAt: started });
          return value;
        })
        .finally(() => loading.delete(tenantId));
      // Concurrent requests share one rebuild.
      loading.set(tenantId, pending);
    }
    return pending;
  }

  return {
    async get(tenantId) {
      const now = options.clock.now().getTime();
      const entry = entries.get(tenantId);
      if (!entry) return reload(tenantId);
      if (now - entry.checkedAt < recheckMs) return entry.value;
      // Concurrent requests after the recheck window share one version read.
      let check = checking.get(tenantId);
      if (!check) {
        check = options.readVersion(tenantId).finally(() => checking.delete(tenantId));
        checking.set(tenantId, check);
      }
      const version = await check;
      if (version === entry.version) {
        entry.checkedAt = now;
        return entry.value;
      }
      return reload(tenantId);
    },
    invalidate(tenantId) {
      entries.delete(tenantId);
    },
  };
}
