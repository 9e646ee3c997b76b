import { createCalendarDefinition } from './domain/calendar-definition.js';
import type { Seeder } from '../../platform/tenancy/seeds.js';
import { loadShippedHolidayDays } from './holiday-data.js';
import * as store from './store.js';

/** Reference data every tenant needs: the official holidays and make-up days shipped in data/reference. */
export function createCalendarSeeder(): Seeder {
  return {
    name: 'calendar.holidays',
    demoOnly: false,
    async run({ db, tenant }) {
      const days = await loadShippedHolidayDays();
      const definition = createCalendarDefinition({ timeZone: tenant.timeZone, days });
      await db.transaction(async (tx) => {
        if ((await store.readCalendarVersion(tx, tenant.id)) !== null) return;
        await store.insertCalendar(tx, tenant.id, definition);
      });
    },
  };
}
