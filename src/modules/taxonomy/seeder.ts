import { systemActor } from '../../platform/actor.js';
import type { Seeder } from '../../platform/tenancy/seeds.js';
import { createTaxonomyService } from './commands.js';
import { loadDefaultDataset } from './default-dataset.js';
import * as store from './store.js';

/**
 * A starter 立结案标准 table for every tenant (written for 上城区; see data/reference/taxonomy), published as
 * version 1. A city replaces it with its own through the Excel import, which publishes version 2.
 */
export function createTaxonomySeeder(): Seeder {
  return {
    name: 'taxonomy.default',
    demoOnly: false,
    async run({ db, tenant, now }) {
      if ((await store.readRevision(db.sql, tenant.id)) > 0) return;
      const dataset = await loadDefaultDataset();
      const service = createTaxonomyService({ db, clock: { now: () => now } });
      await service.publish(systemActor(tenant.id), {
        table: dataset.taxonomy,
        note: dataset.taxonomy.note || '默认立结案标准（项目自编，依据公开实践整理）',
        effectiveFrom: dataset.taxonomy.effectiveFrom,
        order: dataset.order,
      });
    },
  };
}
