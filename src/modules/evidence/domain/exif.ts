/**
 * Turns the tags a parser read from an EXIF block into the small, checked summary staff see. Pure: cameras
 * write junk (NUL-padded strings, "0000:00:00 00:00:00", 0/0 coordinates when they had no fix), and none of
 * it must reach the database as if it were a fact.
 */
import type { ExifSummary } from '../types.js';

const MAX_TEXT = 100;

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex -- EXIF strings are NUL-padded
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean ? clean.slice(0, MAX_TEXT) : null;
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;

/** 'YYYY:MM:DD HH:MM:SS' → 'YYYY-MM-DDTHH:mm:ss', or null for anything that is not a real date and time. */
export function exifDateTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = EXIF_DATE.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1) as [string, string, string, string, string, string];
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (year < 1900 || month < 1 || month > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return null;
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

/** '+08:00' / '-05:00' (EXIF OffsetTime*); anything else → null. */
export function exifOffset(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  return `${m[1]}${m[2]}:${m[3]}`;
}

export function exifGps(latitude: unknown, longitude: unknown): { lat: number; lng: number } | null {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  // Many devices write 0/0 when they had no fix; no evidence photo is taken in the Gulf of Guinea.
  if (latitude === 0 && longitude === 0) return null;
  const round = (x: number) => Math.round(x * 1e7) / 1e7;
  return { lat: round(latitude), lng: round(longitude) };
}

/**
 * The summary of the tags a parser (exifr, with translateValues and reviveValues off) read; null when
 * nothing useful was there.
 */
export function summariseExif(tags: Record<string, unknown> | null | undefined): ExifSummary | null {
  if (!tags) return null;
  const orientation =
    typeof tags.Orientation === 'number' &&
    Number.isInteger(tags.Orientation) &&
    tags.Orientation >= 1 &&
    tags.Orientation <= 8
      ? tags.Orientation
      : null;
  const summary: ExifSummary = {
    make: text(tags.Make),
    model: text(tags.Model),
    dateTimeOriginal: exifDateTime(tags.DateTimeOriginal),
    offsetTimeOriginal: exifOffset(tags.OffsetTimeOriginal),
    gps: exifGps(tags.latitude, tags.longitude),
    orientation,
  };
  if (summary.dateTimeOriginal === null) summary.offsetTimeOriginal = null;
  return Object.values(summary).every((v) => v === null) ? null : summary;
}

/** When the photo was taken, as far as the camera knew: with its offset when it recorded one. */
export function takenAtOf(exif: ExifSummary | null): string | null {
  if (!exif?.dateTimeOriginal) return null;
  return exif.dateTimeOriginal + (exif.offsetTimeOriginal ?? '');
}
