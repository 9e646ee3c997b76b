import type { Generated } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { ExifSummary, Origin } from './types.js';

type EvidenceTables = {
  files: {
    tenant_id: number;
    sha256: string;
    mime: string;
    byte_size: number;
    width: number | null;
    height: number | null;
    exif: ExifSummary | null;
    origin: Origin;
    uploaded_by: number | null;
    uploaded_at: Generated<Date>;
  };
};

const q = (ex: Executor) => ex.withTables<EvidenceTables>();

export interface FileRow {
  sha256: string;
  mime: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  exif: ExifSummary | null;
  origin: Origin;
  uploadedBy: number | null;
  uploadedAt: Date;
}

export type NewFileRow = Omit<FileRow, 'uploadedAt'>;

const COLUMNS = [
  'sha256',
  'mime',
  'byte_size',
  'width',
  'height',
  'exif',
  'origin',
  'uploaded_by',
  'uploaded_at',
] as const;

type Selected = Pick<EvidenceTables['files'], Exclude<(typeof COLUMNS)[number], 'uploaded_at'>> & {
  uploaded_at: Date;
};

const toRow = (r: Selected): FileRow => ({
  sha256: r.sha256,
  mime: r.mime,
  byteSize: r.byte_size,
  width: r.width,
  height: r.height,
  exif: r.exif,
  origin: r.origin,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
});

export async function findFile(ex: Executor, tenantId: number, sha256: string): Promise<FileRow | null> {
  const row = await q(ex)
    .selectFrom('files')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? toRow(row) : null;
}

/** The row as inserted, or null when the same content was inserted first by someone else. */
export async function insertFileIfAbsent(
  ex: Executor,
  tenantId: number,
  file: NewFileRow,
  now: Date,
): Promise<FileRow | null> {
  const row = await q(ex)
    .insertInto('files')
    .values({
      tenant_id: tenantId,
      sha256: file.sha256,
      mime: file.mime,
      byte_size: file.byteSize,
      width: file.width,
      height: file.height,
      exif: (file.exif === null ? null : JSON.stringify(file.exif)) as unknown as ExifSummary | null,
      origin: file.origin,
      uploaded_by: file.uploadedBy,
      uploaded_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'sha256']).doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toRow(row) : null;
}

export async function existingHashes(ex: Executor, tenantId: number, sha256s: string[]): Promise<string[]> {
  if (sha256s.length === 0) return [];
  const rows = await q(ex)
    .selectFrom('files')
    .select('sha256')
    .where('tenant_id', '=', tenantId)
    .where('sha256', 'in', sha256s)
    .execute();
  return rows.map((r) => r.sha256);
}
