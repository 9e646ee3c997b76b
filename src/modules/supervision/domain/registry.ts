/**
 * The registry of rule kinds and the merge of shipped defaults with a tenant's stored overrides.
 *
 * The engine knows rule kinds only through this registry: a new kind (e.g. the enforcement rules
 * DECISION_OVERDUE, NO_PRE_NOTICE, DISCRETION_DEVIATION of the domain reference §9.2) is one more `RuleKind`
 * object in `RULE_KINDS` — its triggers name the events it watches — and needs no change to the engine,
 * the store or the routes (docs/supervision.md, "Adding a rule kind").
 */
import { CASE_RULES } from './case-rules.js';
import type { Problem } from './params.js';
import { SEVERITIES, type RuleConfig, type RuleKind, type Severity } from './types.js';

// Each kind is typed by its own params; the registry holds them behind the common shape.
export const RULE_KINDS: readonly RuleKind[] = [...CASE_RULES] as unknown as readonly RuleKind[];

const BY_ID = new Map(RULE_KINDS.map((k) => [k.id, k]));

export function ruleKind(id: string): RuleKind | undefined {
  return BY_ID.get(id);
}

/** Does the rule kind watch this event name? (`cases.case.*` matches every case event.) */
export function triggeredBy(kind: RuleKind, eventName: string): boolean {
  return kind.triggers.some((t) =>
    t.endsWith('*') ? eventName.startsWith(t.slice(0, -1)) : t === eventName,
  );
}

/** A stored override (one row of supervision_rule_configs). */
export interface RuleOverride {
  ruleId: string;
  powerItemCode: string | null;
  enabled: boolean;
  severity: Severity;
  respondWorkingDays: number;
  params: Record<string, unknown>;
  version: number;
}

export function defaultConfig(kind: RuleKind): RuleConfig {
  return {
    ruleId: kind.id,
    powerItemCode: null,
    enabled: kind.defaults.enabled,
    severity: kind.defaults.severity,
    respondWorkingDays: kind.defaults.respondWorkingDays,
    params: { ...kind.defaults.params },
    version: 0,
  };
}

/** The effective configuration: the override for the power item, else the tenant-wide one, else defaults. */
export function effectiveConfig(
  kind: RuleKind,
  overrides: readonly RuleOverride[],
  powerItemCode: string | null = null,
): RuleConfig {
  const mine = overrides.filter((o) => o.ruleId === kind.id);
  const hit =
    (powerItemCode !== null ? mine.find((o) => o.powerItemCode === powerItemCode) : undefined) ??
    mine.find((o) => o.powerItemCode === null);
  if (!hit) return defaultConfig(kind);
  return { ...hit, params: { ...kind.defaults.params, ...hit.params } };
}

/** Validates an override before it is stored. */
export function validateOverride(
  kind: RuleKind,
  input: { severity: string; respondWorkingDays: number; params: Record<string, unknown> },
): Problem[] {
  const problems: Problem[] = [];
  if (!(SEVERITIES as readonly string[]).includes(input.severity)) {
    problems.push({ field: 'severity', message: `severity must be one of ${SEVERITIES.join(', ')}` });
  }
  if (!Number.isInteger(input.respondWorkingDays) || input.respondWorkingDays < 1) {
    problems.push({ field: 'respondWorkingDays', message: 'respondWorkingDays must be at least 1' });
  }
  return [...problems, ...kind.validate(input.params)];
}
