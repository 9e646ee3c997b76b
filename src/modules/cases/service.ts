/**
 * The case loop's service: intake, steps, queries and the background scheduler, over one group committer per
 * process (so concurrent requests share transactions).
 */
import type { Principal } from '../../platform/auth/index.js';
import { createGroupCommitter } from '../../platform/db/index.js';
import { errors } from '../../platform/http/app-error.js';
import { convertPosition } from '../geo/index.js';
import type { Crs } from '../geo/index.js';
import { createCaseNumberPool } from './case-number-pool.js';
import { createCaseCommands } from './commands.js';
import { createContextCache, type CasesDeps } from './context.js';
import { boxAround, distanceM } from './domain/distance.js';
import type { CategoryRef } from './intake-input.js';
import { createIntake } from './intake.js';
import { createOutboxWorker } from './outbox.js';
import { canSee, viewerOf, type Viewer } from './policies.js';
import { createScheduler } from './scheduler.js';
import * as store from './store.js';
import * as lists from './list-store.js';
import * as timerStore from './timer-store.js';
import type { CaseRecord } from './types.js';
import {
  commitWrites,
  reserveNumbers,
  writeKey,
  writesInOneStatement,
  type CaseWrite,
  type WriteResult,
} from './writes.js';

export function createCasesService(deps: CasesDeps) {
  const contexts = createContextCache(deps);
  const tenantCodes = new Map<number, string>();
  const numberPool = createCaseNumberPool();
  const committer = createGroupCommitter<CaseWrite, WriteResult, string | null>({
    db: deps.db,
    keyOf: writeKey,
    // PGlite has one connection: a second batch would only wait for it.
    concurrency: deps.db.engine === 'postgres' ? 2 : 1,
    // Beside a batch in flight, a second one goes only with enough writes to be worth its own statement
    // and WAL flush (measured: 32 gave larger batches and less CPU per case than 8 or 16 at 64 clients).
    minOverlapping: 32,
    prepare: (writes) => reserveNumbers(deps.db.sql, numberPool, tenantCodes, writes, deps.clock.now()),
    oneStatement: writesInOneStatement,
    write: (tx, writes, numbers) => commitWrites(tx, tenantCodes, writes, deps.clock.now(), numbers),
  });
  const intake = createIntake(deps, contexts, {
    submit: async (w) => {
      // Case numbers need the tenant code; it is read before the write, never inside it.
      if (!tenantCodes.has(w.tenantId)) {
        tenantCodes.set(w.tenantId, (await contexts.get(w.tenantId)).tenantCode);
      }
      return committer.submit(w);
    },
    drain: () => committer.drain(),
  });
  const commands = createCaseCommands(deps, contexts, committer);
  const scheduler = createScheduler(deps, contexts, commands);
  const outbox = createOutboxWorker(deps);

  async function viewer(principal: Principal): Promise<Viewer> {
    return viewerOf(deps.org, principal);
  }

  async function get(v: Viewer, ref: string) {
    const record = await store.findCase(deps.db.sql, v.principal.actor.tenantId, ref);
    if (!record || !canSee(v, record)) throw errors.notFound('case');
    const timers = await timerStore.timersOf(deps.db.sql, v.principal.actor.tenantId, [record.id]);
    return { record, timers };
  }

  async function history(tenantId: number, record: CaseRecord) {
    return store.caseHistory(deps.db.sql, tenantId, record.id);
  }

  async function list(
    v: Viewer,
    options: { filter: lists.CaseFilter; sort: lists.CaseSort; limit: number; cursor: string | null },
  ) {
    const cursor = options.cursor === null ? null : lists.decodeCursor(options.cursor);
    if (options.cursor !== null && cursor === null) {
      throw errors.validation('cursor', 'not a cursor from this list');
    }
    return lists.listCases(deps.db.sql, v.principal.actor.tenantId, {
      filter: options.filter,
      scope: lists.scopeCondition(v.scope, { reportedBy: v.principal.account.id }),
      sort: options.sort,
      limit: options.limit,
      cursor,
    });
  }

  async function counts(v: Viewer) {
    return lists.countByStage(
      deps.db.sql,
      v.principal.actor.tenantId,
      lists.scopeCondition(v.scope, { reportedBy: v.principal.account.id }),
    );
  }

  /** Open cases in the viewer's scope as map points (wgs84), newest first, at most `max`. */
  async function mapPoints(v: Viewer, max: number) {
    return lists.openCasePoints(
      deps.db.sql,
      v.principal.actor.tenantId,
      lists.scopeCondition(v.scope, { reportedBy: v.principal.account.id }),
      max,
    );
  }

  /** Open cases near a point (public "me too"), nearest first. */
  async function nearby(
    tenantId: number,
    point: { lng: number; lat: number; crs: Crs },
    category: CategoryRef | null,
  ): Promise<{ record: CaseRecord; distanceM: number }[]> {
    const { settings } = await contexts.get(tenantId);
    const [lng, lat] = convertPosition([point.lng, point.lat], point.crs, 'wgs84');
    const box = boxAround(lng, lat, settings.nearby.radiusM);
    const candidates = await lists.openCasesInBox(deps.db.sql, tenantId, box, category, 200);
    return candidates
      .map((record) => ({ record, distanceM: distanceM([lng, lat], [record.lng, record.lat]) }))
      .filter((c) => c.distanceM <= settings.nearby.radiusM)
      .sort((a, b) => a.distanceM - b.distanceM)
      .slice(0, settings.nearby.limit);
  }

  let loop: NodeJS.Timeout | null = null;
  let ticking = false;
  async function tick(): Promise<void> {
    if (ticking) return;
    ticking = true;
    try {
      await scheduler.checkCalendars();
      await scheduler.runDue();
      await outbox.deliverDue();
    } finally {
      ticking = false;
    }
  }

  return {
    /** A case without a viewer's scope check (system work: simulation, integrations). */
    find: (tenantId: number, ref: string) => store.findCase(deps.db.sql, tenantId, ref),
    report: intake.report,
    step: commands.step,
    support: commands.support,
    rate: commands.rate,
    track: commands.track,
    readSettings: commands.readSettings,
    saveSettings: commands.saveSettings,
    viewer,
    get,
    history,
    list,
    counts,
    mapPoints,
    nearby,
    timeZone: async (tenantId: number) => (await contexts.get(tenantId)).calendar.definition.timeZone,
    scheduler,
    outbox,
    tick,
    /** Runs the scheduler every `intervalMs` in this process (every process may run one). */
    start(intervalMs: number, onError: (e: unknown) => void): void {
      if (loop) return;
      loop = setInterval(() => void tick().catch(onError), intervalMs);
      loop.unref();
    },
    async stop(): Promise<void> {
      if (loop) clearInterval(loop);
      loop = null;
      await committer.drain();
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
