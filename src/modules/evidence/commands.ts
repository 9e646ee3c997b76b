/**
 * Evidence use cases: store an upload (checked by content, size-limited, deduplicated by its hash, with a
 * thumbnail and a metadata-free public copy for photos), and read files and their description back.
 * Order on upload: validate → derive → files durable on disk → row and event in one transaction. A crash in
 * between leaves at worst unreferenced files, which the next upload of the same content reuses.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { takenAtOf } from './domain/exif.js';
import { processImage } from './images.js';
import { isAcceptedMime, isImageMime, sniffType } from './sniff.js';
import { createFileStorage, SHA256 } from './storage.js';
import * as store from './store.js';
import type { AcceptedMime, FileRecord, Origin, StaffFileView, StoredVariant, Variant } from './types.js';

export const MiB = 1024 * 1024;
export const DEFAULT_MAX_BYTES = 10 * MiB;
export const DEFAULT_MAX_PUBLIC_BYTES = 8 * MiB;

export interface EvidenceServiceDeps {
  db: Database;
  clock: Clock;
  /** The files directory (`DATA_DIR/files` in production); created on first upload. */
  dir: string;
  /** Largest staff upload, bytes (default 10 MiB). */
  maxBytes?: number;
  /** Largest anonymous public upload, bytes (default 8 MiB, never more than maxBytes). */
  maxPublicBytes?: number;
}

export interface PutInput {
  bytes: Buffer;
  origin: Origin;
  /** The uploading staff account; null for an anonymous public upload. */
  accountId: number | null;
  /** Who to record in the event log (kind, request id); by default staff when accountId is set, else public. */
  actor?: Actor;
}

export interface PutResult {
  file: FileRecord;
  /** false when the same content was already stored (nothing was written). */
  created: boolean;
}

const VARIANT_MIME: Record<Exclude<Variant, 'original'>, string> = {
  thumbnail: 'image/webp',
  public: 'image/jpeg',
};

function toRecord(row: store.FileRow): FileRecord {
  return {
    sha256: row.sha256,
    mime: row.mime as AcceptedMime,
    bytes: row.byteSize,
    width: row.width,
    height: row.height,
    takenAt: takenAtOf(row.exif),
    hasLocation: row.exif?.gps != null,
    createdAt: row.uploadedAt,
  };
}

function tooLarge(size: number, limit: number): AppError {
  return new AppError(413, 'PAYLOAD_TOO_LARGE', `the file has ${size} bytes; at most ${limit} are accepted`, {
    field: 'file',
    details: { bytes: size, maxBytes: limit },
  });
}

export function createEvidenceService(deps: EvidenceServiceDeps) {
  const { db, clock } = deps;
  const storage = createFileStorage(deps.dir);
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  const limits = {
    staff: maxBytes,
    public: Math.min(deps.maxPublicBytes ?? DEFAULT_MAX_PUBLIC_BYTES, maxBytes),
  } as const;

  /** The variants a file of this type has on disk: photos have all three, PDFs only the original. */
  const variantsOf = (mime: string): Variant[] =>
    isAcceptedMime(mime) && isImageMime(mime) ? ['original', 'thumbnail', 'public'] : ['original'];

  async function complete(tenantId: number, row: store.FileRow): Promise<boolean> {
    for (const variant of variantsOf(row.mime)) {
      if ((await storage.sizeOf(tenantId, row.sha256, variant)) === null) return false;
    }
    return true;
  }

  async function put(tenantId: number, input: PutInput): Promise<PutResult> {
    const { bytes, origin } = input;
    if (bytes.length === 0) throw errors.validation('file', 'the file is empty');
    const limit = limits[origin];
    if (bytes.length > limit) throw tooLarge(bytes.length, limit);
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const known = await store.findFile(db.sql, tenantId, sha256);
    // Stored before: nothing to do — unless its files went missing (a restore without the files
    // directory), in which case they are made again below and the row is kept.
    if (known && (await complete(tenantId, known))) return { file: toRecord(known), created: false };

    const mime = await sniffType(bytes);
    const image = isImageMime(mime) ? await processImage(bytes) : null;
    await storage.write(tenantId, sha256, {
      original: bytes,
      ...(image ? { thumbnail: image.thumbnail, public: image.publicCopy } : {}),
    });
    if (known) return { file: toRecord(known), created: false };

    const now = clock.now();
    const actor: Actor = input.actor ?? {
      kind: input.accountId === null ? 'public' : 'staff',
      tenantId,
      accountId: input.accountId,
      roles: [],
      requestId: null,
    };
    const inserted = await db.transaction(async (tx) => {
      const row = await store.insertFileIfAbsent(
        tx,
        tenantId,
        {
          sha256,
          mime,
          byteSize: bytes.length,
          width: image?.width ?? null,
          height: image?.height ?? null,
          exif: image?.exif ?? null,
          origin,
          uploadedBy: input.accountId,
        },
        now,
      );
      if (row) {
        // No location or camera in the event: the log is read more widely than the staff-only EXIF.
        await appendEvents(tx, actor, now, [
          {
            streamType: 'file',
            streamId: sha256,
            name: 'evidence.file.uploaded',
            payload: { sha256, mime, bytes: bytes.length, origin },
          },
        ]);
      }
      return row;
    });
    if (inserted) return { file: toRecord(inserted), created: true };
    // Someone stored the same content at the same moment; theirs is the record.
    const winner = await store.findFile(db.sql, tenantId, sha256);
    if (!winner) throw new Error(`file ${sha256} vanished after a conflicting insert`);
    return { file: toRecord(winner), created: false };
  }

  /**
   * Where a variant of a stored file is, or null when the file is unknown in this tenant or has no such
   * variant (PDFs have neither thumbnail nor public copy). A known file missing on disk is an error, not a
   * 404: it means the files directory was lost or not restored with the database.
   */
  async function get(tenantId: number, sha256: string, variant: Variant): Promise<StoredVariant | null> {
    if (!SHA256.test(sha256)) return null;
    const row = await store.findFile(db.sql, tenantId, sha256);
    if (!row || !variantsOf(row.mime).includes(variant)) return null;
    const size = await storage.sizeOf(tenantId, sha256, variant);
    if (size === null) {
      throw new Error(`evidence file ${tenantId}/${sha256} (${variant}) is missing from the files directory`);
    }
    return {
      path: storage.pathOf(tenantId, sha256, variant),
      mime: variant === 'original' ? row.mime : VARIANT_MIME[variant],
      size,
    };
  }

  /** The staff view of a file, EXIF included. */
  async function describe(tenantId: number, sha256: string): Promise<StaffFileView | null> {
    if (!SHA256.test(sha256)) return null;
    const row = await store.findFile(db.sql, tenantId, sha256);
    if (!row) return null;
    return { ...toRecord(row), exif: row.exif, origin: row.origin, uploadedBy: row.uploadedBy };
  }

  /** The given hashes that are stored in this tenant (malformed ones are simply not), in the given order. */
  async function existing(tenantId: number, sha256s: readonly string[]): Promise<string[]> {
    const wanted = [...new Set(sha256s.filter((s) => SHA256.test(s)))];
    const found = new Set(await store.existingHashes(db.sql, tenantId, wanted));
    return wanted.filter((s) => found.has(s));
  }

  return { put, get, describe, existing, limits };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
