import ExcelJS from 'exceljs';
import type { TimeUnit } from '../calendar/index.js';
import { KIND_LABELS, LOCAL_EXTENSION_FLOOR } from './domain/codes.js';
import type { SheetCells, SheetColumnKey, SheetRow } from './domain/sheet-columns.js';
import { SHEET_COLUMNS, emptyCells } from './domain/sheet-columns.js';
import { tableToSheetRows } from './domain/table-to-rows.js';
import { TIME_UNIT_PRACTICE_ALIASES, TIME_UNIT_WORDS } from './domain/time-limit-text.js';
import type { TaxonomyTable } from './domain/types.js';
import { UNIT_KINDS, UNIT_KIND_LABELS } from './domain/unit-kinds.js';
import type { RowIssue, SheetImportResult } from './domain/validate-rows.js';
import { mapHeaderRow, sheetRowsToTable } from './domain/validate-rows.js';

/**
 * The 立结案标准 table as an .xlsx workbook, on buffers only (no files). The sheet layout is in
 * domain/sheet-columns.ts and every rule about the rows is in domain/validate-rows.ts; this file only moves
 * cell text in and out of exceljs.
 */

export const STANDARDS_SHEET_NAME = '立结案标准';
export const GUIDE_SHEET_NAME = '填写说明';

/** The header row is looked for in the first rows, so a title line above it is tolerated. */
const HEADER_SEARCH_ROWS = 5;
/** Rows below the data that still get the drop-down lists, for staff adding rows by hand. */
const SPARE_VALIDATED_ROWS = 100;

export interface TaxonomyExportOptions {
  /** Shown on the guide sheet, e.g. the tenant's name. */
  title?: string;
  version?: number | null;
  note?: string;
}

type RichTextRun = { text: string };

/** The text Excel shows for a cell value (rich text joined, formulas by their cached result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run: RichTextRun) => run.text).join('');
  if ('hyperlink' in value) {
    // exceljs may hand back a hyperlink's text as rich text although its type says string.
    const text = value.text as unknown;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
  }
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  return '';
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function fileIssue(message: string): SheetImportResult {
  return { ok: false, errors: [{ row: 0, column: '', code: 'UNREADABLE_FILE', message }], warnings: [] };
}

function rowTexts(row: ExcelJS.Row, width: number): string[] {
  return Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
}

/**
 * Reads a workbook and validates its 立结案标准 sheet (the sheet of that name, else the first). Nothing is
 * applied here: the caller publishes `table` as a new version only when `ok` is true.
 */
export async function importTaxonomyXlsx(data: Uint8Array | ArrayBuffer): Promise<SheetImportResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes =
      data instanceof ArrayBuffer
        ? Buffer.from(data)
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    return fileIssue('无法读取文件：请上传 .xlsx 格式的 Excel 工作簿');
  }
  const sheet = workbook.getWorksheet(STANDARDS_SHEET_NAME) ?? workbook.worksheets[0];
  if (sheet === undefined) return fileIssue('工作簿中没有工作表');

  const width = sheet.columnCount;
  let headerRow = 1;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    if (rowTexts(sheet.getRow(r), width).some((text) => text.trim() === '立案条件')) {
      headerRow = r;
      break;
    }
  }
  const { columns, issues } = mapHeaderRow(rowTexts(sheet.getRow(headerRow), width), headerRow);
  if (issues.length > 0) return { ok: false, errors: withCells(issues, columns), warnings: [] };

  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: SheetCells = emptyCells();
    for (const column of SHEET_COLUMNS) {
      const index = columns[column.key];
      if (index !== undefined) cells[column.key] = cellText(row.getCell(index + 1).value);
    }
    rows.push({ row: r, cells });
  }
  const result = sheetRowsToTable(rows);
  return result.ok
    ? { ...result, warnings: withCells(result.warnings, columns) }
    : { ...result, errors: withCells(result.errors, columns), warnings: withCells(result.warnings, columns) };
}

/** Adds the cell address (e.g. I12) to issues whose column is on the sheet. */
function withCells(issues: RowIssue[], columns: Partial<Record<SheetColumnKey, number>>): RowIssue[] {
  return issues.map((issue) => {
    const column = SHEET_COLUMNS.find((c) => c.header === issue.column);
    const index = column === undefined ? undefined : columns[column.key];
    return index === undefined || issue.row < 1
      ? issue
      : { ...issue, cell: `${columnLetter(index)}${issue.row}` };
  });
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const CODE_COLUMNS: readonly SheetColumnKey[] = ['majorCode', 'minorCode', 'seq', 'standardId'];

function addGuideSheet(workbook: ExcelJS.Workbook, options: TaxonomyExportOptions): string {
  const guide = workbook.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [{ width: 18 }, { width: 24 }, { width: 60 }];
  const title = options.title ?? '部件/事件立结案标准';
  guide.addRow([title]).font = { bold: true, size: 14 };
  if (options.version != null) guide.addRow(['版本', `第${options.version}版`]);
  if (options.note) guide.addRow(['修订说明', options.note]);
  guide.addRow([]);
  guide.addRow(['填写规则']).font = { bold: true };
  const rules = [
    '每一行是一条立结案标准（立案条件、处置时限、结案条件）；同一小类的多条标准分行填写，小类的名称、法律依据、采集要求和单位类别在各行须一致（可合并单元格）。',
    '类型填“部件”或“事件”；大类代码、小类代码为两位数字01–99；标准序号为1–99，同一小类内不得重复；标准编号可留空，由系统按“C/E-大类小类-序号”生成。',
    `代码${LOCAL_EXTENSION_FLOOR}–99为本地扩展，须从99起依次向下编号（99、98、97…），不得跳号。`,
    '立案条件、结案条件、处置时限为必填；导入时任何一行有错，整表不导入，并按行号、列名列出全部错误。',
  ];
  for (const rule of rules) guide.addRow(['', rule]).alignment = { wrapText: true, vertical: 'top' };
  guide.addRow([]);
  guide.addRow(['处置时限写法', '含义', '计时方式']).font = { bold: true };
  const clocks: Record<TimeUnit, string> = {
    urgent_hour: '连续计时，夜间、周末、节假日均计入',
    work_hour: '只计工作日的上班时间',
    work_day: '一个工作日的上班时间（默认8小时）',
    natural_day: '连续计时，每日24小时',
    calendar_day: '法定期间，按日计算（首日不计入，末日遇节假日顺延）',
    working_day: '法定期间，按工作日计算',
  };
  for (const [unit, word] of Object.entries(TIME_UNIT_WORDS) as [TimeUnit, string][]) {
    guide.addRow([`例：2${word}`, unit, clocks[unit]]);
  }
  for (const [alias, unit] of Object.entries(TIME_UNIT_PRACTICE_ALIASES)) {
    guide.addRow([`兼容写法：${alias}`, unit, `按“${TIME_UNIT_WORDS[unit]}”理解，导入时提示改写`]);
  }
  guide.addRow([]);
  guide.addRow(['单位类别', '代码']).font = { bold: true };
  const first = guide.rowCount + 1;
  for (const kind of UNIT_KINDS) guide.addRow([UNIT_KIND_LABELS[kind], kind]);
  return `'${GUIDE_SHEET_NAME}'!$A$${first}:$A$${guide.rowCount}`;
}

/**
 * exceljs keeps a sheet's validations in `worksheet.dataValidations` (untyped). Setting them per cell instead
 * makes exceljs 4.4 merge cells into overlapping ranges (it sorts addresses as strings: A10 before A2), which
 * Excel may flag as damaged; one range per column avoids that.
 */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function sheetValidations(sheet: ExcelJS.Worksheet): RangeValidations {
  return (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
}

/** Writes a table as a workbook: the 立结案标准 sheet (one row per standard, canonical order) and a guide sheet. */
export async function exportTaxonomyXlsx(
  table: TaxonomyTable,
  options: TaxonomyExportOptions = {},
): Promise<Buffer> {
  const rows = tableToSheetRows(table);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chengzhi 城治';
  const sheet = workbook.addWorksheet(STANDARDS_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SHEET_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    style: {
      alignment: { wrapText: true, vertical: 'top' },
      ...(CODE_COLUMNS.includes(column.key) ? { numFmt: '@' } : {}),
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  for (const cells of rows) sheet.addRow(cells);

  const unitList = addGuideSheet(workbook, options);
  const lastRow = rows.length + 1 + SPARE_VALIDATED_ROWS;
  const letterOf = (key: SheetColumnKey): string =>
    columnLetter(SHEET_COLUMNS.findIndex((c) => c.key === key));
  const validations = sheetValidations(sheet);
  validations.add(`${letterOf('kind')}2:${letterOf('kind')}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${Object.values(KIND_LABELS).join(',')}"`],
  });
  for (const key of ['supervisingUnitKind', 'responsibleUnitKind'] as const) {
    validations.add(`${letterOf(key)}2:${letterOf(key)}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [unitList],
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
