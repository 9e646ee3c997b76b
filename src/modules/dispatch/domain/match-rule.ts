/**
 * Whether a rule's conditions hold for a case, and if not, the first reason why. The checks run in the order a
 * dispatcher reads them: is the rule on, is it this filing standard, is the case in its area, is the
 * component's unit the one it names. Category type, major and minor need no check: the index only offers a
 * case the rules of its own category.
 */
import type { CompiledRule } from './compiled-rule.js';
import { areaContains } from './rule-area.js';
import { caseRegionCode } from './region-levels.js';
import type { CaseFacts, MismatchReason } from './types.js';

export function isLocated(facts: CaseFacts): boolean {
  const location = facts.location;
  return location != null && Number.isFinite(location.lng) && Number.isFinite(location.lat);
}

function areaMismatch(rule: CompiledRule, facts: CaseFacts): MismatchReason | null {
  if (rule.regions.length > 0) {
    let knownLevels = 0;
    let inside = false;
    for (const condition of rule.regions) {
      const code = caseRegionCode(facts.regions, condition.level);
      if (code === undefined) continue;
      knownLevels++;
      if (condition.codes.has(code)) {
        inside = true;
        break;
      }
    }
    // Unknown at every level the rule names: we cannot say the case is outside, only that we do not know.
    if (!inside) return knownLevels === 0 ? 'NOT_LOCATED' : 'OUTSIDE_AREA';
  }
  if (rule.area !== null) {
    if (!isLocated(facts)) return 'NOT_LOCATED';
    if (!areaContains(rule.area, facts.location!.lng, facts.location!.lat)) return 'OUTSIDE_AREA';
  }
  return null;
}

function componentMismatch(rule: CompiledRule, facts: CaseFacts): MismatchReason | null {
  if (rule.componentRole === null) return null;
  const component = facts.component;
  if (component == null) return 'NO_COMPONENT';
  const code = rule.componentRole === 'owner' ? component.ownerUnitCode : component.maintainerUnitCode;
  if (code == null || code === '') return 'NO_OWNER';
  if (rule.componentUnitCodes !== null && !rule.componentUnitCodes.has(code)) return 'OWNER_MISMATCH';
  return null;
}

/** null when every condition holds. */
export function ruleMismatch(rule: CompiledRule, facts: CaseFacts): MismatchReason | null {
  if (!rule.enabled) return 'DISABLED';
  if (rule.standardId !== null && rule.standardId !== facts.standardId) return 'CATEGORY_MISMATCH';
  return areaMismatch(rule, facts) ?? componentMismatch(rule, facts);
}
