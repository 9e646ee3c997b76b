/**
 * The JSON pieces of chain.ts (`headerText`, `bodyPrefix`) written straight from COPY bytes into a scratch
 * buffer: verification builds them for millions of events, and a string per field, joined and encoded again,
 * cost more than hashing them. Each writer returns the position after what it wrote; the caller makes room
 * first (`jsonStringRoom`). chain.ts stays the definition: byte-json.test.ts checks these against it.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;

/** The most bytes `putJsonString` writes for `n` bytes of text (`\u00XX` for a control byte). */
export const jsonStringRoom = (n: number): number => 6 * n + 2;

/**
 * `JSON.stringify(text)` for the UTF-8 `text` at `src[start, start + n)`. Text that needs no escape (no `"`,
 * `\` or control character) is copied byte by byte — UTF-8 passes through, as JSON.stringify leaves non-ASCII
 * alone; other text takes JSON.stringify itself.
 */
export function putJsonString(out: Buffer, at: number, src: Buffer, start: number, n: number): number {
  out[at] = QUOTE;
  for (let i = 0; i < n; i++) {
    const c = src[start + i] as number;
    if (c < 0x20 || c === QUOTE || c === BACKSLASH) {
      return at + out.write(JSON.stringify(src.toString('utf8', start, start + n)), at, 'utf8');
    }
    out[at + 1 + i] = c;
  }
  out[at + 1 + n] = QUOTE;
  return at + n + 2;
}

/** A non-negative integer below 2^31 in decimal, with integer arithmetic only. */
function putSmall(out: Buffer, at: number, value: number): number {
  let digits = 1;
  for (let x = value; x >= 10; x = (x / 10) | 0) digits++;
  let v = value;
  for (let i = at + digits - 1; i >= at; i--) {
    const q = (v / 10) | 0;
    out[i] = ZERO + (v - q * 10);
    v = q;
  }
  return at + digits;
}

/** An integer in decimal, as JSON.stringify (and String) print it. */
export function putInteger(out: Buffer, at: number, value: number): number {
  if (!Number.isSafeInteger(value)) return at + out.write(String(value), at, 'latin1');
  let p = at;
  let v = value;
  if (v < 0) {
    out[p++] = MINUS;
    v = -v;
  }
  if (v < 0x80000000) return putSmall(out, p, v);
  // Two halves of eight digits at most: a timestamp in microseconds is sixteen.
  let high = Math.floor(v / 1e8);
  let low = v - high * 1e8;
  // The quotient is rounded before the floor; put a high half rounded up back.
  if (low < 0) {
    high--;
    low += 1e8;
  }
  p = putSmall(out, p, high);
  for (let i = p + 7; i >= p; i--) {
    const q = (low / 10) | 0;
    out[i] = ZERO + (low - q * 10);
    low = q;
  }
  return p + 8;
}

/** A big-endian signed 64-bit integer at `src[start]`, plus `offset`, in decimal (exact beyond 2^53). */
export function putInt64(out: Buffer, at: number, src: Buffer, start: number, offset = 0): number {
  // Exact when the stored value and the sum are both safe integers; otherwise rounding could hide in either.
  const stored = src.readInt32BE(start) * 4_294_967_296 + src.readUInt32BE(start + 4);
  const value = stored + offset;
  if (Number.isSafeInteger(stored) && Number.isSafeInteger(value)) return putInteger(out, at, value);
  const exact = src.readBigInt64BE(start) + BigInt(offset);
  return at + out.write(exact.toString(), at, 'latin1');
}

/** `s` (ASCII) as bytes. */
export function putAscii(out: Buffer, at: number, s: Buffer): number {
  for (let i = 0; i < s.length; i++) out[at + i] = s[i] as number;
  return at + s.length;
}
