import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { convertPosition } from './domain/crs.js';
import { createGeoDemoSeeder } from './demo-seeder.js';

interface Located {
  grid: { code: string; synthetic: boolean };
  community: { code: string } | null;
  street: { code: string; name: string } | null;
  district: { code: string } | null;
  position: [number, number];
}
interface FC {
  type: string;
  truncated: boolean;
  features: {
    id: string;
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: unknown };
  }[];
}
interface ErrorBody {
  error: {
    code: string;
    field?: string;
    details?: { problems: { featureIndex: number; problem: string }[] };
  };
}

// 清波门 area of 湖滨/清波 street, GCJ-02 as a phone map app would send it.
const LAKESIDE_GCJ02 = { lng: 120.168, lat: 30.257 };

describe('geography over HTTP', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createGeoDemoSeeder({ componentScale: 0.01 }).run({
      db: t.testDb.db,
      tenant: t.tenant,
      now: t.clock.now(),
      log: () => undefined,
    });
    await t.createUser('root', ['admin']);
    await t.createUser('wang', ['inspector']);
  });
  after(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('locates a GCJ-02 point to its unit grid, community, street and district, marked synthetic', async () => {
    const res = await get(`/api/geo/locate?lng=${LAKESIDE_GCJ02.lng}&lat=${LAKESIDE_GCJ02.lat}&crs=gcj02`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Located>();
    assert.match(body.grid.code, /^330102\d{9}$/);
    assert.equal(body.grid.code.slice(0, 12), body.community?.code);
    assert.equal(body.grid.code.slice(0, 9), body.street?.code);
    assert.equal(body.district?.code, '330102');
    assert.equal(body.grid.synthetic, true);
  });

  it('gives the same grid for the same place sent as WGS-84, GCJ-02 or BD-09', async () => {
    const wgs = convertPosition([LAKESIDE_GCJ02.lng, LAKESIDE_GCJ02.lat], 'gcj02', 'wgs84');
    const bd = convertPosition([LAKESIDE_GCJ02.lng, LAKESIDE_GCJ02.lat], 'gcj02', 'bd09');
    const codes = await Promise.all(
      [
        `lng=${wgs[0]}&lat=${wgs[1]}&crs=wgs84`,
        `lng=${LAKESIDE_GCJ02.lng}&lat=${LAKESIDE_GCJ02.lat}&crs=gcj02`,
        `lng=${bd[0]}&lat=${bd[1]}&crs=bd09`,
      ].map(async (q) => (await get(`/api/geo/locate?${q}`)).json<Located>().grid.code),
    );
    assert.equal(new Set(codes).size, 1, codes.join(' '));
  });

  it('answers a point outside the district with 404 OUTSIDE_GRIDS and bad input with the field', async () => {
    const outside = await get('/api/geo/locate?lng=121.5&lat=31.2');
    assert.equal(outside.statusCode, 404);
    assert.equal(outside.json<ErrorBody>().error.code, 'OUTSIDE_GRIDS');
    const crs = await get('/api/geo/locate?lng=120.1&lat=30.2&crs=utm');
    assert.equal(crs.json<ErrorBody>().error.field, 'crs');
    const lat = await get('/api/geo/locate?lng=120.1&lat=300');
    assert.equal(lat.json<ErrorBody>().error.field, 'lat');
  });

  it('lists the region tree: 1 district, 14 streets, 203 communities with their grid counts', async () => {
    const items = (await get('/api/geo/regions')).json<{ items: { level: string; gridCount: number }[] }>()
      .items;
    const count = (level: string) => items.filter((i) => i.level === level).length;
    assert.deepEqual([count('district'), count('street'), count('community')], [1, 14, 203]);
    const districtGrids = items.find((i) => i.level === 'district')?.gridCount ?? 0;
    assert.ok(districtGrids > 10_000 && districtGrids < 14_000, `grids: ${districtGrids}`);
    const communitySum = items.filter((i) => i.level === 'community').reduce((n, i) => n + i.gridCount, 0);
    assert.equal(communitySum, districtGrids);
  });

  it('serves map layers by bounding box in the requested coordinate system', async () => {
    const bbox = '120.16,30.25,120.18,30.26';
    const wgs = (await get(`/api/geo/features?level=grid&bbox=${bbox}&crs=wgs84&limit=50`)).json<FC>();
    assert.equal(wgs.type, 'FeatureCollection');
    assert.equal(wgs.features.length, 50);
    assert.equal(wgs.truncated, true);
    assert.ok(wgs.features.every((f) => f.properties.synthetic === true && f.properties.level === 'grid'));
    const one = wgs.features[0]!;
    const gcj = (await get(`/api/geo/regions/${one.id}?crs=gcj02`)).json<FC['features'][number]>();
    const ring = (g: { coordinates: unknown }) => (g.coordinates as number[][][])[0]![0]!;
    const shift = ring(gcj.geometry)[0]! - ring(one.geometry)[0]!;
    // In Hangzhou GCJ-02 lies about 450 m (≈0.0047°) east of WGS-84.
    assert.ok(shift > 0.004 && shift < 0.006, `shift ${shift}`);
  });

  it('keeps components to staff and finds the nearest ones', async () => {
    assert.equal((await get('/api/geo/components?bbox=120.16,30.25,120.18,30.26')).statusCode, 401);
    const { headers } = await t.login('wang');
    const near = await get(
      `/api/geo/components/nearest?lng=${LAKESIDE_GCJ02.lng}&lat=${LAKESIDE_GCJ02.lat}&crs=gcj02&limit=3&maxDistanceM=2000`,
      headers,
    );
    assert.equal(near.statusCode, 200, near.body);
    const distances = near.json<FC>().features.map((f) => f.properties.distanceM as number);
    assert.equal(distances.length, 3);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
    );
    const feature = near.json<FC>().features[0]!;
    assert.match(feature.id, /^330102\d{10}$/);
  });

  it('refuses a grid import with problems as a whole, names each feature, and changes nothing', async () => {
    const { headers } = await t.login('root');
    const before = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM regions WHERE level = 'grid'`.execute(t.testDb.db.sql);
    const square = (x: number, y: number) => [
      [
        [x, y],
        [x + 0.001, y],
        [x + 0.001, y + 0.001],
        [x, y + 0.001],
        [x, y],
      ],
    ];
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '330102001051001' },
          geometry: { type: 'Polygon', coordinates: square(120.16, 30.24) },
        },
        {
          type: 'Feature',
          properties: { code: '330102001051001' },
          geometry: { type: 'Polygon', coordinates: square(120.17, 30.24) },
        },
        {
          type: 'Feature',
          properties: { code: '330102001051003' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [120.16, 30.24],
                [120.161, 30.24],
                [120.161, 30.241],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { code: '999' },
          geometry: { type: 'Polygon', coordinates: square(120.18, 30.24) },
        },
      ],
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/geo/imports/regions?level=grid&crs=wgs84',
      headers: { ...headers, 'content-type': 'application/geo+json' },
      payload: JSON.stringify(collection),
    });
    assert.equal(res.statusCode, 422, res.body);
    const problems = res.json<ErrorBody>().error.details?.problems ?? [];
    const kinds = new Set(problems.map((p) => `${p.featureIndex}:${p.problem}`));
    assert.ok(kinds.has('1:DUPLICATE_CODE'), [...kinds].join(' '));
    assert.ok(
      [...kinds].some((k) => k.startsWith('2:')),
      'the open/degenerate ring is reported',
    );
    assert.ok(kinds.has('3:BAD_CODE'), [...kinds].join(' '));
    const after = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM regions WHERE level = 'grid'`.execute(t.testDb.db.sql);
    assert.equal(after.rows[0]?.n, before.rows[0]?.n);
  });

  it('replaces the grid layer with a valid import, then locates on the new layer', async () => {
    const { headers } = await t.login('root');
    const located = (
      await get(`/api/geo/locate?lng=${LAKESIDE_GCJ02.lng}&lat=${LAKESIDE_GCJ02.lat}&crs=gcj02`)
    ).json<Located>();
    const community = located.community!.code;
    const grids = await sql<{ code: string; geometry: unknown }>`
      SELECT code, geometry FROM regions WHERE level = 'grid' AND parent_code = ${community} ORDER BY code`.execute(
      t.testDb.db.sql,
    );
    const collection = {
      type: 'FeatureCollection',
      features: grids.rows.map((g) => ({
        type: 'Feature',
        properties: { code: g.code },
        geometry: g.geometry,
      })),
    };
    const url = '/api/geo/imports/regions?level=grid&crs=wgs84';
    const dry = await t.app.inject({
      method: 'POST',
      url: url + '&dryRun=true',
      headers,
      payload: collection,
    });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual(dry.json(), { imported: grids.rows.length, replaced: 0, dryRun: true });
    const res = await t.app.inject({ method: 'POST', url, headers, payload: collection });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ imported: number }>().imported, grids.rows.length);
    const same = (
      await get(`/api/geo/locate?lng=${LAKESIDE_GCJ02.lng}&lat=${LAKESIDE_GCJ02.lat}&crs=gcj02`)
    ).json<Located>();
    assert.equal(same.grid.code, located.grid.code);
    assert.equal(same.grid.synthetic, false, 'imported geometry is not marked synthetic');
    const elsewhere = await get('/api/geo/locate?lng=120.25&lat=30.33&crs=gcj02');
    assert.equal(elsewhere.statusCode, 404, 'grids outside the imported layer are gone');
    const events = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM events WHERE name = 'geo.regions.imported'`.execute(t.testDb.db.sql);
    assert.equal(events.rows[0]?.n, 1);
  });

  it('lets only admins import', async () => {
    const { headers } = await t.login('wang');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/geo/imports/regions?level=grid',
      headers,
      payload: { type: 'FeatureCollection', features: [] },
    });
    assert.equal(res.statusCode, 403);
  });
});
