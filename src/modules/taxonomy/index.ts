/**
 * The taxonomy module's public face: 部件/事件 categories (大类/小类, 2 + 2 digit codes) and their 立结案标准
 * rows (立案条件, 处置时限, 结案条件), versioned; the default dataset for the demo tenant; the Excel round trip.
 * Other modules import only from here. See docs/taxonomy.md.
 *
 * Everything except loadDefaultDataset and the xlsx functions is pure and synchronous.
 */

// Types
export type {
  CategoryKind,
  CategoryOrder,
  MajorCategory,
  MinorCategory,
  Standard,
  TaxonomyTable,
  TaxonomyVersion,
  TimeLimit,
} from './domain/types.js';
export { CATEGORY_KINDS } from './domain/types.js';
export type { UnitKind } from './domain/unit-kinds.js';
export { UNIT_KINDS, UNIT_KIND_LABELS, isUnitKind, unitKindFromText } from './domain/unit-kinds.js';

// Codes and stable ids
export type { StandardIdParts } from './domain/codes.js';
export {
  KIND_LABELS,
  KIND_LETTERS,
  LOCAL_EXTENSION_FLOOR,
  extensionCodesOutOfSequence,
  isCategoryCode,
  isLocalExtensionCode,
  majorKey,
  minorKey,
  nextExtensionCode,
  normaliseCode,
  parseStandardId,
  standardId,
} from './domain/codes.js';

// 处置时限 text
export type { TimeLimitParseResult } from './domain/time-limit-text.js';
export {
  TIME_UNIT_PRACTICE_ALIASES,
  TIME_UNIT_WORDS,
  formatTimeLimit,
  parseTimeLimit,
  timeLimitProblem,
} from './domain/time-limit-text.js';

// Validation, sheet rows and the import/export mapping
export type { TableIssue } from './domain/validate-table.js';
export { validateTaxonomyTable } from './domain/validate-table.js';
export type { SheetCells, SheetColumn, SheetColumnKey, SheetRow } from './domain/sheet-columns.js';
export { SHEET_COLUMNS } from './domain/sheet-columns.js';
export type { RowIssue, RowIssueCode, SheetImportResult } from './domain/validate-rows.js';
export { mapHeaderRow, sheetRowsToTable } from './domain/validate-rows.js';
export { tableToSheetRows } from './domain/table-to-rows.js';

// Ordering
export type { CategoryOrderIssue } from './domain/ordering.js';
export {
  applyCategoryOrder,
  checkCategoryOrder,
  codeOrder,
  orderMajors,
  orderMinors,
  sortTableCanonically,
} from './domain/ordering.js';

// Versioning
export type {
  ChangedEntry,
  EntryDiff,
  FieldChange,
  PublishResult,
  TaxonomyDiff,
} from './domain/versioning.js';
export { diffTaxonomyVersions, isEmptyDiff, nextStandardSeq, publishVersion } from './domain/versioning.js';

// Queries for the case loop
export {
  defaultStandard,
  findMajor,
  findMinor,
  findStandard,
  minorsOf,
  standardsOf,
} from './domain/queries.js';
export type { TimeLimitBucket, TimeLimitDistribution } from './domain/distribution.js';
export {
  TIME_LIMIT_BUCKETS,
  TIME_LIMIT_BUCKET_LABELS,
  summariseTimeLimits,
  timeLimitBucket,
} from './domain/distribution.js';

// The shipped dataset file
export type { TaxonomyDataset } from './domain/dataset-file.js';
export {
  TAXONOMY_DATASET_SCHEMA,
  TaxonomyDatasetError,
  parseTaxonomyDataset,
} from './domain/dataset-file.js';
export { DEFAULT_DATASET_FILE, defaultDatasetPath, loadDefaultDataset } from './default-dataset.js';

// Excel
export type { TaxonomyExportOptions } from './xlsx.js';
export { GUIDE_SHEET_NAME, STANDARDS_SHEET_NAME, exportTaxonomyXlsx, importTaxonomyXlsx } from './xlsx.js';

// Service, routes and seeding
export { createTaxonomyService, type TaxonomyService } from './commands.js';
export { taxonomyRoutes } from './routes.js';
export { createTaxonomySeeder } from './seeder.js';
