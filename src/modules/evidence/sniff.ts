/**
 * The type of an upload, decided by its content (magic numbers, via file-type), never by a name or by the
 * Content-Type the client sent: a renamed executable stays refused, a JPEG sent as image/png is a JPEG.
 */
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/http/app-error.js';
import { ACCEPTED_MIME_TYPES, type AcceptedMime } from './types.js';

/**
 * HEIC/HEIF (iPhone photos) is refused on purpose: sharp's prebuilt libvips decodes HEIF only with AV1
 * (AVIF) inside, not the patented HEVC, so it could make neither a thumbnail nor a stripped public copy (see
 * docs/evidence.md; a web page that asks for JPEG gets iOS to convert on upload). AVIF, which sharp could
 * read, is not on the accepted list either; adding it is one entry in ACCEPTED_MIME_TYPES plus a test.
 */
const ACCEPTED = new Set<string>(ACCEPTED_MIME_TYPES);

export const isAcceptedMime = (mime: string): mime is AcceptedMime => ACCEPTED.has(mime);

export const isImageMime = (mime: AcceptedMime): boolean => mime.startsWith('image/');

export function unsupportedType(detected: string | null): AppError {
  return new AppError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `the file is ${detected ?? 'of an unknown type'}; accepted are ${ACCEPTED_MIME_TYPES.join(', ')}`,
    { field: 'file', details: { detected, accepted: [...ACCEPTED_MIME_TYPES] } },
  );
}

/** The sniffed type of an accepted file, or a 415 UNSUPPORTED_MEDIA_TYPE naming what was found. */
export async function sniffType(bytes: Uint8Array): Promise<AcceptedMime> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !isAcceptedMime(found.mime)) throw unsupportedType(found?.mime ?? null);
  return found.mime;
}
