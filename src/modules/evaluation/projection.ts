/**
 * The `evaluation.rollups` projection: folds each committed case event (domain/credit.ts) into the daily
 * rollups, the per-case facts and the stage durations, in the transaction that moves its position — so every
 * event is counted exactly once (src/platform/events/projection.ts).
 */
import type { Tx } from '../../platform/db/index.js';
import type { FeedEvent, Projection } from '../../platform/events/index.js';
import { credit, sumCredits } from './domain/credit.js';
import { type CaseFacts, type Credit, type Duration } from './domain/counters.js';
import * as store from './store.js';

export const ROLLUP_PROJECTION = 'evaluation.rollups';

/** Folds a batch of one tenant's events into the rollups (only `tx` is used). */
export async function applyCaseEvents(tx: Tx, tenantId: number, events: readonly FeedEvent[]): Promise<void> {
  const caseEvents = events.filter((e) => e.streamType === 'case' && e.name.startsWith('cases.case.'));
  if (caseEvents.length === 0) return;
  const timeZone = await store.tenantTimeZone(tx, tenantId);
  const ids = [...new Set(caseEvents.map((e) => e.streamId))];
  const known = await store.loadFacts(tx, tenantId, ids);
  const facts = new Map<string, CaseFacts | null>(ids.map((id) => [id, known.get(id) ?? null]));
  const credits: Credit[] = [];
  const durations: Duration[] = [];
  for (const e of caseEvents) {
    const r = credit(facts.get(e.streamId) ?? null, e, timeZone);
    facts.set(e.streamId, r.facts);
    credits.push(...r.credits);
    durations.push(...r.durations);
  }
  const changed = new Map<string, CaseFacts>();
  for (const [id, f] of facts) if (f !== null) changed.set(id, f);
  await store.saveFacts(tx, tenantId, changed);
  await store.addCredits(tx, tenantId, [...sumCredits(credits).values()]);
  await store.addDurations(tx, tenantId, durations);
}

export function rollupProjection(): Projection {
  return {
    name: ROLLUP_PROJECTION,
    apply: applyCaseEvents,
    reset: (tx, tenantId) => store.reset(tx, tenantId),
  };
}
