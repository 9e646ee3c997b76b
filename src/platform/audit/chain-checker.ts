/**
 * The per-event checks of `audit verify`, apart from how events are read: each record's events must arrive
 * in version order (by record then version, or by `seq` — within one record seq follows version, because the
 * next version can only be written after the previous one committed), interleaved with other records in any
 * way. The last version and hash of every record seen is kept, so memory follows the number of records.
 */
import type { AuditProblem } from './problems.js';

export interface CheckedEvent {
  t: string;
  id: string;
  v: number;
  prev: Buffer | null;
  hash: Buffer | null;
}

interface Head {
  v: number;
  hash: Buffer | null;
}

const sameHash = (a: Buffer | null, b: Buffer | null): boolean =>
  a === null || b === null ? a === b : a.equals(b);

export class ChainChecker {
  private readonly heads = new Map<string, Head>();
  events = 0;

  constructor(private readonly report: (problem: AuditProblem) => void) {}

  get records(): number {
    return this.heads.size;
  }

  /**
   * `computed` is the hash recomputed from the event's content and stored prev_hash (null when unchained).
   * The event's buffers may be views into a reused chunk: what is kept is copied.
   */
  add(e: CheckedEvent, computed: Buffer | null): void {
    const key = `${e.t}\u0000${e.id}`;
    const last = this.heads.get(key);
    const lastVersion = last?.v ?? 0;
    const named = { streamType: e.t, streamId: e.id, streamVersion: e.v };
    if (e.v !== lastVersion + 1) {
      this.report({
        kind: 'missing-event',
        ...named,
        message:
          e.v > lastVersion + 1
            ? `versions ${lastVersion + 1}…${e.v - 1} of ${e.t}/${e.id} are missing`
            : `version ${e.v} of ${e.t}/${e.id} is out of order`,
      });
    }
    if (e.hash === null) {
      this.report({ kind: 'unchained', ...named, message: `${e.t}/${e.id} v${e.v} has no hash` });
    } else {
      if (!sameHash(e.prev, last?.hash ?? null)) {
        this.report({
          kind: 'chain-link',
          ...named,
          message: `${e.t}/${e.id} v${e.v} does not link to the event before it`,
        });
      }
      if (computed === null || !computed.equals(e.hash)) {
        this.report({
          kind: 'event-hash',
          ...named,
          message: `${e.t}/${e.id} v${e.v}: its content does not match its hash (edited)`,
        });
      }
    }
    if (last) {
      last.v = e.v;
      if (e.hash === null) last.hash = null;
      else (last.hash ??= Buffer.allocUnsafeSlow(e.hash.length)).set(e.hash);
    } else {
      const hash = e.hash && Buffer.allocUnsafeSlow(e.hash.length);
      hash?.set(e.hash as Buffer);
      this.heads.set(key, { v: e.v, hash });
    }
    this.events++;
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
