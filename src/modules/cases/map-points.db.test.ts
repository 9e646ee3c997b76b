import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

interface MapPoints {
  count: number;
  truncated: boolean;
  ids: string[];
  caseNos: string[];
  lng: number[];
  lat: number[];
  warning: number[];
  stage: string[];
}

describe('GET /api/cases/map', () => {
  let t: CaseTestApp;
  before(async () => {
    t = await createCaseTestApp();
    const standard = await t.standard('event');
    const inspector = await t.as('inspector');
    for (const [i, description] of ['暴露垃圾', '占道经营', '井盖破损'].entries()) {
      const res = await t.post(inspector, '/api/cases/intake/inspector', {
        location: { ...LAKESIDE, lng: LAKESIDE.lng + i * 0.001 },
        description,
        category: {
          categoryType: standard.kind,
          majorCode: standard.majorCode,
          minorCode: standard.minorCode,
        },
        standardId: standard.id,
      });
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(() => t.close());

  it('answers the open cases in scope as columns of equal length, in wgs84', async () => {
    const res = await t.get(await t.as('monitor'), '/api/cases/map');
    assert.equal(res.statusCode, 200, res.body);
    const m = res.json<MapPoints>();
    assert.equal(m.count, 3);
    assert.equal(m.truncated, false);
    for (const column of [m.ids, m.caseNos, m.lng, m.lat, m.warning, m.stage]) assert.equal(column.length, 3);
    assert.ok(m.stage.every((s) => s === 'reported'));
    assert.ok(m.warning.every((w) => w === 0));
    // GCJ-02 in, WGS-84 out: the offset near Hangzhou is a few hundred metres west and south.
    assert.ok(m.lng.every((x) => x < LAKESIDE.lng + 0.003 && x > LAKESIDE.lng - 0.01));
  });

  it('cuts at the limit and says so', async () => {
    const m = (await t.get(await t.as('monitor'), '/api/cases/map?limit=2')).json<MapPoints>();
    assert.equal(m.count, 2);
    assert.equal(m.truncated, true);
    assert.equal(m.ids.length, 2);
  });

  it('shows nothing outside the data scope and refuses a bad limit', async () => {
    const outsider = await t.staff('far-handler', ['handler'], 'UM-MUNICIPAL');
    const m = (await t.get(outsider, '/api/cases/map')).json<MapPoints>();
    assert.equal(m.count, 0);
    const bad = await t.get(await t.as('monitor'), '/api/cases/map?limit=0');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { field: string } }>().error.field, 'limit');
  });
});
