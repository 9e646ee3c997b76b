import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

interface View {
  caseNo: string;
  version: number;
  stage: string;
}

describe('the workbench queues of requests to decide and pressed cases', () => {
  let t: CaseTestApp;
  let first: View;
  before(async () => {
    t = await createCaseTestApp();
    const open = async (description: string) => {
      const res = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
        location: LAKESIDE,
        description,
        category: { categoryType: 'component', majorCode: '03', minorCode: '01' },
        standardId: 'C-0301-1',
      });
      assert.equal(res.statusCode, 201, res.body);
      let v = res.json<View>();
      const step = async (who: string, verb: string, body: object = {}) => {
        const r = await t.post(await t.as(who), `/api/cases/${v.caseNo}/${verb}`, {
          version: v.version,
          ...body,
        });
        assert.equal(r.statusCode, 200, `${verb}: ${r.body}`);
        v = r.json<View>();
      };
      await step('operator', 'file', { standardId: 'C-0301-1' });
      await step('dispatcher', 'dispatch', { mode: 'auto' });
      await step('handler', 'accept');
      return { v, step };
    };
    const a = await open('洗手池损坏，需更换');
    await a.step('handler', 'request-extension', { reason: '配件需要订购' });
    first = a.v;
    const b = await open('公厕门锁坏了');
    await b.step('leader', 'press', { note: '请加快处置' });
  });
  after(() => t.close());

  const list = async (query: string) =>
    (await t.get(await t.as('dispatcher'), `/api/cases?${query}`)).json<{ items: View[] }>().items;

  it('counts them next to the stages', async () => {
    const counts = (await t.get(await t.as('dispatcher'), '/api/cases/counts')).json<
      Record<string, number>
    >();
    assert.equal(counts.handling, 2);
    assert.equal(counts.pendingRequests, 1);
    assert.equal(counts.pressed, 1);
  });

  it('lists them by filter, refusing an unknown kind', async () => {
    assert.deepEqual(
      (await list('pending=any')).map((c) => c.caseNo),
      [first.caseNo],
    );
    assert.equal((await list('pending=extension')).length, 1);
    assert.equal((await list('pending=hold')).length, 0);
    const pressed = await list('pressed=true');
    assert.equal(pressed.length, 1);
    assert.notEqual(pressed[0]?.caseNo, first.caseNo);
    const bad = await t.get(await t.as('dispatcher'), '/api/cases?pending=later');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { field: string } }>().error.field, 'pending');
  });
});
