import { extensionCodesOutOfSequence, majorKey, minorKey } from './codes.js';
import type { ParsedRow } from './parse-row.js';
import type { RowIssue, RowIssueCode } from './row-issues.js';
import type { SheetColumnKey } from './sheet-columns.js';
import { headerOf } from './sheet-columns.js';
import type { MajorCategory, MinorCategory } from './types.js';

/**
 * The checks that need more than one row: a code keeps one name, a minor keeps one set of attributes, a
 * (type, major, minor, seq) appears once, a name is not used for two codes, and local extensions count down
 * from 99. Each problem is reported on the later row, naming the earlier one.
 */

/** Minor-level cells repeated on each row of a minor; they must agree. */
const MINOR_ATTRIBUTES = [
  'legalBasis',
  'collectionRequirements',
  'supervisingUnitKind',
  'responsibleUnitKind',
] as const;

interface FirstSeen<T> {
  row: number;
  value: T;
  complete?: boolean;
}

/** Checks that rows agree with each other: names per code, attributes per minor, unique seqs, extensions. */
export function crossCheckRows(rows: readonly ParsedRow[], errors: RowIssue[]): void {
  const majors = new Map<string, FirstSeen<MajorCategory>>();
  const majorByName = new Map<string, FirstSeen<string>>();
  const minors = new Map<string, FirstSeen<MinorCategory>>();
  const minorByName = new Map<string, FirstSeen<string>>();
  const standards = new Map<string, number>();
  const fail = (row: number, key: SheetColumnKey, code: RowIssueCode, message: string): void => {
    errors.push({ row, column: headerOf(key), code, message });
  };

  for (const { row, complete, kind, major, minor, standard } of rows) {
    const mKey = majorKey(kind, major.code);
    const firstMajor = majors.get(mKey);
    if (firstMajor === undefined) {
      majors.set(mKey, { row, value: major });
    } else if (major.name !== '' && firstMajor.value.name !== '' && firstMajor.value.name !== major.name) {
      fail(
        row,
        'majorName',
        'MAJOR_NAME_MISMATCH',
        `大类${major.code}在第${firstMajor.row}行名为「${firstMajor.value.name}」，此处为「${major.name}」`,
      );
    }
    const majorNameKey = `${kind}|${major.name}`;
    const sameName = majorByName.get(majorNameKey);
    if (major.name === '') {
      // An empty name is reported on its own row.
    } else if (sameName === undefined) {
      majorByName.set(majorNameKey, { row, value: major.code });
    } else if (sameName.value !== major.code) {
      fail(
        row,
        'majorName',
        'MAJOR_NAME_DUPLICATE',
        `大类名称「${major.name}」已在第${sameName.row}行用于大类${sameName.value}`,
      );
    }

    const nKey = minorKey(kind, major.code, minor.code);
    const firstMinor = minors.get(nKey);
    if (firstMinor === undefined) {
      minors.set(nKey, { row, value: minor, complete });
    } else {
      if (minor.name !== '' && firstMinor.value.name !== '' && firstMinor.value.name !== minor.name) {
        fail(
          row,
          'minorName',
          'MINOR_NAME_MISMATCH',
          `小类${major.code}${minor.code}在第${firstMinor.row}行名为「${firstMinor.value.name}」，此处为「${minor.name}」`,
        );
      }
      for (const attribute of complete && firstMinor.complete ? MINOR_ATTRIBUTES : []) {
        if (firstMinor.value[attribute] !== minor[attribute]) {
          fail(
            row,
            attribute,
            'MINOR_ATTRIBUTE_MISMATCH',
            `同一小类各行的「${headerOf(attribute)}」须一致，与第${firstMinor.row}行不同`,
          );
        }
      }
    }
    const minorNameKey = `${mKey}|${minor.name}`;
    const sameMinorName = minorByName.get(minorNameKey);
    if (minor.name === '') {
      // An empty name is reported on its own row.
    } else if (sameMinorName === undefined) {
      minorByName.set(minorNameKey, { row, value: minor.code });
    } else if (sameMinorName.value !== minor.code) {
      fail(
        row,
        'minorName',
        'MINOR_NAME_DUPLICATE',
        `小类名称「${minor.name}」已在第${sameMinorName.row}行用于小类${major.code}${sameMinorName.value}`,
      );
    }

    const firstStandard = standards.get(standard.id);
    if (firstStandard === undefined) {
      standards.set(standard.id, row);
    } else {
      fail(
        row,
        'seq',
        'DUPLICATE_STANDARD',
        `${standard.id}（类型、大类、小类、序号）与第${firstStandard}行重复`,
      );
    }
  }

  const kinds = new Set(rows.map((r) => r.kind));
  for (const kind of kinds) {
    const kindMajors = [...majors.values()].filter((m) => m.value.kind === kind);
    const outOfSequence = new Set(extensionCodesOutOfSequence(kindMajors.map((m) => m.value.code)));
    for (const { row, value } of kindMajors) {
      if (outOfSequence.has(value.code)) {
        fail(
          row,
          'majorCode',
          'EXTENSION_NOT_COUNTING_DOWN',
          `大类代码${value.code}属于本地扩展（80–99），扩展大类须从99起依次向下编号（99、98、97…）`,
        );
      }
    }
  }
  for (const { value: major } of majors.values()) {
    const majorMinors = [...minors.values()].filter(
      (m) => m.value.kind === major.kind && m.value.majorCode === major.code,
    );
    const outOfSequence = new Set(extensionCodesOutOfSequence(majorMinors.map((m) => m.value.code)));
    for (const { row, value } of majorMinors) {
      if (outOfSequence.has(value.code)) {
        fail(
          row,
          'minorCode',
          'EXTENSION_NOT_COUNTING_DOWN',
          `小类代码${value.code}属于本地扩展（80–99），大类${major.code}的扩展小类须从99起依次向下编号（99、98、97…）`,
        );
      }
    }
  }
}
