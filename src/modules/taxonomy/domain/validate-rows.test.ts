import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TIME_UNITS } from '../../calendar/index.js';
import { goodCells, sampleTable, sheetRow } from '../test-helpers.js';
import { standardId } from './codes.js';
import { sortTableCanonically } from './ordering.js';
import type { SheetCells } from './sheet-columns.js';
import { SHEET_COLUMNS } from './sheet-columns.js';
import { tableToSheetRows } from './table-to-rows.js';
import type { RowIssue, SheetImportResult } from './validate-rows.js';
import { mapHeaderRow, sheetRowsToTable } from './validate-rows.js';
import type {
  CategoryKind,
  MajorCategory,
  MinorCategory,
  Standard,
  TaxonomyTable,
  TimeLimit,
} from './types.js';
import { UNIT_KINDS } from './unit-kinds.js';
import { validateTaxonomyTable } from './validate-table.js';

// ---- fast-check arbitraries -------------------------------------------------------------------------

/** Texts as a city writes them: Chinese, punctuation, digits, inner spaces; trimmed and non-empty. */
const textArbitrary = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .string({
      unit: fc.constantFrom(...'井盖缺失破损移位松动影响通行，。、；（）()“”0123456789abc ×\n'),
      maxLength,
    })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const timeLimitArbitrary: fc.Arbitrary<TimeLimit> = fc
  .constantFrom(...TIME_UNITS)
  .chain((unit) =>
    unit === 'calendar_day' || unit === 'working_day'
      ? fc.integer({ min: 1, max: 999 }).map((amount): TimeLimit => ({ amount, unit }))
      : fc.integer({ min: 1, max: 9990 }).map((tenths): TimeLimit => ({ amount: tenths / 10, unit })),
  );

const codeFrom = (n: number): string => String(n).padStart(2, '0');

/** Distinct standard codes (01–20) plus 0–2 local extensions counting down from 99. */
const codesArbitrary: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 0, maxLength: 3 }),
    fc.integer({ min: 0, max: 2 }),
  )
  .map(([standard, extensions]) => [
    ...standard.map(codeFrom),
    ...Array.from({ length: extensions }, (_, i) => String(99 - i)),
  ])
  .filter((codes) => codes.length > 0);

const minorArbitrary = (kind: CategoryKind, majorCode: string, code: string) =>
  fc
    .record({
      suffix: textArbitrary(8),
      legalBasis: fc.option(textArbitrary(30), { nil: '' }),
      collectionRequirements: fc.option(textArbitrary(30), { nil: '' }),
      supervisingUnitKind: fc.option(fc.constantFrom(...UNIT_KINDS), { nil: null }),
      responsibleUnitKind: fc.option(fc.constantFrom(...UNIT_KINDS), { nil: null }),
      rows: fc.uniqueArray(
        fc.record({
          seq: fc.integer({ min: 1, max: 99 }),
          filingCondition: textArbitrary(40),
          timeLimit: timeLimitArbitrary,
          closingCondition: textArbitrary(30),
        }),
        { selector: (r) => r.seq, minLength: 1, maxLength: 3 },
      ),
    })
    .map(({ suffix, rows, ...attributes }) => ({
      // The code in the name keeps names unique within a major, as validation requires.
      minor: { kind, majorCode, code, name: `${code}${suffix}`, ...attributes } satisfies MinorCategory,
      standards: rows.map((r): Standard => ({
        id: standardId(kind, majorCode, code, r.seq),
        kind,
        majorCode,
        minorCode: code,
        ...r,
      })),
    }));

const kindArbitrary = (kind: CategoryKind) =>
  codesArbitrary.chain((majorCodes) =>
    fc.tuple(
      ...majorCodes.map((majorCode) =>
        fc.tuple(
          textArbitrary(6).map((suffix): MajorCategory => ({
            kind,
            code: majorCode,
            name: `${majorCode}${suffix}`,
          })),
          codesArbitrary.chain((minorCodes) =>
            fc.tuple(...minorCodes.map((code) => minorArbitrary(kind, majorCode, code))),
          ),
        ),
      ),
    ),
  );

/** Any valid table (unsorted). */
const tableArbitrary: fc.Arbitrary<TaxonomyTable> = fc
  .tuple(kindArbitrary('component'), kindArbitrary('event'))
  .map((kinds) => {
    const parts = kinds.flat();
    return {
      majors: parts.map(([major]) => major),
      minors: parts.flatMap(([, minors]) => minors.map((m) => m.minor)),
      standards: parts.flatMap(([, minors]) => minors.flatMap((m) => m.standards)),
    };
  });

function errorsOf(result: SheetImportResult): RowIssue[] {
  assert.equal(result.ok, false, 'expected the sheet to be refused');
  assert.ok(!('table' in result), 'a refused sheet must not carry a table');
  return result.ok ? [] : result.errors;
}

function rowsFrom(cells: Partial<SheetCells>[]) {
  return cells.map((c, i) => sheetRow(i + 2, c));
}

function only(result: SheetImportResult): Pick<RowIssue, 'row' | 'column' | 'code'>[] {
  return errorsOf(result).map(({ row, column, code }) => ({ row, column, code }));
}

describe('sheet rows ↔ table', () => {
  it('maps a table to rows and back to the same table', () => {
    const table = sampleTable();
    const result = sheetRowsToTable(rowsFrom(tableToSheetRows(table)));
    assert.ok(result.ok);
    assert.deepEqual(result.table, sortTableCanonically(table));
    assert.deepEqual(result.warnings, []);
  });

  it('round-trips any valid table exactly, whatever its codes, texts, units and optional fields', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        assert.deepEqual(validateTaxonomyTable(table), []);
        const result = sheetRowsToTable(rowsFrom(tableToSheetRows(table)));
        assert.ok(result.ok, JSON.stringify(result.ok ? null : result.errors.slice(0, 3)));
        assert.deepEqual(result.table, sortTableCanonically(table));
      }),
      { numRuns: 200 },
    );
  });

  it('skips blank rows and reads codes that Excel stored as numbers', () => {
    const result = sheetRowsToTable([
      sheetRow(2, goodCells({ majorCode: '1', minorCode: '1' })),
      sheetRow(3, {}),
    ]);
    assert.ok(result.ok);
    assert.equal(result.table.standards[0]?.id, 'C-0101-1');
  });

  it('accepts unit kinds by their Chinese label or their code', () => {
    const result = sheetRowsToTable(
      rowsFrom([goodCells({ supervisingUnitKind: '城市管理综合执法', responsibleUnitKind: 'water' })]),
    );
    assert.ok(result.ok);
    assert.equal(result.table.minors[0]?.supervisingUnitKind, 'urban_management');
    assert.equal(result.table.minors[0]?.responsibleUnitKind, 'water');
  });

  it('imports a practice alias such as 1天 but warns with the row, column and the canonical spelling', () => {
    const result = sheetRowsToTable(rowsFrom([goodCells({ timeLimit: '1天' })]));
    assert.ok(result.ok);
    assert.deepEqual(result.table.standards[0]?.timeLimit, { amount: 1, unit: 'work_day' });
    assert.equal(result.warnings.length, 1);
    assert.deepEqual(
      { row: result.warnings[0]?.row, column: result.warnings[0]?.column, code: result.warnings[0]?.code },
      { row: 2, column: '处置时限', code: 'TIME_LIMIT_ALIAS' },
    );
    assert.match(result.warnings[0]?.message ?? '', /1工作日/);
  });
});

describe('sheet row validation', () => {
  it('refuses an unknown 类型 and names the row and column', () => {
    assert.deepEqual(only(sheetRowsToTable(rowsFrom([goodCells({ kind: '设施' })]))), [
      { row: 2, column: '类型', code: 'UNKNOWN_KIND' },
    ]);
  });

  it('refuses bad major, minor and seq codes', () => {
    const result = sheetRowsToTable(rowsFrom([goodCells({ majorCode: '100', minorCode: 'A1', seq: '0' })]));
    assert.deepEqual(only(result), [
      { row: 2, column: '大类代码', code: 'INVALID_MAJOR_CODE' },
      { row: 2, column: '小类代码', code: 'INVALID_MINOR_CODE' },
      { row: 2, column: '标准序号', code: 'INVALID_SEQ' },
    ]);
  });

  it('refuses an empty 立案条件 or 结案条件', () => {
    const result = sheetRowsToTable(rowsFrom([goodCells({ filingCondition: '  ', closingCondition: '' })]));
    assert.deepEqual(only(result), [
      { row: 2, column: '立案条件', code: 'EMPTY_VALUE' },
      { row: 2, column: '结案条件', code: 'EMPTY_VALUE' },
    ]);
  });

  it('refuses an unparseable 处置时限', () => {
    const errors = errorsOf(sheetRowsToTable(rowsFrom([goodCells({ timeLimit: '尽快' })])));
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.code]),
      [[2, '处置时限', 'INVALID_TIME_LIMIT']],
    );
  });

  it('refuses a duplicate (type, major, minor, seq) and points at the first occurrence', () => {
    const errors = errorsOf(
      sheetRowsToTable(rowsFrom([goodCells(), goodCells({ filingCondition: '井盖破损' })])),
    );
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.code]),
      [[3, '标准序号', 'DUPLICATE_STANDARD']],
    );
    assert.match(errors[0]?.message ?? '', /第2行/);
  });

  it('refuses a minor whose name differs between rows of the same code', () => {
    const result = sheetRowsToTable(
      rowsFrom([goodCells(), goodCells({ seq: '2', minorName: '自来水井盖' })]),
    );
    assert.deepEqual(only(result), [{ row: 3, column: '小类', code: 'MINOR_NAME_MISMATCH' }]);
  });

  it('refuses a major whose name differs between rows of the same code', () => {
    const result = sheetRowsToTable(
      rowsFrom([goodCells(), goodCells({ minorCode: '02', minorName: '污水井盖', majorName: '公共设施' })]),
    );
    assert.deepEqual(only(result), [{ row: 3, column: '大类', code: 'MAJOR_NAME_MISMATCH' }]);
  });

  it('refuses one major name used for two codes, and one minor name used twice in a major', () => {
    const result = sheetRowsToTable(
      rowsFrom([
        goodCells(),
        goodCells({ majorCode: '02', minorCode: '01', minorName: '停车场' }),
        goodCells({ minorCode: '03', minorName: '上水井盖' }),
      ]),
    );
    assert.deepEqual(only(result), [
      { row: 3, column: '大类', code: 'MAJOR_NAME_DUPLICATE' },
      { row: 4, column: '小类', code: 'MINOR_NAME_DUPLICATE' },
    ]);
  });

  it('refuses different 法律依据, 采集要求 or unit kinds on rows of one minor', () => {
    const result = sheetRowsToTable(
      rowsFrom([
        goodCells({ legalBasis: '《城市道路管理条例》' }),
        goodCells({ seq: '2', responsibleUnitKind: '供水' }),
      ]),
    );
    assert.deepEqual(only(result), [
      { row: 3, column: '法律依据', code: 'MINOR_ATTRIBUTE_MISMATCH' },
      { row: 3, column: '责任单位类别', code: 'MINOR_ATTRIBUTE_MISMATCH' },
    ]);
  });

  it('refuses an unknown unit kind', () => {
    assert.deepEqual(only(sheetRowsToTable(rowsFrom([goodCells({ responsibleUnitKind: '水务集团' })]))), [
      { row: 2, column: '责任单位类别', code: 'UNKNOWN_UNIT_KIND' },
    ]);
  });

  it('requires local extension minors to count down from 99', () => {
    const result = sheetRowsToTable(
      rowsFrom([
        goodCells(),
        goodCells({ minorCode: '99', minorName: '智慧杆' }),
        goodCells({ minorCode: '97', minorName: '驿站' }),
      ]),
    );
    assert.deepEqual(only(result), [{ row: 4, column: '小类代码', code: 'EXTENSION_NOT_COUNTING_DOWN' }]);
  });

  it('requires local extension majors to count down from 99', () => {
    const result = sheetRowsToTable(rowsFrom([goodCells({ majorCode: '98', majorName: '扩展部件' })]));
    assert.deepEqual(only(result), [{ row: 2, column: '大类代码', code: 'EXTENSION_NOT_COUNTING_DOWN' }]);
  });

  it('refuses a 标准编号 that does not match the codes, but accepts it blank', () => {
    assert.deepEqual(only(sheetRowsToTable(rowsFrom([goodCells({ standardId: 'C-0101-2' })]))), [
      { row: 2, column: '标准编号', code: 'STANDARD_ID_MISMATCH' },
    ]);
    assert.ok(sheetRowsToTable(rowsFrom([goodCells({ standardId: 'C-0101-1' })])).ok);
  });

  it('refuses an over-long condition', () => {
    assert.deepEqual(only(sheetRowsToTable(rowsFrom([goodCells({ filingCondition: '长'.repeat(501) })]))), [
      { row: 2, column: '立案条件', code: 'TEXT_TOO_LONG' },
    ]);
  });

  it('applies nothing when any row is wrong: one bad row among good ones refuses the whole sheet', () => {
    const good = tableToSheetRows(sampleTable());
    const rows = rowsFrom([
      ...good,
      goodCells({ minorCode: '05', minorName: '雨水箅子', timeLimit: '马上' }),
    ]);
    const errors = errorsOf(sheetRowsToTable(rows));
    assert.deepEqual(
      errors.map((e) => [e.row, e.code]),
      [[good.length + 2, 'INVALID_TIME_LIMIT']],
    );
  });

  it('reports every error of every row in one pass, sorted by row, including clashes of rows that have other errors', () => {
    const rows = rowsFrom([
      goodCells({ kind: '' }),
      goodCells(),
      goodCells({ timeLimit: '' }),
      goodCells({ seq: '2', minorName: '别名' }),
    ]);
    const errors = errorsOf(sheetRowsToTable(rows));
    assert.deepEqual(
      errors.map((e) => [e.row, e.code]),
      [
        [2, 'UNKNOWN_KIND'],
        [4, 'EMPTY_VALUE'],
        [4, 'DUPLICATE_STANDARD'],
        [5, 'MINOR_NAME_MISMATCH'],
      ],
    );
  });

  it('refuses a sheet without data rows', () => {
    assert.deepEqual(only(sheetRowsToTable([sheetRow(2, {})])), [{ row: 0, column: '', code: 'NO_ROWS' }]);
  });
});

describe('sheet header', () => {
  it('finds the columns by header text in any order and ignores unknown columns', () => {
    const headers = ['备注', ...SHEET_COLUMNS.map((c) => c.header).reverse()];
    const { columns, issues } = mapHeaderRow(headers);
    assert.deepEqual(issues, []);
    assert.equal(columns.kind, headers.indexOf('类型'));
    assert.equal(columns.timeLimit, headers.indexOf('处置时限'));
  });

  it('reports missing required columns and repeated headers on the header row', () => {
    const { issues } = mapHeaderRow(
      ['类型', '类型', '大类代码', '大类', '小类代码', '小类', '标准序号', '立案条件'],
      3,
    );
    assert.deepEqual(
      issues.map((i) => [i.row, i.column, i.code]),
      [
        [3, '类型', 'DUPLICATE_COLUMN'],
        [3, '处置时限', 'MISSING_COLUMN'],
        [3, '结案条件', 'MISSING_COLUMN'],
      ],
    );
  });
});
