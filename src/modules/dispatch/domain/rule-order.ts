/**
 * The order in which matching rules are tried, and — for a rule that matched but lost — the criterion it lost
 * on. The order is total and static, so the index sorts each category's candidate list once at compile time:
 *
 *   1. priority, higher first;
 *   2. category specificity: standard > minor > major > type > any;
 *   3. area specificity: grid > community > street > polygon > district > anywhere; polygons by area, smaller
 *      first (a polygon also narrows a region-code rule: street + polygon beats street alone);
 *   4. principle (条块结合): for a 部件, owner/maintainer targets > fixed line units > territory (先属主后属地);
 *      for an 事件, territory > fixed line units > owner/maintainer (先属地后属主). A rule opts out by priority;
 *   5. rule id, ordinal string order (not locale), so the outcome never depends on input order.
 */
import { AREA_RANK, CATEGORY_RANK, type CompiledRule } from './compiled-rule.js';
import type { CategoryType, PrecedenceReason, TargetClass } from './types.js';

const PRINCIPLE_RANK: Readonly<Record<CategoryType, Readonly<Record<TargetClass, number>>>> = {
  component: { owner: 0, line: 1, territory: 2 },
  event: { territory: 0, line: 1, owner: 2 },
};

export function principleRank(rule: CompiledRule, type: CategoryType): number {
  return PRINCIPLE_RANK[type][rule.targetClass];
}

/** Negative when `a` is tried before `b` for a case of this type. Never 0 for distinct ids. */
export function compareRules(a: CompiledRule, b: CompiledRule, type: CategoryType): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.categoryRank !== b.categoryRank) return b.categoryRank - a.categoryRank;
  if (a.areaRank !== b.areaRank) return a.areaRank - b.areaRank;
  if (a.areaM2 !== b.areaM2) return a.areaM2 < b.areaM2 ? -1 : 1;
  const principle = principleRank(a, type) - principleRank(b, type);
  if (principle !== 0) return principle;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first criterion on which `loser` comes after `winner` (both matched; `winner` was chosen). */
export function lostOn(loser: CompiledRule, winner: CompiledRule, type: CategoryType): PrecedenceReason {
  if (loser.priority !== winner.priority) return 'LOWER_PRIORITY';
  if (loser.categoryRank !== winner.categoryRank) return 'LESS_SPECIFIC_CATEGORY';
  if (loser.areaRank !== winner.areaRank || loser.areaM2 !== winner.areaM2) return 'LARGER_AREA';
  if (principleRank(loser, type) !== principleRank(winner, type)) return 'PRINCIPLE_ORDER';
  return 'HIGHER_RULE_ID';
}

export const CATEGORY_RANK_LABELS: Readonly<Record<number, string>> = {
  [CATEGORY_RANK.none]: '不限类别',
  [CATEGORY_RANK.type]: '部件/事件',
  [CATEGORY_RANK.major]: '大类',
  [CATEGORY_RANK.minor]: '小类',
  [CATEGORY_RANK.standard]: '立案标准',
};

export const AREA_RANK_LABELS: Readonly<Record<number, string>> = {
  [AREA_RANK.grid]: '网格',
  [AREA_RANK.community]: '社区',
  [AREA_RANK.street]: '街道',
  [AREA_RANK.polygon]: '地图划定区域',
  [AREA_RANK.district]: '区',
  [AREA_RANK.none]: '不限区域',
};

export const TARGET_CLASS_LABELS: Readonly<Record<TargetClass, string>> = {
  owner: '属主（部件权属/养护单位）',
  line: '专业部门',
  territory: '属地单位',
};
