import { sql } from 'kysely';
import { systemActor } from '../../platform/actor.js';
import { findAccountByUsername } from '../../platform/auth/index.js';
import { hashPassword } from '../../platform/auth/password.js';
import { insertAccount } from '../../platform/auth/store.js';
import { appendEvents } from '../../platform/events/index.js';
import type { Seeder } from '../../platform/tenancy/seeds.js';
import * as store from './store.js';
import type { UnitInput } from './store.js';

/**
 * 上城区 demo organisation: the urban-management bureau and its centres, the line departments and utility
 * companies that own components, one office per street (街道), the communities, and contractors working
 * under government purchase of services. Unit codes are the ones the geo demo's components and the demo
 * dispatch rules refer to.
 */
const unit = (
  code: string,
  name: string,
  kind: UnitInput['kind'],
  parentCode: string | null,
  extra: Partial<UnitInput> = {},
): UnitInput => ({
  code,
  name,
  kind,
  parentCode,
  regionCodes: [],
  contactPhone: null,
  dutyPhone: null,
  address: null,
  contractRef: null,
  active: true,
  ...extra,
});

export const DEMO_DEPARTMENTS: UnitInput[] = [
  unit('DISTRICT', '杭州市上城区人民政府', 'bureau', null, { regionCodes: ['330102'] }),
  unit('UM-BUREAU', '上城区城市管理局', 'bureau', 'DISTRICT', {
    regionCodes: ['330102'],
    dutyPhone: '0571-12319',
  }),
  unit('UM-COMMAND', '上城区城市运行管理服务中心（监督指挥中心）', 'department', 'UM-BUREAU', {
    regionCodes: ['330102'],
  }),
  unit('UM-MUNICIPAL', '上城区市政设施管理中心', 'department', 'UM-BUREAU'),
  unit('MUNICIPAL', '上城区市政工程管理处', 'department', 'UM-BUREAU'),
  unit('LIGHTING', '上城区城市照明管理所', 'department', 'UM-BUREAU'),
  unit('SANITATION', '上城区环境卫生管理中心', 'department', 'UM-BUREAU'),
  unit('LANDSCAPING', '上城区园林绿化管理中心', 'department', 'UM-BUREAU'),
  unit('UM-ENFORCEMENT', '上城区综合行政执法局', 'bureau', 'DISTRICT', { regionCodes: ['330102'] }),
  unit('TRAFFIC-POLICE', '杭州市公安局交通警察支队上城大队', 'department', 'DISTRICT'),
  unit('TRAFFIC', '上城区交通运输局（交通设施）', 'department', 'DISTRICT'),
  unit('TRANSIT', '杭州市公共交通集团上城分公司', 'contractor', 'DISTRICT'),
  unit('WATER', '杭州市水务集团（供水）', 'contractor', 'DISTRICT'),
  unit('DRAINAGE', '上城区排水管理中心', 'department', 'UM-BUREAU'),
  unit('POWER', '国网杭州市上城区供电公司', 'contractor', 'DISTRICT'),
  unit('TELECOM', '上城区通信管线联合维护中心', 'contractor', 'DISTRICT'),
  unit('GAS', '杭州市燃气集团上城营业所', 'contractor', 'DISTRICT'),
  unit('FIRE', '上城区消防救援大队', 'department', 'DISTRICT'),
  unit('HOUSING', '上城区住房和城市建设局', 'department', 'DISTRICT'),
  unit('MARKET', '上城区市场监督管理局', 'department', 'DISTRICT'),
  unit('ECOLOGY', '杭州市生态环境局上城分局', 'department', 'DISTRICT'),
  unit('SCENIC', '西湖风景名胜区管委会（上城辖区）', 'department', 'DISTRICT'),
  unit('CT-CLEAN-1', '杭州城东环境服务有限公司（保洁外包）', 'contractor', 'SANITATION', {
    contractRef: 'SCHZ-2025-HW-01',
  }),
  unit('CT-CLEAN-2', '杭州钱江环卫服务有限公司（保洁外包）', 'contractor', 'SANITATION', {
    contractRef: 'SCHZ-2025-HW-02',
  }),
  unit('CT-GREEN-1', '杭州绿城园林养护有限公司（养护外包）', 'contractor', 'LANDSCAPING', {
    contractRef: 'SCHZ-2025-YL-01',
  }),
  unit('CT-ROAD-1', '杭州市政道路养护有限公司（道路养护）', 'contractor', 'UM-MUNICIPAL', {
    contractRef: 'SCHZ-2025-SZ-01',
  }),
  unit('SO-VOLUNTEER', '上城区城市管理志愿者协会', 'social_org', 'UM-BUREAU'),
];

interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/** Street office codes are derived from the street code, so rules and seeds need no lookup table. */
export const streetOfficeCode = (streetCode: string) => `ST-${streetCode}`;
export const communityUnitCode = (communityCode: string) => `CM-${communityCode}`;

export function createOrgDemoSeeder(): Seeder {
  return {
    name: 'org.shangcheng-demo',
    demoOnly: true,
    async run({ db, tenant, now, log }) {
      const regions = (
        await sql<RegionRow>`
        SELECT code, name, level, parent_code FROM regions
        WHERE tenant_id = ${tenant.id} AND level IN ('street', 'community') ORDER BY code`.execute(db.sql)
      ).rows;
      const grids = (
        await sql<{ code: string; parent_code: string }>`
        SELECT code, parent_code FROM regions WHERE tenant_id = ${tenant.id} AND level = 'grid' ORDER BY code`.execute(
          db.sql,
        )
      ).rows;
      const gridsByCommunity = new Map<string, string[]>();
      for (const g of grids) {
        gridsByCommunity.set(g.parent_code, [...(gridsByCommunity.get(g.parent_code) ?? []), g.code]);
      }

      const streets = regions.filter((r) => r.level === 'street');
      const communities = regions.filter((r) => r.level === 'community');
      const units: UnitInput[] = [
        ...DEMO_DEPARTMENTS,
        ...streets.map((s) =>
          unit(streetOfficeCode(s.code), `${s.name}办事处`, 'street_office', 'DISTRICT', {
            regionCodes: [s.code],
            dutyPhone: `0571-8700${s.code.slice(-2)}`,
          }),
        ),
        ...communities.map((c) =>
          unit(
            communityUnitCode(c.code),
            `${c.name}居民委员会`,
            'community',
            streetOfficeCode(c.parent_code ?? ''),
            { regionCodes: [c.code] },
          ),
        ),
      ];
      // One password hash for every demo inspector: hashing hundreds of times would only slow the first start.
      const hash = await hashPassword('chengzhi-demo-2025');
      const actor = systemActor(tenant.id);

      await db.transaction(async (tx) => {
        const existing = new Set((await store.listUnits(tx, tenant.id)).map((u) => u.code));
        await store.insertUnits(
          tx,
          tenant.id,
          units.filter((u) => !existing.has(u.code)),
        );

        // The demo accounts of each role belong somewhere.
        const placement: Record<string, { unit: string; scopeAll: boolean; regions?: string[] }> = {
          // The demo inspector roams the whole district (the per-community inspectors below have beats).
          inspector: { unit: 'UM-COMMAND', scopeAll: false, regions: [tenant.code] },
          operator: { unit: 'UM-COMMAND', scopeAll: true },
          shiftlead: { unit: 'UM-COMMAND', scopeAll: true },
          dispatcher: { unit: 'UM-COMMAND', scopeAll: true },
          handler: { unit: 'SANITATION', scopeAll: false },
          officer: { unit: 'UM-ENFORCEMENT', scopeAll: false },
          reviewer: { unit: 'UM-ENFORCEMENT', scopeAll: true },
          head: { unit: 'UM-BUREAU', scopeAll: true },
          monitor: { unit: 'UM-BUREAU', scopeAll: true },
          leader: { unit: 'DISTRICT', scopeAll: true },
          admin: { unit: 'UM-BUREAU', scopeAll: true },
        };
        for (const [username, p] of Object.entries(placement)) {
          const account = await findAccountByUsername(tx, tenant.id, username);
          if (!account || (await store.findStaff(tx, tenant.id, account.id))) continue;
          await store.insertStaff(tx, tenant.id, {
            accountId: account.id,
            unitCode: p.unit,
            phone: null,
            scope: { all: p.scopeAll, regionCodes: p.regions ?? [], unitCodes: p.scopeAll ? [] : [p.unit] },
          });
        }

        // One inspector per community, bound to that community's grids (责任网格).
        const beatRows: Parameters<typeof store.upsertBeats>[2][number][] = [];
        for (const c of communities) {
          const gridCodes = gridsByCommunity.get(c.code) ?? [];
          if (gridCodes.length === 0) continue;
          const username = `insp-${c.code}`;
          let account = await findAccountByUsername(tx, tenant.id, username);
          if (!account) {
            account = await insertAccount(tx, {
              tenantId: tenant.id,
              username,
              displayName: `${c.name}监督员（演示）`,
              passwordHash: hash,
              roles: ['inspector'],
              mustChangePassword: false,
            });
            await store.insertStaff(tx, tenant.id, {
              accountId: account.id,
              unitCode: 'UM-COMMAND',
              phone: null,
              scope: { all: false, regionCodes: [c.code], unitCodes: [] },
            });
          }
          beatRows.push({
            code: `BEAT-${c.code}`,
            name: `${c.name}责任网格`,
            inspectorAccountId: account.id,
            gridCodes,
          });
        }
        // The demo "inspector" login patrols the first community's grids as well.
        const demoInspector = await findAccountByUsername(tx, tenant.id, 'inspector');
        const first = communities[0];
        if (demoInspector && first) {
          beatRows.push({
            code: 'BEAT-DEMO',
            name: `${first.name}责任网格（演示账号）`,
            inspectorAccountId: demoInspector.id,
            gridCodes: gridsByCommunity.get(first.code) ?? [],
          });
        }
        await store.upsertBeats(
          tx,
          tenant.id,
          beatRows.filter((b) => b.gridCodes.length > 0),
          now,
        );

        // A year of after-hours duty for each street office, taken by the demo handler account.
        const handler = await findAccountByUsername(tx, tenant.id, 'handler');
        if (handler) {
          const midnight = new Date(now);
          midnight.setUTCHours(10, 0, 0, 0); // 18:00 in Shanghai
          for (const s of streets) {
            await sql`
              INSERT INTO duty_shifts (tenant_id, unit_code, account_id, starts_at, ends_at, note)
              SELECT ${tenant.id}, ${streetOfficeCode(s.code)}, ${handler.id}, d, d + interval '14 hours', '夜间值班（演示）'
              FROM generate_series(${midnight}::timestamptz - interval '1 day', ${midnight}::timestamptz + interval '365 days', interval '1 day') AS d`.execute(
              tx,
            );
          }
        }

        await appendEvents(tx, actor, now, [
          {
            streamType: 'org',
            streamId: 'demo',
            name: 'org.demo.seeded',
            payload: { units: units.length, inspectors: communities.length, beats: beatRows.length },
          },
        ]);
      });
      log(`org demo: ${units.length} units, ${communities.length} community inspectors with their beats`);
    },
  };
}
