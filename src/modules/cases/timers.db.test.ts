import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';
import * as timerStore from './timer-store.js';

interface View {
  id: string;
  caseNo: string;
  version: number;
  stage: string;
  deadline: string | null;
  warning: string | null;
  overdue: boolean;
  timers: {
    kind: string;
    deadline: string;
    promptAt: string;
    yellowAt: string;
    warning: string | null;
    paused: boolean;
  }[];
}

describe('stage clocks and warnings', () => {
  let t: CaseTestApp;
  before(async () => {
    // Thursday 2025-10-09 10:00 Hangzhou.
    t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z' });
  });
  after(() => t.close());

  async function dispatchedCase(limitUnit: string): Promise<{ view: View; unit: string }> {
    const standard = await t.standard('event', (s) => s.timeLimit.unit === limitUnit);
    const created = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '测试计时',
      category: { categoryType: standard.kind, majorCode: standard.majorCode, minorCode: standard.minorCode },
      standardId: standard.id,
    });
    const { caseNo } = created.json<{ caseNo: string }>();
    const op = await t.as('operator');
    await t.post(op, `/api/cases/${caseNo}/file`, { version: 1, standardId: standard.id });
    const res = await t.post(await t.as('dispatcher'), `/api/cases/${caseNo}/dispatch`, {
      version: 2,
      mode: 'auto',
    });
    assert.equal(res.statusCode, 200, res.body);
    const view = (await t.get(op, `/api/cases/${caseNo}`)).json<View>();
    return { view, unit: res.json<{ unitCode: string }>().unitCode };
  }

  const warnings = async (caseId: string) =>
    (
      await sql<{
        level: string;
        timer: string;
      }>`SELECT payload ->> 'level' AS level, payload ->> 'timer' AS timer
        FROM events WHERE stream_id = ${caseId} AND name = 'cases.case.warned' ORDER BY seq`.execute(
        t.testDb.db.sql,
      )
    ).rows.map((r) => `${r.timer}:${r.level}`);

  it('raises prompt at 70 %, yellow at 90 % and red at the deadline — each once — and red marks overdue', async () => {
    const { view } = await dispatchedCase('work_hour');
    const handle = view.timers.find((x) => x.kind === 'handle');
    assert.ok(handle);
    const promptAt = Date.parse(handle.promptAt);
    const yellowAt = Date.parse(handle.yellowAt);
    const deadline = Date.parse(handle.deadline);
    assert.ok(promptAt < yellowAt && yellowAt < deadline);

    t.clock.set(new Date(promptAt - 60_000));
    await t.app.cases.scheduler.runDue();
    assert.deepEqual(
      (await warnings(view.id)).filter((w) => w.startsWith('handle')),
      [],
    );
    t.clock.set(new Date(promptAt));
    await t.app.cases.scheduler.runDue();
    await t.app.cases.scheduler.runDue();
    assert.deepEqual(
      (await warnings(view.id)).filter((w) => w.startsWith('handle')),
      ['handle:prompt'],
    );
    t.clock.set(new Date(deadline + 1));
    await t.app.cases.scheduler.runDue();
    assert.deepEqual(
      (await warnings(view.id)).filter((w) => w.startsWith('handle')),
      ['handle:prompt', 'handle:yellow', 'handle:red'],
      'a late sweep raises every level it missed, in order',
    );
    const after = (await t.get(await t.as('operator'), `/api/cases/${view.id}`)).json<View>();
    assert.equal(after.overdue, true);
    assert.equal(after.warning, 'red');
    await t.app.cases.scheduler.runDue();
    assert.equal((await warnings(view.id)).filter((w) => w === 'handle:red').length, 1);
  });

  it('pauses the 处置 clock during a 挂账 and resumes it by itself on the date, the deadline moved by the pause', async () => {
    t.clock.set(new Date('2025-10-13T01:00:00Z')); // Monday 09:00
    const { view, unit } = await dispatchedCase('work_day');
    const handler = await t.staff(`h-${unit}`, ['handler'], unit);
    let v = (await t.post(handler, `/api/cases/${view.id}/accept`, { version: view.version })).json<View>();
    const before = Date.parse(v.deadline as string);
    v = (
      await t.post(handler, `/api/cases/${view.id}/request-hold`, {
        version: v.version,
        until: '2025-10-20T09:00:00+08:00',
        reason: '需等待管线施工结束',
      })
    ).json<View>();
    const decided = await t.post(await t.as('dispatcher'), `/api/cases/${view.id}/decide-hold`, {
      version: v.version,
      approve: true,
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json<View>().stage, 'held');
    assert.equal(decided.json<View>().deadline, null, 'a paused clock has no running deadline');

    t.clock.set(new Date('2025-10-20T01:00:00Z'));
    await t.app.cases.scheduler.runDue();
    const resumed = (await t.get(await t.as('operator'), `/api/cases/${view.id}`)).json<View>();
    assert.equal(resumed.stage, 'handling');
    const moved = Date.parse(resumed.deadline as string) - before;
    assert.ok(
      moved >= 7 * 86_400_000 - 60_000,
      `the deadline moved by the paused week (moved ${moved / 3.6e6} h)`,
    );
  });

  it('recomputes open deadlines when the calendar is amended', async () => {
    t.clock.set(new Date('2025-10-14T01:00:00Z')); // Tuesday 09:00
    const { view } = await dispatchedCase('work_day');
    const before = view.timers.find((x) => x.kind === 'handle')?.deadline as string;
    const day = before.slice(0, 10);
    const admin = await (async () => {
      await t.createUser('cal-admin', ['admin']);
      return (await t.login('cal-admin')).headers;
    })();
    // Declare every working day from today up to the deadline a holiday: the deadline must move later.
    const entries: { date: string; isOffDay: boolean; name: string }[] = [];
    for (let d = Date.parse('2025-10-14'); d <= Date.parse(day); d += 86_400_000) {
      entries.push({ date: new Date(d).toISOString().slice(0, 10), isOffDay: true, name: '临时调整' });
    }
    const amended = await t.post(admin, '/api/calendar/amendments', { entries, reference: '测试：临时放假' });
    assert.ok(amended.statusCode < 300, amended.body);
    await t.app.cases.scheduler.checkCalendars();
    const after = (await t.get(await t.as('operator'), `/api/cases/${view.id}`)).json<View>();
    const moved = after.timers.find((x) => x.kind === 'handle')?.deadline as string;
    assert.ok(Date.parse(moved) > Date.parse(before), `${moved} after ${before}`);
    const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events
      WHERE stream_id = ${view.id} AND name = 'cases.case.deadlineMoved' AND payload ->> 'timer' = 'handle'`.execute(
      t.testDb.db.sql,
    );
    assert.equal(events.rows[0]?.n, 1);
  });

  it('lets only the sweeper’s own transaction commit without waiting for the disk, once it locks a clock', async () => {
    const { view } = await dispatchedCase('work_hour');
    const handle = view.timers.find((x) => x.kind === 'handle');
    assert.ok(handle);
    const due = new Date(Date.parse(handle.deadline) + 1);
    const db = t.testDb.db;
    const setting = async (ex: typeof db.sql) =>
      (await sql<{ v: string }>`SELECT current_setting('synchronous_commit') AS v`.execute(ex)).rows[0]?.v;
    const sweeping = (now: Date, asyncCommit: boolean) =>
      db.transaction(async (tx) => {
        const locked = await timerStore.lockDueTimers(tx, now, 100, { asyncCommit });
        return { clocks: locked.timers.length, setting: await setting(tx) };
      });
    const locked = await sweeping(due, true);
    assert.ok(locked.clocks > 0);
    assert.equal(locked.setting, 'off');
    assert.equal((await sweeping(due, false)).setting, 'on');
    assert.equal(await setting(db.sql), 'on', 'the setting ends with the transaction');
  });
});
