import type { TaxonomyTable } from './types.js';

/** Problems an import reports; TIME_LIMIT_ALIAS is a warning, every other code an error. */
export type RowIssueCode =
  | 'UNREADABLE_FILE'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'NO_ROWS'
  | 'UNKNOWN_KIND'
  | 'INVALID_MAJOR_CODE'
  | 'INVALID_MINOR_CODE'
  | 'INVALID_SEQ'
  | 'EMPTY_VALUE'
  | 'TEXT_TOO_LONG'
  | 'INVALID_TIME_LIMIT'
  | 'UNKNOWN_UNIT_KIND'
  | 'STANDARD_ID_MISMATCH'
  | 'DUPLICATE_STANDARD'
  | 'MAJOR_NAME_MISMATCH'
  | 'MAJOR_NAME_DUPLICATE'
  | 'MINOR_NAME_MISMATCH'
  | 'MINOR_NAME_DUPLICATE'
  | 'MINOR_ATTRIBUTE_MISMATCH'
  | 'EXTENSION_NOT_COUNTING_DOWN'
  | 'TIME_LIMIT_ALIAS';

/**
 * One problem with a sheet. `row` is the row number Excel shows (0 for the file as a whole); `column` is the
 * header text ('' when the problem is not in one column); `cell` (e.g. 'I12') is added when the column's
 * letter is known.
 */
export interface RowIssue {
  row: number;
  column: string;
  code: RowIssueCode;
  message: string;
  cell?: string;
}

export type SheetImportResult =
  | { ok: true; table: TaxonomyTable; warnings: RowIssue[] }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] };
