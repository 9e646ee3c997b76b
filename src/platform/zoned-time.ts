import { rememberedByMillisecond } from './iso-instant.js';

/**
 * Instants at the API edge: output as ISO-8601 with the tenant's offset (`2025-10-09T10:00:00+08:00`, as the
 * conventions ask), input with an explicit offset or, when a client sends a plain local time, read in the
 * tenant's zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at the instant, as Intl computes it (slow: about 10 µs a call). */
function computeOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const HOUR_MS = 3_600_000;
const MAX_CACHED = 50_000;
/**
 * Offsets by zone and UTC hour, for hours in which the offset does not change: every response formats its
 * instants, and most of them fall in a few hours. An hour holding a transition (which can fall on a half
 * hour, e.g. Australia/Lord_Howe) is never cached. This assumes no zone changes its offset and back within
 * one hour, which no time zone has ever done.
 */
const offsetCache = new Map<string, number>();

/** Offset of the zone from UTC at the instant, in minutes (east positive). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const key = `${timeZone}\u0000${hour}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const start = computeOffsetMinutes(hour * HOUR_MS, timeZone);
  const end = computeOffsetMinutes(hour * HOUR_MS + HOUR_MS - 1, timeZone);
  if (start !== end) return computeOffsetMinutes(epochMs, timeZone);
  if (offsetCache.size >= MAX_CACHED) offsetCache.clear();
  offsetCache.set(key, start);
  return start;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const zoneFormatters = new Map<string, (ms: number) => string>();

/** An instant as ISO-8601 with the zone's offset; remembered per zone and millisecond (iso-instant.ts). */
export function formatInZone(instant: Date | number, timeZone: string): string {
  let format = zoneFormatters.get(timeZone);
  if (!format) {
    format = rememberedByMillisecond((ms) => formatWithOffset(ms, timeZone));
    zoneFormatters.set(timeZone, format);
  }
  return format(typeof instant === 'number' ? instant : instant.getTime());
}

function formatWithOffset(ms: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const seconds = local.getUTCMilliseconds()
    ? `${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}`
    : pad(local.getUTCSeconds());
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${seconds}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Returns epoch ms, or null when the text is not an ISO-8601 date-time. */
export function parseInstant(text: string, timeZone: string): number | null {
  if (WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : ms;
  }
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  // Two passes find the offset in force at that wall-clock time (also across a DST change).
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  guess = wall - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return guess;
}
