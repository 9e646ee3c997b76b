/**
 * What the checkpoints signed of each record: its head (version and hash) at every checkpoint that covered
 * it. `audit verify` loads them before the events and checks each event against them as it streams past —
 * one pass over the events, where a join of the heads with the events table used to cost PostgreSQL more
 * than streaming all the events. Indexed by the record ids of record-heads.ts.
 */

import { grown } from './record-heads.js';

const HASH_BYTES = 32;
const NONE = -1;

export interface SignedHead {
  checkpoint: number;
  version: number;
}

export class SignedHeads {
  size = 0;
  /** Record id → its first signed head (NONE: none); heads of a record are linked through `next`. */
  private first = new Int32Array(1024).fill(NONE);
  private next = new Int32Array(1024);
  private versions = new Int32Array(1024);
  private checkpoints = new Float64Array(1024);
  private hashLength = new Int32Array(1024);
  private hashes = new Uint8Array(1024 * HASH_BYTES);
  /** Whether an event with the head's version was seen (matching or not). */
  private seen = new Uint8Array(1024);
  /** Hashes of another length than 32 bytes (only in a tampered table). */
  private readonly oddHashes = new Map<number, Uint8Array>();

  add(
    record: number,
    version: number,
    checkpoint: number,
    buf: Uint8Array,
    at: number,
    length: number,
  ): void {
    if (record >= this.first.length) {
      const first = new Int32Array(2 * (record + 1)).fill(NONE);
      first.set(this.first);
      this.first = first;
    }
    const h = this.size++;
    if (h === this.next.length) this.grow();
    this.next[h] = this.first[record] as number;
    this.first[record] = h;
    this.versions[h] = version;
    this.checkpoints[h] = checkpoint;
    this.hashLength[h] = length;
    if (length === HASH_BYTES) this.hashes.set(buf.subarray(at, at + length), h * HASH_BYTES);
    else if (length > 0) this.oddHashes.set(h, buf.slice(at, at + length));
  }

  /**
   * An event of `record` at `version` whose stored hash is `buf[at, at + length)` (length −1: none): the heads
   * signed at that version with another hash, or null when there are none (no array made per event).
   */
  check(record: number, version: number, buf: Uint8Array, at: number, length: number): SignedHead[] | null {
    if (record >= this.first.length) return null;
    let mismatched: SignedHead[] | null = null;
    for (let h = this.first[record] as number; h !== NONE; h = this.next[h] as number) {
      if (this.versions[h] !== version) continue;
      this.seen[h] = 1;
      if (!this.hashIs(h, buf, at, length)) {
        (mismatched ??= []).push({ checkpoint: this.checkpoints[h] as number, version });
      }
    }
    return mismatched;
  }

  /** The heads of `record` that no event matched by version: the event they signed is gone. */
  unseen(record: number): SignedHead[] {
    const found: SignedHead[] = [];
    if (record >= this.first.length) return found;
    for (let h = this.first[record] as number; h !== NONE; h = this.next[h] as number) {
      if (this.seen[h] === 0) {
        found.push({ checkpoint: this.checkpoints[h] as number, version: this.versions[h] as number });
      }
    }
    return found;
  }

  private hashIs(h: number, buf: Uint8Array, at: number, length: number): boolean {
    const own = this.hashLength[h] as number;
    if (own !== length) return false;
    const held = own === HASH_BYTES ? this.hashes : this.oddHashes.get(h);
    const from = own === HASH_BYTES ? h * HASH_BYTES : 0;
    for (let i = 0; i < own; i++) if ((held as Uint8Array)[from + i] !== buf[at + i]) return false;
    return true;
  }

  private grow(): void {
    const n = 2 * this.next.length;
    this.next = grown(this.next, n);
    this.versions = grown(this.versions, n);
    this.checkpoints = grown(this.checkpoints, n);
    this.hashLength = grown(this.hashLength, n);
    this.hashes = grown(this.hashes, n * HASH_BYTES);
    this.seen = grown(this.seen, n);
  }
}
