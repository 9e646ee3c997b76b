/**
 * Case numbers taken from the database in blocks, the way a sequence with a cache hands them out: under load
 * a batch of reports usually finds its numbers in memory and skips the reservation round trip, which sat on
 * every batch's path before its write (measured: intake at 64 clients went from about 2,200 to 2,800
 * cases/s). A block reserves a few numbers beyond the batch's need (`spare`); the spare grows while
 * reservations follow each other closely and falls back to none when they are far apart, so a quiet district
 * reserves exactly what it uses and a restart there loses no numbers.
 *
 * Numbers stay unique (the day's counter row is the only source, see `reserveCaseNumbers`), and within one
 * process they rise with time. Across server processes they interleave, and the spare of a block that is not
 * used by the end of the day, or when the process stops, is a gap in that day's numbers (docs/cases.md).
 */
import type { Executor } from '../../platform/db/index.js';
import * as intakeStore from './intake-store.js';

export interface NumberNeed {
  readonly tenantId: number;
  /** Local date (YYYY-MM-DD): numbers count per tenant and day. */
  readonly day: string;
  readonly count: number;
}

export interface CaseNumberPool {
  /**
   * `count` numbers for each need (one need per tenant and day), keyed by `${tenantId}:${day}`: what is left of
   * earlier blocks first, then a new block's.
   */
  take(ex: Executor, needs: readonly NumberNeed[], now: Date): Promise<Map<string, number[]>>;
}

/** Reservations closer together than this grow the spare; farther apart than `IDLE_MS`, it is dropped. */
const BUSY_MS = 1_000;
const IDLE_MS = 10_000;
const FIRST_SPARE = 32;
const MAX_SPARE = 1_024;

interface Counter {
  /** Unused numbers of earlier blocks, as [from, to] ranges in the order they were reserved. */
  free: [number, number][];
  spare: number;
  lastReservedAt: number;
}

export function createCaseNumberPool(): CaseNumberPool {
  const counters = new Map<string, Counter>();
  /** The latest day seen per tenant: older days' leftovers are dropped (their numbers become gaps). */
  const latestDay = new Map<number, string>();

  function counterOf(tenantId: number, day: string): Counter {
    const latest = latestDay.get(tenantId);
    if (latest === undefined || day > latest) {
      latestDay.set(tenantId, day);
      for (const key of counters.keys()) {
        const [t, d] = key.split(':');
        if (Number(t) === tenantId && (d ?? '') < day) counters.delete(key);
      }
    }
    const key = `${tenantId}:${day}`;
    let counter = counters.get(key);
    if (!counter) {
      counter = { free: [], spare: 0, lastReservedAt: Number.NEGATIVE_INFINITY };
      counters.set(key, counter);
    }
    return counter;
  }

  return {
    async take(ex, needs, now) {
      const taken = new Map<string, number[]>();
      const shortfalls: { need: NumberNeed; counter: Counter; short: number; reserve: number }[] = [];
      // Claim what memory holds before awaiting anything, so batches preparing at once never share a number.
      for (const need of needs) {
        const counter = counterOf(need.tenantId, need.day);
        const numbers = claim(counter.free, need.count);
        taken.set(`${need.tenantId}:${need.day}`, numbers);
        const short = need.count - numbers.length;
        if (short === 0) continue;
        const since = now.getTime() - counter.lastReservedAt;
        if (since < BUSY_MS) counter.spare = Math.min(MAX_SPARE, Math.max(FIRST_SPARE, counter.spare * 2));
        else if (since > IDLE_MS) counter.spare = 0;
        counter.lastReservedAt = now.getTime();
        shortfalls.push({ need, counter, short, reserve: short + counter.spare });
      }
      if (shortfalls.length === 0) return taken;
      const firsts = await intakeStore.reserveCaseNumbers(
        ex,
        shortfalls.map((s) => ({ tenantId: s.need.tenantId, day: s.need.day, count: s.reserve })),
      );
      for (const { need, counter, short, reserve } of shortfalls) {
        const key = `${need.tenantId}:${need.day}`;
        const first = firsts.get(key);
        if (first === undefined) throw new Error(`no case numbers were reserved for ${key}`);
        const numbers = taken.get(key) ?? [];
        for (let n = first; n < first + short; n++) numbers.push(n);
        if (reserve > short) counter.free.push([first + short, first + reserve - 1]);
      }
      return taken;
    },
  };
}

/** Takes up to `count` numbers off the front of `free` (mutated). */
function claim(free: [number, number][], count: number): number[] {
  const numbers: number[] = [];
  while (numbers.length < count && free.length > 0) {
    const range = free[0] as [number, number];
    while (numbers.length < count && range[0] <= range[1]) numbers.push(range[0]++);
    if (range[0] > range[1]) free.shift();
  }
  return numbers;
}
