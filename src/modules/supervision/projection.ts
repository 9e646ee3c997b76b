/**
 * The rule engine over the event log: a projection (platform/events/projection.ts), so every event is
 * evaluated exactly once — the cards, their notifications and `supervision.card.raised` events are written
 * in the transaction that moves the projection's position. A repeated evaluation could not double a card
 * anyway: (rule, target, trigger event) is unique.
 *
 * It has no `reset`: cards carry people's answers and reviews, so they are records, not a disposable read model.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/index.js';
import { appendEvents, type FeedEvent, type NewEvent, type Projection } from '../../platform/events/index.js';
import { systemActor } from '../../platform/actor.js';
import { calendarIn, staffIn, type CalendarCache, type StaffFacts } from './context-store.js';
import {
  applicableKinds,
  powerItemOf,
  runEvent,
  type EngineContext,
  type FiredCard,
} from './domain/engine.js';
import { RULE_KINDS } from './domain/registry.js';
import type { ActorAction, RuleKind, SupervisedEvent } from './domain/types.js';
import * as store from './store.js';
import * as watchStore from './watch-store.js';
import type { Card, Notification } from './types.js';

export const SUPERVISION_PROJECTION = 'supervision.cards';
export const CARD_STREAM = 'supervisionCard';

/** Notifications of a new or escalated card: the attributed officer and the head of the card's unit. */
export function recipientsOf(card: Card, reason: Notification['reason'], at: Date): Notification[] {
  const out: Notification[] = [];
  if (card.officerAccountId !== null) {
    out.push({
      recipientKind: 'officer',
      accountId: card.officerAccountId,
      unitCode: null,
      reason,
      createdAt: at,
    });
  }
  if (card.unitCode !== null) {
    out.push({ recipientKind: 'unitHead', accountId: null, unitCode: card.unitCode, reason, createdAt: at });
  }
  return out;
}

export function cardEvent(card: Card, name: string, payload: Record<string, unknown>): NewEvent {
  return {
    streamType: CARD_STREAM,
    streamId: card.id,
    name,
    payload: {
      ruleId: card.ruleId,
      severity: card.severity,
      targetKind: card.targetKind,
      targetId: card.targetId,
      caseId: card.caseId,
      caseNo: card.caseNo,
      unitCode: card.unitCode,
      gridCode: card.gridCode,
      // With the unit and grid, what decides who sees the event on the live stream.
      officerAccountId: card.officerAccountId,
      ...payload,
    },
  };
}

export function createSupervisionProjection(kinds: readonly RuleKind[] = RULE_KINDS): Projection {
  const calendars: CalendarCache = new Map();
  return {
    name: SUPERVISION_PROJECTION,
    async apply(tx: Tx, tenantId: number, feed: readonly FeedEvent[]): Promise<void> {
      const events = feed.map(store.toSupervised);
      const overrides = await store.loadOverrides(tx, tenantId);
      const tracked = new Map<string, number>(); // event name → longest window (minutes) any kind needs
      for (const k of kinds) {
        if (!k.actorHistory) continue;
        const params = { ...k.defaults.params, ...(overrides.find((o) => o.ruleId === k.id)?.params ?? {}) };
        for (const n of k.actorHistory.events) {
          tracked.set(n, Math.max(tracked.get(n) ?? 0, k.actorHistory.windowMinutes(params)));
        }
      }
      const candidates = events.filter((e) => applicableKinds(kinds, e, overrides).length > 0);
      const actions = events.filter((e) => e.actorId !== null && tracked.has(e.name));
      if (candidates.length === 0) {
        await store.insertActorActions(tx, tenantId, actions.map(actionRow));
        return;
      }

      const first = candidates[0]?.occurredAt ?? new Date();
      const last = candidates.at(-1)?.occurredAt ?? first;
      const calendar = await calendarIn(tx, tenantId, calendars);
      const byType = new Map<string, Set<string>>();
      for (const e of candidates) {
        const ids = byType.get(e.streamType) ?? new Set<string>();
        ids.add(e.streamId);
        byType.set(e.streamType, ids);
      }
      const histories = new Map<string, SupervisedEvent[]>();
      for (const [type, ids] of byType) {
        for (const [id, list] of await store.streamHistories(tx, tenantId, type, [...ids])) {
          histories.set(`${type}/${id}`, list);
        }
      }
      const actorIds = [...new Set(candidates.map((e) => e.actorId).filter((a): a is number => a !== null))];
      const staff: Map<number, StaffFacts> = kinds.some((k) => k.needsActor)
        ? await staffIn(tx, tenantId, actorIds, first, last)
        : new Map<number, StaffFacts>();
      const maxWindow = Math.max(0, ...tracked.values());
      const since = new Date(first.getTime() - maxWindow * 60_000);
      const remembered = await store.actorActions(tx, tenantId, actorIds, [...tracked.keys()], since);
      const burstRules = kinds.filter((k) => k.actorHistory).map((k) => k.id);
      const firings = await store.lastFirings(tx, tenantId, burstRules, 'officer', actorIds.map(String));

      const ctx: EngineContext = {
        overrides,
        calendar,
        history: (e) =>
          (histories.get(`${e.streamType}/${e.streamId}`) ?? []).filter(
            (h) => h.streamVersion < e.streamVersion,
          ),
        actorHistory: (accountId, names) =>
          (remembered.get(accountId) ?? []).filter((a) => names.includes(a.name)),
        lastFired: (ruleId, kind, id) => firings.get(`${ruleId}|${kind}|${id}`) ?? null,
        actor: (accountId, at) => {
          const s = staff.get(accountId);
          if (!s) return null;
          const t = at.getTime();
          return {
            unitCode: s.unitCode,
            scope: s.scope,
            onDutyShift: s.shifts.some(
              (x: { startsAt: number; endsAt: number }) => x.startsAt <= t && t < x.endsAt,
            ),
          };
        },
      };

      const cards: Card[] = [];
      // The last plan of each watch in the batch wins.
      const watches = new Map<string, watchStore.WatchRow>();
      for (const e of events) {
        if (applicableKinds(kinds, e, overrides).length > 0) {
          const result = runEvent(kinds, e, ctx);
          for (const w of result.watches) {
            watches.set(`${w.ruleId}|${w.key}`, {
              ruleId: w.ruleId,
              key: w.key,
              dueAt: w.dueAt,
              seq: w.seq,
              eventName: w.eventName,
              powerItemCode: powerItemOf(e),
              facts: w.facts,
            });
          }
          for (const f of result.cards) {
            const card = newCard(f, e.seq, e.name, e.streamType === 'case' ? e.streamId : null);
            cards.push(card);
            firings.set(`${card.ruleId}|${card.targetKind}|${card.targetId}`, card.firedAt);
          }
        }
        // Later events of the batch see this one in the actor's history.
        if (e.actorId !== null && tracked.has(e.name)) {
          const list: ActorAction[] = remembered.get(e.actorId) ?? [];
          list.push({ name: e.name, seq: e.seq, at: e.occurredAt });
          remembered.set(e.actorId, list);
        }
      }
      await store.insertActorActions(tx, tenantId, actions.map(actionRow));
      await watchStore.applyWatches(tx, tenantId, [...watches.values()]);
      await raiseCards(tx, tenantId, cards, last);
    },
  };
}

/** A new open card from a fired rule and the event (or watch) that triggered it. */
export function newCard(f: FiredCard, triggerSeq: number, triggerName: string, caseId: string | null): Card {
  const facts = f.draft.facts;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: randomUUID(),
    ruleId: f.ruleId,
    severity: f.severity,
    initialSeverity: f.severity,
    targetKind: f.draft.target.kind,
    targetId: f.draft.target.id,
    powerItemCode: f.powerItemCode,
    caseId: caseId ?? str(facts.caseId),
    caseNo: str(facts.caseNo),
    unitCode: str(facts.unitCode),
    gridCode: str(facts.gridCode),
    officerAccountId: f.draft.officerAccountId ?? null,
    triggerSeq,
    triggerName,
    summary: f.draft.summary,
    facts,
    status: 'open',
    firedAt: f.firedAt,
    dueBy: f.dueBy,
    escalatedAt: null,
    response: null,
    respondedAt: null,
    review: null,
    closedAt: null,
    outcome: null,
    version: 1,
  };
}

/** Writes new cards with their notifications and `supervision.card.raised` events; skips existing ones. */
export async function raiseCards(
  tx: Tx,
  tenantId: number,
  cards: readonly Card[],
  at: Date,
): Promise<Card[]> {
  const inserted = await store.insertCards(tx, tenantId, cards);
  await store.insertNotifications(
    tx,
    tenantId,
    inserted.flatMap((c) => recipientsOf(c, 'raised', c.firedAt).map((n) => ({ ...n, cardId: c.id }))),
  );
  await appendEvents(
    tx,
    systemActor(tenantId),
    at,
    inserted.map((c) =>
      cardEvent(c, 'supervision.card.raised', {
        triggerSeq: c.triggerSeq,
        triggerName: c.triggerName,
        firedAt: c.firedAt.toISOString(),
        dueBy: c.dueBy.toISOString(),
      }),
    ),
  );
  return inserted;
}

function actionRow(e: SupervisedEvent) {
  return { accountId: e.actorId as number, name: e.name, seq: e.seq, at: e.occurredAt };
}
