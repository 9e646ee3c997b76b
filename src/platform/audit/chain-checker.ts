/**
 * The per-event checks of `audit verify`, apart from how events are read. Events may arrive in any order —
 * the COPY reader takes them as they lie in the table, where a record's versions are nearly always in order
 * but need not be — and the result does not depend on it: each record is followed version by version, and a
 * version that arrives early waits until the ones before it have come (or, at `finish`, is checked after the
 * gap it leaves). Memory follows the number of records, plus the events that arrived early.
 *
 * Hashes are passed as binary strings (one char per byte, 'latin1'): cheap to keep and to compare.
 */
import type { AuditProblem } from './problems.js';

export interface RecordName {
  streamType: string;
  streamId: string;
}

/**
 * The event being added, read on demand: most events need only a comparison of their prev_hash, and a
 * reader can answer that from the bytes it holds without making a string.
 */
export interface CheckedRow {
  /** Its record's names; asked only when there is something to report. */
  recordName(): RecordName;
  /** Whether its stored prev_hash is `hash` (a binary string; null: none stored). */
  prevIs(hash: string | null): boolean;
  /** Its stored prev_hash as a binary string, to keep when it arrives early. */
  prev(): string | null;
}

interface Head {
  /** Versions 1 … v have been followed (0: none yet). */
  v: number;
  /** The hash of version v. */
  h: string | null;
}

interface Early {
  v: number;
  prev: string | null;
  hash: string | null;
}

interface Waiting {
  name: RecordName;
  events: Early[];
}

const KIND_ORDER: readonly AuditProblem['kind'][] = [
  'missing-event',
  'unchained',
  'chain-link',
  'event-hash',
];

/** Problems by record, version and kind: the same report whatever order the events were read in. */
export function compareProblems(a: AuditProblem, b: AuditProblem): number {
  const text = (x: string | undefined, y: string | undefined): number =>
    (x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0;
  return (
    text(a.streamType, b.streamType) ||
    text(a.streamId, b.streamId) ||
    (a.streamVersion ?? 0) - (b.streamVersion ?? 0) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    text(a.message, b.message)
  );
}

export class ChainChecker {
  private readonly heads = new Map<string, Head>();
  private readonly waiting = new Map<string, Waiting>();
  events = 0;

  constructor(private readonly report: (problem: AuditProblem) => void) {}

  get records(): number {
    return this.heads.size;
  }

  /**
   * One event. `key` identifies its record (any text unique per record); `hash` is its stored hash (null
   * when absent); `hashOk` whether the hash recomputed from its content equals `hash`.
   */
  add(key: string, v: number, hash: string | null, hashOk: boolean, row: CheckedRow): void {
    this.events++;
    if (hash === null) {
      this.problem('unchained', row.recordName(), v, 'has no hash');
    } else if (!hashOk) {
      this.problem('event-hash', row.recordName(), v, 'its content does not match its hash (edited)');
    }
    let head = this.heads.get(key);
    if (head === undefined) {
      head = { v: 0, h: null };
      this.heads.set(key, head);
    }
    if (v === head.v + 1) {
      if (hash !== null && !row.prevIs(head.h)) this.unlinked(row.recordName(), v);
      head.v = v;
      head.h = hash;
      const waiting = this.waiting.get(key);
      if (waiting) this.drain(key, head, waiting);
    } else if (v <= head.v) {
      this.problem('missing-event', row.recordName(), v, 'appears more than once (out of order)');
    } else {
      let waiting = this.waiting.get(key);
      if (!waiting) {
        waiting = { name: row.recordName(), events: [] };
        this.waiting.set(key, waiting);
      }
      waiting.events.push({ v, prev: row.prev(), hash });
    }
  }

  /** Checks what still waits: each gap is a missing event, and the event after it cannot link. */
  finish(): void {
    for (const [key, waiting] of this.waiting) {
      const head = this.heads.get(key) as Head;
      waiting.events.sort((a, b) => a.v - b.v);
      for (const e of waiting.events) {
        if (e.v <= head.v) {
          this.problem('missing-event', waiting.name, e.v, 'appears more than once (out of order)');
          continue;
        }
        if (e.v > head.v + 1) {
          const { streamType: t, streamId: id } = waiting.name;
          this.report({
            kind: 'missing-event',
            streamType: t,
            streamId: id,
            streamVersion: e.v,
            message: `versions ${head.v + 1}…${e.v - 1} of ${t}/${id} are missing`,
          });
        }
        this.follow(head, e, waiting.name);
      }
    }
    this.waiting.clear();
  }

  /** An early event follows the head: its prev_hash must be the head's hash. */
  private follow(head: Head, e: Early, name: RecordName): void {
    if (e.hash !== null && e.prev !== head.h) this.unlinked(name, e.v);
    head.v = e.v;
    head.h = e.hash;
  }

  private unlinked(name: RecordName, v: number): void {
    this.problem('chain-link', name, v, 'does not link to the event before it');
  }

  private drain(key: string, head: Head, waiting: Waiting): void {
    for (let i = 0; i < waiting.events.length;) {
      const e = waiting.events[i] as Early;
      if (e.v !== head.v + 1) {
        i++;
        continue;
      }
      waiting.events.splice(i, 1);
      this.follow(head, e, waiting.name);
      i = 0;
    }
    if (waiting.events.length === 0) this.waiting.delete(key);
  }

  private problem(kind: AuditProblem['kind'], name: RecordName, v: number, what: string): void {
    const { streamType: t, streamId: id } = name;
    this.report({ kind, streamType: t, streamId: id, streamVersion: v, message: `${t}/${id} v${v} ${what}` });
  }
}

/** Problems up to a limit, and a count of the rest. */
export class ProblemList {
  readonly problems: AuditProblem[] = [];
  more = 0;

  constructor(private readonly max: number) {}

  readonly report = (p: AuditProblem): void => {
    if (this.problems.length < this.max) this.problems.push(p);
    else this.more++;
  };
}
