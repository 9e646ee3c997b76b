import { MAX_SEQ, standardId, kindFromLabel, normaliseCode } from './codes.js';
import type { SheetColumnKey, SheetRow } from './sheet-columns.js';
import { headerOf } from './sheet-columns.js';
import type { RowIssue, RowIssueCode } from './row-issues.js';
import type { TextField } from './text-rules.js';
import { TEXT_LIMITS } from './text-rules.js';
import { TIME_UNIT_WORDS, formatTimeLimit, parseTimeLimit } from './time-limit-text.js';
import type { CategoryKind, MajorCategory, MinorCategory, Standard } from './types.js';
import type { UnitKind } from './unit-kinds.js';
import { unitKindFromText } from './unit-kinds.js';

/** Reading one sheet row on its own: each cell's format, required texts, lengths, the time limit, unit kinds. */

/**
 * A row whose identity (type, codes, seq) could be read. `complete` is false when another of its cells has an
 * error: such a row still takes part in the cross-row checks (duplicates, names), so one pass reports as
 * much as possible, but its unit kinds and texts are not compared with other rows.
 */
export interface ParsedRow {
  row: number;
  complete: boolean;
  kind: CategoryKind;
  major: MajorCategory;
  minor: MinorCategory;
  standard: Standard;
}

/** Parses one row on its own; pushes its problems; null when its type, codes or seq cannot be read. */
export function parseRow(sheetRow: SheetRow, errors: RowIssue[], warnings: RowIssue[]): ParsedRow | null {
  const { row } = sheetRow;
  const cell = (key: SheetColumnKey): string => sheetRow.cells[key].trim();
  const before = errors.length;
  const fail = (key: SheetColumnKey, code: RowIssueCode, message: string): void => {
    errors.push({ row, column: headerOf(key), code, message });
  };
  const text = (key: SheetColumnKey, field: TextField, required: boolean): string => {
    const value = cell(key);
    if (required && value === '') fail(key, 'EMPTY_VALUE', `「${headerOf(key)}」不得为空`);
    const length = [...value].length;
    if (length > TEXT_LIMITS[field]) {
      fail(key, 'TEXT_TOO_LONG', `「${headerOf(key)}」长度${length}超过上限${TEXT_LIMITS[field]}字`);
    }
    return value;
  };
  const unitKind = (key: SheetColumnKey): UnitKind | null => {
    const value = cell(key);
    if (value === '') return null;
    const kind = unitKindFromText(value);
    if (kind === null) fail(key, 'UNKNOWN_UNIT_KIND', `未知的单位类别「${value}」`);
    return kind;
  };

  const kind = kindFromLabel(cell('kind'));
  if (kind === null) fail('kind', 'UNKNOWN_KIND', `类型应为「部件」或「事件」，而不是「${cell('kind')}」`);
  const majorCode = normaliseCode(cell('majorCode'));
  if (majorCode === null) {
    fail('majorCode', 'INVALID_MAJOR_CODE', `大类代码应为两位数字01–99，而不是「${cell('majorCode')}」`);
  }
  const minorCode = normaliseCode(cell('minorCode'));
  if (minorCode === null) {
    fail('minorCode', 'INVALID_MINOR_CODE', `小类代码应为两位数字01–99，而不是「${cell('minorCode')}」`);
  }
  const seqText = cell('seq');
  const seq = /^\d{1,2}$/.test(seqText) ? Number(seqText) : NaN;
  if (!(seq >= 1 && seq <= MAX_SEQ)) {
    fail('seq', 'INVALID_SEQ', `标准序号应为1–${MAX_SEQ}的整数，而不是「${seqText}」`);
  }
  const majorName = text('majorName', 'name', true);
  const minorName = text('minorName', 'name', true);
  const filingCondition = text('filingCondition', 'condition', true);
  const closingCondition = text('closingCondition', 'condition', true);
  const legalBasis = text('legalBasis', 'legalBasis', false);
  const collectionRequirements = text('collectionRequirements', 'collectionRequirements', false);
  const supervisingUnitKind = unitKind('supervisingUnitKind');
  const responsibleUnitKind = unitKind('responsibleUnitKind');

  const limit = parseTimeLimit(cell('timeLimit'));
  if (cell('timeLimit') === '') {
    fail('timeLimit', 'EMPTY_VALUE', '「处置时限」不得为空');
  } else if (!limit.ok) {
    fail('timeLimit', 'INVALID_TIME_LIMIT', limit.reason);
  } else if (limit.alias !== null) {
    warnings.push({
      row,
      column: headerOf('timeLimit'),
      code: 'TIME_LIMIT_ALIAS',
      message: `「${cell('timeLimit')}」按「${TIME_UNIT_WORDS[limit.value.unit]}」理解，建议改写为「${formatTimeLimit(limit.value)}」`,
    });
  }

  if (kind === null || majorCode === null || minorCode === null || !(seq >= 1 && seq <= MAX_SEQ)) {
    return null;
  }
  const id = standardId(kind, majorCode, minorCode, seq);
  const givenId = cell('standardId');
  if (givenId !== '' && givenId !== id) {
    fail(
      'standardId',
      'STANDARD_ID_MISMATCH',
      `标准编号「${givenId}」与类型、代码和序号不符，应为${id}（可留空）`,
    );
  }
  return {
    row,
    complete: errors.length === before,
    kind,
    major: { kind, code: majorCode, name: majorName },
    minor: {
      kind,
      majorCode,
      code: minorCode,
      name: minorName,
      legalBasis,
      collectionRequirements,
      supervisingUnitKind,
      responsibleUnitKind,
    },
    standard: {
      id,
      kind,
      majorCode,
      minorCode,
      seq,
      filingCondition,
      // A placeholder when the limit is wrong: an error is recorded, so no table is built from this row.
      timeLimit: limit.ok ? limit.value : { amount: 1, unit: 'work_day' },
      closingCondition,
    },
  };
}
