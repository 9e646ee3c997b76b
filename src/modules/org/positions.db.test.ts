import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCaseTestApp, type CaseTestApp } from '../cases/test-helpers.js';

interface Positions {
  items: {
    accountId: number;
    displayName: string;
    unitCode: string;
    lng: number;
    lat: number;
    reportedAt: string;
  }[];
}

describe('field staff positions', () => {
  let t: CaseTestApp;
  before(async () => {
    t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z' });
  });
  after(() => t.close());

  const put = async (who: Record<string, string>, body: object) =>
    t.app.inject({ method: 'PUT', url: '/api/org/positions/me', headers: who, payload: body });

  it('keeps the newest fix per inspector and shows it to the command centre in wgs84', async () => {
    const inspector = await t.as('inspector');
    assert.equal((await put(inspector, { lng: 120.168, lat: 30.257, accuracyM: 8 })).statusCode, 204);
    // A late report of an older fix (a phone coming back online) does not move the inspector backwards.
    const older = await put(inspector, { lng: 120.1, lat: 30.2, at: '2025-10-09T01:50:00Z' });
    assert.equal(older.statusCode, 204);
    const seen = (await t.get(await t.as('monitor'), '/api/org/positions')).json<Positions>();
    assert.equal(seen.items.length, 1);
    assert.equal(seen.items[0]?.lng, 120.168);
    assert.equal(seen.items[0]?.reportedAt, '2025-10-09T02:00:00.000Z');
  });

  it('converts gcj02 to wgs84 and forgets fixes older than the window asked for', async () => {
    const inspector = await t.as('inspector');
    t.clock.advance(60_000);
    await put(inspector, { lng: 120.168, lat: 30.257, crs: 'gcj02' });
    const now = (await t.get(await t.as('monitor'), '/api/org/positions')).json<Positions>();
    assert.ok(
      now.items[0] && now.items[0].lng < 120.168 && now.items[0].lng > 120.16,
      'moved west by the offset',
    );
    t.clock.advance(20 * 60_000);
    const stale = (await t.get(await t.as('monitor'), '/api/org/positions')).json<Positions>();
    assert.equal(stale.items.length, 0);
    const wider = (
      await t.get(await t.as('monitor'), '/api/org/positions?maxAgeMinutes=60')
    ).json<Positions>();
    assert.equal(wider.items.length, 1);
  });

  it('refuses bad input, positions in the future, and roles that neither report nor watch', async () => {
    const inspector = await t.as('inspector');
    const bad = await put(inspector, { lng: 200, lat: 30 });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { field: string } }>().error.field, 'lng');
    const future = await put(inspector, { lng: 120.1, lat: 30.2, at: '2026-01-01T00:00:00Z' });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json<{ error: { field: string } }>().error.field, 'at');
    assert.equal((await put(await t.as('monitor'), { lng: 120.1, lat: 30.2 })).statusCode, 403);
    assert.equal((await t.get(inspector, '/api/org/positions')).statusCode, 403);
  });

  it('shows a unit head only the staff their scope covers', async () => {
    const outsider = await t.staff('head-municipal', ['head'], 'UM-MUNICIPAL');
    const seen = (await t.get(outsider, '/api/org/positions?maxAgeMinutes=600')).json<Positions>();
    assert.equal(seen.items.length, 0);
  });
});
