/**
 * Projections: read models kept up to date from the event log (evaluation rollups, supervision cards, …).
 *
 * A projection reads the tenant's committed events in committed-horizon order (horizon.ts) from the position
 * it stored last, applies a batch and stores the new position in the SAME transaction, so each event is
 * applied exactly once: a crash rolls back both, and a second process waits on the locked position row and
 * then continues from where the first one stopped. Projections never slow down the writes they follow; they
 * lag by one run (the projector's interval), and `runProjections` catches them up on demand (tests, reports).
 */
import { sql } from 'kysely';
import type { Database, Tx } from '../db/index.js';
import { horizonPassed, readCommitted, snapshotXmax, type FeedEvent, type FeedPosition } from './horizon.js';

export interface Projection {
  /** Unique, stable: `<module>.<what>` (e.g. `evaluation.rollups`). Renaming one rebuilds it. */
  name: string;
  /**
   * Applies events of one tenant in order, in the transaction that also moves the position. It must use only
   * `tx` (no other connection, nothing else awaited) and may see events it does not care about.
   */
  apply(tx: Tx, tenantId: number, events: readonly FeedEvent[]): Promise<void>;
  /** Empties the projection's tables for the tenant, before a rebuild from the first event. */
  reset?(tx: Tx, tenantId: number): Promise<void>;
}

export interface ProjectionRun {
  name: string;
  tenantId: number;
  applied: number;
}

export interface Projector {
  /**
   * Brings every projection of the tenant (or every tenant) up to date with everything committed before the
   * call (read-your-writes: it waits, up to a few seconds, for the committed horizon to pass the moment of
   * the call — on a busy PostgreSQL cluster a transaction just ending elsewhere can hold it back briefly).
   */
  catchUp(tenantId?: number): Promise<ProjectionRun[]>;
  /** Forgets a projection's state for the tenant and applies the whole log again. */
  rebuild(name: string, tenantId: number): Promise<ProjectionRun>;
  /** Runs catchUp every intervalMs in this process (every process may run one). */
  start(intervalMs: number, onError: (error: unknown) => void): void;
  stop(): Promise<void>;
}

const DEFAULT_BATCH = 2000;
const HORIZON_WAIT_MS = 5000;

/** One entry per (projection, tenant), summing repeated passes. */
function mergeRuns(runs: readonly ProjectionRun[]): ProjectionRun[] {
  const merged = new Map<string, ProjectionRun>();
  for (const r of runs) {
    const key = `${r.name}\u0000${r.tenantId}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, applied: seen.applied + r.applied } : { ...r });
  }
  return [...merged.values()];
}

/** Applies up to one batch; returns how many events it applied (0: the projection is caught up). */
async function applyBatch(
  db: Database,
  projection: Projection,
  tenantId: number,
  batchSize: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    await sql`
      INSERT INTO projection_positions (tenant_id, name) VALUES (${tenantId}, ${projection.name})
      ON CONFLICT (tenant_id, name) DO NOTHING`.execute(tx);
    const position = await sql<{ txId: string; seq: string }>`
      SELECT tx_id::text AS "txId", seq::text AS seq FROM projection_positions
      WHERE tenant_id = ${tenantId} AND name = ${projection.name}
      FOR UPDATE`.execute(tx);
    const row = position.rows[0];
    if (!row) throw new Error(`projection position of ${projection.name} vanished`);
    const after: FeedPosition = { txId: BigInt(row.txId), seq: Number(row.seq) };
    const events = await readCommitted(tx, tenantId, after, batchSize);
    const last = events.at(-1);
    if (!last) return 0;
    await projection.apply(tx, tenantId, events);
    await sql`
      UPDATE projection_positions
      SET tx_id = ${last.txId.toString()}::xid8, seq = ${last.seq}, applied = applied + ${events.length},
          updated_at = now()
      WHERE tenant_id = ${tenantId} AND name = ${projection.name}`.execute(tx);
    return events.length;
  });
}

export function createProjector(options: {
  db: Database;
  projections: readonly Projection[];
  batchSize?: number;
}): Projector {
  const { db, projections } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const names = new Set<string>();
  for (const p of projections) {
    if (names.has(p.name)) throw new Error(`two projections are named ${p.name}`);
    names.add(p.name);
  }

  async function catchUpOne(projection: Projection, tenantId: number): Promise<ProjectionRun> {
    let applied = 0;
    for (;;) {
      const n = await applyBatch(db, projection, tenantId, batchSize);
      applied += n;
      if (n < batchSize) return { name: projection.name, tenantId, applied };
    }
  }

  // One catch-up at a time per process: the interval loop and an on-demand call share the running one.
  let running: Promise<ProjectionRun[]> | null = null;
  async function catchUpAll(tenantId?: number): Promise<ProjectionRun[]> {
    const tenants =
      tenantId === undefined
        ? (await sql<{ id: number }>`SELECT id FROM tenants ORDER BY id`.execute(db.sql)).rows.map(
            (r) => r.id,
          )
        : [tenantId];
    const runs: ProjectionRun[] = [];
    for (const id of tenants) {
      for (const projection of projections) runs.push(await catchUpOne(projection, id));
    }
    return runs;
  }

  let loop: NodeJS.Timeout | null = null;
  return {
    async catchUp(tenantId?: number): Promise<ProjectionRun[]> {
      while (running) await running.catch(() => undefined);
      const since = await snapshotXmax(db.sql);
      const started = Date.now();
      const runs: ProjectionRun[] = [];
      for (;;) {
        running = catchUpAll(tenantId);
        try {
          runs.push(...(await running));
        } finally {
          running = null;
        }
        if ((await horizonPassed(db.sql, since)) || Date.now() - started > HORIZON_WAIT_MS) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return mergeRuns(runs);
    },
    async rebuild(name: string, tenantId: number): Promise<ProjectionRun> {
      const projection = projections.find((p) => p.name === name);
      if (!projection) throw new Error(`no projection named ${name}`);
      while (running) await running.catch(() => undefined);
      await db.transaction(async (tx) => {
        await sql`
          DELETE FROM projection_positions WHERE tenant_id = ${tenantId} AND name = ${name}`.execute(tx);
        await projection.reset?.(tx, tenantId);
      });
      return catchUpOne(projection, tenantId);
    },
    start(intervalMs: number, onError: (error: unknown) => void): void {
      if (loop) return;
      loop = setInterval(() => {
        if (running) return;
        // The loop does not wait for the horizon: whatever is not visible yet is taken next time.
        running = catchUpAll();
        void running.catch(onError).finally(() => {
          running = null;
        });
      }, intervalMs);
      loop.unref();
    },
    async stop(): Promise<void> {
      if (loop) clearInterval(loop);
      loop = null;
      await running?.catch(() => undefined);
    },
  };
}
