import type { CategoryKind, MajorCategory, MinorCategory, Standard, TaxonomyTable } from './types.js';

/**
 * Lookups the case loop needs: the category a report names, the standard rows an operator chooses from at
 * 立案, and the default row. Linear scans: a tenant's table holds a few hundred rows.
 */

export function findMajor(
  table: TaxonomyTable,
  kind: CategoryKind,
  majorCode: string,
): MajorCategory | undefined {
  return table.majors.find((m) => m.kind === kind && m.code === majorCode);
}

export function findMinor(
  table: TaxonomyTable,
  kind: CategoryKind,
  majorCode: string,
  minorCode: string,
): MinorCategory | undefined {
  return table.minors.find((m) => m.kind === kind && m.majorCode === majorCode && m.code === minorCode);
}

/** The minors of one major, by code. */
export function minorsOf(table: TaxonomyTable, kind: CategoryKind, majorCode: string): MinorCategory[] {
  return table.minors
    .filter((m) => m.kind === kind && m.majorCode === majorCode)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The standard rows of one minor, by seq: the 立案条件 an operator picks from. */
export function standardsOf(
  table: TaxonomyTable,
  kind: CategoryKind,
  majorCode: string,
  minorCode: string,
): Standard[] {
  return table.standards
    .filter((s) => s.kind === kind && s.majorCode === majorCode && s.minorCode === minorCode)
    .sort((a, b) => a.seq - b.seq);
}

export function findStandard(table: TaxonomyTable, id: string): Standard | undefined {
  return table.standards.find((s) => s.id === id);
}

/**
 * The row a case gets when the reporter chose only the minor category (a citizen report, a camera event): the
 * lowest seq. Tables list the commonest condition of a minor first, so row 1 is the sensible default; an
 * operator changes it at 立案 when another row fits better.
 */
export function defaultStandard(
  table: TaxonomyTable,
  kind: CategoryKind,
  majorCode: string,
  minorCode: string,
): Standard | undefined {
  return standardsOf(table, kind, majorCode, minorCode)[0];
}
