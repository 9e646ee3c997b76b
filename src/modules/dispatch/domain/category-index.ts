/**
 * Rules indexed by category so that resolving a case looks at its own category's rules only, never the whole
 * set. Rules sit in one of four buckets by how much of the category they pin — any category, a type, a major,
 * a minor (standard-level rules sit with their minor) — and every list a case can need is merged from its
 * buckets and sorted by precedence once, at compile time: a case's candidates are one Map lookup per level.
 */
import type { CompiledRule } from './compiled-rule.js';
import { compareRules } from './rule-order.js';
import type { CaseFacts, CategoryType } from './types.js';
import { CATEGORY_TYPES } from './types.js';

interface MajorNode {
  /** Rules for a case of this major whose minor has no rules of its own. */
  readonly list: readonly CompiledRule[];
  readonly minors: ReadonlyMap<string, readonly CompiledRule[]>;
}

interface TypeNode {
  /** Rules for a case of this type whose major has no rules of its own. */
  readonly list: readonly CompiledRule[];
  readonly majors: ReadonlyMap<string, MajorNode>;
}

export type CategoryIndex = Readonly<Record<CategoryType, TypeNode>>;

function sorted(rules: readonly CompiledRule[], type: CategoryType): CompiledRule[] {
  return [...rules].sort((a, b) => compareRules(a, b, type));
}

export function buildCategoryIndex(rules: readonly CompiledRule[]): CategoryIndex {
  const anyCategory = rules.filter((r) => r.categoryType === null);
  const build = (type: CategoryType): TypeNode => {
    const ofType = rules.filter((r) => r.categoryType === type);
    const typeWide = [...anyCategory, ...ofType.filter((r) => r.majorCode === null)];
    const majorCodes = new Set(ofType.flatMap((r) => (r.majorCode === null ? [] : [r.majorCode])));
    const majors = new Map<string, MajorNode>();
    for (const major of majorCodes) {
      const ofMajor = ofType.filter((r) => r.majorCode === major);
      const majorWide = [...typeWide, ...ofMajor.filter((r) => r.minorCode === null)];
      const minors = new Map<string, readonly CompiledRule[]>();
      const minorCodes = new Set(ofMajor.flatMap((r) => (r.minorCode === null ? [] : [r.minorCode])));
      for (const minor of minorCodes) {
        minors.set(minor, sorted([...majorWide, ...ofMajor.filter((r) => r.minorCode === minor)], type));
      }
      majors.set(major, { list: sorted(majorWide, type), minors });
    }
    return { list: sorted(typeWide, type), majors };
  };
  const index = {} as Record<CategoryType, TypeNode>;
  for (const type of CATEGORY_TYPES) index[type] = build(type);
  return index;
}

const NONE: readonly CompiledRule[] = [];

/** The rules that can apply to a case of this category, in the order they are tried. */
export function candidatesFor(index: CategoryIndex, facts: CaseFacts): readonly CompiledRule[] {
  // The own-property check keeps an unexpected type from untyped input (e.g. 'constructor') out of the index.
  if (!Object.hasOwn(index, facts.categoryType)) return NONE;
  const typeNode = index[facts.categoryType];
  const majorNode = typeNode.majors.get(facts.majorCode);
  if (majorNode === undefined) return typeNode.list;
  return majorNode.minors.get(facts.minorCode) ?? majorNode.list;
}
