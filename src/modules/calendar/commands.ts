/**
 * The calendar as a service: each tenant's WorkingCalendar is built once from the database and cached; an
 * amendment or settings change bumps a version, and every process rebuilds when it sees a newer one.
 */
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { createVersionedCache } from '../../platform/versioned-cache.js';
import { errors } from '../../platform/http/app-error.js';
import { amendCalendar, type CalendarAmendmentEntry, type CalendarDayChange } from './domain/amend.js';
import { createCalendarDefinition } from './domain/calendar-definition.js';
import type { OfficeWindow } from './domain/office-windows.js';
import { buildWorkingCalendar, type WorkingCalendar } from './domain/working-calendar.js';
import * as store from './store.js';

export interface CalendarDeps {
  db: Database;
  clock: Clock;
  /** How long a cached calendar is trusted before the version is checked again. */
  recheckMs?: number;
}

export function createCalendarService(deps: CalendarDeps) {
  const { db, clock } = deps;
  const cache = createVersionedCache<WorkingCalendar>({
    clock,
    recheckMs: deps.recheckMs,
    readVersion: async (tenantId) => (await store.readCalendarVersion(db.sql, tenantId)) ?? 0,
    load: async (tenantId, previous) => {
      const stored = await store.readCalendar(db.sql, tenantId);
      if (!stored) throw errors.notFound('calendar');
      const calendar = buildWorkingCalendar(
        createCalendarDefinition(stored.definition),
        previous ? { previous } : {},
      );
      return { value: calendar, version: stored.version };
    },
  });
  const forTenant = (tenantId: number): Promise<WorkingCalendar> => cache.get(tenantId);

  async function amend(
    actor: Actor,
    input: { entries: CalendarAmendmentEntry[]; reference: string },
  ): Promise<{ version: number; changes: readonly CalendarDayChange[] }> {
    const now = clock.now();
    const result = await db.transaction(async (tx) => {
      const stored = await store.readCalendar(tx, actor.tenantId, true);
      if (!stored) throw errors.notFound('calendar');
      const amended = amendCalendar(stored.definition, input.entries);
      if (amended.changes.length === 0) return { version: stored.version, changes: amended.changes };
      await store.replaceDays(tx, actor.tenantId, amended.definition.days);
      const version = await store.bumpVersion(tx, actor.tenantId, now);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'calendar',
          streamId: String(actor.tenantId),
          name: 'calendar.calendar.amended',
          payload: {
            reference: input.reference,
            version,
            changedDates: amended.changedDates,
            // Only these can move a deadline; the case loop recomputes open deadlines that span them.
            workingChangedDates: amended.changes.filter((c) => c.workingChanged).map((c) => c.date),
            changes: amended.changes,
          },
        },
      ]);
      return { version, changes: amended.changes };
    });
    cache.invalidate(actor.tenantId);
    return result;
  }

  async function updateSettings(
    actor: Actor,
    input: { timeZone: string; officeWindows: OfficeWindow[]; version: number },
  ): Promise<number> {
    const now = clock.now();
    const version = await db.transaction(async (tx) => {
      const stored = await store.readCalendar(tx, actor.tenantId, true);
      if (!stored) throw errors.notFound('calendar');
      if (stored.version !== input.version) throw errors.versionConflict(input.version, stored.version);
      // Validates and normalises (throws CalendarInputError with the field on bad input).
      const definition = createCalendarDefinition({
        ...stored.definition,
        timeZone: input.timeZone,
        officeWindows: input.officeWindows,
      });
      const next = await store.updateSettings(tx, actor.tenantId, definition, now);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'calendar',
          streamId: String(actor.tenantId),
          name: 'calendar.settings.changed',
          payload: { version: next, timeZone: definition.timeZone, officeWindows: definition.officeWindows },
        },
      ]);
      return next;
    });
    cache.invalidate(actor.tenantId);
    return version;
  }

  async function versionOf(tenantId: number): Promise<number> {
    const v = await store.readCalendarVersion(db.sql, tenantId);
    if (v === null) throw errors.notFound('calendar');
    return v;
  }

  return { forTenant, amend, updateSettings, versionOf };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
