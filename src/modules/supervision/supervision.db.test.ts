/**
 * Electronic supervision through the real app: real cases drive the rule engine (the projection), cards are
 * raised exactly once, answered, reviewed, escalated, linked to accountability records and graded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from '../cases/test-helpers.js';
import { SUPERVISION_PROJECTION } from './projection.js';

interface CaseView {
  id: string;
  caseNo: string;
  version: number;
  stage: string;
  unitCode: string | null;
}
interface CardView {
  id: string;
  ruleId: string;
  severity: string;
  status: string;
  target: { kind: string; id: string };
  caseId: string | null;
  unitCode: string | null;
  officerAccountId: number | null;
  dueBy: string;
  version: number;
  outcome: string | null;
  response?: { attachments: string[] } | null;
}
type Headers = Record<string, string>;

describe('electronic supervision over the case loop', () => {
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

  const unitHeaders = (unit: string) => t.staff(`handler-${unit}`, ['handler'], unit);
  /** Uploads a tiny PNG as `headers`' account; returns its hash. */
  const uploadPng = async (headers: Headers): Promise<string> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...headers, 'content-type': 'image/png' },
      payload: await tinyPng(),
    });
    return res.json<{ sha256: string }>().sha256;
  };

  async function act(
    h: Headers,
    v: CaseView,
    verb: string,
    body: Record<string, unknown>,
  ): Promise<CaseView> {
    const res = await t.post(h, `/api/cases/${v.id}/${verb}`, { version: v.version, ...body });
    assert.equal(res.statusCode, 200, `${verb}: ${res.body}`);
    return res.json<CaseView>();
  }

  async function dispatchedCase(): Promise<CaseView> {
    const r = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '监察测试',
      category,
      standardId,
    });
    assert.equal(r.statusCode, 201, r.body);
    let v = (
      await t.get(await t.as('operator'), `/api/cases/${r.json<{ id: string }>().id}`)
    ).json<CaseView>();
    v = await act(await t.as('operator'), v, 'file', { standardId });
    return act(await t.as('dispatcher'), v, 'dispatch', { mode: 'auto' });
  }

  async function cards(h: Headers, query = ''): Promise<CardView[]> {
    const res = await t.get(h, `/api/supervision/cards?limit=200${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ items: CardView[] }>().items;
  }

  async function catchUp(): Promise<number> {
    const runs = await t.app.projector.catchUp(t.tenant.id);
    return runs.find((r) => r.name === SUPERVISION_PROJECTION)?.applied ?? 0;
  }

  let pingPong: CardView;
  let pingPongCase: CaseView;

  it('raises one card for repeated 回退, and never a second one for the same event', async () => {
    let v = await dispatchedCase();
    const first = v.unitCode as string;
    v = await act(await unitHeaders(first), v, 'return', { reason: '不属于本单位职责范围' });
    const other = first === 'SANITATION' ? 'GREENING' : 'SANITATION';
    v = await act(await t.as('dispatcher'), v, 'redispatch', {
      unitCode: other,
      reason: '改派至责任单位处理',
    });
    assert.ok((await catchUp()) > 0);
    const monitor = await t.as('monitor');
    assert.deepEqual(await cards(monitor, `&caseId=${v.id}`), [], 'one return is no ping-pong');
    v = await act(await unitHeaders(other), v, 'return', { reason: '该设施产权不属于本单位' });
    await catchUp();
    const raised = await cards(monitor, `&caseId=${v.id}`);
    assert.deepEqual(
      raised.map((c) => [c.ruleId, c.severity, c.target.kind, c.status]),
      [['case.return-ping-pong', 'yellow', 'case', 'open']],
    );
    pingPong = raised[0] as CardView;
    pingPongCase = v;

    // Exactly once: catching up again applies nothing new, and a full rebuild of the projection re-reads
    // every event without doubling any card (rule, target and trigger event are unique).
    await catchUp();
    await t.app.projector.rebuild(SUPERVISION_PROJECTION, t.tenant.id);
    assert.equal((await cards(monitor, `&caseId=${v.id}`)).length, 1);
    const raisedEvents = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM events
      WHERE tenant_id = ${t.tenant.id} AND name = 'supervision.card.raised' AND stream_id = ${pingPong.id}`.execute(
      t.testDb.db.sql,
    );
    assert.equal(raisedEvents.rows[0]?.n, 1);
  });

  it('shows a card with its notifications, only within the viewer’s data scope', async () => {
    const monitor = await t.as('monitor');
    const detail = await t.get(monitor, `/api/supervision/cards/${pingPong.id}`);
    assert.equal(detail.statusCode, 200, detail.body);
    const body = detail.json<{
      card: CardView;
      notifications: { recipientKind: string; unitCode: string | null }[];
    }>();
    assert.equal(body.card.caseId, pingPongCase.id);
    assert.equal(
      detail.json<{ card: { ruleTitle: { 'zh-CN': string } } }>().card.ruleTitle['zh-CN'].length > 0,
      true,
      'the rule’s title travels with the card',
    );
    const shown = detail.json<{ card: { officerAccountId: number | null; officerName: string | null } }>()
      .card;
    assert.ok(shown.officerAccountId !== null && (shown.officerName ?? '').length > 0, 'the officer by name');
    const byTicket = await t.get(monitor, `/api/supervision/cards?caseNo=${pingPongCase.caseNo}`);
    assert.deepEqual(
      byTicket.json<{ items: { caseId: string }[] }>().items.map((c) => c.caseId),
      [pingPongCase.id],
    );
    const noTicket = await t.get(monitor, '/api/supervision/cards?caseNo=330102-20990101-00001');
    assert.deepEqual(noTicket.json<{ items: unknown[] }>().items, []);
    assert.deepEqual(
      body.notifications.map((n) => n.recipientKind).sort(),
      ['officer', 'unitHead'],
      'the officer who returned it and the head of the unit',
    );
    // A handler of an unrelated unit sees neither the list entry nor the card.
    const stranger = await unitHeaders('UM-COMMAND');
    assert.equal(
      (await cards(stranger)).some((c) => c.id === pingPong.id),
      false,
    );
    assert.equal((await t.get(stranger, `/api/supervision/cards/${pingPong.id}`)).statusCode, 404);
    assert.equal((await t.get(await t.as('inspector'), '/api/supervision/cards')).statusCode, 403);
    const bad = await t.get(monitor, '/api/supervision/cards?severity=orange');
    assert.equal(bad.statusCode, 400);
  });

  it('takes a 纠错 response, then a review that closes the card', async () => {
    const unit = pingPong.unitCode as string;
    const handler = await unitHeaders(unit);
    const url = `/api/supervision/cards/${pingPong.id}`;
    const sha = await uploadPng(handler);
    const answer = {
      version: pingPong.version,
      explanation: '职责划分不清，已与相关单位会商明确',
      correctiveAction: '按职责清单签收处置',
      attachments: [sha],
    };
    // An attachment must be a file this tenant has: an unknown hash is named and changes nothing.
    const unknown = await t.post(handler, `${url}/respond`, {
      ...answer,
      attachments: [sha, 'f'.repeat(64)],
    });
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.equal(unknown.json<{ error: { field: string } }>().error.field, 'attachments[1]');
    assert.equal((await cards(handler)).find((c) => c.id === pingPong.id)?.status, 'open');
    const responded = await t.post(handler, `${url}/respond`, answer);
    assert.equal(responded.statusCode, 200, responded.body);
    const card = responded.json<CardView>();
    assert.equal(card.status, 'responded');
    assert.deepEqual(card.response?.attachments, [sha]);
    assert.equal((await t.post(handler, `${url}/respond`, answer)).statusCode, 409, 'stale version');
    const again = await t.post(handler, `${url}/respond`, { ...answer, version: card.version });
    assert.equal(again.statusCode, 409, 'a responded card takes no second response');
    assert.equal(again.json<{ error: { code: string } }>().error.code, 'INVALID_TRANSITION');

    assert.equal(
      (await t.post(handler, `${url}/review`, { version: card.version, decision: 'accept' })).statusCode,
      403,
    );
    const monitor = await t.as('monitor');
    const noNote = await t.post(monitor, `${url}/review`, { version: card.version, decision: 'reject' });
    assert.equal(noNote.statusCode, 400);
    assert.equal(noNote.json<{ error: { field: string } }>().error.field, 'note');
    const closed = await t.post(monitor, `${url}/review`, {
      version: card.version,
      decision: 'accept',
      note: null,
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual(
      [closed.json<CardView>().status, closed.json<CardView>().outcome],
      ['closed', 'corrected'],
    );
  });

  it('flags a closure whose check had no photo, and a void with a boilerplate reason', async () => {
    let v = await dispatchedCase();
    const handler = await unitHeaders(v.unitCode as string);
    v = await act(handler, v, 'accept', {});
    const sha = await uploadPng(handler);
    v = await act(handler, v, 'report-back', { photos: [sha] });
    v = await act(await t.as('inspector'), v, 'check', { passed: true });
    v = await act(await t.as('operator'), v, 'close', {});

    const r = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '作废测试',
      category,
      standardId,
    });
    let w = (
      await t.get(await t.as('operator'), `/api/cases/${r.json<{ id: string }>().id}`)
    ).json<CaseView>();
    w = await act(await t.as('operator'), w, 'void', { reason: '重复上报' });
    await catchUp();
    const monitor = await t.as('monitor');
    assert.deepEqual(
      (await cards(monitor, `&caseId=${v.id}`)).map((c) => c.ruleId),
      ['case.close-without-check-photos'],
    );
    assert.deepEqual(
      (await cards(monitor, `&caseId=${w.id}`)).map((c) => c.ruleId),
      ['case.weak-reason'],
    );
  });

  it('turns stage-clock warnings into cards of their level', async () => {
    const v = await dispatchedCase();
    // Nobody signs for it: the accept clock (2 work hours) warns, then runs out.
    t.clock.advance(3 * 3_600_000);
    await t.app.cases.scheduler.runDue();
    await catchUp();
    const got = (await cards(await t.as('monitor'), `&caseId=${v.id}&ruleId=case.stage-overdue`))
      .map((c) => [c.severity, c.target.id])
      .sort();
    assert.deepEqual(got, [
      ['red', `${v.id}:accept`],
      ['yellow', `${v.id}:accept`],
    ]);
  });

  it('prompts one working day before the handling deadline, once, and not for a case handled in time', async () => {
    const v = await dispatchedCase();
    const done = await dispatchedCase();
    const h = await unitHeaders(done.unitCode as string);
    let d = await act(h, done, 'accept', {});
    const png = await uploadPng(h);
    d = await act(h, d, 'report-back', { photos: [png] });
    await catchUp();
    const detail = (await t.get(await t.as('operator'), `/api/cases/${v.id}`)).json<{
      timers: { kind: string; deadline: string }[];
    }>();
    const deadline = detail.timers.find((x) => x.kind === 'handle')?.deadline;
    assert.ok(deadline, 'the handling clock runs from dispatch');
    const watch = await sql<{ dueAt: Date }>`
      SELECT due_at AS "dueAt" FROM supervision_watches
      WHERE tenant_id = ${t.tenant.id} AND rule_id = 'case.deadline-prompt' AND watch_key = ${`${v.id}:handle`}`.execute(
      t.testDb.db.sql,
    );
    const dueAt = new Date(watch.rows[0]?.dueAt ?? NaN);
    assert.ok(dueAt.getTime() < Date.parse(deadline) && dueAt.getTime() > t.clock.now().getTime());
    const monitor = await t.as('monitor');
    const prompts = async (id: string) => cards(monitor, `&caseId=${id}&ruleId=case.deadline-prompt`);
    await t.app.supervision.tick(t.tenant.id, new Date(dueAt.getTime() - 60_000));
    assert.deepEqual(await prompts(v.id), [], 'not before its time');
    await t.app.supervision.tick(t.tenant.id, new Date(dueAt.getTime() + 60_000));
    await t.app.supervision.tick(t.tenant.id, new Date(dueAt.getTime() + 120_000));
    assert.deepEqual(
      (await prompts(v.id)).map((c) => [c.severity, c.target.id]),
      [['prompt', `${v.id}:handle`]],
    );
    assert.deepEqual(await prompts(d.id), [], 'reported back: the clock stopped, the watch is gone');
  });

  it('escalates an unanswered yellow card to red after its due-by, once', async () => {
    const monitor = await t.as('monitor');
    const open = (await cards(monitor, '&status=open&severity=yellow'))[0];
    assert.ok(open, 'an open yellow card');
    const before = await t.app.supervision.tick(t.tenant.id, new Date(Date.parse(open.dueBy) - 60_000));
    assert.equal(before.escalated, 0, 'not before its due-by');
    const late = new Date(Date.parse(open.dueBy) + 60_000);
    const first = await t.app.supervision.tick(t.tenant.id, late);
    assert.ok(first.escalated >= 1);
    assert.equal((await t.app.supervision.tick(t.tenant.id, late)).escalated, 0);
    const detail = (await t.get(monitor, `/api/supervision/cards/${open.id}`)).json<{
      card: CardView & { initialSeverity: string; escalatedAt: string | null };
      notifications: { reason: string }[];
    }>();
    assert.equal(detail.card.severity, 'red');
    assert.equal(detail.card.initialSeverity, 'yellow');
    assert.ok(Date.parse(detail.card.dueBy) > late.getTime());
    assert.ok(detail.notifications.some((n) => n.reason === 'escalated'));
  });

  it('keeps accountability records linked to cards', async () => {
    const monitor = await t.as('monitor');
    const body = {
      subjectKind: 'unit',
      subjectUnitCode: pingPong.unitCode,
      outcome: 'reminderTalk',
      basis: '反复回退，推诿扯皮',
      cardIds: [pingPong.id],
    };
    assert.equal((await t.post(await t.as('head'), '/api/supervision/accountability', body)).statusCode, 403);
    const unknownCard = await t.post(monitor, '/api/supervision/accountability', {
      ...body,
      cardIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(unknownCard.statusCode, 400);
    assert.equal(unknownCard.json<{ error: { field: string } }>().error.field, 'cardIds[0]');
    const created = await t.post(monitor, '/api/supervision/accountability', body);
    assert.equal(created.statusCode, 201, created.body);
    const rec = created.json<{ id: string; version: number; outcomeLabel: string }>();
    assert.equal(rec.outcomeLabel, '提醒谈话');
    const detail = (await t.get(monitor, `/api/supervision/cards/${pingPong.id}`)).json<{
      accountability: { id: string }[];
    }>();
    assert.deepEqual(
      detail.accountability.map((a) => a.id),
      [rec.id],
    );

    const url = `/api/supervision/accountability/${rec.id}`;
    const change = {
      version: rec.version,
      outcome: 'criticism',
      basis: '反复回退，推诿扯皮',
      note: '全区通报',
      cardIds: [pingPong.id],
    };
    const changed = await t.app.inject({ method: 'PUT', url, headers: monitor, payload: change });
    assert.equal(changed.statusCode, 200, changed.body);
    const stale = await t.app.inject({ method: 'PUT', url, headers: monitor, payload: change });
    assert.equal(stale.statusCode, 409);
    // A record on an officer names them.
    const onOfficer = await t.post(monitor, '/api/supervision/accountability', {
      ...body,
      subjectKind: 'officer',
      subjectUnitCode: null,
      subjectAccountId: pingPong.officerAccountId,
    });
    assert.equal(onOfficer.statusCode, 201, onOfficer.body);
    const officerRecord = onOfficer.json<{ id: string; version: number; subjectName: string | null }>();
    assert.ok((officerRecord.subjectName ?? '').length > 0);
    const takenBack = await t.app.inject({
      method: 'DELETE',
      url: `/api/supervision/accountability/${officerRecord.id}?version=${officerRecord.version}`,
      headers: monitor,
    });
    assert.equal(takenBack.statusCode, 200, takenBack.body);
    const withdrawn = await t.app.inject({ method: 'DELETE', url: `${url}?version=2`, headers: monitor });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.ok(withdrawn.json<{ withdrawnAt: string | null }>().withdrawnAt);
    const list = await t.get(monitor, '/api/supervision/accountability');
    assert.equal(
      list.json<{ items: unknown[] }>().items.length,
      0,
      'withdrawn records are hidden by default',
    );
  });

  it('lets the admin configure a rule; a disabled rule raises nothing', async () => {
    const admin = await t.staff('sv-admin', ['admin'], 'UM-BUREAU', { all: true });
    const monitor = await t.as('monitor');
    const rules = (await t.get(monitor, '/api/supervision/rules')).json<{
      items: { id: string; effective: { enabled: boolean } }[];
    }>();
    assert.equal(rules.items.length, 10);
    const url = '/api/supervision/rules/case.weak-reason';
    const config = { enabled: false, severity: 'yellow', respondWorkingDays: 3, params: {}, version: 0 };
    assert.equal(
      (await t.app.inject({ method: 'PUT', url, headers: monitor, payload: config })).statusCode,
      403,
    );
    const badParam = await t.app.inject({
      method: 'PUT',
      url,
      headers: admin,
      payload: { ...config, params: { minLength: 0 } },
    });
    assert.equal(badParam.statusCode, 400);
    assert.equal(badParam.json<{ error: { field: string } }>().error.field, 'params.minLength');
    const unknownRule = await t.app.inject({
      method: 'PUT',
      url: '/api/supervision/rules/case.nothing',
      headers: admin,
      payload: config,
    });
    assert.equal(unknownRule.statusCode, 404);
    const saved = await t.app.inject({ method: 'PUT', url, headers: admin, payload: config });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json<{ version: number }>().version, 1);
    assert.equal(
      (await t.app.inject({ method: 'PUT', url, headers: admin, payload: config })).statusCode,
      409,
    );

    const r = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '关闭规则后作废',
      category,
      standardId,
    });
    let w = (
      await t.get(await t.as('operator'), `/api/cases/${r.json<{ id: string }>().id}`)
    ).json<CaseView>();
    w = await act(await t.as('operator'), w, 'void', { reason: '重复上报' });
    await catchUp();
    assert.deepEqual(await cards(monitor, `&caseId=${w.id}`), []);
  });

  it('grades units per quarter from their cards, and refuses fine totals as an indicator', async () => {
    const admin = await t.staff('sv-admin', ['admin'], 'UM-BUREAU', { all: true });
    const scheme = (await t.get(admin, '/api/supervision/grading/scheme')).json<{
      scheme: {
        base: number;
        indicators: { key: string; weight: number }[];
        thresholds: Record<string, number>;
      };
      version: number;
    }>();
    assert.equal(scheme.version, 0);
    const url = '/api/supervision/grading/scheme';
    const fines = await t.app.inject({
      method: 'PUT',
      url,
      headers: admin,
      payload: {
        ...scheme.scheme,
        indicators: [...scheme.scheme.indicators, { key: 'fineTotal', weight: 1 }],
        version: 0,
      },
    });
    assert.equal(fines.statusCode, 422, fines.body);
    assert.equal(
      fines.json<{ error: { details: { rule: string } } }>().error.details.rule,
      'supervision.fine-indicator',
    );
    const strict = { ...scheme.scheme, thresholds: { excellent: 99.5, good: 99, pass: 98 }, version: 0 };
    const saved = await t.app.inject({ method: 'PUT', url, headers: admin, payload: strict });
    assert.equal(saved.statusCode, 200, saved.body);

    const g = await t.get(await t.as('monitor'), '/api/supervision/grading?quarter=2025Q4');
    assert.equal(g.statusCode, 200, g.body);
    const body = g.json<{
      from: string;
      units: { unitCode: string; score: number; grade: string; indicators: Record<string, number> }[];
    }>();
    assert.equal(body.from, '2025-09-30T16:00:00.000Z', 'the quarter begins at local midnight');
    const graded = body.units.find((u) => u.unitCode === pingPong.unitCode);
    assert.ok(graded);
    assert.ok((graded.indicators['cards.yellow'] ?? 0) >= 1);
    assert.ok(graded.score < 100);
    const clean = body.units.find(
      (u) =>
        u.indicators['cards.yellow'] === 0 &&
        u.indicators['cards.red'] === 0 &&
        u.indicators['cards.prompt'] === 0,
    );
    assert.deepEqual([clean?.score, clean?.grade], [100, 'excellent']);
    assert.equal((await t.get(admin, '/api/supervision/grading?quarter=2025Q5')).statusCode, 400);
  });
});

async function tinyPng(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
}
