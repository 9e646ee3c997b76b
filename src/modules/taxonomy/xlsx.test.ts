import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loadDefaultDataset } from './default-dataset.js';
import { sortTableCanonically } from './domain/ordering.js';
import { SHEET_COLUMNS } from './domain/sheet-columns.js';
import type { SheetImportResult } from './domain/validate-rows.js';
import type { TaxonomyTable } from './domain/types.js';
import { sampleTable } from './test-helpers.js';
import {
  GUIDE_SHEET_NAME,
  STANDARDS_SHEET_NAME,
  columnLetter,
  exportTaxonomyXlsx,
  importTaxonomyXlsx,
} from './xlsx.js';

const HEADERS: string[] = SHEET_COLUMNS.map((c) => c.header);

const values = (row: Record<string, ExcelJS.CellValue>): ExcelJS.CellValue[] =>
  HEADERS.map((h) => row[h] ?? null);

/** A workbook typed by hand: a header row, then rows given as [header → value]. */
async function workbook(
  rows: Record<string, ExcelJS.CellValue>[],
  options: { titleRow?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  if (options.titleRow !== undefined) sheet.addRow([options.titleRow]);
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(values(row));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const good = (overrides: Record<string, ExcelJS.CellValue> = {}): Record<string, ExcelJS.CellValue> => ({
  类型: '部件',
  大类代码: '01',
  大类: '公用设施',
  小类代码: '01',
  小类: '上水井盖',
  标准序号: 1,
  立案条件: '井盖缺失',
  处置时限: '2紧急工作时',
  结案条件: '已补齐',
  ...overrides,
});

function tableOf(result: SheetImportResult): TaxonomyTable {
  assert.ok(result.ok, JSON.stringify(result.ok ? null : result.errors.slice(0, 5)));
  return result.table;
}

describe('Excel round trip', () => {
  let datasetTable: TaxonomyTable;
  before(async () => {
    const { taxonomy } = await loadDefaultDataset();
    datasetTable = { majors: taxonomy.majors, minors: taxonomy.minors, standards: taxonomy.standards };
  });

  it('re-imports an export of the default dataset as an identical table, without warnings', async () => {
    const bytes = await exportTaxonomyXlsx(datasetTable, { title: '杭州市上城区', version: 1 });
    const result = await importTaxonomyXlsx(bytes);
    assert.deepEqual(tableOf(result), sortTableCanonically(datasetTable));
    assert.deepEqual(result.warnings, []);
  });

  it('writes one row per standard under the documented headers, with codes as text', async () => {
    const bytes = await exportTaxonomyXlsx(sampleTable());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      [STANDARDS_SHEET_NAME, GUIDE_SHEET_NAME],
    );
    const sheet = wb.getWorksheet(STANDARDS_SHEET_NAME)!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), HEADERS);
    const first = sheet.getRow(2);
    assert.equal(first.getCell(HEADERS.indexOf('大类代码') + 1).value, '01');
    assert.equal(first.getCell(HEADERS.indexOf('处置时限') + 1).value, '2紧急工作时');
    assert.equal(first.getCell(HEADERS.indexOf('标准编号') + 1).value, 'C-0101-1');
    assert.equal(first.getCell(HEADERS.indexOf('责任单位类别') + 1).value, '市政设施养护');
  });

  it('reads a hand-typed sheet: numeric codes, merged minor cells, a title line above the header', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('标准');
    sheet.addRow(['上城区立结案标准（2025年版）']);
    sheet.addRow(HEADERS);
    const legal = HEADERS.indexOf('法律依据') + 1;
    sheet.addRow(values({ ...good({ 大类代码: 1, 小类代码: 1 }), 法律依据: '《城市道路管理条例》' }));
    sheet.addRow(
      values(good({ 大类代码: 1, 小类代码: 1, 标准序号: 2, 立案条件: '井盖松动', 处置时限: '2工作日' })),
    );
    sheet.mergeCells(3, legal, 4, legal);
    const result = await importTaxonomyXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    const table = tableOf(result);
    assert.deepEqual(
      table.standards.map((s) => s.id),
      ['C-0101-1', 'C-0101-2'],
    );
    assert.equal(table.minors[0]?.legalBasis, '《城市道路管理条例》');
  });

  it('reports row errors with the row Excel shows, the column and the cell, and returns no table', async () => {
    const bytes = await workbook(
      [
        good(),
        good({ 类型: '设施', 标准序号: 2 }),
        good({ 标准序号: 3, 处置时限: '尽快' }),
        good({ 标准序号: 1, 立案条件: '井盖破损' }),
        good({ 标准序号: 4, 小类: '自来水井盖', 结案条件: '' }),
      ],
      { titleRow: '上城区立结案标准' },
    );
    const result = await importTaxonomyXlsx(bytes);
    assert.equal(result.ok, false);
    assert.ok(!('table' in result));
    const errors = result.ok ? [] : result.errors;
    const letter = (header: string) => columnLetter(HEADERS.indexOf(header));
    assert.deepEqual(
      errors.map(({ row, column, code, cell }) => ({ row, column, code, cell })),
      [
        { row: 4, column: '类型', code: 'UNKNOWN_KIND', cell: `${letter('类型')}4` },
        { row: 5, column: '处置时限', code: 'INVALID_TIME_LIMIT', cell: `${letter('处置时限')}5` },
        { row: 6, column: '标准序号', code: 'DUPLICATE_STANDARD', cell: `${letter('标准序号')}6` },
        { row: 7, column: '结案条件', code: 'EMPTY_VALUE', cell: `${letter('结案条件')}7` },
        { row: 7, column: '小类', code: 'MINOR_NAME_MISMATCH', cell: `${letter('小类')}7` },
      ],
    );
    for (const error of errors) assert.ok(error.message.length > 0);
  });

  it('reports a missing column on the header row', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(HEADERS.filter((h) => h !== '结案条件'));
    const result = await importTaxonomyXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => [e.row, e.column, e.code]), [
      [1, '结案条件', 'MISSING_COLUMN'],
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    const result = await importTaxonomyXlsx(Buffer.from('类型,大类代码\n部件,01\n'));
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => e.code), ['UNREADABLE_FILE']);
  });

  it('names columns as Excel does', () => {
    assert.deepEqual([0, 25, 26, 27, 701, 702].map(columnLetter), ['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
