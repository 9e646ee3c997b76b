import { systemActor } from '../../platform/actor.js';
import type { Seeder } from '../../platform/tenancy/seeds.js';
import { createOrgService } from '../org/index.js';
import { createOversightService } from './commands.js';
import { DEMO_EFFECTIVE_FROM, DEMO_NOTE, demoPowerList } from './demo-list.js';
import * as store from './store.js';

/**
 * Publishes the demo power list as version 1 (in force from DEMO_EFFECTIVE_FROM). Demo only: the list names
 * the demo organisation's units, so it runs after the org demo seeder; its street delegations go to every
 * street office the organisation has.
 */
export function createOversightDemoSeeder(): Seeder {
  return {
    name: 'oversight.power-list-demo',
    demoOnly: true,
    async run({ db, tenant, now, log }) {
      if ((await store.readRevision(db.sql, tenant.id)) > 0) return;
      const clock = { now: () => now };
      const org = createOrgService({ db, clock });
      const streetOffices = (await org.listUnits(tenant.id))
        .filter((u) => u.kind === 'street_office' && u.active)
        .map((u) => u.code);
      const service = createOversightService({ db, clock, org });
      const { version } = await service.publishList(systemActor(tenant.id), {
        list: demoPowerList(streetOffices),
        note: DEMO_NOTE,
        effectiveFrom: DEMO_EFFECTIVE_FROM,
      });
      log(`power list version ${version.version}: ${version.items.length} items`);
    },
  };
}
