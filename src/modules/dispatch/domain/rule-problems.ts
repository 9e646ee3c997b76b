/**
 * What is wrong with a rule set, found when it is compiled. The rules API refuses to save a set with errors;
 * a running dispatcher keeps going with the valid rules and shows the problems to the administrator, because
 * a deleted unit must not stop every case in the district from being dispatched.
 */

export type RuleProblemCode =
  | 'DUPLICATE_RULE_ID'
  | 'INVALID_RULE'
  | 'INVALID_CATEGORY'
  | 'INVALID_REGION_CODE'
  | 'INVALID_POLYGON'
  | 'INVALID_TARGET'
  | 'UNIT_UNKNOWN'
  | 'UNIT_INACTIVE'
  | 'MIXED_REGION_LEVELS'
  | 'DUPLICATE_UNIT'
  | 'TERRITORY_OVERLAP'
  | 'FALLBACK_UNIT_UNKNOWN'
  | 'FALLBACK_UNIT_INACTIVE';

export interface RuleProblem {
  /** `error`: the rule is left out of the set (except UNIT_UNKNOWN: kept, and skipped with that reason). */
  severity: 'error' | 'warning';
  code: RuleProblemCode;
  ruleId: string | null;
  unitCode: string | null;
  /** Chinese, for the rule editor. */
  message: string;
}

/**
 * Thrown by compileRules when the set cannot be used at all (the fallback unit is missing or inactive), and in
 * strict mode when any rule has an error. `ruleIds` lists the rules at fault.
 */
export class RuleSetError extends Error {
  readonly ruleIds: string[];

  constructor(readonly problems: readonly RuleProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const shown = errors
      .slice(0, 5)
      .map((p) => `${p.ruleId ?? p.unitCode ?? '-'}: ${p.code}`)
      .join('; ');
    super(`invalid dispatch rule set: ${shown}${errors.length > 5 ? ` (+${errors.length - 5} more)` : ''}`);
    this.name = 'RuleSetError';
    this.ruleIds = [...new Set(errors.flatMap((p) => (p.ruleId === null ? [] : [p.ruleId])))];
  }
}
