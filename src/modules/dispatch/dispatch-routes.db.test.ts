import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createDemoAccountsSeeder } from '../../demo/accounts.js';
import { createGeoDemoSeeder } from '../geo/index.js';
import { createOrgDemoSeeder } from '../org/index.js';
import { createDispatchService } from './commands.js';
import { createDispatchDemoSeeder } from './demo-seeder.js';
import { createGeoService } from '../geo/index.js';
import { createOrgService } from '../org/index.js';
import { createTaxonomyService } from '../taxonomy/index.js';

interface Resolved {
  unit: { code: string; active: boolean; kind: string };
  rule: { id: string } | null;
  principle: string;
  via: string;
  trace: { outcome: string; ruleId?: string }[];
  explanation: string[];
  regions: { streetCode?: string };
}

const LAKESIDE = { lng: 120.168, lat: 30.257, crs: 'gcj02' };

describe('dispatch over HTTP', () => {
  let t: TestApp;
  let dispatcher: Record<string, string>;
  let admin: Record<string, string>;
  before(async () => {
    t = await createTestApp();
    const ctx = { db: t.testDb.db, tenant: t.tenant, now: t.clock.now(), log: () => undefined };
    await createDemoAccountsSeeder().run(ctx);
    await createGeoDemoSeeder({ componentScale: 0.002 }).run(ctx);
    await createOrgDemoSeeder().run(ctx);
    await createDispatchDemoSeeder().run(ctx);
    await t.createUser('root', ['admin']);
    admin = (await t.login('root')).headers;
    dispatcher = (await t.login('dispatcher', 'chengzhi-demo-2025')).headers;
  });
  after(() => t.close());

  it('resolves every point inside the district and every category to exactly one active unit', async () => {
    const clock = t.clock;
    const db = t.testDb.db;
    const geo = createGeoService({ db, clock });
    const service = createDispatchService({ db, clock, geo, org: createOrgService({ db, clock }) });
    const { version } = await createTaxonomyService({ db, clock }).current(t.tenant.id);
    const [minLng, minLat, maxLng, maxLat] = (await geo.regionIndex(t.tenant.id)).geocoder.bounds()!;
    let inside = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: minLng, max: maxLng, noNaN: true }),
        fc.double({ min: minLat, max: maxLat, noNaN: true }),
        fc.constantFrom(...version.minors),
        async (lng, lat, minor) => {
          const located = await geo.locate(t.tenant.id, lng, lat, 'wgs84');
          const { resolution } = await service.resolveCase(t.tenant.id, {
            categoryType: minor.kind,
            majorCode: minor.majorCode,
            minorCode: minor.code,
            location: { lng, lat, crs: 'wgs84' },
          });
          if (located) inside++;
          const chosen = resolution.trace.filter((step) => step.outcome === 'chosen');
          return (
            resolution.unit.active &&
            chosen.length === 1 &&
            (located !== null || resolution.principle !== 'territory_first')
          );
        },
      ),
      { numRuns: 4000, seed: 20251009 },
    );
    // The district fills about a fifth of its bounding box; points outside must reach the fallback too.
    assert.ok(inside > 600, `${inside} of the points fell inside the district`);
  });

  const resolveCase = (payload: object, headers = dispatcher) =>
    t.app.inject({ method: 'POST', url: '/api/dispatch/resolve', headers, payload });

  it('sends an event at a place to one active unit and explains why, in Chinese', async () => {
    const res = await resolveCase({
      categoryType: 'event',
      majorCode: '01',
      minorCode: '01',
      location: LAKESIDE,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Resolved>();
    assert.equal(body.unit.active, true);
    assert.equal(body.trace.filter((s) => s.outcome === 'chosen').length, 1);
    assert.match(body.explanation[0] ?? '', /^派往：/);
    assert.equal(body.regions.streetCode?.length, 9);
  });

  it('sends a component case to its owner or maintainer first (部件先属主)', async () => {
    const row = await sql<{ id: string; maintainer_unit: string; owner_unit: string }>`
      SELECT id, maintainer_unit, owner_unit FROM components WHERE major_code = '01' AND minor_code = '01' LIMIT 1`.execute(
      t.testDb.db.sql,
    );
    const component = row.rows[0]!;
    const res = await resolveCase({
      categoryType: 'component',
      majorCode: '01',
      minorCode: '01',
      componentId: component.id,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Resolved>();
    assert.ok(
      [component.maintainer_unit, component.owner_unit].includes(body.unit.code) || body.rule !== null,
      JSON.stringify(body.explanation),
    );
  });

  it('falls back to the district (属地兜底) when the case cannot be placed', async () => {
    const res = await resolveCase({
      categoryType: 'event',
      majorCode: '06',
      minorCode: '99',
      location: { lng: 121.5, lat: 31.2, crs: 'wgs84' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<Resolved>().unit.code, 'UM-BUREAU');
  });

  it('takes a new higher-priority rule at once, audits it, and refuses a rule naming an unknown unit', async () => {
    const rule = {
      name: '测试：湖滨片区暴露垃圾交外包保洁',
      priority: 99_000,
      match: { categoryType: 'event', majorCode: '01', minorCode: '01', regionCodes: ['330102003'] },
      target: { unitCode: 'CT-CLEAN-1' },
    };
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/dispatch/rules/test.lakeside',
      headers: admin,
      payload: { ...rule, target: { unitCode: 'NO-SUCH' } },
    });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'RULE_INVALID');
    const forbidden = await t.app.inject({
      method: 'PUT',
      url: '/api/dispatch/rules/test.lakeside',
      headers: dispatcher,
      payload: rule,
    });
    assert.equal(forbidden.statusCode, 403);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/dispatch/rules/test.lakeside',
      headers: admin,
      payload: rule,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const res = (
      await resolveCase({ categoryType: 'event', majorCode: '01', minorCode: '01', location: LAKESIDE })
    ).json<Resolved>();
    if (res.regions.streetCode === '330102003') {
      assert.equal(res.unit.code, 'CT-CLEAN-1');
      assert.equal(res.rule?.id, 'test.lakeside');
    }
    const events = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM events WHERE name = 'dispatch.rule.created'`.execute(t.testDb.db.sql);
    assert.equal(events.rows[0]?.n, 1);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/dispatch/rules/test.lakeside',
      headers: admin,
    });
    assert.equal(removed.statusCode, 204);
  });

  it('stops sending to a unit as soon as it is deactivated in the organisation', async () => {
    const first = (
      await resolveCase({ categoryType: 'event', majorCode: '01', minorCode: '01', location: LAKESIDE })
    ).json<Resolved>();
    const units = (await t.app.inject({ method: 'GET', url: '/api/org/units', headers: admin })).json<{
      items: Record<string, unknown>[];
    }>().items;
    const unit = units.find((u) => u.code === first.unit.code)!;
    const { code: _code, version, ...fields } = unit;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/org/units/${first.unit.code}`,
      headers: admin,
      payload: { ...fields, active: false, version },
    });
    assert.equal(put.statusCode, 200, put.body);
    t.clock.advance(10_000);
    const second = (
      await resolveCase({ categoryType: 'event', majorCode: '01', minorCode: '01', location: LAKESIDE })
    ).json<Resolved>();
    assert.notEqual(second.unit.code, first.unit.code);
    assert.equal(second.unit.active, true);
  });

  it('keeps the rules and the trace to staff who dispatch or oversee', async () => {
    const inspector = (await t.login('inspector', 'chengzhi-demo-2025')).headers;
    assert.equal(
      (await resolveCase({ categoryType: 'event', majorCode: '01', minorCode: '01' }, inspector)).statusCode,
      403,
    );
    const rules = await t.app.inject({ method: 'GET', url: '/api/dispatch/rules', headers: dispatcher });
    assert.equal(rules.statusCode, 200);
    const body = rules.json<{
      items: unknown[];
      problems: { severity: string; code: string }[];
      fallbackUnitCode: string;
    }>();
    assert.ok(body.items.length > 100, `${body.items.length} rules`);
    // The unit deactivated above leaves warnings, never errors.
    assert.deepEqual(
      body.problems.filter((p) => p.severity === 'error'),
      [],
    );
    assert.ok(body.problems.every((p) => p.code === 'UNIT_INACTIVE'));
    assert.equal(body.fallbackUnitCode, 'UM-BUREAU');
  });
});
