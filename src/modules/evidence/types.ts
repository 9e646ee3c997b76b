/** The types the evidence module shows to other modules and to the routes. See docs/evidence.md. */

/** Types accepted, as sniffed from the content. */
export const ACCEPTED_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AcceptedMime = (typeof ACCEPTED_MIME_TYPES)[number];

export type Origin = 'staff' | 'public';

/** original: the bytes as uploaded; thumbnail: WebP, longest side 320 px; public: JPEG without metadata. */
export type Variant = 'original' | 'thumbnail' | 'public';

/** Staff-only camera metadata from the original's EXIF. */
export interface ExifSummary {
  make: string | null;
  model: string | null;
  /** The camera's clock, `YYYY-MM-DDTHH:mm:ss`, as recorded (EXIF stores no zone here). */
  dateTimeOriginal: string | null;
  /** `+08:00` when the camera recorded the zone of dateTimeOriginal (EXIF 2.31 OffsetTimeOriginal). */
  offsetTimeOriginal: string | null;
  /** As the device recorded it (normally WGS-84); null when absent, invalid or the 0,0 "no fix" value. */
  gps: { lat: number; lng: number } | null;
  /** EXIF orientation 1–8; the public copy and the thumbnail are already turned upright. */
  orientation: number | null;
}

/** What anyone who may see the file learns about it (no location, no camera). */
export interface FileRecord {
  sha256: string;
  mime: AcceptedMime;
  bytes: number;
  /** Images: as displayed (after the EXIF orientation); null for PDFs. */
  width: number | null;
  height: number | null;
  /** dateTimeOriginal with its offset when the camera recorded one, otherwise the bare local time. */
  takenAt: string | null;
  /** The original carries GPS coordinates (only staff can read them; public copies never have them). */
  hasLocation: boolean;
  createdAt: Date;
}

/** The staff view: the record plus the EXIF summary and who uploaded it. */
export interface StaffFileView extends FileRecord {
  exif: ExifSummary | null;
  origin: Origin;
  uploadedBy: number | null;
}

export interface StoredVariant {
  /** Absolute path of the file on disk. */
  path: string;
  mime: string;
  size: number;
}
