import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

interface View {
  id: string;
  caseNo: string;
  version: number;
  stage: string;
  unitCode: string | null;
  mergedInto: string | null;
  overdue: boolean;
  overdueWaived: boolean;
  forcedClose: boolean;
  counters: { rework: number; extensionsApproved: number; returns: number; presses: number; reopens: number };
  timers: { kind: string; deadline: string; multiplier: number }[];
  error?: { code: string; details?: { rule?: string } };
}

describe('the branches of the loop over HTTP', () => {
  let t: CaseTestApp;
  let standardId: string;
  let category: { categoryType: string; majorCode: string; minorCode: string };
  before(async () => {
    t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z' });
    const s = await t.standard('component', (x) => x.timeLimit.unit === 'work_day');
    standardId = s.id;
    category = { categoryType: s.kind, majorCode: s.majorCode, minorCode: s.minorCode };
  });
  after(() => t.close());

  async function newCase(stage: 'reported' | 'filed' | 'dispatched' | 'handling'): Promise<View> {
    const r = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '分支测试',
      category,
      standardId,
    });
    let v = (await t.get(await t.as('operator'), `/api/cases/${r.json<{ id: string }>().id}`)).json<View>();
    if (stage === 'reported') return v;
    v = await act('operator', v, 'file', { standardId });
    if (stage === 'filed') return v;
    v = await act('dispatcher', v, 'dispatch', { mode: 'auto' });
    if (stage === 'dispatched') return v;
    return act(`unit:${v.unitCode}`, v, 'accept', {});
  }

  async function headersOf(who: string, unit: string | null): Promise<Record<string, string>> {
    if (who.startsWith('unit:')) {
      const code = unit ?? who.slice(5);
      return t.staff(`handler-${code}`, ['handler'], code);
    }
    return t.as(who);
  }

  async function act(
    who: string,
    v: View,
    verb: string,
    body: Record<string, unknown>,
    status = 200,
  ): Promise<View> {
    const res = await t.post(await headersOf(who, v.unitCode), `/api/cases/${v.id}/${verb}`, {
      version: v.version,
      ...body,
    });
    assert.equal(res.statusCode, status, `${verb}: ${res.body}`);
    return status === 200 ? res.json<View>() : { ...v, error: res.json<View>().error };
  }

  it('回退 → 改派: the unit says "not ours", the dispatcher sends it elsewhere; counted against accurate dispatch', async () => {
    let v = await newCase('dispatched');
    const first = v.unitCode as string;
    v = await act('unit:', v, 'return', { reason: '不属于本单位职责' });
    assert.equal(v.stage, 'returned');
    assert.equal(v.counters.returns, 1);
    const other = first === 'SANITATION' ? 'GREENING' : 'SANITATION';
    v = await act('dispatcher', v, 'redispatch', { unitCode: other, reason: '改派至责任单位' });
    assert.equal(v.stage, 'dispatched');
    assert.equal(v.unitCode, other);
    const bad = await act(
      'dispatcher',
      v,
      'redispatch',
      { unitCode: 'NO-SUCH-UNIT', reason: '改派至责任单位' },
      422,
    );
    assert.equal(bad.error?.code, 'UNKNOWN_UNIT');
  });

  it('延期: each approval adds one original time limit, at most two approvals', async () => {
    let v = await newCase('handling');
    v = (await t.get(await t.as('operator'), `/api/cases/${v.id}`)).json<View>();
    const base = v.timers.find((x) => x.kind === 'handle');
    assert.equal(base?.multiplier, 1);
    for (let i = 1; i <= 2; i += 1) {
      v = await act('unit:', v, 'request-extension', { reason: '需要更换整套设施' });
      v = await act('dispatcher', v, 'decide-extension', { approve: true });
      assert.equal(v.counters.extensionsApproved, i);
    }
    const detail = (await t.get(await t.as('operator'), `/api/cases/${v.id}`)).json<View>();
    const handle = detail.timers.find((x) => x.kind === 'handle');
    assert.equal(handle?.multiplier, 3);
    assert.ok(Date.parse(handle?.deadline ?? '') > Date.parse(base?.deadline ?? ''));
    const third = await act('unit:', v, 'request-extension', { reason: '还需要更多时间' }, 422);
    assert.equal(third.error?.details?.rule, 'case.extension-limit');
  });

  it('超时申诉: an approved appeal waives the overdue mark', async () => {
    let v = await newCase('handling');
    const early = await act('unit:', v, 'appeal', { reason: '并未超时' }, 422);
    assert.equal(early.error?.details?.rule, 'case.not-overdue');
    t.clock.advance(30 * 86_400_000);
    await t.app.cases.scheduler.runDue();
    v = (await t.get(await t.as('operator'), `/api/cases/${v.id}`)).json<View>();
    assert.equal(v.overdue, true);
    v = await act('unit:', v, 'appeal', { reason: '恶劣天气无法施工' });
    v = await act('dispatcher', v, 'decide-appeal', { approve: true, reason: '情况属实' });
    assert.equal(v.overdue, false);
    assert.equal(v.overdueWaived, true);
    t.clock.set(new Date('2025-10-09T02:00:00Z'));
  });

  it('作废, 并案, 督办, 强制结案 and reopen', async () => {
    const a = await newCase('reported');
    const voided = await act('operator', a, 'void', { reason: '不符合立案条件' });
    assert.equal(voided.stage, 'voided');
    const noReason = await act('operator', await newCase('reported'), 'void', { reason: 'x' }, 422);
    assert.equal(noReason.error?.details?.rule, 'case.reason-required');

    const target = await newCase('filed');
    const dup = await newCase('reported');
    const merged = await act('operator', dup, 'merge', { intoCase: target.caseNo });
    assert.equal(merged.stage, 'merged');
    assert.equal(merged.mergedInto, target.id);
    const history = (await t.get(await t.as('operator'), `/api/cases/${target.id}/history`)).json<{
      items: { name: string }[];
    }>();
    assert.ok(
      history.items.some((e) => e.name === 'cases.case.mergedIn'),
      'updates go to the original',
    );
    const intoSelf = await newCase('reported');
    const self = await act('operator', intoSelf, 'merge', { intoCase: intoSelf.caseNo }, 422);
    assert.equal(self.error?.details?.rule, 'case.merge-target');

    let v = await act('leader', target, 'press', { note: '请加快处置' });
    assert.equal(v.counters.presses, 1);
    v = await act('shiftlead', v, 'force-close', { reason: '已纳入专项整治统一处理' });
    assert.equal(v.stage, 'closed');
    assert.equal(v.forcedClose, true);
    v = await act('shiftlead', v, 'reopen', { reason: '市民反映问题仍在' });
    assert.equal(v.stage, 'filed');
    assert.equal(v.counters.reopens, 1);
    assert.equal(v.forcedClose, false);
  });

  it('核实 not confirmed voids the report; a manual dispatch needs a reason', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: { location: LAKESIDE, description: '树枝折断挡路' },
    });
    const id = r.json<{ id: string }>().id;
    let v = (await t.get(await t.as('operator'), `/api/cases/${id}`)).json<View>();
    v = await act('inspector', v, 'verify', { confirmed: false, reason: '现场未发现该问题' });
    assert.equal(v.stage, 'voided');
    const f = await newCase('filed');
    const noReason = await act('dispatcher', f, 'dispatch', { mode: 'manual', unitCode: 'SANITATION' }, 422);
    assert.equal(noReason.error?.details?.rule, 'case.reason-required');
    const noUnit = await act('dispatcher', f, 'dispatch', { mode: 'manual', reason: '人工派遣' }, 400);
    assert.equal(noUnit.error?.code, 'VALIDATION_FAILED');
  });

  it('lists only the cases within the viewer’s scope, filtered in SQL, with keyset pages', async () => {
    const handlerUnit = 'SANITATION';
    const h = await t.staff(`handler-${handlerUnit}`, ['handler'], handlerUnit);
    const all = (await t.get(await t.as('operator'), '/api/cases?limit=200')).json<{ items: View[] }>().items;
    const mine = (await t.get(h, '/api/cases?limit=200')).json<{ items: View[] }>().items;
    assert.ok(all.length > mine.length);
    assert.ok(mine.every((c) => c.unitCode === handlerUnit));
    assert.deepEqual(
      mine.map((c) => c.id).sort(),
      all
        .filter((c) => c.unitCode === handlerUnit)
        .map((c) => c.id)
        .sort(),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: View[]; nextCursor: string | null } = (
        await t.get(
          await t.as('operator'),
          `/api/cases?limit=3&sort=-reportedAt${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, all.length);
    assert.equal(new Set(seen).size, seen.length);
    const counts = (await t.get(await t.as('operator'), '/api/cases/counts')).json<Record<string, number>>();
    assert.ok((counts.reported ?? 0) >= 1);
    const bad = await t.get(await t.as('operator'), '/api/cases?stage=nonsense');
    assert.equal(bad.statusCode, 400);
  });
});
