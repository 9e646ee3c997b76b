/**
 * resolve: the one unit a case goes to, and the trace of why. The ladder (docs/dispatch.md):
 *
 *   1. explicit rules of the case's category, in precedence order (rule-order.ts); the first whose conditions
 *      hold and whose target is an active unit wins;
 *   2. 部件 only — 先属主: the component's maintainer, then its owner (configurable), when known and active;
 *   3. 属地: the territorial street office (or community) covering the case — for an 事件 this is 先属地, for a
 *      部件 后属地;
 *   4. 属地兜底: the district's fallback unit, always active (compileRules guarantees it).
 *
 * An 事件's 后属主 (the line department) is expressed by rules: a line-department rule wins when no
 * territorial rule competes, and loses to an equally specific territorial rule unless it has higher priority.
 * Pure and allocation-light: the hot path builds the trace and nothing else.
 */
import type { CompiledRule } from './compiled-rule.js';
import { candidatesFor } from './category-index.js';
import type { CompiledRuleSet } from './compile-rules.js';
import { ruleMismatch } from './match-rule.js';
import { lostOn } from './rule-order.js';
import { findTerritory } from './territory.js';
import {
  lostMessage,
  mismatchMessage,
  ROLE_LABELS,
  ruleChosenMessage,
  targetFailureMessage,
  unitText,
} from './trace-messages.js';
import type {
  CaseFacts,
  DispatchUnit,
  Resolution,
  ResolvedVia,
  TargetFailureReason,
  TraceStep,
} from './types.js';
import { BUILTIN_FALLBACK, BUILTIN_OWNER, BUILTIN_TERRITORY } from './types.js';

type TargetOutcome =
  | { ok: true; unit: DispatchUnit; via: ResolvedVia }
  | { ok: false; reason: TargetFailureReason; unit: DispatchUnit | null; unitCode: string | null };

function unitOutcome(
  set: CompiledRuleSet,
  code: string | null | undefined,
  via: ResolvedVia,
  missing: TargetFailureReason,
): TargetOutcome {
  if (code == null || code === '') return { ok: false, reason: missing, unit: null, unitCode: null };
  const unit = set.units.get(code);
  if (unit === undefined) return { ok: false, reason: 'UNIT_UNKNOWN', unit: null, unitCode: code };
  if (!unit.active) return { ok: false, reason: 'UNIT_INACTIVE', unit, unitCode: code };
  return { ok: true, unit, via };
}

function ruleTarget(set: CompiledRuleSet, rule: CompiledRule, facts: CaseFacts): TargetOutcome {
  const target = rule.target;
  switch (target.kind) {
    case 'unit': {
      const unit = target.unit;
      if (unit === null) return { ok: false, reason: 'UNIT_UNKNOWN', unit: null, unitCode: target.unitCode };
      if (!unit.active) return { ok: false, reason: 'UNIT_INACTIVE', unit, unitCode: unit.code };
      return { ok: true, unit, via: 'unit' };
    }
    case 'owner':
    case 'maintainer': {
      const component = facts.component;
      if (component == null) return { ok: false, reason: 'NO_COMPONENT', unit: null, unitCode: null };
      const code = target.kind === 'owner' ? component.ownerUnitCode : component.maintainerUnitCode;
      return unitOutcome(set, code, target.kind, 'NO_OWNER');
    }
    case 'territory': {
      const found = findTerritory(set.territoryIndex, facts.regions);
      if (found.unit !== null) return { ok: true, unit: found.unit, via: 'territory' };
      if (!found.located) return { ok: false, reason: 'NOT_LOCATED', unit: null, unitCode: null };
      if (found.inactive !== null) {
        return { ok: false, reason: 'UNIT_INACTIVE', unit: found.inactive, unitCode: found.inactive.code };
      }
      return { ok: false, reason: 'NO_TERRITORY_UNIT', unit: null, unitCode: null };
    }
  }
}

/** Collects steps, keeping at most `limit` skipped rule steps and counting the rest. */
class TraceBuilder {
  readonly steps: TraceStep[] = [];
  omitted = 0;
  private skippedRules = 0;

  constructor(private readonly limit: number) {}

  /** True when a skipped rule step still fits; otherwise counts it. Lets callers avoid building the message. */
  roomForSkippedRule(): boolean {
    if (this.skippedRules < this.limit) {
      this.skippedRules++;
      return true;
    }
    this.omitted++;
    return false;
  }

  push(step: TraceStep): void {
    this.steps.push(step);
  }
}

function builtinOwner(
  set: CompiledRuleSet,
  facts: CaseFacts,
  trace: TraceBuilder,
): { unit: DispatchUnit; via: ResolvedVia } | null {
  const component = facts.component;
  if (component == null) {
    trace.push({
      ruleId: BUILTIN_OWNER,
      outcome: 'skipped',
      reason: 'NO_COMPONENT',
      message: '部件先属主：本案未关联部件普查记录，无法确定权属或养护单位',
    });
    return null;
  }
  const tried = new Set<string>();
  for (const role of set.ownerOrder) {
    const code = role === 'owner' ? component.ownerUnitCode : component.maintainerUnitCode;
    const label = ROLE_LABELS[role];
    if (code != null && code !== '' && tried.has(code)) continue; // same unit in both roles: said once
    const outcome = unitOutcome(set, code, role, 'NO_OWNER');
    if (outcome.ok) {
      trace.push({
        ruleId: BUILTIN_OWNER,
        outcome: 'chosen',
        reason: role === 'owner' ? 'OWNER_UNIT' : 'MAINTAINER_UNIT',
        message: `部件先属主：派往部件 ${component.id} 的${label}${unitText(outcome.unit)}`,
        unitCode: outcome.unit.code,
      });
      return outcome;
    }
    if (code != null && code !== '') tried.add(code);
    const message =
      outcome.reason === 'NO_OWNER'
        ? `部件先属主：部件 ${component.id} 未登记${label}`
        : outcome.reason === 'UNIT_UNKNOWN'
          ? `部件先属主：部件 ${component.id} 登记的${label} ${code ?? ''} 不在单位名录中`
          : `部件先属主：部件 ${component.id} 的${label}${outcome.unit === null ? '' : unitText(outcome.unit)}已停用`;
    trace.push({
      ruleId: BUILTIN_OWNER,
      outcome: 'skipped',
      reason: outcome.reason,
      message,
      ...(outcome.unitCode === null ? {} : { unitCode: outcome.unitCode }),
    });
  }
  return null;
}

function builtinTerritory(set: CompiledRuleSet, facts: CaseFacts, trace: TraceBuilder): DispatchUnit | null {
  const found = findTerritory(set.territoryIndex, facts.regions);
  const words = facts.categoryType === 'component' ? '部件后属地' : '事件先属地';
  if (found.inactive !== null) {
    trace.push({
      ruleId: BUILTIN_TERRITORY,
      outcome: 'skipped',
      reason: 'UNIT_INACTIVE',
      message: `${words}：本案所在区划的属地单位${unitText(found.inactive)}已停用`,
      unitCode: found.inactive.code,
    });
  }
  if (found.unit !== null) {
    trace.push({
      ruleId: BUILTIN_TERRITORY,
      outcome: 'chosen',
      reason: 'TERRITORY_UNIT',
      message: `${words}：派往本案所在区划 ${found.regionCode ?? ''} 的属地单位${unitText(found.unit)}`,
      unitCode: found.unit.code,
    });
    return found.unit;
  }
  if (!found.located) {
    trace.push({
      ruleId: BUILTIN_TERRITORY,
      outcome: 'skipped',
      reason: 'NOT_LOCATED',
      message: `${words}：本案没有街道、社区或网格信息，无法确定属地单位`,
    });
  } else if (found.inactive === null) {
    trace.push({
      ruleId: BUILTIN_TERRITORY,
      outcome: 'skipped',
      reason: 'NO_TERRITORY_UNIT',
      message: `${words}：没有属地单位覆盖本案所在区划 ${found.regionCode ?? ''}`,
    });
  }
  return null;
}

export function resolve(set: CompiledRuleSet, facts: CaseFacts): Resolution {
  const type = facts.categoryType;
  const candidates = candidatesFor(set.categoryIndex, facts);
  const trace = new TraceBuilder(set.maxSkippedSteps);
  let chosenRule: CompiledRule | null = null;
  let chosen: { unit: DispatchUnit; via: ResolvedVia } | null = null;

  for (const rule of candidates) {
    const mismatch = ruleMismatch(rule, facts);
    if (mismatch !== null) {
      if (trace.roomForSkippedRule()) {
        trace.push({
          ruleId: rule.id,
          outcome: 'skipped',
          reason: mismatch,
          message: mismatchMessage(rule, mismatch, facts),
        });
      }
      continue;
    }
    if (chosenRule !== null) {
      // Matched as well, but comes later in the order: say which criterion it lost on.
      if (trace.roomForSkippedRule()) {
        const reason = lostOn(rule, chosenRule, type);
        trace.push({
          ruleId: rule.id,
          outcome: 'skipped',
          reason,
          message: lostMessage(rule, reason, chosenRule, type),
        });
      }
      continue;
    }
    const outcome = ruleTarget(set, rule, facts);
    if (!outcome.ok) {
      if (trace.roomForSkippedRule()) {
        trace.push({
          ruleId: rule.id,
          outcome: 'skipped',
          reason: outcome.reason,
          message: targetFailureMessage(rule, outcome.reason, facts, outcome.unit, outcome.unitCode),
          ...(outcome.unitCode === null ? {} : { unitCode: outcome.unitCode }),
        });
      }
      continue;
    }
    chosenRule = rule;
    chosen = outcome;
    trace.push({
      ruleId: rule.id,
      outcome: 'chosen',
      reason: 'RULE_MATCHED',
      message: ruleChosenMessage(rule, outcome.unit),
      unitCode: outcome.unit.code,
    });
  }

  const otherCategoryRules = set.ruleCount - candidates.length;
  const result = (unit: DispatchUnit, principle: Resolution['principle'], via: ResolvedVia): Resolution => ({
    unit,
    rule: chosenRule === null ? null : { id: chosenRule.id, name: chosenRule.name },
    principle,
    via,
    trace: trace.steps,
    omittedSteps: trace.omitted,
    otherCategoryRules,
  });

  if (chosen !== null) return result(chosen.unit, 'rule', chosen.via);

  if (type === 'component') {
    const owner = builtinOwner(set, facts, trace);
    if (owner !== null) return result(owner.unit, 'owner_first', owner.via);
  }

  const territorial = builtinTerritory(set, facts, trace);
  if (territorial !== null) return result(territorial, 'territory_first', 'territory');

  const fallback = set.fallbackUnit;
  trace.push({
    ruleId: BUILTIN_FALLBACK,
    outcome: 'chosen',
    reason: 'FALLBACK_UNIT',
    message: `属地兜底：没有规则或原则能确定处置单位，派往兜底单位${unitText(fallback)}`,
    unitCode: fallback.code,
  });
  return result(fallback, 'fallback', 'fallback');
}
