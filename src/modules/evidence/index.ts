/**
 * The evidence module's public face: photos and PDFs attached to cases (证据 / 照片), stored on disk by content
 * hash, checked by content, size-limited, with thumbnails and metadata-free public copies. Other modules
 * import only from here; a record that refers to files checks them with `requireUploaded`. See docs/evidence.md.
 */
export type {
  AcceptedMime,
  ExifSummary,
  FileRecord,
  Origin,
  StaffFileView,
  StoredVariant,
  Variant,
} from './types.js';
export { ACCEPTED_MIME_TYPES } from './types.js';
export {
  createEvidenceService,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PUBLIC_BYTES,
  type EvidenceService,
  type EvidenceServiceDeps,
  type PutInput,
  type PutResult,
} from './commands.js';
export { evidenceRoutes, type EvidenceRouteOptions } from './routes.js';
export { requireUploaded, type EvidenceLookup } from './uploaded.js';
