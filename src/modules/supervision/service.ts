/**
 * Supervision commands: card responses and reviews, accountability records, rule and grading configuration,
 * the quarterly grading, and the tick that escalates unanswered yellow cards. Each write is one transaction
 * with its events; reads of other modules (calendar, org) happen before the transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { zoneOffsetMinutes } from '../../platform/zoned-time.js';
import type { CalendarService } from '../calendar/index.js';
import { requireUploaded, type EvidenceLookup } from '../evidence/index.js';
import type { OrgService } from '../org/index.js';
import { escalation, respond, review, type CardDecision } from './domain/card-lifecycle.js';
import {
  DEFAULT_GRADING,
  FINE_INDICATOR_RULE,
  grade,
  parseQuarter,
  validateScheme,
  type GradingScheme,
  type SubjectFacts,
} from './domain/grading.js';
import { defaultConfig, effectiveConfig, RULE_KINDS, ruleKind, validateOverride } from './domain/registry.js';
import type { Severity } from './domain/types.js';
import { fire } from './domain/engine.js';
import { cardEvent, newCard, raiseCards, recipientsOf } from './projection.js';
import * as store from './store.js';
import * as watchStore from './watch-store.js';
import * as accountabilityStore from './accountability-store.js';
import type { Accountability, AccountabilityInput, Card, CardReview } from './types.js';

export interface SupervisionDeps {
  db: Database;
  clock: Clock;
  calendars: CalendarService;
  org: OrgService;
  /** The file store: a 纠错 record's attachments must be uploaded files. */
  evidence?: EvidenceLookup;
}

function ruleViolation(rule: string, message: string, field?: string, details: Record<string, unknown> = {}) {
  return new AppError(422, 'RULE_VIOLATION', message, {
    ...(field ? { field } : {}),
    details: { rule, ...details },
    params: { rule },
  });
}

function refused(d: CardDecision): never {
  if (d.ok) throw new Error('not a refusal');
  throw new AppError(409, d.code, d.message);
}

const ACC_STREAM = 'accountability';

export function createSupervisionService(deps: SupervisionDeps) {
  const { db, clock } = deps;

  async function card(tenantId: number, id: string): Promise<Card> {
    const c = await store.findCard(db.sql, tenantId, id);
    if (!c) throw errors.notFound('card');
    return c;
  }

  async function changeCard(
    actor: Actor,
    id: string,
    expectedVersion: number,
    decide: (c: Card, now: Date) => CardDecision,
    eventName: string,
    payload: (c: Card) => Record<string, unknown>,
  ): Promise<Card> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const current = await store.findCard(tx, actor.tenantId, id, true);
      if (!current) throw errors.notFound('card');
      if (current.version !== expectedVersion) throw errors.versionConflict(expectedVersion, current.version);
      const d = decide(current, now);
      if (!d.ok) refused(d);
      if (!(await store.updateCard(tx, actor.tenantId, d.card, current.version))) {
        throw errors.versionConflict(expectedVersion, current.version + 1);
      }
      await appendEvents(tx, actor, now, [cardEvent(d.card, eventName, payload(d.card))]);
      return d.card;
    });
  }

  let loop: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  async function tickAll(): Promise<void> {
    const tenants = await store.tenantIds(db.sql);
    for (const id of tenants) await service.tick(id);
  }

  const service = {
    /** Runs the tick for every tenant every intervalMs in this process (safe in every process). */
    start(intervalMs: number, onError: (error: unknown) => void): void {
      if (loop) return;
      loop = setInterval(() => {
        if (running) return;
        running = tickAll()
          .catch(onError)
          .finally(() => (running = null));
      }, intervalMs);
      loop.unref();
    },
    async stop(): Promise<void> {
      if (loop) clearInterval(loop);
      loop = null;
      await running;
    },
    card,
    notifications: (tenantId: number, id: string) => store.notificationsOf(db.sql, tenantId, id),
    listCards: store.listCards.bind(null, db.sql),

    async respond(
      actor: Actor,
      id: string,
      input: { version: number; explanation: string; correctiveAction: string; attachments: string[] },
    ): Promise<Card> {
      const attachments = await requireUploaded(
        deps.evidence,
        actor.tenantId,
        input.attachments,
        'attachments',
      );
      return changeCard(
        actor,
        id,
        input.version,
        (c, now) => respond(c, { ...input, attachments }, actor.accountId, now),
        'supervision.card.responded',
        () => ({ attachments: attachments.length }),
      );
    },

    review(
      actor: Actor,
      id: string,
      input: { version: number; decision: CardReview['decision']; note: string | null },
    ): Promise<Card> {
      if (input.decision !== 'accept' && (input.note === null || input.note.trim().length < 4)) {
        throw errors.validation(
          'note',
          'rejecting or dismissing a card needs a note of at least 4 characters',
        );
      }
      return changeCard(
        actor,
        id,
        input.version,
        (c, now) => review(c, input.decision, input.note, actor.accountId, now),
        'supervision.card.reviewed',
        (c) => ({ decision: input.decision, status: c.status, outcome: c.outcome }),
      );
    },

    /**
     * Time: fires the time rules' watches whose moment has come (once each) and escalates open yellow cards
     * past their due-by to red. Safe in every process: rows are claimed with SKIP LOCKED.
     */
    async tick(
      tenantId: number,
      now: Date = clock.now(),
      limit = 200,
    ): Promise<{ escalated: number; fired: number }> {
      const calendar = await deps.calendars.forTenant(tenantId);
      const overrides = await store.loadOverrides(db.sql, tenantId);
      return db.transaction(async (tx) => {
        const watches = await watchStore.lockDueWatches(tx, tenantId, now, limit);
        const raised: Card[] = [];
        for (const w of watches) {
          const kind = ruleKind(w.ruleId);
          if (!kind?.watch || w.dueAt === null) continue;
          const config = effectiveConfig(kind, overrides, w.powerItemCode);
          if (!config.enabled) continue;
          const watch = { key: w.key, dueAt: w.dueAt, seq: w.seq, eventName: w.eventName, facts: w.facts };
          const draft = kind.watch.fire({ params: config.params, watch, now, calendar });
          if (draft === null) continue;
          const f = fire(kind.id, draft, config, w.powerItemCode, now, calendar);
          raised.push(newCard(f, w.seq, w.eventName, null));
        }
        await watchStore.markWatchesFired(tx, tenantId, watches, now);
        const fired = (await raiseCards(tx, tenantId, raised, now)).length;

        const due = await store.lockOverdueYellow(tx, tenantId, now, limit);
        const changed: Card[] = [];
        for (const c of due) {
          const kind = ruleKind(c.ruleId);
          const days = kind ? effectiveConfig(kind, overrides, c.powerItemCode).respondWorkingDays : 2;
          const next = escalation(c, now, calendar, days);
          if (next && (await store.updateCard(tx, tenantId, next, c.version))) changed.push(next);
        }
        await store.insertNotifications(
          tx,
          tenantId,
          changed.flatMap((c) => recipientsOf(c, 'escalated', now).map((n) => ({ ...n, cardId: c.id }))),
        );
        await appendEvents(
          tx,
          { kind: 'system', tenantId, accountId: null, roles: [], requestId: null },
          now,
          changed.map((c) =>
            cardEvent(c, 'supervision.card.escalated', { from: 'yellow', dueBy: c.dueBy.toISOString() }),
          ),
        );
        return { escalated: changed.length, fired };
      });
    },

    // ------------------------------------------------------------------------------------------- rules

    async rules(tenantId: number) {
      const overrides = await store.loadOverrides(db.sql, tenantId);
      return RULE_KINDS.map((kind) => ({
        kind,
        defaults: defaultConfig(kind),
        effective: effectiveConfig(kind, overrides),
        byPowerItem: overrides.filter((o) => o.ruleId === kind.id && o.powerItemCode !== null),
      }));
    },

    async configureRule(
      actor: Actor,
      ruleId: string,
      input: {
        powerItemCode: string | null;
        enabled: boolean;
        severity: Severity;
        respondWorkingDays: number;
        params: Record<string, unknown>;
        version: number;
      },
    ) {
      const kind = ruleKind(ruleId);
      if (!kind) throw errors.notFound('rule');
      const problems = validateOverride(kind, input);
      const first = problems[0];
      if (first) throw errors.validation(first.field, first.message, { problems });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const version = await store.saveOverride(
          tx,
          actor.tenantId,
          {
            ruleId,
            powerItemCode: input.powerItemCode,
            enabled: input.enabled,
            severity: input.severity,
            respondWorkingDays: input.respondWorkingDays,
            params: input.params,
          },
          input.version,
        );
        if (version === null) {
          throw errors.conflict('VERSION_CONFLICT', 'the rule changed; reload and retry', 'version');
        }
        await appendEvents(tx, actor, now, [
          {
            streamType: 'supervisionRule',
            streamId: input.powerItemCode ? `${ruleId}@${input.powerItemCode}` : ruleId,
            name: 'supervision.rule.configured',
            payload: { ruleId, ...input, version },
          },
        ]);
        return version;
      });
    },

    // ---------------------------------------------------------------------------------- accountability

    async recordAccountability(actor: Actor, input: AccountabilityInput): Promise<Accountability> {
      if (input.subjectKind === 'officer' && input.subjectAccountId === null) {
        throw errors.validation('subjectAccountId', 'an officer subject needs subjectAccountId');
      }
      if (input.subjectKind === 'unit' && input.subjectUnitCode === null) {
        throw errors.validation('subjectUnitCode', 'a unit subject needs subjectUnitCode');
      }
      if (input.subjectKind === 'unit' && input.subjectUnitCode !== null) {
        if (!(await deps.org.findUnit(actor.tenantId, input.subjectUnitCode))) {
          throw errors.validation('subjectUnitCode', `no unit ${input.subjectUnitCode}`);
        }
      }
      await checkCards(actor.tenantId, input.cardIds);
      const now = clock.now();
      const record: Accountability = {
        id: randomUUID(),
        ...input,
        subjectAccountId: input.subjectKind === 'officer' ? input.subjectAccountId : null,
        subjectUnitCode: input.subjectKind === 'unit' ? input.subjectUnitCode : null,
        decidedBy: actor.accountId,
        decidedAt: now,
        withdrawnAt: null,
        version: 1,
      };
      await db.transaction(async (tx) => {
        await accountabilityStore.insertAccountability(tx, actor.tenantId, record);
        await appendEvents(tx, actor, now, [accEvent(record, 'supervision.accountability.recorded')]);
      });
      return record;
    },

    async changeAccountability(
      actor: Actor,
      id: string,
      input: Pick<AccountabilityInput, 'outcome' | 'basis' | 'note' | 'cardIds'> & {
        version: number;
        withdrawn?: boolean;
      },
    ): Promise<Accountability> {
      await checkCards(actor.tenantId, input.cardIds);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const current = await accountabilityStore.findAccountability(tx, actor.tenantId, id);
        if (!current) throw errors.notFound('accountability record');
        if (current.version !== input.version) throw errors.versionConflict(input.version, current.version);
        if (current.withdrawnAt !== null) {
          throw new AppError(409, 'INVALID_TRANSITION', 'a withdrawn accountability record does not change');
        }
        const next: Accountability = {
          ...current,
          outcome: input.outcome,
          basis: input.basis,
          note: input.note,
          cardIds: input.cardIds,
          withdrawnAt: input.withdrawn ? now : null,
          version: current.version + 1,
        };
        if (!(await accountabilityStore.updateAccountability(tx, actor.tenantId, next, current.version))) {
          throw errors.versionConflict(input.version, current.version + 1);
        }
        const name = input.withdrawn
          ? 'supervision.accountability.withdrawn'
          : 'supervision.accountability.changed';
        await appendEvents(tx, actor, now, [accEvent(next, name)]);
        return next;
      });
    },

    findAccountability: async (tenantId: number, id: string) => {
      const a = await accountabilityStore.findAccountability(db.sql, tenantId, id);
      if (!a) throw errors.notFound('accountability record');
      return a;
    },
    listAccountability: (
      tenantId: number,
      filter: Parameters<typeof accountabilityStore.listAccountability>[2],
    ) => accountabilityStore.listAccountability(db.sql, tenantId, filter),

    // ----------------------------------------------------------------------------------------- grading

    async gradingScheme(tenantId: number): Promise<{ scheme: GradingScheme; version: number }> {
      return (
        (await accountabilityStore.readGrading(db.sql, tenantId)) ?? { scheme: DEFAULT_GRADING, version: 0 }
      );
    },

    async configureGrading(actor: Actor, input: GradingScheme & { version: number }): Promise<number> {
      const { version: expected, ...scheme } = input;
      const { problems, fineIndicator } = validateScheme(scheme);
      const first = problems[0];
      if (fineIndicator) {
        const fine = problems.find((p) => /Art\. 74/.test(p.message)) ?? first;
        throw ruleViolation(
          FINE_INDICATOR_RULE,
          fine?.message ?? 'fine totals are never an indicator',
          fine?.field,
          {
            basis: '行政处罚法 Art. 74',
          },
        );
      }
      if (first) throw errors.validation(first.field, first.message, { problems });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const version = await accountabilityStore.saveGrading(tx, actor.tenantId, scheme, expected);
        if (version === null) {
          throw errors.conflict('VERSION_CONFLICT', 'the scheme changed; reload and retry', 'version');
        }
        await appendEvents(tx, actor, now, [
          {
            streamType: 'supervisionGrading',
            streamId: String(actor.tenantId),
            name: 'supervision.grading.configured',
            payload: { ...scheme, version },
          },
        ]);
        return version;
      });
    },

    async grading(tenantId: number, quarter: string) {
      const q = parseQuarter(quarter);
      if (!q) throw errors.validation('quarter', 'quarter is written like 2025Q4');
      const calendar = await deps.calendars.forTenant(tenantId);
      const zone = calendar.definition.timeZone;
      const local = (y: number, m: number) => {
        const wall = Date.UTC(y, m, 1);
        return new Date(wall - zoneOffsetMinutes(wall, zone) * 60_000);
      };
      const from = local(q.year, q.firstMonth);
      const to = local(q.year + (q.firstMonth === 9 ? 1 : 0), (q.firstMonth + 3) % 12);
      const now = clock.now();
      const { scheme, version } = await service.gradingScheme(tenantId);
      const facts = await accountabilityStore.gradingFacts(
        db.sql,
        tenantId,
        from,
        to,
        now.getTime() < to.getTime() ? now : to,
      );
      const units = new Map<string, SubjectFacts>();
      const officers = new Map<number, SubjectFacts>();
      const of = <K>(m: Map<K, SubjectFacts>, k: K) => {
        let f = m.get(k);
        if (!f) m.set(k, (f = { cards: [], accountability: 0 }));
        return f;
      };
      for (const u of await deps.org.listUnits(tenantId)) if (u.active) of(units, u.code);
      for (const c of facts.cards) {
        const row = {
          severity: c.severity,
          initialSeverity: c.initialSeverity,
          escalated: c.escalated,
          late: c.late,
        };
        if (c.unitCode !== null) of(units, c.unitCode).cards.push(row);
        if (c.officerAccountId !== null) of(officers, Number(c.officerAccountId)).cards.push(row);
      }
      for (const a of facts.accountability) {
        if (a.subjectKind === 'unit' && a.unitCode !== null) of(units, a.unitCode).accountability += 1;
        if (a.subjectKind === 'officer' && a.accountId !== null) {
          of(officers, Number(a.accountId)).accountability += 1;
        }
      }
      return {
        quarter,
        from,
        to,
        schemeVersion: version,
        scheme,
        units: [...units].map(([code, f]) => ({ unitCode: code, ...grade(scheme, f) })),
        officers: [...officers].map(([id, f]) => ({ accountId: id, ...grade(scheme, f) })),
      };
    },
  };
  return service;

  async function checkCards(tenantId: number, ids: readonly string[]): Promise<void> {
    const found = await store.cardsExist(db.sql, tenantId, ids);
    const missing = ids.findIndex((id) => !found.some((c) => c.id === id));
    if (missing >= 0) throw errors.validation(`cardIds[${missing}]`, `no card ${ids[missing]}`);
  }
}

function accEvent(a: Accountability, name: string) {
  return {
    streamType: ACC_STREAM,
    streamId: a.id,
    name,
    payload: {
      subjectKind: a.subjectKind,
      subjectAccountId: a.subjectAccountId,
      subjectUnitCode: a.subjectUnitCode,
      outcome: a.outcome,
      cardIds: a.cardIds,
      version: a.version,
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
