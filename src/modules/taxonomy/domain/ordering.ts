import type {
  CategoryKind,
  CategoryOrder,
  MajorCategory,
  MinorCategory,
  Standard,
  TaxonomyTable,
} from './types.js';
import { CATEGORY_KINDS } from './types.js';

/**
 * Two orders: the canonical one (kind, then codes ascending) that stored tables and sheets use so that equal
 * tables compare equal, and a tenant's display order, because cities number and list the event majors
 * differently (运城 puts 街面秩序 before 突发事件; the CJ/T 214-style list the other way round).
 */

const kindRank = (kind: CategoryKind): number => CATEGORY_KINDS.indexOf(kind);

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Majors, minors and standards sorted by kind (部件 first), major, minor, then standard seq. */
export function sortTableCanonically(table: TaxonomyTable): TaxonomyTable {
  const majors = [...table.majors].sort(
    (a, b) => kindRank(a.kind) - kindRank(b.kind) || compareCodes(a.code, b.code),
  );
  const minors = [...table.minors].sort(
    (a, b) =>
      kindRank(a.kind) - kindRank(b.kind) ||
      compareCodes(a.majorCode, b.majorCode) ||
      compareCodes(a.code, b.code),
  );
  const standards = [...table.standards].sort(
    (a, b) =>
      kindRank(a.kind) - kindRank(b.kind) ||
      compareCodes(a.majorCode, b.majorCode) ||
      compareCodes(a.minorCode, b.minorCode) ||
      a.seq - b.seq,
  );
  return { majors, minors, standards };
}

export interface CategoryOrderIssue {
  kind: CategoryKind;
  code: string;
  problem: 'unknown_major' | 'duplicate';
}

/** Codes in a tenant's order that name no major of the table, or appear twice. */
export function checkCategoryOrder(
  order: CategoryOrder,
  majors: readonly MajorCategory[],
): CategoryOrderIssue[] {
  const issues: CategoryOrderIssue[] = [];
  for (const kind of CATEGORY_KINDS) {
    const seen = new Set<string>();
    for (const code of order[kind]) {
      if (seen.has(code)) {
        issues.push({ kind, code, problem: 'duplicate' });
      } else if (!majors.some((m) => m.kind === kind && m.code === code)) {
        issues.push({ kind, code, problem: 'unknown_major' });
      }
      seen.add(code);
    }
  }
  return issues;
}

/** The rank of every major under a tenant's order: listed codes first, in list order; the rest by code. */
function majorRanks(
  order: CategoryOrder,
  majors: readonly { kind: CategoryKind; code: string }[],
): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const kind of CATEGORY_KINDS) {
    const listed = [...new Set(order[kind])];
    const rest = [...new Set(majors.filter((m) => m.kind === kind).map((m) => m.code))]
      .filter((code) => !listed.includes(code))
      .sort(compareCodes);
    [...listed, ...rest].forEach((code, index) =>
      ranks.set(`${kind}|${code}`, kindRank(kind) * 1000 + index),
    );
  }
  return ranks;
}

function rankOf(ranks: Map<string, number>, kind: CategoryKind, code: string): number {
  return ranks.get(`${kind}|${code}`) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The majors in a tenant's display order: 部件 before 事件; within a kind the codes the tenant listed, in its
 * order, then any unlisted majors by code (so a new major never disappears from a menu). Unknown and repeated
 * codes in the order are ignored (checkCategoryOrder reports them).
 */
export function orderMajors(majors: readonly MajorCategory[], order: CategoryOrder): MajorCategory[] {
  const ranks = majorRanks(order, majors);
  return [...majors].sort((a, b) => rankOf(ranks, a.kind, a.code) - rankOf(ranks, b.kind, b.code));
}

/** Minors grouped under their majors in the tenant's order, by code within a major. */
export function orderMinors(minors: readonly MinorCategory[], order: CategoryOrder): MinorCategory[] {
  const ranks = majorRanks(
    order,
    minors.map((m) => ({ kind: m.kind, code: m.majorCode })),
  );
  return [...minors].sort(
    (a, b) =>
      rankOf(ranks, a.kind, a.majorCode) - rankOf(ranks, b.kind, b.majorCode) || compareCodes(a.code, b.code),
  );
}

/** The whole table in a tenant's display order (standards follow their minors, by seq). */
export function applyCategoryOrder(table: TaxonomyTable, order: CategoryOrder): TaxonomyTable {
  const ranks = majorRanks(order, table.majors);
  const standards = [...table.standards].sort(
    (a: Standard, b: Standard) =>
      rankOf(ranks, a.kind, a.majorCode) - rankOf(ranks, b.kind, b.majorCode) ||
      compareCodes(a.minorCode, b.minorCode) ||
      a.seq - b.seq,
  );
  return { majors: orderMajors(table.majors, order), minors: orderMinors(table.minors, order), standards };
}

/** The order a tenant gets before it chooses one: every major by code. */
export function codeOrder(majors: readonly MajorCategory[]): CategoryOrder {
  const codes = (kind: CategoryKind): string[] =>
    majors
      .filter((m) => m.kind === kind)
      .map((m) => m.code)
      .sort(compareCodes);
  return { component: codes('component'), event: codes('event') };
}
