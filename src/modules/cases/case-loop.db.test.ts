import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

interface View {
  id: string;
  caseNo: string;
  version: number;
  stage: string;
  unitCode: string | null;
  deadline: string | null;
  allowedActions: string[];
  timers?: { kind: string; deadline: string; warning: string | null }[];
  overdue: boolean;
  counters: { rework: number };
}

describe('the closed loop over HTTP (inspector report → close)', () => {
  let t: CaseTestApp;
  before(async () => {
    // Thursday 2025-10-09 10:00 in Hangzhou, the first working day after the National Day holiday.
    t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z' });
  });
  after(() => t.close());

  it('runs report → file → dispatch (auto, with "why here?") → accept → report back → check → close', async () => {
    const standard = await t.standard(
      'event',
      (s) => s.timeLimit.unit === 'work_hour' || s.timeLimit.unit === 'work_day',
    );
    const inspector = await t.as('inspector');
    const created = await t.post(inspector, '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '湖滨路人行道上有暴露垃圾',
      category: { categoryType: standard.kind, majorCode: standard.majorCode, minorCode: standard.minorCode },
      standardId: standard.id,
    });
    assert.equal(created.statusCode, 201, created.body);
    const receipt = created.json<{ id: string; caseNo: string; stage: string; version: number }>();
    assert.match(receipt.caseNo, /^330102-20251009-\d{5}$/);
    assert.equal(receipt.stage, 'reported');

    const operator = await t.as('operator');
    const step = async (
      who: Record<string, string>,
      verb: string,
      body: Record<string, unknown>,
      version: number,
    ) => {
      const res = await t.post(who, `/api/cases/${receipt.caseNo}/${verb}`, { version, ...body });
      assert.equal(res.statusCode, 200, `${verb}: ${res.body}`);
      return res.json<View>();
    };
    let v = await step(operator, 'file', { standardId: standard.id }, receipt.version);
    assert.equal(v.stage, 'filed');
    const dispatcher = await t.as('dispatcher');
    v = await step(dispatcher, 'dispatch', { mode: 'auto' }, v.version);
    assert.equal(v.stage, 'dispatched');
    assert.ok(v.unitCode);
    assert.ok(v.deadline, 'the handling clock runs from dispatch');

    const history = await t.get(dispatcher, `/api/cases/${v.id}/history`);
    const dispatched = history
      .json<{ items: { name: string; payload: Record<string, unknown> }[] }>()
      .items.find((e) => e.name === 'cases.case.dispatched');
    assert.ok(dispatched);
    assert.ok(Array.isArray((dispatched.payload.dispatch as { explanation: string[] }).explanation));
    assert.equal(dispatched.payload.unitCode, v.unitCode);

    // The unit's handler signs for it, handles it and reports back with an after-photo.
    const unit = v.unitCode;
    const handler = await t.staff(`handler-${unit}`, ['handler'], unit);
    const outsider = await t.staff(
      'handler-elsewhere',
      ['handler'],
      'SANITATION' === unit ? 'GREENING' : 'SANITATION',
    );
    const notMine = await t.post(outsider, `/api/cases/${v.id}/accept`, { version: v.version });
    assert.equal(notMine.statusCode, 404, 'a case outside the data scope does not exist for the viewer');
    v = await step(handler, 'accept', {}, v.version);
    assert.equal(v.stage, 'handling');
    const photo = 'a'.repeat(64);
    const noPhoto = await t.post(handler, `/api/cases/${v.id}/report-back`, {
      version: v.version,
      photos: [photo],
    });
    assert.equal(noPhoto.statusCode, 400, 'an after-photo must have been uploaded');
    assert.equal(noPhoto.json<{ error: { field: string } }>().error.field, 'photos[0]');
    const png = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...handler, 'content-type': 'image/png' },
      payload: await tinyPng(),
    });
    assert.ok(png.statusCode === 201 || png.statusCode === 200, png.body);
    const sha = png.json<{ sha256: string }>().sha256;
    v = await step(handler, 'report-back', { photos: [sha], note: '已清理' }, v.version);
    assert.equal(v.stage, 'handled');

    const checker = await t.as('inspector');
    v = await step(checker, 'check', { passed: false, reason: '仍有残留垃圾' }, v.version);
    assert.equal(v.stage, 'handling');
    assert.equal(v.counters.rework, 1);
    v = await step(handler, 'report-back', { photos: [sha] }, v.version);
    v = await step(checker, 'check', { passed: true }, v.version);
    assert.equal(v.stage, 'checked');
    v = await step(operator, 'close', {}, v.version);
    assert.equal(v.stage, 'closed');
    assert.deepEqual(v.allowedActions, ['reopen']);

    const names = (await t.get(operator, `/api/cases/${v.id}/history`)).json<{
      items: { name: string; payload: Record<string, unknown> }[];
    }>().items;
    assert.deepEqual(
      names.map((e) => e.name.replace('cases.case.', '')),
      [
        'reported',
        'filed',
        'dispatched',
        'accepted',
        'reportedBack',
        'checked',
        'reworked',
        'reportedBack',
        'checked',
        'closed',
      ],
    );
    const reportedBack = names.find((e) => e.name === 'cases.case.reportedBack');
    assert.deepEqual(reportedBack?.payload.photos, [sha]);
    assert.equal(
      (reportedBack?.payload.stageOutcomes as { handle: { onTime: boolean } }).handle.onTime,
      true,
      '按期: reported back well before the deadline',
    );
  });

  it('refuses a step on a stale version with 409 and a wrong role with 403', async () => {
    const standard = await t.standard('event');
    const inspector = await t.as('inspector');
    const created = await t.post(inspector, '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '井盖缺失',
      category: { categoryType: standard.kind, majorCode: standard.majorCode, minorCode: standard.minorCode },
      standardId: standard.id,
    });
    const { caseNo } = created.json<{ caseNo: string }>();
    const operator = await t.as('operator');
    const first = await t.post(operator, `/api/cases/${caseNo}/file`, {
      version: 1,
      standardId: standard.id,
    });
    assert.equal(first.statusCode, 200);
    const stale = await t.post(operator, `/api/cases/${caseNo}/void`, {
      version: 1,
      reason: '重复上报的问题',
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'VERSION_CONFLICT');
    const wrongRole = await t.post(inspector, `/api/cases/${caseNo}/dispatch`, { version: 2, mode: 'auto' });
    assert.equal(wrongRole.statusCode, 403);
    const wrongStage = await t.post(operator, `/api/cases/${caseNo}/close`, { version: 2 });
    assert.equal(wrongStage.statusCode, 409);
    assert.equal(wrongStage.json<{ error: { code: string } }>().error.code, 'INVALID_TRANSITION');
  });
});

async function tinyPng(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
}
