/** The cards, accountability records and rules as the API shows them. */
import type { RuleConfig, RuleKind } from './domain/types.js';
import type { Accountability, Card, Notification } from './types.js';
import { ACCOUNTABILITY_OUTCOMES } from './types.js';
import { ruleKind, type RuleOverride } from './domain/registry.js';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Display names by account id; a name not found shows as null. */
export type Names = ReadonlyMap<number, string>;
const nameOf = (names: Names, id: number | null) => (id === null ? null : (names.get(id) ?? null));

export function presentCard(c: Card, names: Names) {
  return {
    id: c.id,
    ruleId: c.ruleId,
    // Card readers who may not read the rules still see what the card is about.
    ruleTitle: ruleKind(c.ruleId)?.title ?? { 'zh-CN': c.ruleId, en: c.ruleId },
    severity: c.severity,
    initialSeverity: c.initialSeverity,
    target: { kind: c.targetKind, id: c.targetId },
    powerItemCode: c.powerItemCode,
    caseId: c.caseId,
    caseNo: c.caseNo,
    unitCode: c.unitCode,
    gridCode: c.gridCode,
    officerAccountId: c.officerAccountId,
    officerName: nameOf(names, c.officerAccountId),
    trigger: { seq: c.triggerSeq, name: c.triggerName },
    summary: c.summary,
    facts: c.facts,
    status: c.status,
    outcome: c.outcome,
    firedAt: c.firedAt.toISOString(),
    dueBy: c.dueBy.toISOString(),
    escalatedAt: iso(c.escalatedAt),
    response: c.response,
    respondedAt: iso(c.respondedAt),
    review: c.review,
    closedAt: iso(c.closedAt),
    version: c.version,
  };
}

export function presentNotification(n: Notification) {
  return { ...n, createdAt: n.createdAt.toISOString() };
}

export function presentAccountability(a: Accountability, names: Names) {
  return {
    id: a.id,
    subjectKind: a.subjectKind,
    subjectAccountId: a.subjectAccountId,
    subjectName: nameOf(names, a.subjectAccountId),
    subjectUnitCode: a.subjectUnitCode,
    outcome: a.outcome,
    outcomeLabel: ACCOUNTABILITY_OUTCOMES[a.outcome],
    basis: a.basis,
    note: a.note,
    cardIds: a.cardIds,
    decidedBy: a.decidedBy,
    decidedAt: a.decidedAt.toISOString(),
    withdrawnAt: iso(a.withdrawnAt),
    version: a.version,
  };
}

const config = (c: RuleConfig | RuleOverride) => ({
  powerItemCode: c.powerItemCode,
  enabled: c.enabled,
  severity: c.severity,
  respondWorkingDays: c.respondWorkingDays,
  params: c.params,
  version: c.version,
});

export function presentRule(r: {
  kind: RuleKind;
  defaults: RuleConfig;
  effective: RuleConfig;
  byPowerItem: RuleOverride[];
}) {
  return {
    id: r.kind.id,
    title: r.kind.title,
    basis: r.kind.basis,
    triggers: [...r.kind.triggers],
    defaults: config(r.defaults),
    effective: config(r.effective),
    byPowerItem: r.byPowerItem.map(config),
  };
}
