/**
 * The Chinese sentences of the trace. Each is one complete statement a dispatcher can read on its own; the
 * machine form (rule id, reason code, unit code) travels beside it in the TraceStep.
 */
import type { CompiledRule } from './compiled-rule.js';
import { AREA_RANK_LABELS, CATEGORY_RANK_LABELS, TARGET_CLASS_LABELS } from './rule-order.js';
import type {
  CaseFacts,
  CategoryType,
  ComponentRole,
  DispatchUnit,
  MismatchReason,
  PrecedenceReason,
  TargetFailureReason,
} from './types.js';

export const ROLE_LABELS: Readonly<Record<ComponentRole, string>> = {
  owner: '权属单位',
  maintainer: '养护单位',
};

export const unitText = (unit: DispatchUnit): string => `「${unit.name}」（${unit.code}）`;

const PRINCIPLE_WORDS: Readonly<Record<CategoryType, string>> = {
  component: '部件先属主后属地',
  event: '事件先属地后属主',
};

function componentUnitCode(rule: CompiledRule, facts: CaseFacts): string {
  const role = rule.componentRole ?? 'owner';
  const component = facts.component;
  return (role === 'owner' ? component?.ownerUnitCode : component?.maintainerUnitCode) ?? '';
}

/** Why a rule's own conditions did not hold. */
export function mismatchMessage(rule: CompiledRule, reason: MismatchReason, facts: CaseFacts): string {
  const role = ROLE_LABELS[rule.componentRole ?? 'owner'];
  switch (reason) {
    case 'DISABLED':
      return `${rule.label}已停用`;
    case 'CATEGORY_MISMATCH':
      return `${rule.label}只适用于立案标准 ${rule.standardId ?? ''}，本案${
        facts.standardId ? `按立案标准 ${facts.standardId} 立案` : '未指定立案标准'
      }`;
    case 'OUTSIDE_AREA':
      return `${rule.label}的适用范围（${rule.areaText}）不含本案位置`;
    case 'NOT_LOCATED':
      return `${rule.label}只适用于${rule.areaText}，本案缺少相应的位置信息，无法判断`;
    case 'NO_COMPONENT':
      return `${rule.label}按部件的${role}适用，本案未关联部件普查记录`;
    case 'NO_OWNER':
      return `${rule.label}按部件的${role}适用，本案部件未登记${role}`;
    case 'OWNER_MISMATCH':
      return `${rule.label}只适用于${role}为 ${[...(rule.componentUnitCodes ?? [])].join('、')} 的部件，本案部件的${role}是 ${componentUnitCode(rule, facts)}`;
  }
}

/** A rule that matched but could not name an active unit. */
export function targetFailureMessage(
  rule: CompiledRule,
  reason: TargetFailureReason,
  facts: CaseFacts,
  unit: DispatchUnit | null,
  unitCode: string | null,
): string {
  const target = rule.target;
  const via =
    target.kind === 'unit'
      ? '指定的处置单位'
      : target.kind === 'territory'
        ? '的属地单位'
        : `指向的部件${ROLE_LABELS[target.kind]}`;
  switch (reason) {
    case 'UNIT_UNKNOWN':
      return `${rule.label}${via} ${unitCode ?? ''} 不在单位名录中`;
    case 'UNIT_INACTIVE':
      return `${rule.label}${via}${unit === null ? ` ${unitCode ?? ''}` : unitText(unit)}已停用`;
    case 'NO_COMPONENT':
      return `${rule.label}按部件的${target.kind === 'owner' ? '权属单位' : '养护单位'}派遣，本案未关联部件普查记录`;
    case 'NO_OWNER':
      return `${rule.label}按部件的${target.kind === 'owner' ? '权属单位' : '养护单位'}派遣，本案部件未登记该单位`;
    case 'NOT_LOCATED':
      return `${rule.label}按属地派遣，本案没有街道、社区或网格信息`;
    case 'NO_TERRITORY_UNIT':
      return `${rule.label}按属地派遣，但没有单位覆盖本案所在区划 ${facts.regions.streetCode ?? facts.regions.communityCode ?? facts.regions.gridCode ?? ''}`;
  }
}

/** A rule that matched too but comes after the chosen one. */
export function lostMessage(
  rule: CompiledRule,
  reason: PrecedenceReason,
  winner: CompiledRule,
  type: CategoryType,
): string {
  const against = `已采用的规则 ${winner.id}`;
  switch (reason) {
    case 'LOWER_PRIORITY':
      return `${rule.label}也适用，但优先级 ${rule.priority} 低于${against}（${winner.priority}）`;
    case 'LESS_SPECIFIC_CATEGORY':
      return `${rule.label}也适用，优先级相同，但只按${CATEGORY_RANK_LABELS[rule.categoryRank]}匹配；${against} 按${CATEGORY_RANK_LABELS[winner.categoryRank]}匹配，更具体`;
    case 'LARGER_AREA':
      return rule.areaRank === winner.areaRank
        ? `${rule.label}也适用，优先级和类别相同，但适用区域比${against} 的大`
        : `${rule.label}也适用，优先级和类别相同，但适用范围（${AREA_RANK_LABELS[rule.areaRank]}）比${against}（${AREA_RANK_LABELS[winner.areaRank]}）大`;
    case 'PRINCIPLE_ORDER':
      return `${rule.label}也适用，其他条件相同；按“${PRINCIPLE_WORDS[type]}”，${TARGET_CLASS_LABELS[winner.targetClass]}优先于${TARGET_CLASS_LABELS[rule.targetClass]}`;
    case 'HIGHER_RULE_ID':
      return `${rule.label}也适用，各项条件与${against}相同，按规则编号顺序排在其后`;
  }
}

export function ruleChosenMessage(rule: CompiledRule, unit: DispatchUnit): string {
  const target = rule.target;
  const how =
    target.kind === 'unit'
      ? ''
      : target.kind === 'territory'
        ? '（按属地）'
        : `（按部件${ROLE_LABELS[target.kind]}）`;
  return `${rule.label}适用，优先级 ${rule.priority}：派往${unitText(unit)}${how}`;
}
