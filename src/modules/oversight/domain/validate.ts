import { isTimeUnit } from '../../calendar/index.js';
import {
  POWER_SOURCES,
  POWER_TYPES,
  RESPONSIBILITY_STAGES,
  type PowerItem,
  type PowerList,
  type PowerTimeLimit,
} from './types.js';

/**
 * The rules a power-list item and a whole list must satisfy before they can be published. Structure (field
 * types, lengths) is checked by the route schemas too; this checks meaning, and also guards the seeder and
 * any other caller that does not come through HTTP. `field` is a dotted path into the item or list.
 */

export interface ListIssue {
  field: string;
  code: string;
  message: string;
}

/** What the validator needs to know about an org unit. */
export interface UnitFacts {
  kind: string;
  active: boolean;
}

export const POWER_ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
export const MAX_LIMIT_VALUE = 3650;

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';
const join = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field);

function limitIssues(limit: PowerTimeLimit | null, field: string): ListIssue[] {
  if (limit === null) return [];
  const issues: ListIssue[] = [];
  if (!Number.isInteger(limit.value) || limit.value < 1 || limit.value > MAX_LIMIT_VALUE) {
    issues.push({
      field: `${field}.value`,
      code: 'INVALID_LIMIT',
      message: `a time limit is a whole number from 1 to ${MAX_LIMIT_VALUE}`,
    });
  }
  if (!isTimeUnit(limit.unit)) {
    issues.push({
      field: `${field}.unit`,
      code: 'INVALID_UNIT',
      message: `unknown time unit ${String(limit.unit)}`,
    });
  }
  return issues;
}

function unitIssues(
  code: string,
  field: string,
  units: ReadonlyMap<string, UnitFacts>,
  kind?: string,
): ListIssue[] {
  const unit = units.get(code);
  if (!unit) return [{ field, code: 'UNKNOWN_UNIT', message: `unit ${code} does not exist` }];
  if (!unit.active) return [{ field, code: 'INACTIVE_UNIT', message: `unit ${code} is no longer active` }];
  if (kind && unit.kind !== kind) {
    return [{ field, code: 'NOT_A_STREET_OFFICE', message: `unit ${code} is a ${unit.kind}, not a ${kind}` }];
  }
  return [];
}

export function validatePowerItem(
  item: PowerItem,
  units: ReadonlyMap<string, UnitFacts>,
  prefix = '',
): ListIssue[] {
  const at = (field: string) => join(prefix, field);
  const issues: ListIssue[] = [];
  if (typeof item.code !== 'string' || !POWER_ITEM_CODE.test(item.code)) {
    issues.push({
      field: at('code'),
      code: 'INVALID_CODE',
      message: 'an item code is 2–40 letters, digits or "-", starting with a letter or digit',
    });
  }
  if (blank(item.name)) {
    issues.push({ field: at('name'), code: 'REQUIRED', message: 'the item needs a name' });
  }
  if (!(POWER_TYPES as readonly string[]).includes(item.type)) {
    issues.push({
      field: at('type'),
      code: 'INVALID_TYPE',
      message: `unknown power type ${String(item.type)}`,
    });
  }
  if (!(POWER_SOURCES as readonly string[]).includes(item.source)) {
    issues.push({
      field: at('source'),
      code: 'INVALID_SOURCE',
      message: `unknown source ${String(item.source)}`,
    });
  }
  for (const field of ['implementingUnitCode', 'acceptingUnitCode', 'decidingUnitCode'] as const) {
    issues.push(...unitIssues(item[field], at(field), units));
  }
  const delegated = new Set<string>();
  item.delegations.forEach((d, i) => {
    const field = at(`delegations.${i}.unitCode`);
    if (delegated.has(d.unitCode)) {
      issues.push({ field, code: 'DUPLICATE_DELEGATION', message: `${d.unitCode} is listed twice` });
    }
    delegated.add(d.unitCode);
    issues.push(...unitIssues(d.unitCode, field, units, 'street_office'));
  });
  if (item.legalBasis.length === 0) {
    issues.push({
      field: at('legalBasis'),
      code: 'REQUIRED',
      message: 'every power rests on at least one legal provision',
    });
  }
  item.legalBasis.forEach((b, i) => {
    if (blank(b.law)) {
      issues.push({ field: at(`legalBasis.${i}.law`), code: 'REQUIRED', message: 'name the law' });
    }
    if (blank(b.article)) {
      issues.push({ field: at(`legalBasis.${i}.article`), code: 'REQUIRED', message: 'name the article' });
    }
  });
  issues.push(...limitIssues(item.statutoryLimit, at('statutoryLimit')));
  issues.push(...limitIssues(item.promisedLimit, at('promisedLimit')));
  if (
    item.statutoryLimit &&
    item.promisedLimit &&
    item.statutoryLimit.unit === item.promisedLimit.unit &&
    item.promisedLimit.value > item.statutoryLimit.value
  ) {
    issues.push({
      field: at('promisedLimit.value'),
      code: 'PROMISE_EXCEEDS_STATUTE',
      message: `the promised limit (${item.promisedLimit.value}) is longer than the statutory one (${item.statutoryLimit.value})`,
    });
  }
  if (item.simpleProcedureAllowed && item.type !== 'penalty') {
    issues.push({
      field: at('simpleProcedureAllowed'),
      code: 'SIMPLE_PROCEDURE_NOT_PENALTY',
      message: 'only penalty items can allow the summary procedure',
    });
  }
  if (item.responsibilities.length === 0) {
    issues.push({
      field: at('responsibilities'),
      code: 'REQUIRED',
      message: 'list the responsibilities (责任事项) stage by stage',
    });
  }
  item.responsibilities.forEach((r, i) => {
    if (!(RESPONSIBILITY_STAGES as readonly string[]).includes(r.stage)) {
      issues.push({
        field: at(`responsibilities.${i}.stage`),
        code: 'INVALID_STAGE',
        message: `unknown stage ${String(r.stage)}`,
      });
    }
    if (blank(r.duty)) {
      issues.push({
        field: at(`responsibilities.${i}.duty`),
        code: 'REQUIRED',
        message: 'describe the duty',
      });
    }
  });
  if (item.accountability.length === 0) {
    issues.push({
      field: at('accountability'),
      code: 'REQUIRED',
      message: 'list the situations in which staff are held to account (追责情形)',
    });
  }
  item.accountability.forEach((a, i) => {
    if (blank(a.situation)) {
      issues.push({
        field: at(`accountability.${i}.situation`),
        code: 'REQUIRED',
        message: 'describe the situation',
      });
    }
    if (blank(a.basis)) {
      issues.push({ field: at(`accountability.${i}.basis`), code: 'REQUIRED', message: 'name the basis' });
    }
  });
  return issues;
}

/** Every problem of a whole list: each item's, duplicate codes, and the case-loop mark. */
/** Each item on its own, and no code used twice (a draft's items, or a whole list's). */
export function validateItems(
  items: readonly PowerItem[],
  units: ReadonlyMap<string, UnitFacts>,
): ListIssue[] {
  const issues: ListIssue[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code)) {
      issues.push({
        field: `items.${i}.code`,
        code: 'DUPLICATE_CODE',
        message: `code ${item.code} is used twice`,
      });
    }
    seen.add(item.code);
    issues.push(...validatePowerItem(item, units, `items.${i}`));
  });
  return issues;
}

export function validatePowerList(list: PowerList, units: ReadonlyMap<string, UnitFacts>): ListIssue[] {
  const issues: ListIssue[] = [];
  if (list.items.length === 0) {
    issues.push({ field: 'items', code: 'REQUIRED', message: 'a power list has at least one item' });
  }
  issues.push(...validateItems(list.items, units));
  const seen = new Set(list.items.map((item) => item.code));
  if (list.caseLoopItemCode !== null && !seen.has(list.caseLoopItemCode)) {
    issues.push({
      field: 'caseLoopItemCode',
      code: 'UNKNOWN_ITEM',
      message: `the case-loop item ${list.caseLoopItemCode} is not in the list`,
    });
  }
  return issues;
}
