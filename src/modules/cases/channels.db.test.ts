import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

interface Receipt {
  id: string;
  caseNo: string;
  stage: string;
  version: number;
  trackingCode?: string;
  folded?: boolean;
  foldCount?: number;
  unitCode?: string | null;
  deadline?: string | null;
}

const NEAR_LAKESIDE = { lng: LAKESIDE.lng + 0.0005, lat: LAKESIDE.lat, crs: 'gcj02' as const };

describe('intake channels', () => {
  let t: CaseTestApp;
  const delivered: { url: string; body: Record<string, unknown> }[] = [];
  const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const target = url instanceof Request ? url.url : url.toString();
    const body = typeof init?.body === 'string' ? init.body : '{}';
    delivered.push({ url: target, body: JSON.parse(body) as Record<string, unknown> });
    return new Response('{}', { status: 200 });
  }) as typeof fetch;
  let integration: Record<string, string>;
  let event: {
    categoryType: 'event' | 'component';
    majorCode: string;
    minorCode: string;
    standardId: string;
  };

  before(async () => {
    t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z', fetch: fakeFetch });
    await t.createUser('hotline-bot', ['integration']);
    integration = (await t.login('hotline-bot')).headers;
    const s = await t.standard('event');
    event = { categoryType: s.kind, majorCode: s.majorCode, minorCode: s.minorCode, standardId: s.id };
  });
  after(() => t.close());

  const category = () => ({
    categoryType: event.categoryType,
    majorCode: event.majorCode,
    minorCode: event.minorCode,
  });

  it('public: nearby open cases first, "me too", anonymous report, tracking and a rating after closure', async () => {
    const inspector = await t.as('inspector');
    const existing = (
      await t.post(inspector, '/api/cases/intake/inspector', {
        location: LAKESIDE,
        description: '路灯不亮',
        category: category(),
        standardId: event.standardId,
      })
    ).json<Receipt>();
    const q = new URLSearchParams({
      lng: String(NEAR_LAKESIDE.lng),
      lat: String(NEAR_LAKESIDE.lat),
      crs: 'gcj02',
      ...category(),
    });
    const nearby = await t.app.inject({ method: 'GET', url: `/api/public/cases/nearby?${q.toString()}` });
    assert.equal(nearby.statusCode, 200, nearby.body);
    const items = nearby.json<{ items: { caseNo: string; distanceM: number }[] }>().items;
    const hit = items.find((i) => i.caseNo === existing.caseNo);
    assert.ok(hit, 'the open case 50 m away is offered');
    assert.ok(hit.distanceM > 20 && hit.distanceM < 80, String(hit.distanceM));
    assert.ok(items.length <= 5);
    assert.equal(JSON.stringify(items).includes('inspector'), false);

    const far = new URLSearchParams({
      lng: String(LAKESIDE.lng + 0.01),
      lat: String(LAKESIDE.lat),
      crs: 'gcj02',
      ...category(),
    });
    const none = (
      await t.app.inject({ method: 'GET', url: `/api/public/cases/nearby?${far.toString()}` })
    ).json<{ items: { caseNo: string }[] }>();
    assert.equal(
      none.items.some((i) => i.caseNo === existing.caseNo),
      false,
      '1 km away is not "nearby"',
    );

    const support = await t.app.inject({
      method: 'POST',
      url: `/api/public/cases/${existing.caseNo}/support`,
      payload: {},
    });
    assert.equal(support.statusCode, 200, support.body);
    assert.equal(support.json<{ supporters: number }>().supporters, 1);

    const report = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      headers: { 'idempotency-key': 'public-report-0001' },
      payload: {
        location: NEAR_LAKESIDE,
        description: '人行道破损，容易绊倒',
        contact: { name: '王小明', phone: '13800001234' },
      },
    });
    assert.equal(report.statusCode, 201, report.body);
    const receipt = report.json<Receipt>();
    assert.equal(receipt.stage, 'verifying', 'public reports are verified on site first');
    assert.match(receipt.trackingCode ?? '', /^\d{6}$/);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      headers: { 'idempotency-key': 'public-report-0001' },
      payload: {
        location: NEAR_LAKESIDE,
        description: '人行道破损，容易绊倒',
        contact: { name: '王小明', phone: '13800001234' },
      },
    });
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), receipt, 'a retry returns the first answer');
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      headers: { 'idempotency-key': 'public-report-0001' },
      payload: { location: NEAR_LAKESIDE, description: '另一件事' },
    });
    assert.equal(reused.statusCode, 422);
    assert.equal(reused.json<{ error: { code: string } }>().error.code, 'IDEMPOTENCY_KEY_REUSED');
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases WHERE description = '人行道破损，容易绊倒'`.execute(
      t.testDb.db.sql,
    );
    assert.equal(count.rows[0]?.n, 1, 'the retry created nothing');

    // Staff see the reporter masked unless their role needs the contact.
    const asInspector = (await t.get(inspector, `/api/cases/${receipt.id}`)).json<{
      reporter: { name: string; phone: string };
    }>();
    assert.equal(asInspector.reporter.phone, '138****1234');
    assert.equal(asInspector.reporter.name, '王**');
    const asOperator = (await t.get(await t.as('operator'), `/api/cases/${receipt.id}`)).json<{
      reporter: { phone: string };
    }>();
    assert.equal(asOperator.reporter.phone, '13800001234');

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/public/tracking',
      payload: { caseNo: receipt.caseNo, code: receipt.trackingCode === '000000' ? '000001' : '000000' },
    });
    assert.equal(wrong.statusCode, 404);
    const tracked = await t.app.inject({
      method: 'POST',
      url: '/api/public/tracking',
      payload: { caseNo: receipt.caseNo, code: receipt.trackingCode },
    });
    assert.equal(tracked.statusCode, 200, tracked.body);
    const view = tracked.json<{ stage: string; history: { step: string }[]; canRate: boolean }>();
    assert.deepEqual(
      view.history.map((h) => h.step),
      ['reported'],
    );
    assert.equal(JSON.stringify(view).includes('王小明'), false);
    assert.equal(JSON.stringify(view).includes('13800001234'), false);
    assert.equal(view.canRate, false);

    const early = await t.app.inject({
      method: 'POST',
      url: '/api/public/rating',
      payload: { caseNo: receipt.caseNo, code: receipt.trackingCode, satisfaction: 'satisfied' },
    });
    assert.equal(early.statusCode, 422, 'only a closed case can be rated');

    // Verify → file → … → close, then rate.
    const op = await t.as('operator');
    const disp = await t.as('dispatcher');
    let v = (
      await t.post(inspector, `/api/cases/${receipt.id}/verify`, { version: 1, confirmed: true })
    ).json<{ version: number; unitCode: string }>();
    v = (
      await t.post(op, `/api/cases/${receipt.id}/file`, { version: v.version, standardId: event.standardId })
    ).json();
    v = (
      await t.post(disp, `/api/cases/${receipt.id}/dispatch`, { version: v.version, mode: 'auto' })
    ).json();
    const forced = await t.post(await t.as('shiftlead'), `/api/cases/${receipt.id}/force-close`, {
      version: v.version,
      reason: '现场已由市民自行处理',
    });
    assert.equal(forced.statusCode, 200, forced.body);
    const rated = await t.app.inject({
      method: 'POST',
      url: '/api/public/rating',
      payload: { caseNo: receipt.caseNo, code: receipt.trackingCode, satisfaction: 'basically' },
    });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.equal(rated.json<{ satisfaction: string }>().satisfaction, 'basically');
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/public/rating',
      payload: { caseNo: receipt.caseNo, code: receipt.trackingCode, satisfaction: 'satisfied' },
    });
    assert.equal(twice.statusCode, 409);
  });

  it('12345: the ticket id is kept, a duplicate ticket is refused, and status flows back through the webhook', async () => {
    await sql`INSERT INTO case_settings (tenant_id, content, updated_at)
      VALUES (${t.tenant.id}, ${JSON.stringify({ hotline: { webhookUrl: 'https://hotline.example/webhook' } })}::jsonb, now())`.execute(
      t.testDb.db.sql,
    );
    const body = {
      location: LAKESIDE,
      description: '市民来电：小区门口占道经营',
      ticketId: 'HZ12345-20251009-0001',
      appealType: 'complaint',
      caller: { name: '李女士', phone: '13900002222' },
    };
    // The settings cache refreshes within seconds; a fresh read is forced by advancing the clock is not
    // enough (it is wall-clock based), so the cache is invalidated through the settings API instead.
    await t.createUser('settings-admin', ['admin']);
    const admin = (await t.login('settings-admin')).headers;
    const current = (await t.get(admin, '/api/cases/settings')).json<{ version: number }>();
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/cases/settings',
      headers: admin,
      payload: {
        version: current.version,
        stored: { hotline: { webhookUrl: 'https://hotline.example/webhook' } },
      },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const created = await t.post(integration, '/api/cases/intake/hotline', body);
    assert.equal(created.statusCode, 201, created.body);
    const receipt = created.json<Receipt>();
    const dup = await t.post(integration, '/api/cases/intake/hotline', body);
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json<{ error: { code: string } }>().error.code, 'TICKET_EXISTS');
    // Sent twice at once: one case, one 409.
    const twice = { ...body, ticketId: 'HZ12345-20251009-0002' };
    const both = await Promise.all([
      t.post(integration, '/api/cases/intake/hotline', twice),
      t.post(integration, '/api/cases/intake/hotline', twice),
    ]);
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [201, 409]);

    const v = (
      await t.post(await t.as('inspector'), `/api/cases/${receipt.id}/verify`, {
        version: 1,
        confirmed: true,
      })
    ).json<{ version: number }>();
    await t.post(await t.as('operator'), `/api/cases/${receipt.id}/file`, {
      version: v.version,
      standardId: event.standardId,
    });
    await t.app.cases.outbox.deliverDue();
    const mine = delivered.filter((d) => d.body.ticketId === 'HZ12345-20251009-0001');
    assert.deepEqual(
      mine.map((d) => d.body.status),
      ['received', 'verified', 'accepted'],
    );
    assert.equal(mine[0]?.url, 'https://hotline.example/webhook');
    await t.app.cases.outbox.deliverDue();
    assert.equal(
      delivered.filter((d) => d.body.ticketId === 'HZ12345-20251009-0001').length,
      3,
      'each status once',
    );
  });

  it('110 after office hours: straight to the responsible unit on an urgent clock', async () => {
    t.clock.set(new Date('2025-10-09T14:00:00Z')); // 22:00 in Hangzhou
    await t.createUser('linkage-110', ['integration']);
    const bot = (await t.login('linkage-110')).headers;
    const res = await t.post(bot, '/api/cases/intake/linkage', {
      location: LAKESIDE,
      description: '110 转来：道路积水，井盖冒水',
      incidentId: '110-20251009-7788',
      category: category(),
    });
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json<Receipt>();
    assert.equal(r.stage, 'dispatched');
    assert.ok(r.unitCode);
    const deadline = Date.parse(r.deadline as string);
    const standard = await t.standard('event', (s) => s.id === event.standardId);
    const hours = standard.timeLimit.unit === 'urgent_hour' ? standard.timeLimit.amount : 2;
    assert.equal(
      deadline - Date.parse('2025-10-09T14:00:00Z'),
      hours * 3_600_000,
      'continuous hours, at night',
    );
    const events = await sql<{
      name: string;
      payload: Record<string, unknown>;
    }>`SELECT name, payload FROM events
      WHERE stream_id = ${r.id} ORDER BY seq`.execute(t.testDb.db.sql);
    assert.deepEqual(
      events.rows.map((e) => e.name),
      ['cases.case.reported', 'cases.case.filed', 'cases.case.dispatched'],
    );
    assert.ok(Array.isArray(events.rows[2]?.payload.dutyStaff));

    t.clock.set(new Date('2025-10-10T02:00:00Z')); // Friday 10:00: office hours, the ordinary way
    const day = await t.post((await t.login('linkage-110')).headers, '/api/cases/intake/linkage', {
      location: LAKESIDE,
      description: '110 转来：占道堆放建材',
      incidentId: '110-20251010-0001',
      category: category(),
    });
    assert.equal(day.json<Receipt>().stage, 'reported');
  });

  it('cameras: repeated events of one device + label + place fold into one report, never one per frame', async () => {
    t.clock.set(new Date('2025-10-10T03:00:00Z'));
    await t.createUser('camera-gw', ['integration']);
    const cam = (await t.login('camera-gw')).headers;
    const frame = {
      location: LAKESIDE,
      description: 'AI 识别：垃圾满溢',
      deviceId: 'CAM-0042',
      label: 'garbage_overflow',
      confidence: 0.91,
    };
    const first = (await t.post(cam, '/api/cases/intake/camera', frame)).json<Receipt>();
    assert.equal(first.stage, 'verifying');
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance(5 * 60_000);
      const again = await t.post(cam, '/api/cases/intake/camera', frame);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json<Receipt>().folded, true);
      assert.equal(again.json<Receipt>().caseNo, first.caseNo);
    }
    const other = (
      await t.post(cam, '/api/cases/intake/camera', { ...frame, label: 'street_vendor' })
    ).json<Receipt>();
    assert.notEqual(other.caseNo, first.caseNo, 'another label is another problem');
    t.clock.advance(31 * 60_000);
    const later = (await t.post(cam, '/api/cases/intake/camera', frame)).json<Receipt>();
    assert.notEqual(later.caseNo, first.caseNo, 'after the window a new report opens');
    const source = await sql<{
      source: { count: number };
    }>`SELECT source FROM cases WHERE id = ${first.id}::uuid`.execute(t.testDb.db.sql);
    assert.equal(source.rows[0]?.source.count, 4);
    const low = await t.post(cam, '/api/cases/intake/camera', {
      ...frame,
      deviceId: 'CAM-9',
      confidence: 0.2,
    });
    assert.equal(low.statusCode, 422);
  });

  it('leader assignments and media exposure are flagged; a report outside the district is refused', async () => {
    const leader = await t.as('leader');
    const r = await t.post(leader, '/api/cases/intake/leader', {
      location: LAKESIDE,
      description: '领导交办：湖滨步行街乱停车',
      instruction: '请三日内整改',
    });
    assert.equal(r.statusCode, 201, r.body);
    const view = (await t.get(leader, `/api/cases/${r.json<Receipt>().id}`)).json<{
      flags: string[];
      stage: string;
    }>();
    assert.deepEqual(view.flags, ['leader']);
    assert.equal(view.stage, 'reported');
    const media = await t.post(await t.as('operator'), '/api/cases/intake/media', {
      location: LAKESIDE,
      description: '媒体曝光：河道漂浮物',
      outlet: '杭州日报',
    });
    assert.equal(media.statusCode, 201, media.body);
    const outside = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: { lng: 116.39, lat: 39.9 },
      description: '北京',
      category: category(),
      standardId: event.standardId,
    });
    assert.equal(outside.statusCode, 422);
    assert.equal(outside.json<{ error: { code: string; field: string } }>().error.field, 'location');
    const badStandard = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: 'x',
      category: category(),
      standardId: 'E-9999-9',
    });
    assert.equal(badStandard.statusCode, 422);
    assert.equal(badStandard.json<{ error: { field: string } }>().error.field, 'standardId');
  });

  it('two dispatchers acting on one case at once: exactly one succeeds', async () => {
    const created = (
      await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
        location: LAKESIDE,
        description: '并发测试',
        category: category(),
        standardId: event.standardId,
      })
    ).json<Receipt>();
    const filed = (
      await t.post(await t.as('operator'), `/api/cases/${created.id}/file`, {
        version: 1,
        standardId: event.standardId,
      })
    ).json<{ version: number }>();
    const d1 = await t.as('dispatcher');
    const d2 = await t.staff('dispatcher-2', ['dispatcher'], 'UM-COMMAND', { all: true });
    const results = await Promise.all([
      t.post(d1, `/api/cases/${created.id}/dispatch`, { version: filed.version, mode: 'auto' }),
      t.post(d2, `/api/cases/${created.id}/dispatch`, {
        version: filed.version,
        mode: 'manual',
        unitCode: 'SANITATION',
        reason: '环卫部门负责',
      }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    const n = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM events WHERE stream_id = ${created.id} AND name = 'cases.case.dispatched'`.execute(
      t.testDb.db.sql,
    );
    assert.equal(n.rows[0]?.n, 1);
  });
});
