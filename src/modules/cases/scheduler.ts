/**
 * The background work of the case loop, safe to run in every server process at once:
 * - warnings: due clocks raise prompt / yellow / red exactly once (rows locked with SKIP LOCKED, the raised
 *   level stored in the same transaction as the event); red on the 处置 clock marks the case overdue;
 * - holds: a 挂账 whose date has come resumes (through the ordinary step, so the version check decides who
 *   does it when two processes try);
 * - calendar amendments: open clocks computed on an older calendar version get their deadlines recomputed;
 * - the outbox: 12345 status changes are delivered with retries.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { appendEvents, type NewEvent } from '../../platform/events/index.js';
import type { CaseCommands } from './commands.js';
import type { CasesDeps, ContextCache } from './context.js';
import { decide } from './domain/lifecycle.js';
import { dueWarnings, nextFireAt, type WarningLevel } from './domain/stage-timers.js';
import { caseEvent, toStoredEvents } from './events.js';
import * as store from './store.js';
import * as timerStore from './timer-store.js';
import { toRecord, toState } from './timer-records.js';
import type { CaseRecord, TimerRecord } from './types.js';
import type { CaseState } from './domain/states.js';

const HOLD_RETRY_MS = 60_000;
const RANK: Record<WarningLevel, number> = { prompt: 1, yellow: 2, red: 3 };

export function timerActor(tenantId: number): Actor {
  return { kind: 'system', tenantId, accountId: null, roles: ['integration'], requestId: null };
}

export interface SweepResult {
  readonly warnings: number;
  readonly overdue: number;
  readonly holdsDue: number;
}

export function createScheduler(deps: CasesDeps, contexts: ContextCache, commands: CaseCommands) {
  /** One sweep: at most `limit` due clocks. Its cost follows what is due, not what is open. */
  async function sweep(
    limit = 100,
  ): Promise<SweepResult & { holds: { tenantId: number; caseId: string }[] }> {
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      // Nobody waits on a sweep's commit, and a sweep lost in a crash is redone: its clocks are still due. So
      // the commit need not wait for the disk (it is durable a fraction of a second later, or as soon as any
      // later commit is); every command that answers a person still commits synchronously.
      const {
        timers: due,
        cases: locked,
        heads,
      } = await timerStore.lockDueTimers(tx, now, limit, { asyncCommit: true });
      if (due.length === 0) return { warnings: 0, overdue: 0, holdsDue: 0, holds: [] };
      const at = now.toISOString();
      let warnings = 0;
      let overdue = 0;
      const holds: { tenantId: number; caseId: string }[] = [];
      const tenants = [...new Set(due.map((t) => t.tenantId))];
      for (const tenantId of tenants) {
        const mine = due.filter((t) => t.tenantId === tenantId);
        const cases = locked;
        const events: NewEvent[] = [];
        const fired: { caseId: string; kind: string; fired: WarningLevel | null; fireAt: Date | null }[] = [];
        const warned = new Map<string, WarningLevel>();
        const overdueCases = new Map<string, CaseState>();
        for (const t of mine) {
          const c = cases.get(t.caseId);
          if (!c) continue;
          if (t.kind === 'hold') {
            // Leased for a minute: if the resume below fails or the process dies, the next sweep tries again.
            fired.push({
              caseId: t.caseId,
              kind: t.kind,
              fired: t.fired,
              fireAt: new Date(now.getTime() + HOLD_RETRY_MS),
            });
            holds.push({ tenantId, caseId: t.caseId });
            continue;
          }
          const state = toState(t);
          const s = {
            deadline: t.deadline.getTime(),
            promptAt: t.promptAt?.getTime() ?? t.deadline.getTime(),
            yellowAt: t.yellowAt?.getTime() ?? t.deadline.getTime(),
          };
          const levels = dueWarnings(state, s, now.getTime());
          const top = levels[levels.length - 1] ?? null;
          const fire = nextFireAt(state, s, top);
          fired.push({
            caseId: t.caseId,
            kind: t.kind,
            fired: top ?? t.fired,
            fireAt: fire === null ? null : new Date(fire),
          });
          const deadline = t.deadline.toISOString();
          for (const level of levels) {
            warnings += 1;
            events.push(
              caseEvent(c, 'cases.case.warned', {
                at,
                timer: t.kind,
                stage: c.stage,
                level,
                deadline,
                generation: t.generation,
                role: 'integration',
              }),
            );
          }
          const shown = warned.get(c.id) ?? c.warning;
          if (top !== null && (shown === null || RANK[top] > RANK[shown])) warned.set(c.id, top);
          if (levels.includes('red') && t.kind === 'handle') {
            const marked = decide(
              c.state,
              { kind: 'markOverdue' },
              { roles: ['integration'] },
              now.toISOString(),
            );
            if (marked.ok) {
              overdue += 1;
              overdueCases.set(c.id, marked.state);
              events.push(...toStoredEvents(c, marked.events, { deadline: t.deadline.toISOString() }));
            }
          }
        }
        // An overdue mark writes the step state with the warning; other cases get only the warning.
        const writes = timerStore.markFiredSql(
          tenantId,
          fired,
          [...warned]
            .filter(([id]) => !overdueCases.has(id))
            .map(([caseId, warning]) => ({ caseId, warning })),
        );
        if (overdueCases.size > 0) {
          writes.push(
            timerStore.markOverdueSql(
              tenantId,
              [...overdueCases].map(([caseId, state]) => ({
                caseId,
                state,
                warning: warned.get(caseId) ?? cases.get(caseId)?.warning ?? null,
                at: now,
              })),
            ),
          );
        }
        // One statement: the rows are locked, so nothing is left to decide between the writes.
        await appendEvents(tx, timerActor(tenantId), now, events, { knownHeads: heads, alongside: writes });
      }
      return { warnings, overdue, holdsDue: holds.length, holds };
    });
  }

  /** Sweeps until nothing is due, then resumes the holds that ended. */
  async function runDue(limit = 100): Promise<SweepResult> {
    const total = { warnings: 0, overdue: 0, holdsDue: 0 };
    for (;;) {
      const r = await sweep(limit);
      total.warnings += r.warnings;
      total.overdue += r.overdue;
      total.holdsDue += r.holdsDue;
      for (const h of r.holds) {
        const actor = timerActor(h.tenantId);
        await commands
          .step({ actor, roles: actor.roles, viewer: null }, h.caseId, { kind: 'resume' }, null)
          .catch(() => undefined);
      }
      if (r.warnings + r.holdsDue === 0 || r.warnings + r.holdsDue < limit) break;
    }
    return total;
  }

  const seenCalendar = new Map<number, number>();

  /** Recomputes the deadlines of open clocks computed on an older calendar (after an amendment). */
  async function recomputeDeadlines(tenantId: number): Promise<number> {
    contexts.invalidate(tenantId);
    const ctx = await contexts.get(tenantId);
    let changed = 0;
    for (;;) {
      const now = deps.clock.now();
      const n = await deps.db.transaction(async (tx) => {
        const stale = await timerStore.staleTimers(tx, tenantId, ctx.calendarVersion, 500);
        if (stale.length === 0) return 0;
        const cases = new Map(
          (await store.findCasesByIds(tx, tenantId, [...new Set(stale.map((t) => t.caseId))])).map((c) => [
            c.id,
            c,
          ]),
        );
        const timers: TimerRecord[] = [];
        const events: NewEvent[] = [];
        const updates: { record: CaseRecord; expectedVersion: number }[] = [];
        for (const t of stale) {
          const next = toRecord(
            t.caseId,
            t.stage,
            toState(t),
            ctx.calendar,
            ctx.settings,
            ctx.calendarVersion,
          );
          timers.push(next);
          const c = cases.get(t.caseId);
          if (!c || next.deadline.getTime() === t.deadline.getTime()) continue;
          events.push(
            caseEvent(c, 'cases.case.deadlineMoved', {
              at: now.toISOString(),
              timer: t.kind,
              from: t.deadline.toISOString(),
              to: next.deadline.toISOString(),
              reason: 'calendar',
              calendarVersion: ctx.calendarVersion,
            }),
          );
          const main =
            t.kind === 'handle' || !stale.some((o) => o.caseId === t.caseId && o.kind === 'handle');
          if (main && c.deadline && c.deadline.getTime() === t.deadline.getTime() && t.pausedAt === null) {
            updates.push({ record: { ...c, deadline: next.deadline }, expectedVersion: c.version });
          }
        }
        await timerStore.upsertTimers(tx, tenantId, timers);
        await store.updateCases(tx, tenantId, updates);
        await appendEvents(tx, timerActor(tenantId), now, events);
        return events.length;
      });
      // Rows another process holds are its to recompute.
      if (n === 0) break;
      changed += n;
    }
    seenCalendar.set(tenantId, ctx.calendarVersion);
    return changed;
  }

  async function checkCalendars(): Promise<void> {
    const tenants = await sql<{ id: number }>`SELECT id FROM tenants`.execute(deps.db.sql);
    for (const { id } of tenants.rows) {
      const version = await deps.calendars.versionOf(id).catch(() => null);
      if (version === null || seenCalendar.get(id) === version) continue;
      await recomputeDeadlines(id);
    }
  }

  return { sweep, runDue, recomputeDeadlines, checkCalendars };
}

export type Scheduler = ReturnType<typeof createScheduler>;
