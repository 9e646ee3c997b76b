import { KIND_LABELS, standardId } from './codes.js';
import { minorKey } from './codes.js';
import { sortTableCanonically } from './ordering.js';
import type { SheetCells } from './sheet-columns.js';
import { formatTimeLimit } from './time-limit-text.js';
import type { MajorCategory, MinorCategory, TaxonomyTable } from './types.js';
import { UNIT_KIND_LABELS } from './unit-kinds.js';

/**
 * The sheet rows for a table, one per standard row, in canonical order. Every cell is text exactly as
 * sheetRowsToTable reads it back, so export → import reproduces the table.
 */
export function tableToSheetRows(table: TaxonomyTable): SheetCells[] {
  const sorted = sortTableCanonically(table);
  const majors = new Map<string, MajorCategory>(sorted.majors.map((m) => [`${m.kind}|${m.code}`, m]));
  const minors = new Map<string, MinorCategory>(
    sorted.minors.map((m) => [minorKey(m.kind, m.majorCode, m.code), m]),
  );
  return sorted.standards.map((standard) => {
    const major = majors.get(`${standard.kind}|${standard.majorCode}`);
    const minor = minors.get(minorKey(standard.kind, standard.majorCode, standard.minorCode));
    if (major === undefined || minor === undefined) {
      throw new Error(`standard ${standard.id} has no category in the table`);
    }
    return {
      kind: KIND_LABELS[standard.kind],
      majorCode: standard.majorCode,
      majorName: major.name,
      minorCode: standard.minorCode,
      minorName: minor.name,
      seq: String(standard.seq),
      standardId: standardId(standard.kind, standard.majorCode, standard.minorCode, standard.seq),
      filingCondition: standard.filingCondition,
      timeLimit: formatTimeLimit(standard.timeLimit),
      closingCondition: standard.closingCondition,
      legalBasis: minor.legalBasis,
      collectionRequirements: minor.collectionRequirements,
      supervisingUnitKind:
        minor.supervisingUnitKind === null ? '' : UNIT_KIND_LABELS[minor.supervisingUnitKind],
      responsibleUnitKind:
        minor.responsibleUnitKind === null ? '' : UNIT_KIND_LABELS[minor.responsibleUnitKind],
    };
  });
}
