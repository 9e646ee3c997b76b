import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createDemoAccountsSeeder } from '../../demo/accounts.js';
import { createGeoDemoSeeder } from '../geo/index.js';
import { createOrgDemoSeeder } from './demo-seeder.js';

interface ErrorBody {
  error: { code: string; field?: string };
}

describe('organisation over HTTP', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let dispatcher: Record<string, string>;
  before(async () => {
    t = await createTestApp();
    const ctx = { db: t.testDb.db, tenant: t.tenant, now: t.clock.now(), log: () => undefined };
    await createDemoAccountsSeeder().run(ctx);
    await createGeoDemoSeeder({ componentScale: 0.001 }).run(ctx);
    await createOrgDemoSeeder().run(ctx);
    await t.createUser('root', ['admin']);
    admin = (await t.login('root')).headers;
    dispatcher = (await t.login('dispatcher', 'chengzhi-demo-2025')).headers;
  });
  after(() => t.close());

  it('seeds the district’s units: departments, 14 street offices with their territory, 203 communities', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org/units', headers: dispatcher });
    assert.equal(res.statusCode, 200, res.body);
    const units = res.json<{
      items: { code: string; kind: string; regionCodes: string[]; parentCode: string | null }[];
    }>().items;
    const offices = units.filter((u) => u.kind === 'street_office');
    assert.equal(offices.length, 14);
    assert.ok(offices.every((o) => o.regionCodes.length === 1 && o.code === `ST-${o.regionCodes[0]}`));
    assert.equal(units.filter((u) => u.kind === 'community').length, 203);
    assert.ok(units.some((u) => u.kind === 'contractor' && u.parentCode === 'SANITATION'));
  });

  it('binds an inspector to the grids of their beat', async () => {
    const inspector = (await t.login('inspector', 'chengzhi-demo-2025')).headers;
    const res = await t.app.inject({ method: 'GET', url: '/api/org/beats?mine=true', headers: inspector });
    const beats = res.json<{ items: { gridCodes: string[] }[] }>().items;
    assert.equal(beats.length, 1);
    assert.ok(beats[0]!.gridCodes.length > 5);
    const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM beats`.execute(t.testDb.db.sql);
    assert.equal(all.rows[0]?.n, 204);
  });

  it('creates units for admins only, refusing duplicates, unknown parents and unknown kinds', async () => {
    const body = {
      code: 'CT-DEMO',
      name: '测试外包公司',
      kind: 'contractor',
      parentCode: 'SANITATION',
      contractRef: 'T-1',
    };
    assert.equal(
      (await t.app.inject({ method: 'POST', url: '/api/org/units', headers: dispatcher, payload: body }))
        .statusCode,
      403,
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: admin,
      payload: body,
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(
      (await t.app.inject({ method: 'POST', url: '/api/org/units', headers: admin, payload: body }))
        .statusCode,
      409,
    );
    const orphan = await t.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: admin,
      payload: { ...body, code: 'CT-X', parentCode: 'NOPE' },
    });
    assert.equal(orphan.json<ErrorBody>().error.field, 'parentCode');
    const kind = await t.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: admin,
      payload: { ...body, code: 'CT-Y', kind: 'gang' },
    });
    assert.equal(kind.statusCode, 400);
    assert.equal(kind.json<ErrorBody>().error.field, 'kind');
  });

  it('refuses a stale version and a unit placed under its own sub-unit', async () => {
    const put = (version: number, parentCode: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/org/units/UM-BUREAU',
        headers: admin,
        payload: { name: '上城区城市管理局', kind: 'bureau', parentCode, regionCodes: ['330102'], version },
      });
    assert.equal((await put(7, 'DISTRICT')).statusCode, 409);
    const cycle = await put(1, 'UM-COMMAND');
    assert.equal(cycle.statusCode, 400);
    assert.equal(cycle.json<ErrorBody>().error.field, 'parentCode');
    const ok = await put(1, 'DISTRICT');
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json<{ version: number }>().version, 2);
  });

  it('creates staff with roles and data scope, masks their phone for non-admins, and keeps it out of the event', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/org/staff',
      headers: admin,
      payload: {
        username: 'li.handler',
        displayName: '李师傅',
        password: 'first-login-password',
        roles: ['handler'],
        unitCode: 'ST-330102001',
        phone: '13812345678',
        scope: { regionCodes: ['330102001'] },
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json<{ phone: string }>().phone, '13812345678');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/org/staff?unitCode=ST-330102001',
      headers: dispatcher,
    });
    const member = list
      .json<{
        items: { username: string; phone: string; scope: { all: boolean; regionCodes: string[] } }[];
      }>()
      .items.find((s) => s.username === 'li.handler');
    assert.equal(member?.phone, '138****5678');
    assert.deepEqual(member?.scope, { all: false, regionCodes: ['330102001'], unitCodes: [] });
    const events = await sql<{
      payload: unknown;
    }>`SELECT payload FROM events WHERE name = 'org.staff.created'`.execute(t.testDb.db.sql);
    assert.ok(!JSON.stringify(events.rows).includes('13812345678'));
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'li.handler', password: 'first-login-password' },
    });
    assert.equal(first.json<{ account: { mustChangePassword: boolean } }>().account.mustChangePassword, true);
  });

  it('refuses a beat with unknown grids, or whose inspector is not an inspector', async () => {
    const handler = await t.app.inject({ method: 'GET', url: '/api/org/staff?role=handler', headers: admin });
    const handlerId = handler.json<{ items: { accountId: number }[] }>().items[0]!.accountId;
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/org/beats/B-1',
      headers: admin,
      payload: { name: 'x', inspectorAccountId: null, gridCodes: ['330102999999999'] },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json<ErrorBody>().error.field, 'gridCodes');
    const grid = await sql<{ code: string }>`SELECT code FROM regions WHERE level = 'grid' LIMIT 1`.execute(
      t.testDb.db.sql,
    );
    const wrongRole = await t.app.inject({
      method: 'PUT',
      url: '/api/org/beats/B-1',
      headers: admin,
      payload: { name: 'x', inspectorAccountId: handlerId, gridCodes: [grid.rows[0]!.code] },
    });
    assert.equal(wrongRole.json<ErrorBody>().error.field, 'inspectorAccountId');
  });

  it('knows who is on duty for a street office at night', async () => {
    const night = new Date(t.clock.now().getTime());
    night.setUTCHours(15, 0, 0, 0); // 23:00 in Shanghai
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/org/units/ST-330102001/duty?at=${night.toISOString()}`,
      headers: dispatcher,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ items: unknown[] }>().items.length, 1);
    const noon = new Date(night.getTime() - 11 * 3_600_000);
    const day = await t.app.inject({
      method: 'GET',
      url: `/api/org/units/ST-330102001/duty?at=${noon.toISOString()}`,
      headers: dispatcher,
    });
    assert.equal(day.json<{ items: unknown[] }>().items.length, 0);
  });
});
