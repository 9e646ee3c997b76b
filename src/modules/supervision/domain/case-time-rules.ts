/**
 * The case-loop rules about the clock: a stage overdue, the prompt one working day before the 处置 deadline,
 * and steps taken outside office hours without a duty shift. Pure, as every rule (case-rules.ts).
 */
import { formatInZone, parseInstant } from '../../../platform/zoned-time.js';
import { stringListParam, unknownParams } from './params.js';
import { SEVERITIES, type RuleCalendar, type RuleKind, type Severity } from './types.js';
import { E, text, caseFacts, caseCard } from './case-rule-facts.js';

// ---------------------------------------------------------------------------------------------------------
// STEP_OVERDUE: a stage clock's prompt / yellow / red warning becomes a card of the same level.

export interface StageOverdueParams {
  /** Warning levels that raise a card. */
  levels: Severity[];
  /** Clocks watched (verify, file, dispatch, accept, handle, check); empty: all. */
  timers: string[];
}

export const stageOverdue: RuleKind<StageOverdueParams> = {
  id: 'case.stage-overdue',
  title: { 'zh-CN': '环节超时（提示 / 黄牌 / 红牌）', en: 'Stage clock near or past its deadline' },
  basis: 'e-supervision practice: 环节超时 (domain reference §9.1, §9.2 STEP_OVERDUE)',
  triggers: [E('warned')],
  defaults: {
    enabled: true,
    severity: 'yellow',
    respondWorkingDays: 2,
    // The prompt comes from case.deadline-prompt (one working day before); the 70 % prompt warning can be
    // added here by configuration.
    params: { levels: ['yellow', 'red'], timers: [] },
  },
  validate: (p) => [
    ...unknownParams(p, ['levels', 'timers']),
    ...stringListParam(p, 'levels', SEVERITIES),
    ...stringListParam(p, 'timers', ['verify', 'file', 'dispatch', 'accept', 'handle', 'check']),
  ],
  evaluate({ params, event }) {
    const level = text(event.payload, 'level');
    const timer = text(event.payload, 'timer') ?? 'unknown';
    if (level === null || !(SEVERITIES as readonly string[]).includes(level)) return null;
    if (!params.levels.includes(level as Severity)) return null;
    if (params.timers.length > 0 && !params.timers.includes(timer)) return null;
    return {
      target: { kind: 'step', id: `${event.streamId}:${timer}` },
      severity: level as Severity,
      officerAccountId: null,
      summary: `环节 ${timer} ${level === 'red' ? '已超时' : '临近时限'}（${level}）`,
      facts: {
        ...caseFacts(event),
        timer,
        level,
        deadline: text(event.payload, 'deadline'),
        generation: event.payload.generation ?? null,
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// Acting outside office hours without a duty shift (off duty).

export interface OffDutyParams {
  events: string[];
}

/**
 * On a working date, between the start of the first office window and the end of the last one (a lunch
 * break between windows counts as the working day).
 */
export function withinWorkingDay(calendar: RuleCalendar, at: Date): boolean {
  const local = formatInZone(at, calendar.definition.timeZone);
  if (!calendar.isWorkingDate(local.slice(0, 10))) return false;
  const windows = calendar.definition.officeWindows;
  if (windows.length === 0) return false;
  const hm = local.slice(11, 16);
  const first = windows.reduce((m, w) => (w.start < m ? w.start : m), '24:00');
  const last = windows.reduce((m, w) => (w.end > m ? w.end : m), '00:00');
  return first <= hm && hm < last;
}

export const offDuty: RuleKind<OffDutyParams> = {
  id: 'case.off-duty',
  title: { 'zh-CN': '非工作时间且不在值班表内办理', en: 'Action off duty' },
  basis: 'duty rosters (值班表); e-supervision: 主体',
  triggers: ['cases.case.*'],
  needsActor: true,
  defaults: {
    enabled: true,
    severity: 'prompt',
    respondWorkingDays: 3,
    params: {
      events: [
        E('accepted'),
        E('returned'),
        E('reportedBack'),
        E('checked'),
        E('closed'),
        E('voided'),
        E('forceClosed'),
        E('extensionRequested'),
        E('holdRequested'),
      ],
    },
  },
  validate: (p) => [...unknownParams(p, ['events']), ...stringListParam(p, 'events')],
  evaluate({ params, event, actor, calendar }) {
    if (actor === null || !params.events.includes(event.name) || actor.onDutyShift) return null;
    if (withinWorkingDay(calendar, event.occurredAt)) return null;
    return caseCard(event, `非工作时间且不在值班表内办理（${event.name.slice('cases.case.'.length)}）`, {
      actorUnitCode: actor.unitCode,
    });
  },
};

// ---------------------------------------------------------------------------------------------------------
// Prompt one working day before the 处置 deadline (a time rule: a watch set by the events that start or move
// the clock, cancelled when it stops; the tick fires it).

/** The same local time on the previous working date (one working day before `deadline`). */
export function oneWorkingDayBefore(deadline: Date, calendar: RuleCalendar): Date {
  const tz = calendar.definition.timeZone;
  const local = formatInZone(deadline, tz);
  let day = Date.parse(`${local.slice(0, 10)}T00:00:00Z`);
  for (let i = 0; i < 60; i += 1) {
    day -= 86_400_000;
    const date = new Date(day).toISOString().slice(0, 10);
    if (calendar.isWorkingDate(date)) {
      return new Date(parseInstant(`${date}T${local.slice(11, 19)}`, tz) ?? deadline.getTime() - 86_400_000);
    }
  }
  return new Date(deadline.getTime() - 86_400_000);
}

const STOPS_HANDLE = [E('closed'), E('forceClosed'), E('voided'), E('merged'), E('held')];

export const deadlinePrompt: RuleKind<Record<string, never>> = {
  id: 'case.deadline-prompt',
  title: { 'zh-CN': '处置时限前一个工作日提示', en: 'Prompt one working day before the handling deadline' },
  basis: 'e-supervision practice: 提示信号 one working day before the promised deadline (§9.1, §9.3)',
  triggers: ['cases.case.*'],
  defaults: { enabled: true, severity: 'prompt', respondWorkingDays: 2, params: {} },
  validate: (p) => unknownParams(p, []),
  watch: {
    plan({ event, calendar }) {
      const key = `${event.streamId}:handle`;
      const moved = event.name === E('deadlineMoved') && event.payload.timer === 'handle';
      const deadline = text(event.payload, moved ? 'to' : 'handleDeadline');
      if (deadline !== null && !Number.isNaN(Date.parse(deadline))) {
        const dueAt = oneWorkingDayBefore(new Date(deadline), calendar);
        // A clock shorter than a working day gets no prompt: its warnings cover it.
        return [
          {
            key,
            dueAt: dueAt.getTime() > event.occurredAt.getTime() ? dueAt : null,
            facts: { ...caseFacts(event), timer: 'handle', deadline },
          },
        ];
      }
      const outcomes = event.payload.stageOutcomes;
      const finished = typeof outcomes === 'object' && outcomes !== null && 'handle' in outcomes;
      if (finished || STOPS_HANDLE.includes(event.name)) return [{ key, dueAt: null, facts: {} }];
      return [];
    },
    fire({ watch, now }) {
      const deadline = typeof watch.facts.deadline === 'string' ? Date.parse(watch.facts.deadline) : NaN;
      if (!(now.getTime() < deadline)) return null;
      return {
        target: { kind: 'step', id: watch.key },
        officerAccountId: null,
        summary: '处置时限将于一个工作日内到期',
        facts: { ...watch.facts, promptAt: watch.dueAt.toISOString() },
      };
    },
  },
};
