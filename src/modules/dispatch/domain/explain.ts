/**
 * explain: the "why here?" panel — a Resolution as Chinese lines, most important first. Steps that only say a
 * rule is about somewhere else (OUTSIDE_AREA) or needs a location the case lacks (NOT_LOCATED) are folded into
 * one line each, since a street-by-street rule set would otherwise bury the lines that matter under a dozen
 * "not this street". The full trace stays in the Resolution.
 */
import type { Resolution, TraceStep } from './types.js';
import { unitText } from './trace-messages.js';

const FOLDED_LIST_LENGTH = 5;

function basisLine(result: Resolution): string {
  switch (result.principle) {
    case 'rule': {
      const rule = result.rule;
      const how =
        result.via === 'owner'
          ? '，按部件权属单位派遣'
          : result.via === 'maintainer'
            ? '，按部件养护单位派遣'
            : result.via === 'territory'
              ? '，按属地派遣'
              : '';
      return `依据：规则「${rule?.name ?? ''}」（${rule?.id ?? ''}）${how}`;
    }
    case 'owner_first':
      return `依据：部件先属主后属地——没有适用的规则，派往部件的${result.via === 'owner' ? '权属单位' : '养护单位'}`;
    case 'territory_first':
      return result.trace.some((s) => s.ruleId === 'builtin:owner')
        ? '依据：部件先属主后属地——没有适用的规则，属主无法派遣，由属地处置'
        : '依据：事件先属地后属主——没有适用的规则，由案件所在区划的属地单位处置';
    case 'fallback':
      return '依据：属地兜底——没有适用的规则，属主和属地单位都无法确定，由兜底单位处置';
  }
}

function listIds(steps: readonly TraceStep[]): string {
  const ids = steps.slice(0, FOLDED_LIST_LENGTH).map((s) => s.ruleId);
  return ids.join('、') + (steps.length > FOLDED_LIST_LENGTH ? ' 等' : '');
}

const FOLDED: readonly { reason: string; text: (n: number) => string }[] = [
  { reason: 'OUTSIDE_AREA', text: (n) => `另有 ${n} 条规则的适用范围不含本案位置` },
  { reason: 'NOT_LOCATED', text: (n) => `另有 ${n} 条规则需要本案缺少的位置信息，无法判断是否适用` },
];

const isFolded = (step: TraceStep): boolean =>
  step.outcome === 'skipped' &&
  (step.reason === 'OUTSIDE_AREA' || step.reason === 'NOT_LOCATED') &&
  !step.ruleId.startsWith('builtin:');

export function explain(result: Resolution): string[] {
  const lines = [`派往：${unitText(result.unit)}`, basisLine(result)];
  for (const step of result.trace) {
    if (isFolded(step)) continue;
    lines.push(`${step.outcome === 'chosen' ? '采用' : '未采用'}：${step.message}`);
  }
  for (const fold of FOLDED) {
    const steps = result.trace.filter((s) => isFolded(s) && s.reason === fold.reason);
    if (steps.length > 0) lines.push(`未采用：${fold.text(steps.length)}（${listIds(steps)}）`);
  }
  if (result.omittedSteps > 0) lines.push(`另有 ${result.omittedSteps} 条未采用的规则未列出`);
  if (result.otherCategoryRules > 0) {
    lines.push(`另有 ${result.otherCategoryRules} 条规则属于其他类别，与本案无关`);
  }
  return lines;
}
