/**
 * The rule engine's vocabulary: what a rule sees (an event, the record's history, the actor's recent actions,
 * the organisation facts it needs, `now`, the calendar) and what it answers (a card draft, or nothing).
 * Pure types; no I/O.
 */
export const SEVERITIES = ['prompt', 'yellow', 'red'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { prompt: 1, yellow: 2, red: 3 };

export const TARGET_KINDS = ['case', 'step', 'officer', 'unit'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** An event as the rules see it (the platform's feed event, with the actor taken from the payload). */
export interface SupervisedEvent {
  seq: number;
  name: string;
  streamType: string;
  streamId: string;
  streamVersion: number;
  occurredAt: Date;
  /** The account that acted (payload.actorId), or null for the system, gateways and the public. */
  actorId: number | null;
  payload: Record<string, unknown>;
}

/** An earlier action of the same account (kept by the engine for rules that count actions in a window). */
export interface ActorAction {
  name: string;
  seq: number;
  at: Date;
}

/** What the organisation says about the acting account at the event's time. */
export interface ActorFacts {
  unitCode: string;
  scope: { all: boolean; regionCodes: string[]; unitCodes: string[] };
  /** A duty shift of the account covers the event's time. */
  onDutyShift: boolean;
}

/** The parts of the working calendar rules use (the tenant's WorkingCalendar satisfies it). */
export interface RuleCalendar {
  deadline(start: number, amount: number, unit: 'working_day' | 'work_hour'): number;
  elapsed(from: number, to: number, unit: 'work_hour' | 'working_day'): number;
  isWorkingDate(date: string): boolean;
  readonly definition: {
    readonly timeZone: string;
    readonly officeWindows: readonly { readonly start: string; readonly end: string }[];
  };
}

export interface RuleInput<P> {
  params: P;
  event: SupervisedEvent;
  /** Earlier events of the same record (same stream), oldest first. */
  history: readonly SupervisedEvent[];
  /** Earlier actions of the acting account with the names the rule kind tracks, oldest first. */
  actorHistory: readonly ActorAction[];
  /** When a card of this rule last fired for a target (to keep one burst one card). */
  lastFired: (targetKind: TargetKind, targetId: string) => Date | null;
  /** The acting staff member, or null (system, gateway, account without a staff record). */
  actor: ActorFacts | null;
  now: Date;
  calendar: RuleCalendar;
}

/** What a rule answers when it fires. The engine adds the rule id, the config's severity and the due-by. */
export interface CardDraft {
  target: { kind: TargetKind; id: string };
  /** Overrides the configured severity (e.g. the stage-overdue rule follows the warning level). */
  severity?: Severity;
  /** The account the card is attributed to, when one is. */
  officerAccountId?: number | null;
  summary: string;
  facts: Record<string, unknown>;
}

/** A configurable check: one entry of the rule-kind registry. */
export interface RuleKind<P extends object = Record<string, unknown>> {
  /** Stable id, `<area>.<what>` (e.g. `case.stage-overdue`); the card's rule. */
  id: string;
  title: { 'zh-CN': string; en: string };
  /** The rule or practice it rests on (domain reference §9). */
  basis: string;
  /** Event names that may make it fire (the engine looks at nothing else for it). */
  triggers: readonly string[];
  /** Event names the engine must remember per account for `actorHistory` (and how far back, in minutes). */
  actorHistory?: { events: readonly string[]; windowMinutes: (params: P) => number };
  /** Needs the acting account's organisation facts. */
  needsActor?: boolean;
  defaults: { enabled: boolean; severity: Severity; respondWorkingDays: number; params: P };
  /** Checks override params; returns the list of problems (field path + message), empty when valid. */
  validate(params: Record<string, unknown>): { field: string; message: string }[];
  /** Event rule: decides on the event itself. */
  evaluate?(input: RuleInput<P>): CardDraft | null;
  /**
   * Time rule: on its trigger events it sets, moves or cancels watches (`plan`); the tick fires each watch
   * whose time has come once (`fire`, with `now`). A new plan for the same key starts a new generation.
   */
  watch?: {
    plan(input: RuleInput<P>): WatchPlan[];
    fire(input: { params: P; watch: Watch; now: Date; calendar: RuleCalendar }): CardDraft | null;
  };
}

/** A watch set (dueAt) or cancelled (dueAt null) by a time rule's plan. */
export interface WatchPlan {
  key: string;
  dueAt: Date | null;
  facts: Record<string, unknown>;
}

/** A stored watch as the tick hands it to `fire`. */
export interface Watch {
  key: string;
  dueAt: Date;
  /** The event that set it (its seq is the trigger of the card it raises). */
  seq: number;
  eventName: string;
  facts: Record<string, unknown>;
}

/** A rule's effective configuration for a tenant (defaults merged with the stored override). */
export interface RuleConfig {
  ruleId: string;
  powerItemCode: string | null;
  enabled: boolean;
  severity: Severity;
  respondWorkingDays: number;
  params: Record<string, unknown>;
  version: number;
}
