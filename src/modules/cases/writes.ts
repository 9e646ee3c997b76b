/**
 * What a case command writes, prepared outside the transaction, and the set-based statements that write many
 * of them at once. Commands validate and compute everything first (geocoding, dispatch, deadlines — some of
 * which read the database and must not run inside a transaction on PGlite); the transaction only writes.
 */
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/index.js';
import { appendEvents, type NewEvent } from '../../platform/events/index.js';
import * as store from './store.js';
import type { CaseNumberPool } from './case-number-pool.js';
import * as intakeStore from './intake-store.js';
import * as outboxStore from './outbox-store.js';
import * as timerStore from './timer-store.js';
import type { CaseRecord, TimerRecord } from './types.js';

export interface OutboxItem {
  readonly topic: string;
  readonly target: string;
  readonly payload: unknown;
}

export interface BuiltCase {
  readonly record: CaseRecord;
  readonly timers: readonly TimerRecord[];
  readonly events: readonly NewEvent[];
  readonly outbox: readonly OutboxItem[];
  /** The HTTP answer (kept for an Idempotency-Key retry). */
  readonly answer: { status: number; body: unknown };
}

export interface InsertWrite {
  readonly kind: 'insert';
  readonly tenantId: number;
  readonly actor: Actor;
  /** The id the new case will have (known before its number). */
  readonly caseId: string;
  /** Local date of the report (case numbers count per day). */
  readonly day: string;
  readonly build: (caseNo: string) => BuiltCase;
  readonly idempotency?: { owner: string; key: string; digest: string };
  /** Camera events: fold into the open report holding this key, if its window is still open. */
  readonly fold?: { key: string; seenAt: Date; windowUntil: Date; event: (target: CaseRecord) => NewEvent };
}

export interface UpdateWrite {
  readonly kind: 'update';
  readonly tenantId: number;
  readonly actor: Actor;
  readonly record: CaseRecord;
  readonly expectedVersion: number;
  readonly upsertTimers: readonly TimerRecord[];
  readonly removeTimers: readonly string[];
  readonly events: readonly NewEvent[];
  readonly outbox: readonly OutboxItem[];
}

export type CaseWrite = InsertWrite | UpdateWrite;

export type WriteResult =
  | { readonly kind: 'created'; readonly built: BuiltCase }
  | { readonly kind: 'replay'; readonly owner: string; readonly key: string; readonly digest: string }
  | { readonly kind: 'folded'; readonly into: CaseRecord }
  | { readonly kind: 'updated'; readonly record: CaseRecord }
  | { readonly kind: 'conflict' };

/** Two writes of one case never share a batch (the second must see the first's version). */
export function writeKey(w: CaseWrite): string | null {
  return w.kind === 'update' ? `${w.tenantId}:${w.record.id}` : null;
}

export function caseNumber(tenantCode: string, day: string, seq: number): string {
  return `${tenantCode}-${day.replaceAll('-', '')}-${String(seq).padStart(5, '0')}`;
}

/**
 * Case numbers for a batch's new reports, taken before its transaction from `pool` (which reserves blocks with
 * `reserveCaseNumbers`), one per write in order (null for a step or a camera report, which may fold into an
 * open one and then needs no number). A report whose write then fails, or whose Idempotency-Key a racing
 * retry saved first, leaves a gap.
 */
export async function reserveNumbers(
  ex: Executor,
  pool: CaseNumberPool,
  tenantCodes: ReadonlyMap<number, string>,
  writes: readonly CaseWrite[],
  now: Date,
): Promise<(string | null)[]> {
  const needs = new Map<string, { tenantId: number; day: string; count: number }>();
  for (const w of writes) {
    if (w.kind !== 'insert' || w.fold) continue;
    const key = `${w.tenantId}:${w.day}`;
    const need = needs.get(key) ?? { tenantId: w.tenantId, day: w.day, count: 0 };
    need.count += 1;
    needs.set(key, need);
  }
  const taken = await pool.take(ex, [...needs.values()], now);
  const used = new Map<string, number>();
  return writes.map((w) => {
    if (w.kind !== 'insert' || w.fold) return null;
    const key = `${w.tenantId}:${w.day}`;
    const n = used.get(key) ?? 0;
    const seq = taken.get(key)?.[n];
    if (seq === undefined) throw new Error(`no case number was reserved for ${key}`);
    used.set(key, n + 1);
    return caseNumber(tenantCodes.get(w.tenantId) ?? String(w.tenantId), w.day, seq);
  });
}

/**
 * Whether a batch writes in one statement, so it needs no transaction of its own: new reports only, each
 * with a reserved number, of one tenant, none that may fold or carries an Idempotency-Key (those read and
 * decide first).
 */
export function writesInOneStatement(
  writes: readonly CaseWrite[],
  numbers: readonly (string | null | undefined)[],
): boolean {
  const tenantId = writes[0]?.tenantId;
  return writes.every(
    (w, i) =>
      w.kind === 'insert' && !w.fold && !w.idempotency && Boolean(numbers[i]) && w.tenantId === tenantId,
  );
}

/**
 * Writes a batch in `ex`, its transaction (or the database itself when `writesInOneStatement`); `numbers`
 * are those `reserveNumbers` gave (the rest are taken inside the transaction).
 */
export async function commitWrites(
  tx: Executor,
  tenantCodes: ReadonlyMap<number, string>,
  writes: readonly CaseWrite[],
  now: Date,
  numbers: readonly (string | null | undefined)[] = [],
): Promise<WriteResult[]> {
  const results: WriteResult[] = new Array<WriteResult>(writes.length);
  const tenants = [...new Set(writes.map((w) => w.tenantId))];
  for (const tenantId of tenants) {
    const indexes = writes.map((w, i) => (w.tenantId === tenantId ? i : -1)).filter((i) => i >= 0);
    await commitTenant(
      tx,
      tenantId,
      tenantCodes.get(tenantId) ?? String(tenantId),
      writes,
      indexes,
      results,
      now,
      numbers,
    );
  }
  return results;
}

async function commitTenant(
  tx: Executor,
  tenantId: number,
  tenantCode: string,
  writes: readonly CaseWrite[],
  indexes: readonly number[],
  results: WriteResult[],
  now: Date,
  numbers: readonly (string | null | undefined)[],
): Promise<void> {
  const events: NewEvent[] = [];
  const timers: TimerRecord[] = [];
  const removeTimers: { caseId: string; kind: string }[] = [];
  const outbox: OutboxItem[] = [];
  const firstActor = writes[indexes[0] ?? 0]?.actor;
  if (!firstActor) return;

  // New reports: camera folds first, then numbers (most were reserved before the transaction), then
  // idempotency keys, then the rows.
  let inserts = indexes.filter((i) => writes[i]?.kind === 'insert');
  const survivors: number[] = [];
  for (const i of inserts) {
    const w = writes[i] as InsertWrite;
    if (w.fold) {
      const owner = await intakeStore.claimFold(
        tx,
        tenantId,
        w.fold.key,
        w.caseId,
        w.fold.seenAt,
        w.fold.windowUntil,
      );
      const target =
        owner === w.caseId ? null : await intakeStore.foldInto(tx, tenantId, owner, w.fold.seenAt);
      if (target) {
        events.push({ ...w.fold.event(target), actor: w.actor });
        results[i] = { kind: 'folded', into: target };
        continue;
      }
      if (owner !== w.caseId) await intakeStore.takeFold(tx, tenantId, w.fold.key, w.caseId);
    }
    survivors.push(i);
  }
  inserts = survivors;

  const built = new Map<number, BuiltCase>();
  const byDay = new Map<string, number[]>();
  for (const i of inserts) {
    const w = writes[i] as InsertWrite;
    const reserved = numbers[i];
    if (reserved) {
      built.set(i, w.build(reserved));
    } else {
      const list = byDay.get(w.day);
      if (list) list.push(i);
      else byDay.set(w.day, [i]);
    }
  }
  // Reports without a reserved number (camera reports that did not fold): the counter row stays locked
  // until COMMIT, which is fine for these few.
  for (const [day, list] of byDay) {
    const first = await intakeStore.allocateCaseNumbers(tx, tenantId, day, list.length);
    list.forEach((i, n) =>
      built.set(i, (writes[i] as InsertWrite).build(caseNumber(tenantCode, day, first + n))),
    );
  }
  const keyed = inserts.filter((i) => (writes[i] as InsertWrite).idempotency);
  if (keyed.length > 0) {
    const saved = await intakeStore.saveAnswers(
      tx,
      tenantId,
      keyed.map((i) => {
        const k = (writes[i] as InsertWrite).idempotency as { owner: string; key: string; digest: string };
        const answer = (built.get(i) as BuiltCase).answer;
        return {
          owner: k.owner,
          key: k.key,
          requestDigest: k.digest,
          status: answer.status,
          body: answer.body,
        };
      }),
      now,
    );
    for (const i of keyed) {
      const k = (writes[i] as InsertWrite).idempotency as { owner: string; key: string; digest: string };
      if (!saved.has(`${k.owner}\u0000${k.key}`)) {
        results[i] = { kind: 'replay', owner: k.owner, key: k.key, digest: k.digest };
        built.delete(i);
      }
    }
  }
  const created = inserts.filter((i) => built.has(i));
  // The new rows go in with the events, in one statement (below).
  const newCases = store.insertCasesSql(
    tenantId,
    created.map((i) => (built.get(i) as BuiltCase).record),
  );
  for (const i of created) {
    const b = built.get(i) as BuiltCase;
    timers.push(...b.timers);
    // A new case's events start its record (and its hash chain): no head to read.
    events.push(...b.events.map((e) => ({ ...e, actor: writes[i]?.actor, newRecord: true })));
    outbox.push(...b.outbox);
    results[i] = { kind: 'created', built: b };
  }

  // Steps on existing cases: each only if the case still has the version the command read.
  const updates = indexes.filter((i) => writes[i]?.kind === 'update');
  if (updates.length > 0) {
    const written = await store.updateCases(
      tx,
      tenantId,
      updates.map((i) => {
        const w = writes[i] as UpdateWrite;
        return { record: w.record, expectedVersion: w.expectedVersion };
      }),
    );
    for (const i of updates) {
      const w = writes[i] as UpdateWrite;
      if (!written.has(w.record.id)) {
        results[i] = { kind: 'conflict' };
        continue;
      }
      removeTimers.push(...w.removeTimers.map((kind) => ({ caseId: w.record.id, kind })));
      timers.push(...w.upsertTimers);
      events.push(...w.events.map((e) => ({ ...e, actor: w.actor })));
      outbox.push(...w.outbox);
      results[i] = { kind: 'updated', record: w.record };
    }
  }

  // A removed clock may come back in `timers` (a restarted stage), so the delete goes first, on its own.
  await timerStore.deleteTimers(tx, tenantId, removeTimers);
  // One statement for the rest (different tables, no row written twice). New clocks refer to new cases: the
  // foreign key is checked at the end of the statement, when both are in.
  const alongside = [
    newCases,
    timerStore.upsertTimersSql(tenantId, timers),
    outboxStore.enqueueSql(tenantId, outbox, now),
  ].filter((w) => w !== null);
  await appendEvents(tx, firstActor, now, events, { alongside, stored: false });
}
