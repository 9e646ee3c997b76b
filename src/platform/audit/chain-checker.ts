/**
 * The per-event checks of `audit verify`, apart from how events are read. Events may arrive in any order —
 * the COPY reader takes them as they lie in the table, where a record's versions are nearly always in order
 * but need not be — and the result does not depend on it: each record is followed version by version, and a
 * version that arrives early waits until the ones before it have come (or, at `finish`, is checked after the
 * gap it leaves). Memory follows the number of records, plus the events that arrived early.
 *
 * An event's key and hashes are read where they lie (CheckedRow); the heads are kept as bytes
 * (record-heads.ts), and only events that arrive early are kept aside as binary strings.
 */
import type { AuditProblem } from './problems.js';
import { RecordHeads } from './record-heads.js';
import { SignedHeads, type SignedHead } from './signed-heads.js';

export interface RecordName {
  streamType: string;
  streamId: string;
}

/**
 * A record's key: its type's UTF-8 bytes, its id's length (32-bit big-endian), then its id's bytes — as the
 * two fields lie side by side in a binary COPY row, so that reader needs no copy.
 */
export function recordKey(name: RecordName): Buffer {
  const type = Buffer.from(name.streamType, 'utf8');
  const id = Buffer.from(name.streamId, 'utf8');
  const length = Buffer.alloc(4);
  length.writeInt32BE(id.length);
  return Buffer.concat([type, length, id]);
}

/** The names in a record key: text holds no NUL, and an id is far shorter than 16 MB, so the first 0 byte starts the length. */
export function recordNameOf(key: Buffer): RecordName {
  const at = key.indexOf(0);
  return { streamType: key.toString('utf8', 0, at), streamId: key.toString('utf8', at + 4) };
}

/**
 * The event being added, as offsets into the bytes it was read from (no string per event): its record's key
 * (recordKey's form), its stored prev_hash and hash; a length of −1 means null.
 */
export interface CheckedRow {
  buf: Uint8Array;
  keyAt: number;
  keyLength: number;
  prevAt: number;
  prevLength: number;
  hashAt: number;
  hashLength: number;
  /** Its record's names; asked only when there is something to report. */
  recordName(): RecordName;
}

/** A CheckedRow from a record's names and its two hashes, for readers that hold them apart. */
export function packedRow(name: RecordName, prev: Uint8Array | null, hash: Uint8Array | null): CheckedRow {
  const key = recordKey(name);
  const prevLength = prev?.length ?? 0;
  const buf = Buffer.concat([key, prev ?? EMPTY, hash ?? EMPTY]);
  return {
    buf,
    keyAt: 0,
    keyLength: key.length,
    prevAt: key.length,
    prevLength: prev === null ? -1 : prevLength,
    hashAt: key.length + prevLength,
    hashLength: hash === null ? -1 : hash.length,
    recordName: () => name,
  };
}

const EMPTY = new Uint8Array(0);

const binary = (buf: Uint8Array, at: number, length: number): string | null =>
  length < 0 ? null : Buffer.from(buf.buffer, buf.byteOffset + at, length).toString('latin1');

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
  'head-mismatch',
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
    (a.checkpoint ?? 0) - (b.checkpoint ?? 0) ||
    text(a.message, b.message)
  );
}

export class ChainChecker {
  private readonly heads = new RecordHeads();
  private readonly signed = new SignedHeads();
  /** Events that arrived before their predecessor, by record id. */
  private readonly waiting = new Map<number, Waiting>();
  events = 0;

  constructor(private readonly report: (problem: AuditProblem) => void) {}

  /** Records with at least one event. */
  get records(): number {
    return this.heads.withEvents;
  }

  /**
   * A head a checkpoint signed: the record whose key is `buf[keyAt, keyAt + keyLength)` had at `version` the
   * hash `buf[hashAt, hashAt + hashLength)`. Given before the events; each event at that version must have
   * that very hash, and one must exist.
   */
  expectSigned(
    buf: Uint8Array,
    keyAt: number,
    keyLength: number,
    version: number,
    hashAt: number,
    hashLength: number,
    checkpoint: number,
  ): void {
    const id = this.heads.idOf(buf, keyAt, keyLength);
    this.signed.add(id, version, checkpoint, buf, hashAt, hashLength);
  }

  /** One event at version `v`; `hashOk`: whether the hash recomputed from its content equals its stored hash. */
  add(row: CheckedRow, v: number, hashOk: boolean): void {
    this.events++;
    const chained = row.hashLength >= 0;
    if (!chained) {
      this.problem('unchained', row.recordName(), v, 'has no hash');
    } else if (!hashOk) {
      this.problem('event-hash', row.recordName(), v, 'its content does not match its hash (edited)');
    }
    const heads = this.heads;
    const id = heads.idOf(row.buf, row.keyAt, row.keyLength);
    heads.noteEvent(id);
    const rewritten = this.signed.check(id, v, row.buf, row.hashAt, row.hashLength);
    if (rewritten) for (const h of rewritten) this.headProblem(row.recordName(), h, 'rewritten');
    const head = heads.version(id);
    if (v === head + 1) {
      if (chained && !heads.hashIs(id, row.buf, row.prevAt, row.prevLength)) {
        this.unlinked(row.recordName(), v);
      }
      heads.advance(id, v, row.buf, row.hashAt, row.hashLength);
      const waiting = this.waiting.size > 0 ? this.waiting.get(id) : undefined;
      if (waiting) this.drain(id, waiting);
    } else if (v <= head) {
      this.problem('missing-event', row.recordName(), v, 'appears more than once (out of order)');
    } else {
      let waiting = this.waiting.get(id);
      if (!waiting) {
        waiting = { name: row.recordName(), events: [] };
        this.waiting.set(id, waiting);
      }
      waiting.events.push({
        v,
        prev: binary(row.buf, row.prevAt, row.prevLength),
        hash: binary(row.buf, row.hashAt, row.hashLength),
      });
    }
  }

  /** Checks what still waits: each gap is a missing event, and the event after it cannot link. */
  finish(): void {
    for (const [id, waiting] of this.waiting) {
      waiting.events.sort((a, b) => a.v - b.v);
      for (const e of waiting.events) {
        const head = this.heads.version(id);
        if (e.v <= head) {
          this.problem('missing-event', waiting.name, e.v, 'appears more than once (out of order)');
          continue;
        }
        if (e.v > head + 1) {
          const { streamType: t, streamId: r } = waiting.name;
          this.report({
            kind: 'missing-event',
            streamType: t,
            streamId: r,
            streamVersion: e.v,
            message: `versions ${head + 1}…${e.v - 1} of ${t}/${r} are missing`,
          });
        }
        this.follow(id, e, waiting.name);
      }
    }
    this.waiting.clear();
    if (this.signed.size > 0) {
      for (let id = 0; id < this.heads.size; id++) {
        const gone = this.signed.unseen(id);
        if (gone.length === 0) continue;
        const name = recordNameOf(this.heads.key(id));
        for (const h of gone) this.headProblem(name, h, 'gone');
      }
    }
  }

  /** A signed head whose event has another hash (rewritten) or none at that version (gone). */
  private headProblem(name: RecordName, h: SignedHead, how: 'rewritten' | 'gone'): void {
    const { streamType: t, streamId: r } = name;
    const { version: v, checkpoint: c } = h;
    this.report({
      kind: 'head-mismatch',
      streamType: t,
      streamId: r,
      streamVersion: v,
      checkpoint: c,
      message:
        how === 'gone'
          ? `${t}/${r} v${v}, signed by checkpoint ${c}, is gone (deleted)`
          : `${t}/${r} v${v} differs from what checkpoint ${c} signed (the chain was rewritten)`,
    });
  }

  /** An early event follows the head: its prev_hash must be the head's hash. */
  private follow(id: number, e: Early, name: RecordName): void {
    if (e.hash !== null && e.prev !== this.heads.hash(id)) this.unlinked(name, e.v);
    const hash = e.hash === null ? null : Buffer.from(e.hash, 'latin1');
    this.heads.advance(id, e.v, hash ?? EMPTY, 0, hash === null ? -1 : hash.length);
  }

  private unlinked(name: RecordName, v: number): void {
    this.problem('chain-link', name, v, 'does not link to the event before it');
  }

  private drain(id: number, waiting: Waiting): void {
    for (let i = 0; i < waiting.events.length;) {
      const e = waiting.events[i] as Early;
      if (e.v !== this.heads.version(id) + 1) {
        i++;
        continue;
      }
      waiting.events.splice(i, 1);
      this.follow(id, e, waiting.name);
      i = 0;
    }
    if (waiting.events.length === 0) this.waiting.delete(id);
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
