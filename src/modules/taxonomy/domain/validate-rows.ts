import { majorKey, minorKey } from './codes.js';
import { crossCheckRows } from './cross-check-rows.js';
import { sortTableCanonically } from './ordering.js';
import type { ParsedRow } from './parse-row.js';
import { parseRow } from './parse-row.js';
import type { RowIssue, SheetImportResult } from './row-issues.js';
import type { SheetColumnKey, SheetRow } from './sheet-columns.js';
import { SHEET_COLUMNS } from './sheet-columns.js';
import type { MajorCategory, MinorCategory } from './types.js';

export type { RowIssue, RowIssueCode, SheetImportResult } from './row-issues.js';

/**
 * Validates the rows of a 立结案标准 sheet and maps them to a table. All or nothing: any error and no table is
 * returned, so an import applies nothing on failure. Every error names the row number Excel shows and the
 * column header, so a city's staff can find the cell.
 */

/** Maps header texts (index 0 = first column) to column keys; reports missing and repeated headers. */
export function mapHeaderRow(
  headers: readonly string[],
  headerRow = 1,
): { columns: Partial<Record<SheetColumnKey, number>>; issues: RowIssue[] } {
  const columns: Partial<Record<SheetColumnKey, number>> = {};
  const issues: RowIssue[] = [];
  headers.forEach((text, index) => {
    const column = SHEET_COLUMNS.find((c) => c.header === text.trim());
    if (column === undefined) return;
    if (columns[column.key] !== undefined) {
      issues.push({
        row: headerRow,
        column: column.header,
        code: 'DUPLICATE_COLUMN',
        message: `表头「${column.header}」出现了两次`,
      });
      return;
    }
    columns[column.key] = index;
  });
  for (const column of SHEET_COLUMNS) {
    if (column.required && columns[column.key] === undefined) {
      issues.push({
        row: headerRow,
        column: column.header,
        code: 'MISSING_COLUMN',
        message: `缺少必填列「${column.header}」`,
      });
    }
  }
  return { columns, issues };
}

function isBlank(row: SheetRow): boolean {
  return SHEET_COLUMNS.every((column) => row.cells[column.key].trim() === '');
}

/** Validates and maps the data rows of a sheet (blank rows are skipped). Returns the table in canonical order. */
export function sheetRowsToTable(rows: readonly SheetRow[]): SheetImportResult {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const dataRows = rows.filter((row) => !isBlank(row));
  if (dataRows.length === 0) {
    return {
      ok: false,
      errors: [{ row: 0, column: '', code: 'NO_ROWS', message: '表中没有数据行' }],
      warnings,
    };
  }
  const parsed = dataRows
    .map((row) => parseRow(row, errors, warnings))
    .filter((row): row is ParsedRow => row !== null);
  crossCheckRows(parsed, errors);
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    return { ok: false, errors, warnings };
  }
  const majors = new Map<string, MajorCategory>();
  const minors = new Map<string, MinorCategory>();
  for (const row of parsed) {
    majors.set(majorKey(row.kind, row.major.code), row.major);
    minors.set(minorKey(row.kind, row.major.code, row.minor.code), row.minor);
  }
  const table = sortTableCanonically({
    majors: [...majors.values()],
    minors: [...minors.values()],
    standards: parsed.map((row) => row.standard),
  });
  return { ok: true, table, warnings };
}
