/**
 * The rule engine's pure core: one event in, the cards every enabled rule kind raises for it out. Loading the
 * history, the actor's facts and the configuration is the caller's job (projection.ts); nothing here reads
 * the clock or the database.
 */
import { effectiveConfig, triggeredBy, type RuleOverride } from './registry.js';
import type {
  ActorAction,
  ActorFacts,
  CardDraft,
  RuleCalendar,
  RuleConfig,
  RuleInput,
  RuleKind,
  Severity,
  SupervisedEvent,
  TargetKind,
  WatchPlan,
} from './types.js';

export interface EngineContext {
  overrides: readonly RuleOverride[];
  history(event: SupervisedEvent): readonly SupervisedEvent[];
  actorHistory(accountId: number, names: readonly string[]): readonly ActorAction[];
  lastFired(ruleId: string, kind: TargetKind, id: string): Date | null;
  actor(accountId: number, at: Date): ActorFacts | null;
  calendar: RuleCalendar;
}

export interface FiredCard {
  ruleId: string;
  severity: Severity;
  powerItemCode: string | null;
  firedAt: Date;
  dueBy: Date;
  draft: CardDraft;
}

/**
 * The power-list item an event exercises, when its payload names one: `powerItemCode`, or `powerItem.code`
 * as a case's report event carries it (later case events do not repeat it yet).
 */
export function powerItemOf(event: SupervisedEvent): string | null {
  const ref = event.payload.powerItem;
  const code =
    event.payload.powerItemCode ??
    (typeof ref === 'object' && ref !== null ? (ref as { code?: unknown }).code : undefined);
  return typeof code === 'string' && code.length > 0 ? code : null;
}

/** Rule kinds whose trigger matches the event and whose effective configuration is enabled. */
export function applicableKinds(
  kinds: readonly RuleKind[],
  event: SupervisedEvent,
  overrides: readonly RuleOverride[],
): RuleKind[] {
  const item = powerItemOf(event);
  return kinds.filter((k) => triggeredBy(k, event.name) && effectiveConfig(k, overrides, item).enabled);
}

/** A watch a time rule set or cancelled on an event. */
export interface PlannedWatch extends WatchPlan {
  ruleId: string;
  seq: number;
  eventName: string;
}

export function evaluateEvent(
  kinds: readonly RuleKind[],
  event: SupervisedEvent,
  ctx: EngineContext,
): FiredCard[] {
  return runEvent(kinds, event, ctx).cards;
}

/** Evaluates one event: the cards of the event rules and the watches of the time rules. */
export function runEvent(
  kinds: readonly RuleKind[],
  event: SupervisedEvent,
  ctx: EngineContext,
): { cards: FiredCard[]; watches: PlannedWatch[] } {
  const item = powerItemOf(event);
  const fired: FiredCard[] = [];
  const watches: PlannedWatch[] = [];
  for (const kind of applicableKinds(kinds, event, ctx.overrides)) {
    const config = effectiveConfig(kind, ctx.overrides, item);
    const input: RuleInput<Record<string, unknown>> = {
      params: config.params,
      event,
      history: ctx.history(event),
      actorHistory:
        kind.actorHistory && event.actorId !== null
          ? ctx.actorHistory(event.actorId, kind.actorHistory.events)
          : [],
      lastFired: (targetKind, id) => ctx.lastFired(kind.id, targetKind, id),
      actor: kind.needsActor && event.actorId !== null ? ctx.actor(event.actorId, event.occurredAt) : null,
      now: event.occurredAt,
      calendar: ctx.calendar,
    };
    for (const w of kind.watch?.plan(input) ?? []) {
      watches.push({ ...w, ruleId: kind.id, seq: event.seq, eventName: event.name });
    }
    const draft = kind.evaluate?.(input) ?? null;
    if (draft === null) continue;
    fired.push(fire(kind.id, draft, config, item, event.occurredAt, ctx.calendar));
  }
  return { cards: fired, watches };
}

/** A card draft with the rule's configuration applied: severity and the due-by of the answer. */
export function fire(
  ruleId: string,
  draft: CardDraft,
  config: Pick<RuleConfig, 'severity' | 'respondWorkingDays'>,
  powerItemCode: string | null,
  firedAt: Date,
  calendar: RuleCalendar,
): FiredCard {
  return {
    ruleId,
    severity: draft.severity ?? config.severity,
    powerItemCode,
    firedAt,
    dueBy: new Date(calendar.deadline(firedAt.getTime(), config.respondWorkingDays, 'working_day')),
    draft,
  };
}
