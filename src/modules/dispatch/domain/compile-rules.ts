/**
 * compileRules: checks a rule set against the unit directory and builds what resolve needs — the category
 * index, the territory index and the fallback unit (属地兜底). Pure: the same rules and units give the same set whatever their input
 * order, except that of two rules (or units) sharing an id the first is used.
 */
import { buildCategoryIndex, type CategoryIndex } from './category-index.js';
import { compileRule, type CompiledRule } from './compiled-rule.js';
import { RuleSetError, type RuleProblem } from './rule-problems.js';
import { buildTerritoryIndex, type TerritoryIndex, type TerritoryLevel } from './territory.js';
import type { ComponentRole, DispatchUnit, Rule } from './types.js';

export interface CompileOptions {
  /**
   * The unit every case can fall back to (属地兜底): the district's urban-management bureau or its command
   * centre. Must exist and be active, or compileRules throws — this is what guarantees every case a unit.
   */
  fallbackUnitCode: string;
  /** Territory means the street office (default), or the community first and then the street office. */
  territoryLevel?: TerritoryLevel;
  /** Which of a component's units the built-in owner step tries first. Default: maintainer, then owner. */
  ownerOrder?: readonly ComponentRole[];
  /** At most this many skipped rule steps are kept in a trace; the rest are counted. Default 50. */
  maxSkippedSteps?: number;
  /** Throw RuleSetError when any rule has an error, instead of leaving the rule out and reporting it. */
  strict?: boolean;
}

export interface CompiledRuleSet {
  /** Rules in the set (left-out rules are not counted). */
  readonly ruleCount: number;
  readonly enabledRuleCount: number;
  readonly problems: readonly RuleProblem[];
  readonly fallbackUnit: DispatchUnit;
  readonly territoryLevel: TerritoryLevel;
  readonly ownerOrder: readonly ComponentRole[];
  readonly maxSkippedSteps: number;
  readonly units: ReadonlyMap<string, DispatchUnit>;
  readonly rules: readonly CompiledRule[];
  readonly categoryIndex: CategoryIndex;
  readonly territoryIndex: TerritoryIndex;
}

export const DEFAULT_MAX_SKIPPED_STEPS = 50;
export const DEFAULT_OWNER_ORDER: readonly ComponentRole[] = ['maintainer', 'owner'];

function ownerOrder(order: readonly ComponentRole[] | undefined): readonly ComponentRole[] {
  const roles = [...new Set(order ?? [])].filter((r) => r === 'owner' || r === 'maintainer');
  return roles.length > 0 ? roles : DEFAULT_OWNER_ORDER;
}

export function compileRules(
  rules: readonly Rule[],
  units: readonly DispatchUnit[],
  options: CompileOptions,
): CompiledRuleSet {
  const problems: RuleProblem[] = [];

  const unitMap = new Map<string, DispatchUnit>();
  for (const unit of units) {
    if (unitMap.has(unit.code)) {
      problems.push({
        severity: 'error',
        code: 'DUPLICATE_UNIT',
        ruleId: null,
        unitCode: unit.code,
        message: `单位代码 ${unit.code} 重复；只使用第一个「${unitMap.get(unit.code)!.name}」`,
      });
      continue;
    }
    unitMap.set(unit.code, unit);
  }

  const fallbackUnit = unitMap.get(options.fallbackUnitCode);
  if (fallbackUnit === undefined || !fallbackUnit.active) {
    throw new RuleSetError([
      {
        severity: 'error',
        code: fallbackUnit === undefined ? 'FALLBACK_UNIT_UNKNOWN' : 'FALLBACK_UNIT_INACTIVE',
        ruleId: null,
        unitCode: options.fallbackUnitCode,
        message:
          fallbackUnit === undefined
            ? `兜底单位 ${options.fallbackUnitCode} 不在单位名录中`
            : `兜底单位「${fallbackUnit.name}」已停用；兜底单位必须始终可派遣`,
      },
    ]);
  }

  const compiled: CompiledRule[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (typeof rule.id === 'string' && seen.has(rule.id)) {
      problems.push({
        severity: 'error',
        code: 'DUPLICATE_RULE_ID',
        ruleId: rule.id,
        unitCode: null,
        message: `规则编号 ${rule.id} 重复；只使用第一条`,
      });
      continue;
    }
    if (typeof rule.id === 'string') seen.add(rule.id);
    const result = compileRule(rule, unitMap);
    problems.push(...result.problems);
    if (result.compiled !== null) compiled.push(result.compiled);
  }

  const territoryLevel = options.territoryLevel ?? 'street';
  const territory = buildTerritoryIndex([...unitMap.values()], territoryLevel);
  problems.push(...territory.problems);

  if (options.strict === true && problems.some((p) => p.severity === 'error')) {
    throw new RuleSetError(problems);
  }

  const maxSkippedSteps = options.maxSkippedSteps ?? DEFAULT_MAX_SKIPPED_STEPS;
  return {
    ruleCount: compiled.length,
    enabledRuleCount: compiled.filter((r) => r.enabled).length,
    problems,
    fallbackUnit,
    territoryLevel,
    ownerOrder: ownerOrder(options.ownerOrder),
    maxSkippedSteps:
      Number.isInteger(maxSkippedSteps) && maxSkippedSteps >= 0 ? maxSkippedSteps : DEFAULT_MAX_SKIPPED_STEPS,
    units: unitMap,
    rules: compiled,
    categoryIndex: buildCategoryIndex(compiled),
    territoryIndex: territory.index,
  };
}
