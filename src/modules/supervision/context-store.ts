/**
 * What the rule engine needs from other modules, read in the projection's own transaction.
 *
 * A projection's apply may use only its transaction (on PGlite the pool is one connection, so the calendar
 * and org services, which read through their own connection, would wait for it forever). The working
 * calendar, staff scopes and duty shifts are therefore read here, read-only, from the tables the calendar
 * and org modules own (migrations 0002 and 0004), and the calendar is built with the calendar module's
 * public functions. Nothing here writes to those tables.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.js';
import {
  buildWorkingCalendar,
  createCalendarDefinition,
  DEFAULT_OFFICE_WINDOWS,
  DEFAULT_TIME_ZONE,
  type OfficeWindow,
  type WorkingCalendar,
} from '../calendar/index.js';
import type { ActorFacts } from './domain/types.js';

/** Built calendars by tenant, rebuilt when the stored calendar version moves (one cache per projection). */
export type CalendarCache = Map<number, { version: number; calendar: WorkingCalendar }>;

export async function calendarIn(
  tx: Tx,
  tenantId: number,
  calendars: CalendarCache,
): Promise<WorkingCalendar> {
  const settings = await sql<{ timeZone: string; officeWindows: OfficeWindow[]; version: number }>`
    SELECT time_zone AS "timeZone", office_windows AS "officeWindows", version
    FROM calendar_settings WHERE tenant_id = ${tenantId}`.execute(tx);
  // A tenant without a stored calendar (not seeded yet) gets the default one: weekdays, default office hours.
  const row = settings.rows[0] ?? {
    timeZone: DEFAULT_TIME_ZONE,
    officeWindows: [...DEFAULT_OFFICE_WINDOWS],
    version: 0,
  };
  const cached = calendars.get(tenantId);
  if (cached && cached.version === row.version) return cached.calendar;
  const days = await sql<{ date: string; isOffDay: boolean; name: string }>`
    SELECT to_char(date, 'YYYY-MM-DD') AS date, is_off_day AS "isOffDay", name
    FROM calendar_days WHERE tenant_id = ${tenantId} ORDER BY date`.execute(tx);
  const calendar = buildWorkingCalendar(
    createCalendarDefinition({ timeZone: row.timeZone, officeWindows: row.officeWindows, days: days.rows }),
    cached ? { previous: cached.calendar } : {},
  );
  calendars.set(tenantId, { version: row.version, calendar });
  return calendar;
}

export interface StaffFacts {
  unitCode: string;
  scope: ActorFacts['scope'];
  shifts: { startsAt: number; endsAt: number }[];
}

/** Staff records of these accounts with their duty shifts overlapping [from, to]. */
export async function staffIn(
  tx: Tx,
  tenantId: number,
  accountIds: readonly number[],
  from: Date,
  to: Date,
): Promise<Map<number, StaffFacts>> {
  const out = new Map<number, StaffFacts>();
  if (accountIds.length === 0) return out;
  const staff = await sql<{
    accountId: string;
    unitCode: string;
    all: boolean;
    regionCodes: string[];
    unitCodes: string[];
  }>`
    SELECT account_id::text AS "accountId", unit_code AS "unitCode", scope_all AS "all",
           scope_region_codes AS "regionCodes", scope_unit_codes AS "unitCodes"
    FROM staff WHERE tenant_id = ${tenantId} AND account_id = ANY(${accountIds.map(String)}::bigint[])`.execute(
    tx,
  );
  for (const s of staff.rows) {
    out.set(Number(s.accountId), {
      unitCode: s.unitCode,
      scope: { all: s.all, regionCodes: s.regionCodes, unitCodes: s.unitCodes },
      shifts: [],
    });
  }
  const shifts = await sql<{ accountId: string; startsAt: Date; endsAt: Date }>`
    SELECT account_id::text AS "accountId", starts_at AS "startsAt", ends_at AS "endsAt"
    FROM duty_shifts
    WHERE tenant_id = ${tenantId} AND account_id = ANY(${accountIds.map(String)}::bigint[])
      AND starts_at <= ${to.toISOString()}::timestamptz AND ends_at > ${from.toISOString()}::timestamptz`.execute(
    tx,
  );
  for (const s of shifts.rows) {
    out.get(Number(s.accountId))?.shifts.push({
      startsAt: new Date(s.startsAt).getTime(),
      endsAt: new Date(s.endsAt).getTime(),
    });
  }
  return out;
}
