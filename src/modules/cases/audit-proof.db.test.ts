import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyRecordProof, type RecordProof } from '../../platform/audit/index.js';
import { CASE_LOOP_ITEM_CODE } from '../oversight/index.js';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

describe('the tamper-evident record of a case', () => {
  let t: CaseTestApp;
  before(async () => {
    t = await createCaseTestApp();
  });
  after(() => t.close());

  it('lets a citizen prove their case’s history against a signed checkpoint, and staff verify everything', async () => {
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: {
        location: { ...LAKESIDE, crs: 'gcj02' },
        description: '井盖缺失',
        contact: { name: '李四', phone: '13800001111' },
      },
    });
    assert.equal(report.statusCode, 201, report.body);
    const receipt = report.json<{ caseNo: string; trackingCode: string }>();
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/tracking/proof',
        payload: { caseNo: receipt.caseNo, code: receipt.trackingCode },
      });
    assert.equal((await ask()).statusCode, 404, 'no checkpoint has signed the case yet');

    const admin = await t.as('monitor');
    const inspector = await t.as('inspector');
    assert.equal((await t.post(inspector, '/api/audit/checkpoints', {})).statusCode, 403);
    const signed = await t.post(admin, '/api/audit/checkpoints', {});
    assert.equal(signed.statusCode, 200, signed.body);
    const checkpoint = signed.json<{ checkpoint: { no: number; leafCount: number } }>().checkpoint;
    assert.equal(checkpoint.no, 1);
    assert.equal(
      (await t.post(admin, '/api/audit/checkpoints', {})).json<{ checkpoint: null }>().checkpoint,
      null,
      'nothing new to sign',
    );

    const published = await t.app.inject({ method: 'GET', url: '/api/public/audit/checkpoints' });
    assert.equal(published.json<{ items: { no: number }[] }>().items.length, 1);
    const keys = await t.app.inject({ method: 'GET', url: '/api/public/audit/keys' });
    const key = keys.json<{ items: { publicKey: string }[] }>().items[0]?.publicKey ?? '';

    const proofAnswer = await ask();
    assert.equal(proofAnswer.statusCode, 200, proofAnswer.body);
    const proof = proofAnswer.json<RecordProof>();
    assert.deepEqual(verifyRecordProof(proof, Buffer.from(key, 'hex')), []);
    assert.ok(
      !proofAnswer.body.includes('13800001111') && !proofAnswer.body.includes('李四'),
      'nothing personal',
    );
    assert.equal(proof.events[0]?.name, 'cases.case.reported');

    // The case names the power-list item it exercises (权力阳光), as the list stood when it was reported.
    const history = await t.get(admin, `/api/cases/${receipt.caseNo}/history`);
    assert.equal(history.statusCode, 200, history.body);
    const first = history.json<{ items: { payload?: { powerItem?: { code: string } } }[] }>().items[0];
    assert.equal(first?.payload?.powerItem?.code, CASE_LOOP_ITEM_CODE);
    const wrongCode = await t.app.inject({
      method: 'POST',
      url: '/api/public/tracking/proof',
      payload: { caseNo: receipt.caseNo, code: receipt.trackingCode === '000000' ? '000001' : '000000' },
    });
    assert.equal(wrongCode.statusCode, 404);

    const verified = await t.post(admin, '/api/audit/verify', {});
    assert.equal(verified.statusCode, 200, verified.body);
    const body = verified.json<{ ok: boolean; events: number; checkpoints: number; problems: unknown[] }>();
    assert.deepEqual(body.problems, []);
    assert.equal(body.ok, true);
    assert.ok(body.events > 0);
    assert.equal(body.checkpoints, 1);

    // Staff see their own tenant's checkpoints newest first, paged by number.
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: { location: { ...LAKESIDE, crs: 'gcj02' }, description: '第二件' },
    });
    assert.equal(second.statusCode, 201, second.body);
    assert.equal((await t.post(admin, '/api/audit/checkpoints', {})).statusCode, 200);
    assert.equal((await t.get(inspector, '/api/audit/checkpoints')).statusCode, 403);
    const recent = await t.get(admin, '/api/audit/checkpoints?limit=1');
    assert.equal(recent.statusCode, 200, recent.body);
    const newest = recent.json<{ items: { no: number }[] }>().items;
    assert.deepEqual(
      newest.map((c) => c.no),
      [2],
    );
    const older = await t.get(admin, '/api/audit/checkpoints?before=2');
    assert.deepEqual(
      older.json<{ items: { no: number }[] }>().items.map((c) => c.no),
      [1],
    );
    assert.equal((await t.get(admin, '/api/audit/checkpoints?before=0')).statusCode, 400);
  });
});
