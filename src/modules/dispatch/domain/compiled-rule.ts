/**
 * A rule checked once and prepared for fast matching: region codes in sets per level, the polygon flattened
 * with its bounding box and area, the fixed target unit looked up, its precedence keys and the label used in
 * every trace message. Built by compileRule; used by the index and resolve.
 */
import type { CompiledArea } from './rule-area.js';
import { compileArea } from './rule-area.js';
import type { RuleProblem } from './rule-problems.js';
import type { RegionLevel } from './region-levels.js';
import { REGION_LEVELS_FINE_TO_COARSE, regionLevelOfCode } from './region-levels.js';
import type { CategoryType, ComponentRole, DispatchUnit, Rule, TargetClass } from './types.js';
import { CATEGORY_TYPES } from './types.js';

/** How specific a rule's category condition is: the more digits it pins, the higher. */
export const CATEGORY_RANK = { none: 0, type: 1, major: 2, minor: 3, standard: 4 } as const;

/**
 * How specific a rule's area is, lower = smaller. Codes nest (grid ⊂ community ⊂ street ⊂ district); a polygon
 * drawn for a rule lies within the district, but how it relates to a street is unknown without street
 * geometry, so it ranks after the named administrative levels below the district, and polygons rank among
 * themselves by area.
 */
export const AREA_RANK = { grid: 0, community: 1, street: 2, polygon: 3, district: 4, none: 5 } as const;

export type CompiledTarget =
  | { kind: 'unit'; unitCode: string; unit: DispatchUnit | null }
  | { kind: 'owner' | 'maintainer' | 'territory' };

export interface RegionCondition {
  readonly level: RegionLevel;
  readonly codes: ReadonlySet<string>;
}

export interface CompiledRule {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  readonly enabled: boolean;
  readonly categoryType: CategoryType | null;
  readonly majorCode: string | null;
  readonly minorCode: string | null;
  readonly standardId: string | null;
  readonly categoryRank: number;
  /** Region conditions by level, finest first; empty when the rule has no region codes. */
  readonly regions: readonly RegionCondition[];
  readonly area: CompiledArea | null;
  readonly areaRank: number;
  /** The polygon's area in m², Infinity without a polygon (a polygon narrows any area). */
  readonly areaM2: number;
  /** Component condition: the role whose unit must be known, and optionally which units qualify. */
  readonly componentRole: ComponentRole | null;
  readonly componentUnitCodes: ReadonlySet<string> | null;
  readonly target: CompiledTarget;
  readonly targetClass: TargetClass;
  /** `规则「name」（id）`, computed once because every trace step about this rule starts with it. */
  readonly label: string;
  /** Chinese description of the area, e.g. `街道 330102001`, for OUTSIDE_AREA / NOT_LOCATED messages. */
  readonly areaText: string;
}

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

const TERRITORIAL_KINDS: ReadonlySet<string> = new Set(['street_office', 'community']);

/**
 * Whether a unit is territorial (属地): a street office or community, or a unit directly under one — a street's
 * own 综合行政执法队 or a contractor the street hired answers to the street, not to a line department.
 */
export function isTerritorialUnit(unit: DispatchUnit, units: ReadonlyMap<string, DispatchUnit>): boolean {
  if (TERRITORIAL_KINDS.has(unit.kind)) return true;
  const parent = unit.parentCode === null ? undefined : units.get(unit.parentCode);
  return parent !== undefined && TERRITORIAL_KINDS.has(parent.kind);
}

/** 属主 (owner / maintainer), 属地 (territory, or a fixed territorial unit) or 条 (any other fixed unit). */
function classifyTarget(target: CompiledTarget, units: ReadonlyMap<string, DispatchUnit>): TargetClass {
  switch (target.kind) {
    case 'owner':
    case 'maintainer':
      return 'owner';
    case 'territory':
      return 'territory';
    case 'unit':
      return target.unit !== null && isTerritorialUnit(target.unit, units) ? 'territory' : 'line';
  }
}

function describeRegions(regions: readonly RegionCondition[]): string {
  const labels: Record<RegionLevel, string> = {
    grid: '网格',
    community: '社区',
    street: '街道',
    district: '区',
  };
  const parts = regions.map((r) => {
    const codes = [...r.codes];
    const shown = codes.slice(0, 3).join('、');
    return `${labels[r.level]} ${shown}${codes.length > 3 ? ` 等 ${codes.length} 处` : ''}`;
  });
  return parts.join('、');
}

type Report = (
  severity: RuleProblem['severity'],
  code: RuleProblem['code'],
  message: string,
  unitCode?: string,
) => void;

function categoryRankOf(match: Rule['match'], id: string, report: Report): number {
  const { categoryType, majorCode, minorCode, standardId } = match;
  if (categoryType !== undefined && !CATEGORY_TYPES.includes(categoryType)) {
    report('error', 'INVALID_CATEGORY', `规则 ${id} 的类别类型须为 component（部件）或 event（事件）`);
  }
  for (const [field, value] of [
    ['majorCode', majorCode],
    ['minorCode', minorCode],
    ['standardId', standardId],
  ] as const) {
    if (value !== undefined && !nonEmptyString(value)) {
      report('error', 'INVALID_CATEGORY', `规则 ${id} 的 ${field} 为空`);
    }
  }
  // Each level needs the one above it: a 小类 code only means something inside its 大类.
  if (majorCode !== undefined && categoryType === undefined) {
    report('error', 'INVALID_CATEGORY', `规则 ${id} 指定了大类却没有指定部件或事件`);
  }
  if (minorCode !== undefined && majorCode === undefined) {
    report('error', 'INVALID_CATEGORY', `规则 ${id} 指定了小类却没有指定大类`);
  }
  if (standardId !== undefined && minorCode === undefined) {
    report('error', 'INVALID_CATEGORY', `规则 ${id} 指定了立案标准却没有指定小类`);
  }
  if (standardId !== undefined) return CATEGORY_RANK.standard;
  if (minorCode !== undefined) return CATEGORY_RANK.minor;
  if (majorCode !== undefined) return CATEGORY_RANK.major;
  return categoryType !== undefined ? CATEGORY_RANK.type : CATEGORY_RANK.none;
}

/** Region codes grouped by the level their length names, finest level first. */
function regionConditions(match: Rule['match'], id: string, report: Report): RegionCondition[] {
  const regionCodes: unknown = match.regionCodes;
  if (regionCodes === undefined) return [];
  if (!isList(regionCodes) || regionCodes.length === 0) {
    report('error', 'INVALID_REGION_CODE', `规则 ${id} 的区划列表为空（不限区域时请省略该条件）`);
    return [];
  }
  const byLevel = new Map<RegionLevel, Set<string>>();
  for (const code of regionCodes) {
    const level = typeof code === 'string' ? regionLevelOfCode(code) : null;
    if (typeof code !== 'string' || level === null) {
      report(
        'error',
        'INVALID_REGION_CODE',
        `规则 ${id} 的区划代码 ${String(code)} 不是 6、9、12、14 或 15 位数字`,
      );
      continue;
    }
    const set = byLevel.get(level) ?? new Set<string>();
    set.add(code);
    byLevel.set(level, set);
  }
  if (byLevel.size > 1) {
    report(
      'warning',
      'MIXED_REGION_LEVELS',
      `规则 ${id} 混用了不同级别的区划代码；排序时按其中最大的一级计算适用范围`,
    );
  }
  return REGION_LEVELS_FINE_TO_COARSE.flatMap((level) => {
    const codes = byLevel.get(level);
    return codes === undefined ? [] : [{ level, codes }];
  });
}

function polygonCondition(match: Rule['match'], id: string, report: Report): CompiledArea | null {
  if (match.polygon === undefined) return null;
  const compiled =
    typeof match.polygon === 'object' && match.polygon !== null
      ? compileArea(match.polygon)
      : { error: '区域须为 GeoJSON 对象' };
  if (!('error' in compiled)) return compiled;
  report('error', 'INVALID_POLYGON', `规则 ${id} 的区域无效：${compiled.error}`);
  return null;
}

function componentCondition(
  match: Rule['match'],
  id: string,
  units: ReadonlyMap<string, DispatchUnit>,
  report: Report,
): { role: ComponentRole | null; unitCodes: ReadonlySet<string> | null } {
  const role = match.componentOwner;
  if (role !== undefined && role !== 'owner' && role !== 'maintainer') {
    report('error', 'INVALID_RULE', `规则 ${id} 的部件单位条件须为 owner（权属）或 maintainer（养护）`);
  }
  const listed: unknown = match.componentUnitCodes;
  if (listed === undefined) return { role: role ?? null, unitCodes: null };
  if (!isList(listed) || listed.length === 0 || !listed.every(nonEmptyString)) {
    report('error', 'INVALID_RULE', `规则 ${id} 的部件单位列表须为非空的单位代码列表`);
    return { role: role ?? null, unitCodes: null };
  }
  const unitCodes = new Set(listed);
  for (const code of unitCodes) {
    // Only a warning: census records may name units the directory does not hold (yet).
    if (!units.has(code)) {
      report('warning', 'UNIT_UNKNOWN', `规则 ${id} 的部件单位条件中 ${code} 不在单位名录中`, code);
    }
  }
  return { role: role ?? 'owner', unitCodes };
}

/** A fixed unit or a principle, not both. */
function compileTarget(
  rule: Rule,
  id: string,
  units: ReadonlyMap<string, DispatchUnit>,
  report: Report,
): CompiledTarget | null {
  const raw = rule.target as Partial<{ unitCode: unknown; principle: unknown }> | null | undefined;
  if (typeof raw !== 'object' || raw === null) {
    report('error', 'INVALID_TARGET', `规则 ${id} 缺少派遣目标`);
    return null;
  }
  if ('unitCode' in raw && 'principle' in raw) {
    report('error', 'INVALID_TARGET', `规则 ${id} 只能指定处置单位或派遣原则之一`);
    return null;
  }
  if ('unitCode' in raw) {
    if (!nonEmptyString(raw.unitCode)) {
      report('error', 'INVALID_TARGET', `规则 ${id} 的处置单位代码为空`);
      return null;
    }
    const unit = units.get(raw.unitCode) ?? null;
    if (unit === null) {
      report('error', 'UNIT_UNKNOWN', `规则 ${id} 的处置单位 ${raw.unitCode} 不在单位名录中`, raw.unitCode);
    } else if (!unit.active) {
      report(
        'warning',
        'UNIT_INACTIVE',
        `规则 ${id} 的处置单位「${unit.name}」已停用，该规则将被跳过`,
        unit.code,
      );
    }
    return { kind: 'unit', unitCode: raw.unitCode, unit };
  }
  if (raw.principle === 'owner' || raw.principle === 'maintainer' || raw.principle === 'territory') {
    return { kind: raw.principle };
  }
  report('error', 'INVALID_TARGET', `规则 ${id} 的派遣原则须为 owner、maintainer 或 territory`);
  return null;
}

/**
 * Checks one rule and prepares it. Returns the compiled rule (null when an error makes it unusable) and the
 * problems found. An unknown target unit is an error but keeps the rule, so the trace can say why it was skipped.
 */
export function compileRule(
  rule: Rule,
  units: ReadonlyMap<string, DispatchUnit>,
): { compiled: CompiledRule | null; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const id = nonEmptyString(rule.id) ? rule.id : '';
  const report: Report = (severity, code, message, unitCode) =>
    problems.push({ severity, code, ruleId: id || null, unitCode: unitCode ?? null, message });

  if (!id) report('error', 'INVALID_RULE', '规则缺少编号');
  if (!nonEmptyString(rule.name)) report('error', 'INVALID_RULE', `规则 ${id} 缺少名称`);
  if (typeof rule.priority !== 'number' || !Number.isFinite(rule.priority)) {
    report('error', 'INVALID_RULE', `规则 ${id} 的优先级须为有限数字`);
  }
  if (typeof rule.enabled !== 'boolean') {
    report('error', 'INVALID_RULE', `规则 ${id} 的启用状态须为 true 或 false`);
  }
  // Rules arrive as stored JSON: the type says every field is right, the checks make sure.
  const match: Rule['match'] = typeof rule.match === 'object' && rule.match !== null ? rule.match : {};
  if (match !== rule.match) report('error', 'INVALID_RULE', `规则 ${id} 缺少匹配条件`);

  const categoryRank = categoryRankOf(match, id, report);
  const regions = regionConditions(match, id, report);
  const area = polygonCondition(match, id, report);
  const component = componentCondition(match, id, units, report);
  const target = compileTarget(rule, id, units, report);

  const usable = problems.every((p) => p.severity === 'warning' || p.code === 'UNIT_UNKNOWN');
  if (!usable || target === null) return { compiled: null, problems };

  // The coarsest level among the codes: a conservative, static rank (see AREA_RANK).
  const coarsest = regions.at(-1)?.level;
  const regionRank = coarsest === undefined ? AREA_RANK.none : AREA_RANK[coarsest];
  const areaText = [describeRegions(regions), area === null ? '' : '地图划定区域'].filter((p) => p !== '');
  const compiled: CompiledRule = {
    id,
    name: rule.name,
    priority: rule.priority,
    enabled: rule.enabled,
    categoryType: match.categoryType ?? null,
    majorCode: match.majorCode ?? null,
    minorCode: match.minorCode ?? null,
    standardId: match.standardId ?? null,
    categoryRank,
    regions,
    area,
    areaRank: Math.min(regionRank, area === null ? AREA_RANK.none : AREA_RANK.polygon),
    areaM2: area === null ? Infinity : area.areaM2,
    componentRole: component.role,
    componentUnitCodes: component.unitCodes,
    target,
    targetClass: classifyTarget(target, units),
    label: `规则「${rule.name}」（${id}）`,
    areaText: areaText.join('内的'),
  };
  return { compiled, problems };
}
