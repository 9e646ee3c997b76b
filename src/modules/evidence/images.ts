/**
 * What is made from an uploaded photo (sharp): the displayed size, the staff-only EXIF summary (exifr), a
 * small WebP thumbnail and the public copy — turned upright by the EXIF orientation and re-encoded with no
 * metadata at all (no EXIF, GPS, XMP, IPTC or ICC), so nothing but pixels leaves for the public.
 */
import exifr from 'exifr';
import sharp, { type Sharp } from 'sharp';
import { AppError } from '../../platform/http/app-error.js';
import { summariseExif } from './domain/exif.js';
import type { ExifSummary } from './types.js';

/** Longest side of the thumbnail, px. */
export const THUMBNAIL_SIZE = 320;
/** Longest side of the public copy, px: enough to see a problem on any screen, far less than the original. */
export const PUBLIC_MAX_SIZE = 2048;
/** Pixels decoded at most (a decompression bomb stops here): above any phone camera (200 MP). */
export const MAX_INPUT_PIXELS = 250_000_000;

export interface ProcessedImage {
  /** As displayed: after the EXIF orientation is applied. */
  width: number;
  height: number;
  exif: ExifSummary | null;
  /** WebP, longest side at most THUMBNAIL_SIZE, upright. */
  thumbnail: Buffer;
  /** JPEG, longest side at most PUBLIC_MAX_SIZE, upright, no metadata. */
  publicCopy: Buffer;
}

// 'error' rather than sharp's default 'warning': phone JPEGs with harmless quirks (stray bytes between
// markers) must not be refused as evidence; a broken header still is.
const open = (bytes: Buffer): Sharp => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS });

function unreadable(reason: string): AppError {
  return new AppError(422, 'FILE_UNREADABLE', `the image cannot be read: ${reason}`, {
    field: 'file',
    details: { reason },
  });
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

/**
 * Reads the EXIF block sharp found (JPEG, PNG eXIf and WebP alike — exifr itself does not read WebP),
 * as the TIFF structure it is. An unreadable block is treated as absent: it is the camera's, not the case's.
 */
export async function readExif(exifBlock: Buffer | undefined): Promise<ExifSummary | null> {
  if (!exifBlock || exifBlock.length < 8) return null;
  const tiff = exifBlock.subarray(0, 6).equals(EXIF_HEADER) ? exifBlock.subarray(6) : exifBlock;
  try {
    const tags = (await exifr.parse(tiff, {
      tiff: true,
      exif: true,
      gps: true,
      interop: false,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      translateValues: false,
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
    return summariseExif(tags);
  } catch {
    return null;
  }
}

export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  let metadata: sharp.Metadata;
  try {
    metadata = await open(bytes).metadata();
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  const { width, height } = metadata.autoOrient;
  if (!width || !height) throw unreadable('no image size');
  try {
    const [thumbnail, publicCopy, exif] = await Promise.all([
      open(bytes)
        .autoOrient()
        .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer(),
      // sharp writes no metadata unless asked (withMetadata / keepExif …); the tests check the result.
      open(bytes)
        .autoOrient()
        .resize({ width: PUBLIC_MAX_SIZE, height: PUBLIC_MAX_SIZE, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 85, mozjpeg: true })
        .toBuffer(),
      readExif(metadata.exif),
    ]);
    return { width, height, exif, thumbnail, publicCopy };
  } catch (error) {
    throw unreadable((error as Error).message);
  }
}
