/**
 * The exact bytes an event's payload hash covers: jsonb's own print form of the payload (what
 * `payload::jsonb::text` returns), produced here before the insert and stored verbatim (`events.payload`
 * is `json`, migration 0017). A canonical form rather than JSON.stringify, so equal payloads hash alike and
 * the text is what jsonb would print anyway: keys sorted by byte length then bytes, `": "` and `", "`
 * separators, numbers as PostgreSQL's numeric prints them (no exponent). A property test compares it with
 * the database on both engines.
 */

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** A JSON number's text as PostgreSQL numeric prints it: plain decimal digits, never an exponent. */
export function numericText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`a JSON number must be finite (got ${n})`);
  const text = JSON.stringify(n);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // Position of the decimal point after the first digit, moved by the exponent.
  const intLength = (point < 0 ? mantissa.length : point) + exponent;
  let out: string;
  if (intLength <= 0) out = '0.' + '0'.repeat(-intLength) + digits;
  else if (intLength >= digits.length) out = digits + '0'.repeat(intLength - digits.length);
  else out = digits.slice(0, intLength) + '.' + digits.slice(intLength);
  return negative ? '-' + out : out;
}

function compareKeys(a: string, b: string): number {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length !== bb.length ? ab.length - bb.length : Buffer.compare(ab, bb);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

const byLengthThenCode = (a: string, b: string): number =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

/** jsonb's key order: shorter keys first (in UTF-8 bytes), then bytewise. */
function sortKeys(keys: string[]): string[] {
  // For ASCII keys, UTF-16 order is byte order and length is byte length.
  return keys.sort(keys.every(isAscii) ? byLengthThenCode : compareKeys);
}

/** An object's members in jsonb's order, each with the text that goes before its value. */
interface Shape {
  readonly keys: readonly string[];
  /** `"key": `, after `, ` for all but the first. */
  readonly prefixes: readonly string[];
}

/**
 * Shapes by the object's keys in their own order: payloads of one kind share a few shapes, so the sorting and
 * quoting of keys is done once per shape rather than for every event. Bounded, for payloads whose keys are data.
 */
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 10_000;

const isMember = (obj: Record<string, unknown>, k: string): boolean =>
  Object.hasOwn(obj, k) && obj[k] !== undefined;

function shapeOf(obj: Record<string, unknown>): Shape {
  let count = 0;
  let signature = '';
  for (const k in obj) {
    if (!isMember(obj, k)) continue;
    count += 1;
    signature += k + '\u0000';
  }
  const cached = shapes.get(signature);
  // A key holding U+0000 could make two key sets share a signature: the cached shape is used only when it
  // names exactly this object's keys.
  if (cached && cached.keys.length === count && cached.keys.every((k) => isMember(obj, k))) return cached;
  const keys = sortKeys(Object.keys(obj).filter((k) => isMember(obj, k)));
  const shape = { keys, prefixes: keys.map((k, i) => (i > 0 ? ', ' : '') + JSON.stringify(k) + ': ') };
  if (shapes.size < MAX_SHAPES) shapes.set(signature, shape);
  return shape;
}

/**
 * The text PostgreSQL prints for `value::jsonb` (what `payload::text` returns). Values are what
 * JSON.stringify would send: undefined members are dropped, objects with toJSON (dates) are converted.
 * Written as plain loops: it runs for every event appended.
 */
export function jsonbText(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      // jsonb escapes exactly what JSON.stringify escapes (", \, control characters; \u00XX in lowercase).
      return JSON.stringify(value);
    case 'number':
      return numericText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return objectText(value);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  throw new Error(`not a JSON value: ${typeof value}`);
}

function objectText(value: object): string {
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return jsonbText(withJson.toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (i > 0) out += ', ';
      out += v === undefined ? 'null' : jsonbText(v);
    }
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const { keys, prefixes } = shapeOf(obj);
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += (prefixes[i] as string) + jsonbText(obj[keys[i] as string]);
  return out + '}';
}

export type { Json };
