import { sql, type Generated } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { CalendarDay, CalendarDefinition } from './domain/calendar-definition.js';
import type { OfficeWindow } from './domain/office-windows.js';

type CalendarTables = {
  calendar_settings: {
    tenant_id: number;
    time_zone: string;
    office_windows: OfficeWindow[];
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  calendar_days: {
    tenant_id: number;
    date: string;
    is_off_day: boolean;
    name: string;
    source: string | null;
  };
};

const q = (ex: Executor) => ex.withTables<CalendarTables>();

export interface StoredCalendar {
  definition: CalendarDefinition;
  version: number;
}

export async function readCalendarVersion(ex: Executor, tenantId: number): Promise<number | null> {
  const row = await q(ex)
    .selectFrom('calendar_settings')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function readCalendar(
  ex: Executor,
  tenantId: number,
  forUpdate = false,
): Promise<StoredCalendar | null> {
  let settingsQuery = q(ex).selectFrom('calendar_settings').selectAll().where('tenant_id', '=', tenantId);
  if (forUpdate) settingsQuery = settingsQuery.forUpdate();
  const settings = await settingsQuery.executeTakeFirst();
  if (!settings) return null;
  // to_char keeps the date a plain local date string (a JS Date would shift it by the process's zone).
  const days = await q(ex)
    .selectFrom('calendar_days')
    .select([sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'), 'is_off_day', 'name', 'source'])
    .where('tenant_id', '=', tenantId)
    .orderBy('date')
    .execute();
  return {
    version: settings.version,
    definition: {
      timeZone: settings.time_zone,
      officeWindows: settings.office_windows,
      days: days.map((d) => ({
        date: d.date,
        isOffDay: d.is_off_day,
        name: d.name,
        ...(d.source ? { source: d.source } : {}),
      })),
    },
  };
}

export async function insertCalendar(
  ex: Executor,
  tenantId: number,
  definition: CalendarDefinition,
): Promise<void> {
  await q(ex)
    .insertInto('calendar_settings')
    .values({
      tenant_id: tenantId,
      time_zone: definition.timeZone,
      office_windows: JSON.stringify(definition.officeWindows) as unknown as OfficeWindow[],
    })
    .execute();
  await replaceDays(ex, tenantId, definition.days);
}

export async function replaceDays(
  ex: Executor,
  tenantId: number,
  days: readonly CalendarDay[],
): Promise<void> {
  await q(ex).deleteFrom('calendar_days').where('tenant_id', '=', tenantId).execute();
  if (days.length === 0) return;
  const rows = days.map((d) => ({
    date: d.date,
    is_off_day: d.isOffDay,
    name: d.name,
    source: d.source ?? null,
  }));
  await sql`
    INSERT INTO calendar_days (tenant_id, date, is_off_day, name, source)
    SELECT ${tenantId}, date, is_off_day, name, source
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(date date, is_off_day boolean, name text, source text)`.execute(
    ex,
  );
}

export async function updateSettings(
  ex: Executor,
  tenantId: number,
  change: { timeZone: string; officeWindows: readonly OfficeWindow[] },
  now: Date,
): Promise<number> {
  const row = await q(ex)
    .updateTable('calendar_settings')
    .set((eb) => ({
      time_zone: change.timeZone,
      office_windows: JSON.stringify(change.officeWindows) as unknown as OfficeWindow[],
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('tenant_id', '=', tenantId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function bumpVersion(ex: Executor, tenantId: number, now: Date): Promise<number> {
  const row = await q(ex)
    .updateTable('calendar_settings')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('tenant_id', '=', tenantId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}
