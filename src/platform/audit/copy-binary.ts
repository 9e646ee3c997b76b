/**
 * A reader of PostgreSQL's binary COPY format (`COPY … TO STDOUT (FORMAT binary)`): a signature and header,
 * then per row a 16-bit field count and per field a 32-bit length (-1 for null) and the raw bytes, ending in a
 * count of -1. Rows are handed over as offsets into the chunk they lie in — no objects per field — which is
 * what lets verification read millions of events a second.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_FIXED = SIGNATURE.length + 8;

/** Field i of the current row: `buf.subarray(start[i], start[i] + length[i])`, or null when length[i] < 0. */
export type RowHandler = (buf: Buffer, start: Int32Array, length: Int32Array) => void;

export class CopyBinaryReader {
  private pending: Buffer | null = null;
  private headerDone = false;
  private ended = false;
  private readonly start: Int32Array;
  private readonly length: Int32Array;

  constructor(
    private readonly fields: number,
    private readonly onRow: RowHandler,
  ) {
    this.start = new Int32Array(fields);
    this.length = new Int32Array(fields);
  }

  push(chunk: Buffer): void {
    this.pushRange(chunk, 0, chunk.length);
  }

  /** The bytes `buf[start, end)`, read where they lie. */
  pushRange(buf: Buffer, start: number, end: number): void {
    if (this.pending === null && this.headerDone) {
      const at = this.rows(buf, start, end);
      this.pending = at < end ? buf.subarray(at, end) : null;
      return;
    }
    this.joinAndPush(buf.subarray(start, end));
  }

  /** A chunk after an incomplete row or header: join what straddles, then read the rest in place. */
  private joinAndPush(chunk: Buffer): void {
    let buf = chunk;
    let at = 0;
    if (this.pending && this.headerDone) {
      // Join only the row that straddles the chunks, not the whole chunk: that copy was most of the cost
      // of a chunk.
      const pending = this.pending;
      for (let take = 4096; ; take *= 4) {
        const joined = Buffer.concat([pending, chunk.subarray(0, take)]);
        const end = this.rows(joined, 0, joined.length, 1);
        if (end > 0) {
          at = end - pending.length;
          this.pending = null;
          break;
        }
        if (take >= chunk.length) {
          this.pending = joined;
          return;
        }
      }
    } else if (this.pending) {
      buf = Buffer.concat([this.pending, chunk]);
    }
    if (!this.headerDone) {
      if (buf.length < HEADER_FIXED) {
        this.pending = buf;
        return;
      }
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      const extension = buf.readInt32BE(SIGNATURE.length + 4);
      if (buf.length < HEADER_FIXED + extension) {
        this.pending = buf;
        return;
      }
      at = HEADER_FIXED + extension;
      this.headerDone = true;
    }
    at = this.rows(buf, at, buf.length);
    this.pending = at < buf.length ? buf.subarray(at) : null;
  }

  /** Whether the trailer arrived and nothing is left over. */
  finish(): void {
    if (!this.ended || this.pending !== null) throw new Error('the binary COPY stream ended early');
  }

  /** Reads the complete rows in `buf[at, end)` (at most `limit`); returns where the first unread one starts. */
  private rows(buf: Buffer, at: number, end: number, limit = Infinity): number {
    const { start, length, fields } = this;
    for (let read = 0; read < limit && !this.ended && at + 2 <= end; read++) {
      const count = buf.readInt16BE(at);
      if (count === -1) {
        this.ended = true;
        return at + 2;
      }
      if (count !== fields) throw new Error(`expected ${fields} fields in a COPY row, got ${count}`);
      let p = at + 2;
      let complete = true;
      for (let i = 0; i < fields; i++) {
        if (p + 4 > end) {
          complete = false;
          break;
        }
        const n = buf.readInt32BE(p);
        p += 4;
        start[i] = p;
        length[i] = n;
        if (n > 0) p += n;
        if (p > end) {
          complete = false;
          break;
        }
      }
      if (!complete) return at;
      this.onRow(buf, start, length);
      at = p;
    }
    return at;
  }
}
