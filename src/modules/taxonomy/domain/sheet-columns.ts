/**
 * The columns of the 立结案标准 sheet: one sheet row per standard row, with the minor category's attributes
 * repeated on each of its rows (a merged cell reads as its top-left value, so merging them is fine). Codes sit
 * in their own columns so that a round trip is exact. Columns are found by header text, in any order; unknown
 * columns are ignored.
 */
export const SHEET_COLUMNS = [
  { key: 'kind', header: '类型', required: true, width: 6 },
  { key: 'majorCode', header: '大类代码', required: true, width: 8 },
  { key: 'majorName', header: '大类', required: true, width: 10 },
  { key: 'minorCode', header: '小类代码', required: true, width: 8 },
  { key: 'minorName', header: '小类', required: true, width: 16 },
  { key: 'seq', header: '标准序号', required: true, width: 8 },
  { key: 'standardId', header: '标准编号', required: false, width: 11 },
  { key: 'filingCondition', header: '立案条件', required: true, width: 48 },
  { key: 'timeLimit', header: '处置时限', required: true, width: 12 },
  { key: 'closingCondition', header: '结案条件', required: true, width: 36 },
  { key: 'legalBasis', header: '法律依据', required: false, width: 36 },
  { key: 'collectionRequirements', header: '采集要求', required: false, width: 40 },
  { key: 'supervisingUnitKind', header: '监管单位类别', required: false, width: 16 },
  { key: 'responsibleUnitKind', header: '责任单位类别', required: false, width: 16 },
] as const;

export type SheetColumn = (typeof SHEET_COLUMNS)[number];
export type SheetColumnKey = SheetColumn['key'];

/** The cells of one sheet row as text, keyed by column; absent columns read as ''. */
export type SheetCells = Record<SheetColumnKey, string>;

/** A data row as read from a sheet: `row` is the row number Excel shows (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: SheetCells;
}

export function headerOf(key: SheetColumnKey): string {
  return SHEET_COLUMNS.find((column) => column.key === key)?.header ?? key;
}

export function emptyCells(): SheetCells {
  return Object.fromEntries(SHEET_COLUMNS.map((column) => [column.key, ''])) as SheetCells;
}
