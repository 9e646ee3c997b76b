/**
 * The case-loop rules about how a case is handled: repeated 回退, 作废 / 强制结案 without an adequate reason,
 * 延期 beyond the cap, closure without 核查 photos, acting outside one's scope, steps on a closed case, and
 * bursts of voids. Pure, as every rule (case-rules.ts).
 */
import { inScope } from '../../org/index.js';
import { intParam, stringListParam, unknownParams } from './params.js';
import { type RuleKind, type RuleInput, type SupervisedEvent } from './types.js';
import { E, text, caseFacts, caseCard, count } from './case-rule-facts.js';

// ---------------------------------------------------------------------------------------------------------
// Repeated 回退: a case bounced back by units N times or more (dispatch ping-pong).

export interface PingPongParams {
  minReturns: number;
}

export const returnPingPong: RuleKind<PingPongParams> = {
  id: 'case.return-ping-pong',
  title: { 'zh-CN': '反复回退（推诿扯皮）', en: 'Case returned again and again' },
  basis: 'e-supervision practice: refusal without cause; 推诿 among units',
  triggers: [E('returned')],
  defaults: { enabled: true, severity: 'yellow', respondWorkingDays: 3, params: { minReturns: 2 } },
  validate: (p) => [...unknownParams(p, ['minReturns']), ...intParam(p, 'minReturns', 2, 20)],
  evaluate({ params, event, history }) {
    const returns = count(history, E('returned')) + 1;
    if (returns < params.minReturns) return null;
    return caseCard(event, `案件第 ${returns} 次被回退`, {
      returns,
      unitsReturning: [
        ...new Set(
          [...history, event]
            .filter((e) => e.name === E('returned'))
            .map((e) => text(e.payload, 'unitCode'))
            .filter((u): u is string => u !== null),
        ),
      ],
    });
  },
};

// ---------------------------------------------------------------------------------------------------------
// 作废 / 强制结案 with a reason that says nothing.

export interface WeakReasonParams {
  /** Fewer characters than this (after removing spaces and punctuation) is too short. */
  minLength: number;
  /** Reasons that say nothing, compared after removing spaces and punctuation. */
  boilerplate: string[];
}

const NOISE = /[\s\p{P}\p{S}]/gu;

export function normaliseReason(reason: string): string {
  return reason.replace(NOISE, '').toLowerCase();
}

export function weakReason(reason: string | null, params: WeakReasonParams): string | null {
  if (reason === null) return 'missing';
  const core = normaliseReason(reason);
  if ([...core].length < params.minLength) return 'too-short';
  if (params.boilerplate.some((b) => normaliseReason(b) === core)) return 'boilerplate';
  if (new Set([...core]).size === 1) return 'repeated-character';
  return null;
}

export const weakReasonRule: RuleKind<WeakReasonParams> = {
  id: 'case.weak-reason',
  title: { 'zh-CN': '作废 / 强制结案理由不充分', en: 'Void or forced close without an adequate reason' },
  basis: 'municipal e-supervision rules: refusal or withdrawal without stated reasons (§9.1, §9.2)',
  triggers: [E('voided'), E('forceClosed')],
  defaults: {
    enabled: true,
    severity: 'yellow',
    respondWorkingDays: 3,
    params: {
      minLength: 8,
      boilerplate: [
        '无',
        '无效',
        '作废',
        '重复',
        '测试',
        '其他',
        '同意',
        '已处理',
        '不需要',
        '误报',
        'test',
        'n/a',
      ],
    },
  },
  validate: (p) => [
    ...unknownParams(p, ['minLength', 'boilerplate']),
    ...intParam(p, 'minLength', 1, 200),
    ...stringListParam(p, 'boilerplate'),
  ],
  evaluate({ params, event }) {
    const reason = text(event.payload, 'reason');
    const why = weakReason(reason, params);
    if (why === null) return null;
    const what = event.name === E('forceClosed') ? '强制结案' : '作废';
    return caseCard(event, `${what}理由不充分（${why}）`, { reason, weakness: why });
  },
};

// ---------------------------------------------------------------------------------------------------------
// 延期 beyond the tenant's cap (the lifecycle's hard limit is 2 approvals; supervision may flag earlier).

export interface ExtensionCapParams {
  maxExtensions: number;
}

export const extensionCap: RuleKind<ExtensionCapParams> = {
  id: 'case.extension-cap',
  title: { 'zh-CN': '延期超过上限', en: 'Extensions beyond the cap' },
  basis: 'local case-loop rules: extensions approved at most N times',
  triggers: [E('extensionApproved')],
  defaults: { enabled: true, severity: 'yellow', respondWorkingDays: 3, params: { maxExtensions: 1 } },
  validate: (p) => [...unknownParams(p, ['maxExtensions']), ...intParam(p, 'maxExtensions', 0, 10)],
  evaluate({ params, event, history }) {
    const approved = count(history, E('extensionApproved')) + 1;
    if (approved <= params.maxExtensions) return null;
    return caseCard(event, `第 ${approved} 次批准延期，超过上限 ${params.maxExtensions}`, {
      extensionsApproved: approved,
      cap: params.maxExtensions,
    });
  },
};

// ---------------------------------------------------------------------------------------------------------
// 结案 without 核查 photos: the passed check before the closure carried fewer photos than required.

export interface CheckPhotoParams {
  minPhotos: number;
}

export const closeWithoutCheckPhotos: RuleKind<CheckPhotoParams> = {
  id: 'case.close-without-check-photos',
  title: { 'zh-CN': '结案缺少核查照片', en: 'Closed without check photos' },
  basis: '数字城管 closed loop: 核查 on site with photos before 结案',
  triggers: [E('closed')],
  defaults: { enabled: true, severity: 'yellow', respondWorkingDays: 3, params: { minPhotos: 1 } },
  validate: (p) => [...unknownParams(p, ['minPhotos']), ...intParam(p, 'minPhotos', 1, 20)],
  evaluate({ params, event, history }) {
    if (event.payload.forced === true) return null;
    const check = [...history].reverse().find((e) => e.name === E('checked') && e.payload.passed === true);
    const photos = Array.isArray(check?.payload.photos) ? check.payload.photos.length : 0;
    if (photos >= params.minPhotos) return null;
    return caseCard(
      event,
      check ? `核查照片 ${photos} 张，少于 ${params.minPhotos} 张即结案` : '未经核查即结案',
      { checkPhotos: photos, checkSeq: check?.seq ?? null },
      check?.actorId ?? event.actorId,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Acting outside one's data scope.

export interface ExemptParams {
  exemptEvents: string[];
}

const PASSIVE = [
  E('reported'),
  E('supported'),
  E('rated'),
  E('warned'),
  E('markedOverdue'),
  E('deadlineMoved'),
  E('mergedIn'),
  E('folded'),
];

export const outOfScope: RuleKind<ExemptParams> = {
  id: 'case.out-of-scope',
  title: { 'zh-CN': '超越数据权限办理', en: 'Action outside the actor’s data scope' },
  basis: 'ARCHITECTURE §6 data scope; e-supervision: 主体 (authority of the acting person)',
  triggers: ['cases.case.*'],
  needsActor: true,
  defaults: { enabled: true, severity: 'yellow', respondWorkingDays: 3, params: { exemptEvents: PASSIVE } },
  validate: (p) => [...unknownParams(p, ['exemptEvents']), ...stringListParam(p, 'exemptEvents')],
  evaluate({ params, event, actor }) {
    if (actor === null || params.exemptEvents.includes(event.name)) return null;
    const record = { regionCode: text(event.payload, 'gridCode'), unitCode: text(event.payload, 'unitCode') };
    if (inScope(actor.scope, record)) return null;
    return caseCard(event, `操作人员超出数据权限办理（${event.name.slice('cases.case.'.length)}）`, {
      actorUnitCode: actor.unitCode,
      actorScope: actor.scope,
    });
  },
};

// ---------------------------------------------------------------------------------------------------------
// Any step on a closed case other than reopening (or the passive events a closed case still receives).

export interface ClosedEditParams {
  allowedAfterClose: string[];
}

export function isClosedBefore(history: readonly SupervisedEvent[]): boolean {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const name = history[i]?.name;
    if (name === E('closed') || name === E('forceClosed')) return true;
    if (name === E('reopened')) return false;
  }
  return false;
}

export const closedCaseEdit: RuleKind<ClosedEditParams> = {
  id: 'case.closed-case-edit',
  title: { 'zh-CN': '结案后修改案件', en: 'Change to a closed case' },
  basis: 'a closed case changes only through 重新开启 (reopen) with a reason',
  triggers: ['cases.case.*'],
  defaults: {
    enabled: true,
    severity: 'red',
    respondWorkingDays: 2,
    params: { allowedAfterClose: [E('reopened'), ...PASSIVE] },
  },
  validate: (p) => [...unknownParams(p, ['allowedAfterClose']), ...stringListParam(p, 'allowedAfterClose')],
  evaluate({ params, event, history }) {
    if (params.allowedAfterClose.includes(event.name) || !isClosedBefore(history)) return null;
    return caseCard(event, `结案后的案件发生 ${event.name.slice('cases.case.'.length)}`, {});
  },
};

// ---------------------------------------------------------------------------------------------------------
// A burst of voids by one account: N or more within a window; one card per burst.

export interface VoidBurstParams {
  minVoids: number;
  windowMinutes: number;
}

export const voidBurst: RuleKind<VoidBurstParams> = {
  id: 'case.void-burst',
  title: { 'zh-CN': '同一账号短时间内集中作废', en: 'Burst of voids by one account' },
  basis: 'e-supervision: abnormal volumes of withdrawals (案件撤销) by one person',
  triggers: [E('voided')],
  actorHistory: { events: [E('voided')], windowMinutes: (p) => p.windowMinutes },
  defaults: {
    enabled: true,
    severity: 'red',
    respondWorkingDays: 2,
    params: { minVoids: 5, windowMinutes: 60 },
  },
  validate: (p) => [
    ...unknownParams(p, ['minVoids', 'windowMinutes']),
    ...intParam(p, 'minVoids', 2, 1000),
    ...intParam(p, 'windowMinutes', 1, 7 * 24 * 60),
  ],
  evaluate({ params, event, actorHistory, lastFired }: RuleInput<VoidBurstParams>) {
    if (event.actorId === null) return null;
    const at = event.occurredAt.getTime();
    const windowMs = params.windowMinutes * 60_000;
    const inWindow = actorHistory.filter(
      (a) => a.name === E('voided') && a.at.getTime() > at - windowMs && a.at.getTime() <= at,
    );
    const voids = inWindow.length + 1;
    if (voids < params.minVoids) return null;
    const id = String(event.actorId);
    const last = lastFired('officer', id);
    if (last !== null && at - last.getTime() < windowMs) return null;
    return {
      target: { kind: 'officer', id },
      officerAccountId: event.actorId,
      summary: `${params.windowMinutes} 分钟内作废 ${voids} 件`,
      facts: {
        ...caseFacts(event),
        voids,
        windowMinutes: params.windowMinutes,
        voidSeqs: [...inWindow.map((a) => a.seq), event.seq],
      },
    };
  },
};
