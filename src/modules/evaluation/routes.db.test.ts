/**
 * The evaluation API through the real app, over cases driven through the real case loop: rankings with a
 * scheme, indicator tables and CSV, the bulletin as JSON, .xlsx and HTML, hot spots, the public rankings, the
 * consistency check, scheme versions against published (frozen) periods, scope, and the monthly job.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from '../cases/test-helpers.js';

interface Row {
  rank?: number;
  code: string;
  counts: Record<string, number>;
  rates: Record<string, number | null>;
  meanSeconds?: Record<string, number | null>;
  score?: { total: number; items: { key: string; score: number }[] };
}

async function tinyPng(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
}

describe('evaluation API over real cases', { timeout: 300_000 }, () => {
  let t: CaseTestApp;
  let unit: string;
  let admin: Record<string, string>;
  let leader: Record<string, string>;

  before(async () => {
    t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z' });
    const standard = await t.standard(
      'event',
      (s) => s.timeLimit.unit === 'work_hour' || s.timeLimit.unit === 'work_day',
    );
    const inspector = await t.as('inspector');
    const operator = await t.as('operator');
    const dispatcher = await t.as('dispatcher');
    const report = async () => {
      const res = await t.post(inspector, '/api/cases/intake/inspector', {
        location: LAKESIDE,
        description: '湖滨路人行道上有暴露垃圾',
        category: {
          categoryType: standard.kind,
          majorCode: standard.majorCode,
          minorCode: standard.minorCode,
        },
        standardId: standard.id,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ caseNo: string; version: number }>();
    };
    const step = async (
      who: Record<string, string>,
      ref: string,
      verb: string,
      body: object,
      version: number,
    ) => {
      const res = await t.post(who, `/api/cases/${ref}/${verb}`, { version, ...body });
      assert.equal(res.statusCode, 200, `${verb}: ${res.body}`);
      return res.json<{ version: number; unitCode: string }>();
    };
    // Case 1: filed, dispatched, one rework, closed.
    const one = await report();
    let v = await step(operator, one.caseNo, 'file', { standardId: standard.id }, one.version);
    v = await step(dispatcher, one.caseNo, 'dispatch', { mode: 'auto' }, v.version);
    unit = v.unitCode;
    const handler = await t.staff(`handler-${unit}`, ['handler'], unit);
    v = await step(handler, one.caseNo, 'accept', {}, v.version);
    const png = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...handler, 'content-type': 'image/png' },
      payload: await tinyPng(),
    });
    const sha = png.json<{ sha256: string }>().sha256;
    t.clock.advance(3_600_000);
    v = await step(handler, one.caseNo, 'report-back', { photos: [sha] }, v.version);
    v = await step(inspector, one.caseNo, 'check', { passed: false, reason: '仍有残留垃圾' }, v.version);
    v = await step(handler, one.caseNo, 'report-back', { photos: [sha] }, v.version);
    v = await step(inspector, one.caseNo, 'check', { passed: true }, v.version);
    await step(operator, one.caseNo, 'close', {}, v.version);
    // Case 2: voided. Case 3: filed, not yet dispatched.
    const two = await report();
    await step(operator, two.caseNo, 'void', { reason: '不属于受理范围' }, two.version);
    const three = await report();
    await step(operator, three.caseNo, 'file', { standardId: standard.id }, three.version);

    await t.app.projector.catchUp(t.tenant.id);
    await t.createUser('evaluator', ['admin']);
    admin = (await t.login('evaluator')).headers;
    leader = await t.as('leader');
  });
  after(() => t.close());

  it('ranks units by a scheme score with the counts the case loop produced', async () => {
    const res = await t.get(leader, '/api/evaluation/rankings?objectType=unit&period=2025-10&scheme=jinhua');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ scheme: { code: string; version: number }; items: Row[] }>();
    assert.equal(body.scheme.code, 'jinhua');
    assert.equal(body.scheme.version, 0, 'the shipped preset');
    const row = body.items.find((r) => r.code === unit);
    assert.ok(row, JSON.stringify(body.items));
    assert.equal(row.rank, 1);
    assert.equal(row.counts.dispatched, 1);
    assert.equal(row.counts.handled, 2);
    assert.equal(row.counts.reworked, 1);
    assert.equal(row.counts.closed, 1);
    assert.equal(row.rates.reworkRate, 0.5);
    // 返工: 5 − 0.2 for one failed check.
    assert.equal(row.score?.items.find((i) => i.key === 'rework')?.score, 4.8);
    assert.ok((row.meanSeconds?.handle ?? 0) > 0);
    const med = await t.get(leader, `/api/evaluation/medians?period=2025-10&unitCode=${unit}`);
    assert.equal(med.statusCode, 200, med.body);
    const m = med.json<{ medianSeconds: Record<string, number | null> }>().medianSeconds;
    // Two handlings: one hour (the first report-back), then a few seconds after the rework.
    assert.ok((m.handle ?? 0) > 0 && (m.handle ?? 0) < 3600, JSON.stringify(m));
    assert.equal(m.check !== undefined, true);
  });

  it('indicator tables per object type, as JSON and CSV', async () => {
    const res = await t.get(leader, '/api/evaluation/indicators?objectType=street&period=2025-10');
    assert.equal(res.statusCode, 200, res.body);
    const rows = res.json<{ items: Row[] }>().items;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.counts.reported, 3);
    assert.equal(rows[0]?.counts.voided, 1);
    assert.equal(rows[0]?.counts.filed, 2);
    assert.equal(rows[0]?.counts.dueClose, 2);
    assert.equal(rows[0]?.rates.closeRate, 0.5);
    const inspectors = await t.get(leader, '/api/evaluation/indicators?objectType=inspector&period=2025-10');
    assert.equal(inspectors.json<{ items: Row[] }>().items[0]?.counts.reported, 3);
    const csv = await t.get(leader, '/api/evaluation/rankings?objectType=unit&period=2025-10&format=csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.match(lines[0] ?? '', /^名次,编码,名称,得分,上报数,/);
    assert.ok(lines.some((l) => l.includes(unit)));
    const none = await t.get(leader, '/api/evaluation/indicators?objectType=unit&period=2025-09');
    assert.deepEqual(none.json<{ items: Row[] }>().items, []);
  });

  it('the bulletin as JSON, a workbook and a printable page', async () => {
    const res = await t.get(leader, '/api/evaluation/bulletin?period=2025-10');
    assert.equal(res.statusCode, 200, res.body);
    const b = res.json<{
      counts: Record<string, number>;
      trend: Record<string, number>;
      sources: { channel: string; reported: number; share: number }[];
      topCategories: { code: string; n: number }[];
      worstUnits: Row[];
    }>();
    assert.equal(b.counts.reported, 3);
    assert.equal(b.trend.reported, 3, 'nothing in September');
    assert.deepEqual(b.sources, [{ channel: 'inspector', reported: 3, share: 1 }]);
    assert.equal(b.topCategories[0]?.n, 2);
    assert.equal(b.worstUnits[0]?.code, unit);

    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/evaluation/bulletin?period=2025-10&format=xlsx',
      headers: leader,
    });
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('概况');
    const values: unknown[][] = [];
    sheet?.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    assert.deepEqual(
      values.find((r) => r[0] === '上报数'),
      ['上报数', '3', '0', '+3'],
    );
    assert.ok(wb.getWorksheet('部门排名'));

    const html = await t.get(leader, '/api/evaluation/bulletin?period=2025-10&format=html');
    assert.match(html.headers['content-type'] as string, /^text\/html/);
    assert.match(html.body, /数字城管月度通报 2025-10/);
    assert.match(html.body, /@media print/);
  });

  it('hot spots: categories, places, repeat locations and the grid heat layer', async () => {
    const res = await t.get(leader, '/api/evaluation/hotspots?period=2025-10&repeatMin=2');
    assert.equal(res.statusCode, 200, res.body);
    const h = res.json<{
      categories: { n: number }[];
      repeats: { grid: string; filed: number }[];
      heat: { grids: Record<string, number> };
    }>();
    assert.equal(h.categories[0]?.n, 2);
    assert.equal(h.repeats.length, 1, 'two filed cases of one category in one grid');
    assert.equal(h.repeats[0]?.filed, 2);
    assert.equal(
      Object.values(h.heat.grids).reduce((a, b) => a + b, 0),
      3,
    );
    const none = await t.get(leader, '/api/evaluation/hotspots?period=2025-10&repeatMin=3');
    assert.deepEqual(none.json<{ repeats: unknown[] }>().repeats, []);
  });

  it('honours the data scope: another unit sees only itself, and no tenant-wide bulletin', async () => {
    const other = unit === 'SANITATION' ? 'GREENING' : 'SANITATION';
    const outsider = await t.staff('eval-outsider', ['handler'], other);
    const res = await t.get(outsider, '/api/evaluation/rankings?objectType=unit&period=2025-10');
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.json<{ items: Row[] }>().items.every((r) => r.code === other));
    const csv = await t.get(outsider, '/api/evaluation/indicators?objectType=unit&period=2025-10&format=csv');
    assert.ok(!csv.body.includes(unit));
    const b = await t.get(outsider, '/api/evaluation/bulletin?period=2025-10');
    assert.equal(b.statusCode, 403);
    const med = await t.get(outsider, `/api/evaluation/medians?period=2025-10&unitCode=${unit}`);
    assert.equal(med.statusCode, 403);
    const mine = await t.get(
      await t.staff(`eval-${unit}`, ['handler'], unit),
      '/api/evaluation/indicators?objectType=unit&period=2025-10',
    );
    assert.deepEqual(
      mine.json<{ items: Row[] }>().items.map((r) => r.code),
      [unit],
    );
  });

  it('public rankings carry aggregates only; staff objects are refused', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/public/evaluation/rankings?period=2025-10&objectType=unit',
    });
    assert.equal(res.statusCode, 200, res.body);
    const row = res.json<{ items: (Row & Record<string, unknown>)[] }>().items[0];
    assert.equal(row?.counts.handled, 2);
    assert.equal(row?.meanSeconds, undefined);
    assert.deepEqual(Object.keys(row?.counts ?? {}).sort(), [
      'closed',
      'closedOnTime',
      'dueClose',
      'dueHandle',
      'filed',
      'handled',
      'handledOnTime',
    ]);
    const staff = await t.app.inject({
      method: 'GET',
      url: '/api/public/evaluation/rankings?period=2025-10&objectType=inspector',
    });
    assert.equal(staff.statusCode, 400);
  });

  it('refuses bad input with code, message and field', async () => {
    const res = await t.get(leader, '/api/evaluation/rankings?objectType=unit&period=2025-13');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ error: { code: string; field: string } }>().error.field, 'period');
    const sort = await t.get(leader, '/api/evaluation/rankings?objectType=unit&period=2025-10&sort=nonsense');
    assert.equal(sort.statusCode, 400);
    assert.equal(sort.json<{ error: { field: string } }>().error.field, 'sort');
    const scheme = await t.get(leader, '/api/evaluation/rankings?objectType=unit&period=2025-10&scheme=nope');
    assert.equal(scheme.statusCode, 404);
    const forbidden = await t.post(leader, '/api/evaluation/schemes', { year: 2025, scheme: {} });
    assert.equal(forbidden.statusCode, 403);
  });

  it('consistency: the rollups equal a recomputation from the events', { timeout: 60_000 }, async () => {
    const res = await t.get(admin, '/api/evaluation/consistency');
    assert.equal(res.statusCode, 200, res.body);
    const c = res.json<{ ok: boolean; events: number; mismatches: unknown[] }>();
    assert.equal(c.ok, true, JSON.stringify(c.mismatches));
    assert.equal(c.events, 14, 'ten events of the closed case, two of the voided one, two of the filed one');
  });

  it('a published period is frozen: a later scheme version never rewrites it', async () => {
    const schemes = (await t.get(admin, '/api/evaluation/schemes')).json<{
      presets: { code: string; items: unknown[] }[];
    }>();
    const jinhua = schemes.presets.find((s) => s.code === 'jinhua') as Record<string, unknown> & {
      items: Record<string, unknown>[];
    };
    const harsh = {
      ...jinhua,
      items: jinhua.items.map((i) =>
        i.key === 'rework' ? { ...i, deductions: [{ metric: 'reworked', each: 2 }] } : i,
      ),
    };
    const v1 = await t.post(admin, '/api/evaluation/schemes', { year: 2025, scheme: harsh });
    assert.equal(v1.statusCode, 201, v1.body);
    assert.equal(v1.json<{ version: number }>().version, 1);

    const prepared = await t.post(admin, '/api/evaluation/snapshots/prepare', {
      period: '2025-10',
      scheme: 'jinhua',
    });
    assert.equal(prepared.statusCode, 200, prepared.body);
    assert.equal(prepared.json<{ status: string; schemeVersion: number }>().schemeVersion, 1);
    const published = await t.post(admin, '/api/evaluation/snapshots/publish', {
      period: '2025-10',
      scheme: 'jinhua',
    });
    assert.equal(published.json<{ status: string }>().status, 'published');

    const gentle = {
      ...jinhua,
      items: jinhua.items.map((i) =>
        i.key === 'rework' ? { ...i, deductions: [{ metric: 'reworked', each: 0 }] } : i,
      ),
    };
    assert.equal(
      (await t.post(admin, '/api/evaluation/schemes', { year: 2025, scheme: gentle })).json<{
        version: number;
      }>().version,
      2,
    );
    const live = await t.get(leader, '/api/evaluation/rankings?objectType=unit&period=2025-10&scheme=jinhua');
    const liveRow = live.json<{ items: Row[] }>().items.find((r) => r.code === unit);
    assert.equal(liveRow?.score?.items.find((i) => i.key === 'rework')?.score, 5, 'rankings use version 2');
    const frozen = await t.get(leader, '/api/evaluation/bulletin?period=2025-10&scheme=jinhua');
    const fb = frozen.json<{ frozen: boolean; scheme: { version: number }; units: Row[] }>();
    assert.equal(fb.frozen, true);
    assert.equal(fb.scheme.version, 1);
    assert.equal(
      fb.units.find((r) => r.code === unit)?.score?.items.find((i) => i.key === 'rework')?.score,
      3,
    );
    const again = await t.post(admin, '/api/evaluation/snapshots/prepare', {
      period: '2025-10',
      scheme: 'jinhua',
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ error: { code: string } }>().error.code, 'PERIOD_PUBLISHED');
    const bad = await t.post(admin, '/api/evaluation/schemes', {
      year: 2025,
      scheme: { ...gentle, items: [{ kind: 'weighted', key: 'x', label: 'x' }] },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { field: string } }>().error.field, 'items[0].rate');
  });

  it('the monthly job prepares last month once, and never publishes', async () => {
    t.clock.advance(Date.parse('2025-12-01T01:00:00Z') - t.clock.now().getTime());
    const done = await t.app.evaluation.tick();
    assert.deepEqual(done, [`${t.tenant.id}:2025-11`]);
    assert.deepEqual(await t.app.evaluation.tick(), []);
    const s = await t.app.evaluation.snapshot(t.tenant.id, '2025-11', 'jinhua');
    assert.equal(s?.status, 'prepared');
  });
});
