/**
 * The consistency check of the rollups: every counter recomputed from the case events the projection has
 * applied, compared with what the rollups hold.
 */
import { sql } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import { credit, sumCredits } from './domain/credit.js';
import { DIMENSIONS, type CaseFacts, type Credit, type Dimension } from './domain/counters.js';
import { ROLLUP_PROJECTION } from './projection.js';
import * as store from './store.js';

/** The fine-grained object types, which hold most of the counters: each group is checked on its own. */
const FINE_GROUPS: readonly (readonly Dimension[])[] = [['grid'], ['gridCategory', 'streetCategory']];

/** Object types checked together: every other one at once, then each fine-grained group. */
const CHECK_GROUPS: readonly (readonly Dimension[])[] = [
  DIMENSIONS.filter((d) => !FINE_GROUPS.some((g) => g.includes(d))),
  ...FINE_GROUPS,
];

function addCredits(into: Map<string, Credit>, credits: readonly Credit[]): void {
  for (const c of credits) {
    const key = `${c.day}\u0000${c.dim}\u0000${c.code}\u0000${c.metric}`;
    const prev = into.get(key);
    into.set(key, prev ? { ...prev, n: prev.n + c.n } : c);
  }
}

export interface ConsistencyReport {
  ok: boolean;
  events: number;
  counters: number;
  durations: { expected: number; actual: number };
  mismatches: { day: string; dim: string; code: string; metric: string; expected: number; actual: number }[];
}

export function compare(
  expected: Map<string, Credit>,
  actual: Map<string, Credit>,
  events: number,
  expectedDurations: number,
  actualDurations: number,
): ConsistencyReport {
  const mismatches: ConsistencyReport['mismatches'] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key);
    const a = actual.get(key);
    if ((e?.n ?? 0) !== (a?.n ?? 0)) {
      const c = (e ?? a) as Credit;
      if (mismatches.length < 50) {
        mismatches.push({
          day: c.day,
          dim: c.dim,
          code: c.code,
          metric: c.metric,
          expected: e?.n ?? 0,
          actual: a?.n ?? 0,
        });
      }
    }
  }
  return {
    ok: mismatches.length === 0 && expectedDurations === actualDurations,
    events,
    counters: expected.size,
    durations: { expected: expectedDurations, actual: actualDurations },
    mismatches,
  };
}

/**
 * Recomputes every counter from the events the projection has applied and compares with the rollups, in
 * one repeatable-read snapshot. Memory stays bounded: the log is walked case by case in pages (the fold
 * keeps only the current case's facts), once per group of object types, each group compared on its own.
 */
export async function checkConsistency(
  db: Database,
  tenantId: number,
  pageSize = 20_000,
): Promise<ConsistencyReport> {
  return db.transaction(async (tx) => {
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`.execute(tx);
    const timeZone = await store.tenantTimeZone(tx, tenantId);
    const reports: ConsistencyReport[] = [];
    for (const group of CHECK_GROUPS) {
      const dims = new Set<Dimension>(group);
      const expected = new Map<string, Credit>();
      let events = 0;
      let durations = 0;
      let facts: CaseFacts | null = null;
      let after = { streamId: '', version: 0 };
      for (;;) {
        const page = await store.appliedCaseEvents(tx, tenantId, ROLLUP_PROJECTION, after, pageSize);
        for (const e of page) {
          if (e.streamId !== after.streamId) facts = null;
          const r = credit(facts, e, timeZone);
          facts = r.facts;
          addCredits(
            expected,
            r.credits.filter((c) => dims.has(c.dim)),
          );
          durations += r.durations.length;
          events += 1;
          after = { streamId: e.streamId, version: e.version };
        }
        if (page.length < pageSize) break;
      }
      const actual = sumCredits(await store.allRollups(tx, tenantId, group));
      const stored = await store.allDurationCount(tx, tenantId);
      reports.push(compare(sumCredits(expected.values()), actual, events, durations, stored));
    }
    return {
      ok: reports.every((r) => r.ok),
      events: reports[0]?.events ?? 0,
      counters: reports.reduce((s, r) => s + r.counters, 0),
      durations: reports[0]?.durations ?? { expected: 0, actual: 0 },
      mismatches: reports.flatMap((r) => r.mismatches).slice(0, 50),
    };
  });
}
