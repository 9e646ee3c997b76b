import { systemActor } from '../../platform/actor.js';
import { appendEvents } from '../../platform/events/index.js';
import type { Seeder } from '../../platform/tenancy/seeds.js';
import { GridGeocoder } from './domain/geocoder.js';
import { generateComponents, type ComponentCategory } from './domain/synthetic/components.js';
import { generateSyntheticDistrict } from './domain/synthetic/district.js';
import type { RegionRecord } from './domain/synthetic/records.js';
import { loadShangchengInputs } from './reference-data.js';
import * as store from './store.js';

/**
 * The demo's component inventory: common 部件 of a dense urban district in plausible proportions
 * (urban-management.md §6). Owner and maintainer are unit codes that the organisation module resolves.
 */
export const DEMO_COMPONENT_CATEGORIES: readonly ComponentCategory[] = [
  // Codes follow the default taxonomy (data/reference/taxonomy), so a report about a component carries its category.
  {
    majorCode: '01',
    minorCode: '01',
    name: '上水井盖',
    count: 30_000,
    ownerUnitCode: 'WATER',
    maintainerUnitCode: 'WATER',
  },
  {
    majorCode: '01',
    minorCode: '02',
    name: '污水井盖',
    count: 28_000,
    ownerUnitCode: 'DRAINAGE',
    maintainerUnitCode: 'DRAINAGE',
  },
  {
    majorCode: '01',
    minorCode: '03',
    name: '雨水井盖',
    count: 30_000,
    ownerUnitCode: 'DRAINAGE',
    maintainerUnitCode: 'DRAINAGE',
  },
  {
    majorCode: '01',
    minorCode: '05',
    name: '电力井盖',
    count: 12_000,
    ownerUnitCode: 'POWER',
    maintainerUnitCode: 'POWER',
  },
  {
    majorCode: '01',
    minorCode: '07',
    name: '通信井盖',
    count: 15_000,
    ownerUnitCode: 'TELECOM',
    maintainerUnitCode: 'TELECOM',
  },
  {
    majorCode: '01',
    minorCode: '08',
    name: '燃气井盖',
    count: 8_000,
    ownerUnitCode: 'GAS',
    maintainerUnitCode: 'GAS',
  },
  {
    majorCode: '01',
    minorCode: '13',
    name: '消火栓',
    count: 6_000,
    ownerUnitCode: 'FIRE',
    maintainerUnitCode: 'WATER',
  },
  {
    majorCode: '01',
    minorCode: '19',
    name: '路灯',
    count: 40_000,
    ownerUnitCode: 'MUNICIPAL',
    maintainerUnitCode: 'LIGHTING',
  },
  {
    majorCode: '02',
    minorCode: '02',
    name: '公交站亭',
    count: 1_500,
    ownerUnitCode: 'TRANSIT',
    maintainerUnitCode: 'TRANSIT',
  },
  {
    majorCode: '02',
    minorCode: '08',
    name: '交通标志牌',
    count: 12_000,
    ownerUnitCode: 'TRAFFIC',
    maintainerUnitCode: 'TRAFFIC',
  },
  {
    majorCode: '02',
    minorCode: '10',
    name: '交通护栏',
    count: 10_000,
    ownerUnitCode: 'MUNICIPAL',
    maintainerUnitCode: 'MUNICIPAL',
  },
  {
    majorCode: '03',
    minorCode: '01',
    name: '公共厕所',
    count: 600,
    ownerUnitCode: 'SANITATION',
    maintainerUnitCode: 'SANITATION',
  },
  {
    majorCode: '03',
    minorCode: '02',
    name: '果皮箱',
    count: 25_000,
    ownerUnitCode: 'SANITATION',
    maintainerUnitCode: 'SANITATION',
  },
  {
    majorCode: '04',
    minorCode: '01',
    name: '古树名木',
    count: 900,
    ownerUnitCode: 'LANDSCAPING',
    maintainerUnitCode: 'LANDSCAPING',
  },
  {
    majorCode: '04',
    minorCode: '02',
    name: '行道树',
    count: 30_000,
    ownerUnitCode: 'LANDSCAPING',
    maintainerUnitCode: 'LANDSCAPING',
  },
];

const toStored = (r: RegionRecord): store.StoredRegion => ({
  code: r.code,
  level: r.level,
  parentCode: r.parentCode,
  name: r.name,
  geometry: r.geometry,
  areaM2: r.areaM2,
  synthetic: r.synthetic,
  source: r.source,
});

/**
 * 上城区 demo geography: the real outline and official street/community codes, with generated (synthetic)
 * street, community and ≈1 ha grid polygons and a few hundred thousand components. Skipped when the tenant
 * already has regions (e.g. an operator imported real grids first).
 */
export function createGeoDemoSeeder(options: { componentScale?: number } = {}): Seeder {
  return {
    name: 'geo.shangcheng-demo',
    demoOnly: true,
    async run({ db, tenant, now, log }) {
      if ((await store.listRegionSummaries(db.sql, tenant.id)).length > 0) return;
      const district = generateSyntheticDistrict(loadShangchengInputs());
      const geocoder = GridGeocoder.build(
        district.grids.map((g) => ({
          code: g.code,
          communityCode: g.communityCode ?? '',
          streetCode: g.streetCode ?? '',
          districtCode: g.districtCode,
          geometry: g.geometry,
        })),
      );
      const scale = options.componentScale ?? 1;
      const components = generateComponents({
        districtCode: district.district.code,
        categories: DEMO_COMPONENT_CATEGORIES.map((c) => ({
          ...c,
          count: Math.max(1, Math.round(c.count * scale)),
        })),
        geocoder,
        ownerUnitCode: 'DISTRICT',
        maintainerUnitCode: 'DISTRICT',
      });
      const regions = [
        district.district,
        ...district.streets,
        ...district.communities,
        ...district.grids,
      ].map(toStored);
      const actor = systemActor(tenant.id);
      await db.transaction(async (tx) => {
        await store.insertRegions(tx, tenant.id, regions, now);
        await store.upsertComponents(
          tx,
          tenant.id,
          components.map((c) => ({
            id: c.id,
            majorCode: c.majorCode,
            minorCode: c.minorCode,
            name: c.name,
            lng: c.location.coordinates[0],
            lat: c.location.coordinates[1],
            gridCode: c.gridCode,
            ownerUnit: c.ownerUnitCode,
            maintainerUnit: c.maintainerUnitCode,
            status: 'in_service',
            synthetic: true,
            source: c.source,
          })),
          now,
        );
        await store.bumpVersion(tx, tenant.id, 'regions');
        await store.bumpVersion(tx, tenant.id, 'components');
        await appendEvents(tx, actor, now, [
          {
            streamType: 'geo',
            streamId: 'demo',
            name: 'geo.demo.seeded',
            payload: { ...district.stats, components: components.length, synthetic: true },
          },
        ]);
      });
      log(
        `geo demo: ${district.streets.length} streets, ${district.communities.length} communities, ` +
          `${district.grids.length} grids, ${components.length} components (synthetic geometry)`,
      );
    },
  };
}
