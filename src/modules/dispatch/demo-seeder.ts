import { systemActor } from '../../platform/actor.js';
import type { Seeder } from '../../platform/tenancy/seeds.js';
import { createGeoService } from '../geo/index.js';
import { createOrgService } from '../org/index.js';
import { createTaxonomyService } from '../taxonomy/index.js';
import { createDispatchService } from './commands.js';
import { generateDemoRules } from './demo-rules.js';
import { DEMO_FALLBACK_UNIT_CODE, demoDispatchUnits } from './demo-units.js';
import * as store from './store.js';

/**
 * The 上城区 demo responsibility rules, generated from the current taxonomy and the demo units. Units the
 * rules name that the organisation demo did not create (street squads, contract lots …) are created first,
 * through the organisation service, so they are audited like any other unit.
 */
export function createDispatchDemoSeeder(): Seeder {
  return {
    name: 'dispatch.shangcheng-demo',
    demoOnly: true,
    async run({ db, tenant, now, log }) {
      const clock = { now: () => now };
      const org = createOrgService({ db, clock });
      const actor = systemActor(tenant.id);
      const existing = new Set((await org.listUnits(tenant.id)).map((u) => u.code));
      const wanted = demoDispatchUnits();
      let created = 0;
      for (const u of wanted) {
        if (existing.has(u.code)) continue;
        if (u.parentCode && !existing.has(u.parentCode)) continue;
        await org.createUnit(actor, {
          code: u.code,
          name: u.name,
          kind: u.kind,
          parentCode: u.parentCode,
          regionCodes: [...u.regionCodes],
          contactPhone: null,
          dutyPhone: null,
          address: null,
          contractRef: u.kind === 'contractor' ? `SCHZ-2025-${u.code}` : null,
          active: u.active,
        });
        existing.add(u.code);
        created++;
      }
      const units = await org.listUnits(tenant.id);
      const { version } = await createTaxonomyService({ db, clock }).current(tenant.id);
      const ruleSet = generateDemoRules({
        categories: version.minors.map((m) => ({
          type: m.kind,
          majorCode: m.majorCode,
          minorCode: m.code,
          name: m.name,
          responsibleUnitKind: m.responsibleUnitKind,
        })),
        standards: version.standards.map((s) => ({
          id: s.id,
          type: s.kind,
          majorCode: s.majorCode,
          minorCode: s.minorCode,
          filingCondition: s.filingCondition,
        })),
        units: units.map((u) => ({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parentCode: u.parentCode,
          regionCodes: u.regionCodes,
          active: u.active,
        })),
      });
      await db.transaction(async (tx) => {
        await store.upsertRules(tx, tenant.id, ruleSet.rules, now);
        await store.bumpRevision(tx, tenant.id, {
          fallbackUnitCode: ruleSet.fallbackUnitCode ?? DEMO_FALLBACK_UNIT_CODE,
          territoryLevel: 'street',
        });
      });
      // Compile once now: a rule that does not compile is a bug in the generator, better found at seeding.
      const dispatch = createDispatchService({ db, clock, geo: createGeoService({ db, clock }), org });
      const compiled = await dispatch.compiled(tenant.id);
      log(
        `dispatch demo: ${ruleSet.rules.length} rules (${ruleSet.omitted.length} left out for missing units), ` +
          `${created} extra units, ${compiled.problems.length} compile problems`,
      );
    },
  };
}
