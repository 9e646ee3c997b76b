import {
  KIND_LABELS,
  extensionCodesOutOfSequence,
  isCategoryCode,
  isStandardSeq,
  majorKey,
  minorKey,
  standardId,
} from './codes.js';
import { textProblem } from './text-rules.js';
import { timeLimitProblem } from './time-limit-text.js';
import type { CategoryKind, TaxonomyTable } from './types.js';
import { CATEGORY_KINDS } from './types.js';
import { isUnitKind } from './unit-kinds.js';

/** A problem in a table held as data (the shipped dataset, a stored version), located by a JSON path. */
export interface TableIssue {
  path: string;
  code: string;
  message: string;
}

function isKind(value: CategoryKind): boolean {
  return (CATEGORY_KINDS as readonly string[]).includes(value);
}

/**
 * Checks a whole table: codes, names, uniqueness, the local-extension count-down, standard ids, texts and time
 * limits, and that every major has a minor and every minor a standard. Returns every problem found.
 */
export function validateTaxonomyTable(table: TaxonomyTable): TableIssue[] {
  const issues: TableIssue[] = [];
  const add = (path: string, code: string, message: string): void => {
    issues.push({ path, code, message });
  };

  const majors = new Map<string, string>();
  const majorNames = new Set<string>();
  table.majors.forEach((major, i) => {
    const path = `majors[${i}]`;
    if (!isKind(major.kind)) {
      add(`${path}.kind`, 'UNKNOWN_KIND', `未知的类型「${String(major.kind)}」`);
    }
    if (!isCategoryCode(major.code)) {
      add(`${path}.code`, 'INVALID_MAJOR_CODE', `大类代码「${major.code}」应为01–99`);
    }
    const nameProblem = textProblem(major.name, 'name', true);
    if (nameProblem !== null) add(`${path}.name`, 'INVALID_TEXT', `大类名称${nameProblem}`);
    const key = majorKey(major.kind, major.code);
    if (majors.has(key)) add(path, 'DUPLICATE_MAJOR', `大类${key}重复`);
    majors.set(key, major.name);
    const nameKey = `${major.kind}|${major.name}`;
    if (majorNames.has(nameKey)) add(`${path}.name`, 'MAJOR_NAME_DUPLICATE', `大类名称「${major.name}」重复`);
    majorNames.add(nameKey);
  });
  for (const kind of CATEGORY_KINDS) {
    const codes = table.majors.filter((m) => m.kind === kind).map((m) => m.code);
    for (const code of extensionCodesOutOfSequence(codes)) {
      add('majors', 'EXTENSION_NOT_COUNTING_DOWN', `${KIND_LABELS[kind]}扩展大类${code}未从99起依次向下编号`);
    }
  }

  const minors = new Set<string>();
  const minorNames = new Set<string>();
  const minorsWithStandards = new Set<string>();
  const majorsWithMinors = new Set<string>();
  table.minors.forEach((minor, i) => {
    const path = `minors[${i}]`;
    const key = minorKey(minor.kind, minor.majorCode, minor.code);
    if (!isKind(minor.kind)) {
      add(`${path}.kind`, 'UNKNOWN_KIND', `未知的类型「${String(minor.kind)}」`);
    }
    if (!isCategoryCode(minor.code)) {
      add(`${path}.code`, 'INVALID_MINOR_CODE', `小类代码「${minor.code}」应为01–99`);
    }
    if (!majors.has(majorKey(minor.kind, minor.majorCode))) {
      add(`${path}.majorCode`, 'UNKNOWN_MAJOR', `小类${key}所属大类不存在`);
    }
    majorsWithMinors.add(majorKey(minor.kind, minor.majorCode));
    if (minors.has(key)) add(path, 'DUPLICATE_MINOR', `小类${key}重复`);
    minors.add(key);
    const nameKey = `${majorKey(minor.kind, minor.majorCode)}|${minor.name}`;
    if (minorNames.has(nameKey)) {
      add(`${path}.name`, 'MINOR_NAME_DUPLICATE', `同一大类下小类名称「${minor.name}」重复`);
    }
    minorNames.add(nameKey);
    const texts = [
      ['name', textProblem(minor.name, 'name', true)],
      ['legalBasis', textProblem(minor.legalBasis, 'legalBasis', false)],
      ['collectionRequirements', textProblem(minor.collectionRequirements, 'collectionRequirements', false)],
    ] as const;
    for (const [field, problem] of texts) {
      if (problem !== null) add(`${path}.${field}`, 'INVALID_TEXT', `${key} ${field}${problem}`);
    }
    for (const field of ['supervisingUnitKind', 'responsibleUnitKind'] as const) {
      const value = minor[field];
      if (value !== null && !isUnitKind(value)) {
        add(`${path}.${field}`, 'UNKNOWN_UNIT_KIND', `${key} 未知的单位类别「${String(value)}」`);
      }
    }
  });
  for (const major of table.majors) {
    const key = majorKey(major.kind, major.code);
    if (!majorsWithMinors.has(key)) add('majors', 'EMPTY_MAJOR', `大类${key}（${major.name}）没有小类`);
    const codes = table.minors
      .filter((m) => m.kind === major.kind && m.majorCode === major.code)
      .map((m) => m.code);
    for (const code of extensionCodesOutOfSequence(codes)) {
      add('minors', 'EXTENSION_NOT_COUNTING_DOWN', `大类${key}的扩展小类${code}未从99起依次向下编号`);
    }
  }

  const ids = new Set<string>();
  table.standards.forEach((standard, i) => {
    const path = `standards[${i}]`;
    const key = minorKey(standard.kind, standard.majorCode, standard.minorCode);
    if (!minors.has(key)) add(path, 'UNKNOWN_MINOR', `标准${standard.id}所属小类${key}不存在`);
    minorsWithStandards.add(key);
    if (!isStandardSeq(standard.seq)) {
      add(`${path}.seq`, 'INVALID_SEQ', `标准序号「${standard.seq}」应为1–99的整数`);
    }
    const expectedId = standardId(standard.kind, standard.majorCode, standard.minorCode, standard.seq);
    if (standard.id !== expectedId) add(`${path}.id`, 'STANDARD_ID_MISMATCH', `标准编号应为${expectedId}`);
    if (ids.has(standard.id)) add(`${path}.id`, 'DUPLICATE_STANDARD', `标准编号${standard.id}重复`);
    ids.add(standard.id);
    const texts = [
      ['filingCondition', '立案条件', textProblem(standard.filingCondition, 'condition', true)],
      ['closingCondition', '结案条件', textProblem(standard.closingCondition, 'condition', true)],
    ] as const;
    for (const [field, label, problem] of texts) {
      if (problem !== null) add(`${path}.${field}`, 'INVALID_TEXT', `${standard.id} ${label}${problem}`);
    }
    const limitProblem = timeLimitProblem(standard.timeLimit);
    if (limitProblem !== null) {
      add(`${path}.timeLimit`, 'INVALID_TIME_LIMIT', `${standard.id} ${limitProblem}`);
    }
  });
  for (const minor of table.minors) {
    const key = minorKey(minor.kind, minor.majorCode, minor.code);
    if (!minorsWithStandards.has(key)) {
      add('minors', 'MINOR_WITHOUT_STANDARD', `小类${key}（${minor.name}）没有立结案标准`);
    }
  }
  return issues;
}
