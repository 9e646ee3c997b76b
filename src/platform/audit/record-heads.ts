/**
 * The head of every record seen so far (its last followed version and that version's hash), keyed by the
 * record's key bytes as they lie in the input. Verification looks a record up for every event, and a
 * million records held as a Map of string keys to small objects cost a string per event and kept the
 * garbage collector busy with a million live objects; here a lookup hashes the bytes in place, and the
 * heads live in a few typed arrays indexed by a dense record id (open addressing over those ids).
 */

const HASH_BYTES = 32;
const NO_RECORD = 0;

/** A copy of a typed array at a new length. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(old: T, length: number): T {
  const next = new (old.constructor as new (n: number) => T)(length);
  next.set(old);
  return next;
}

export class RecordHeads {
  /** Records held; their ids are 0 … size − 1 in the order they were first seen. */
  size = 0;
  /** Records of which an event was noted (others are known only from what a checkpoint signed). */
  withEvents = 0;
  /** Slot → id + 1 (0: empty). */
  private slots = new Int32Array(1 << 12);
  private capacity = 1 << 10;
  private keyAt = new Int32Array(this.capacity);
  private keyLength = new Int32Array(this.capacity);
  private keyHash = new Int32Array(this.capacity);
  private keys = Buffer.allocUnsafeSlow(1 << 16);
  private keysUsed = 0;
  private versions = new Int32Array(this.capacity);
  private evented = new Uint8Array(this.capacity);
  /** -1: the head has no hash (no version yet, or an unchained one). */
  private hashLength = new Int32Array(this.capacity).fill(-1);
  private hashes = new Uint8Array(this.capacity * HASH_BYTES);
  /** Hashes of another length than 32 bytes (only in a tampered table). */
  private readonly oddHashes = new Map<number, Uint8Array>();
  /** The record last looked up (−1: none). */
  private last = -1;
  /** Per run, so that no fixed set of keys can make every lookup collide. */
  private readonly seed = (Math.random() * 0x7fffffff) | 0;

  /** The id of the record whose key is `buf[at, at + length)`, added (at version 0) when new. */
  idOf(buf: Uint8Array, at: number, length: number): number {
    // A record's events are often written together (a case's first events, in one transaction), and so lie
    // side by side: the record of the row before is tried first.
    const last = this.last;
    if (last >= 0 && this.keyIs(last, buf, at, length)) return last;
    const id = this.find(buf, at, length);
    this.last = id;
    return id;
  }

  private find(buf: Uint8Array, at: number, length: number): number {
    let h = this.seed ^ length;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ (buf[at + i] as number), 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h ^= h >>> 13;
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === NO_RECORD) return this.add(slot, h, buf, at, length);
      const id = entry - 1;
      if (this.keyHash[id] === h && this.keyIs(id, buf, at, length)) return id;
    }
  }

  /** Counts the record among those with events, once. */
  noteEvent(id: number): void {
    if (this.evented[id] === 1) return;
    this.evented[id] = 1;
    this.withEvents++;
  }

  /** The record's key bytes, as given to `idOf`. */
  key(id: number): Buffer {
    const at = this.keyAt[id] as number;
    return this.keys.subarray(at, at + (this.keyLength[id] as number));
  }

  version(id: number): number {
    return this.versions[id] as number;
  }

  /** Whether the head's hash is `buf[at, at + length)` (length −1: whether it has none). */
  hashIs(id: number, buf: Uint8Array, at: number, length: number): boolean {
    const own = this.hashLength[id] as number;
    if (own !== length) return false;
    if (own < 0) return true;
    const held = own === HASH_BYTES ? this.hashes : (this.oddHashes.get(id) as Uint8Array);
    const from = own === HASH_BYTES ? id * HASH_BYTES : 0;
    for (let i = 0; i < own; i++) if (held[from + i] !== buf[at + i]) return false;
    return true;
  }

  /** Moves the head to version `v`, whose hash is `buf[at, at + length)` (length −1: none). */
  advance(id: number, v: number, buf: Uint8Array, at: number, length: number): void {
    this.versions[id] = v;
    this.hashLength[id] = length;
    if (length === HASH_BYTES) {
      const to = id * HASH_BYTES;
      for (let i = 0; i < HASH_BYTES; i++) this.hashes[to + i] = buf[at + i] as number;
      this.oddHashes.delete(id);
    } else if (length >= 0) {
      this.oddHashes.set(id, buf.slice(at, at + length));
    } else {
      this.oddHashes.delete(id);
    }
  }

  /** The head's hash as a binary string (one char per byte), for the rare paths that keep events aside. */
  hash(id: number): string | null {
    const own = this.hashLength[id] as number;
    if (own < 0) return null;
    const bytes =
      own === HASH_BYTES
        ? this.hashes.subarray(id * HASH_BYTES, (id + 1) * HASH_BYTES)
        : (this.oddHashes.get(id) as Uint8Array);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  }

  private keyIs(id: number, buf: Uint8Array, at: number, length: number): boolean {
    if (this.keyLength[id] !== length) return false;
    const from = this.keyAt[id] as number;
    const keys = this.keys;
    for (let i = 0; i < length; i++) if (keys[from + i] !== buf[at + i]) return false;
    return true;
  }

  private add(slot: number, h: number, buf: Uint8Array, at: number, length: number): number {
    const id = this.size++;
    if (id === this.capacity) this.growRecords();
    if (this.keysUsed + length > this.keys.length) {
      const keys = Buffer.allocUnsafeSlow(2 * (this.keysUsed + length));
      this.keys.copy(keys, 0, 0, this.keysUsed);
      this.keys = keys;
    }
    this.keys.set(buf.subarray(at, at + length), this.keysUsed);
    this.keyAt[id] = this.keysUsed;
    this.keyLength[id] = length;
    this.keyHash[id] = h;
    this.keysUsed += length;
    this.slots[slot] = id + 1;
    // At most half full, so that probes stay short.
    if (2 * this.size > this.slots.length) this.rehash();
    return id;
  }

  private growRecords(): void {
    const n = 2 * this.capacity;
    this.keyAt = grown(this.keyAt, n);
    this.keyLength = grown(this.keyLength, n);
    this.keyHash = grown(this.keyHash, n);
    this.versions = grown(this.versions, n);
    this.evented = grown(this.evented, n);
    const lengths = new Int32Array(n).fill(-1);
    lengths.set(this.hashLength);
    this.hashLength = lengths;
    this.hashes = grown(this.hashes, n * HASH_BYTES);
    this.capacity = n;
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = (this.keyHash[id] as number) & mask;
      while (slots[slot] !== NO_RECORD) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}
