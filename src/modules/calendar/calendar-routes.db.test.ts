import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

interface ErrorBody {
  error: { code: string; field?: string };
}

describe('calendar over HTTP', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.createUser('root', ['admin']);
    await t.createUser('chen', ['dispatcher']);
  });
  after(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('counts a work-hour limit across the 2025 Spring Festival holiday', async () => {
    const res = await get('/api/calendar/deadline?start=2025-01-27T17:00:00%2B08:00&amount=2&unit=work_hour');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ deadline: string }>().deadline, '2025-02-05T09:00:00+08:00');
  });

  it('ends a one-work-day limit at the same office offset on the next working day after National Day', async () => {
    const res = await get('/api/calendar/deadline?start=2025-09-30T10:00:00%2B08:00&amount=1&unit=work_day');
    assert.equal(res.json<{ deadline: string }>().deadline, '2025-10-09T10:00:00+08:00');
  });

  it('reads a start without offset in the tenant’s zone and runs urgent hours through the night', async () => {
    const res = await get('/api/calendar/deadline?start=2025-10-01T22:30&amount=2&unit=urgent_hour');
    assert.equal(res.json<{ deadline: string }>().deadline, '2025-10-02T00:30:00+08:00');
  });

  it('measures elapsed working time in minutes and natural days as fractions', async () => {
    const work = await get(
      '/api/calendar/elapsed?from=2025-01-27T17:00:00%2B08:00&to=2025-02-05T09:00:00%2B08:00&unit=work_hour',
    );
    assert.deepEqual(work.json(), { elapsed: 120, unit: 'work_hour' });
    const natural = await get(
      '/api/calendar/elapsed?from=2025-10-01T00:00:00%2B08:00&to=2025-10-02T12:00:00%2B08:00&unit=natural_day',
    );
    assert.deepEqual(natural.json(), { elapsed: 1.5, unit: 'natural_day' });
  });

  it('knows the 2025 make-up working days and holidays', async () => {
    for (const [date, working] of [
      ['2025-01-26', true],
      ['2025-02-08', true],
      ['2025-01-28', false],
      ['2025-02-04', false],
      ['2025-10-01', false],
      ['2025-10-08', false],
      ['2025-10-09', true],
    ] as const) {
      const res = await get(`/api/calendar/dates/${date}`);
      assert.equal(res.json<{ working: boolean }>().working, working, date);
    }
  });

  it('answers bad input with the field at fault', async () => {
    const cases: [string, string][] = [
      ['/api/calendar/deadline?start=2025-01-27T17:00:00Z&amount=2&unit=fortnight', 'unit'],
      ['/api/calendar/deadline?start=2025-01-27T17:00:00Z&amount=0&unit=work_hour', 'amount'],
      ['/api/calendar/deadline?start=tomorrow-ish&amount=2&unit=work_hour', 'start'],
      ['/api/calendar/deadline?start=2025-01-27T17:00:00Z&unit=work_hour', 'amount'],
      ['/api/calendar/deadline?start=2025-01-27T17:00:00Z&amount=1.5&unit=working_day', 'amount'],
      [
        '/api/calendar/elapsed?from=2025-01-27T17:00:00Z&to=2025-01-28T17:00:00Z&unit=work_hour&tenant=999999',
        'tenant',
      ],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json<ErrorBody>().error.code, 'VALIDATION_FAILED', url);
      assert.equal(res.json<ErrorBody>().error.field, field, url);
    }
  });

  it('lets an admin amend the calendar mid-year, which moves deadlines and is recorded', async () => {
    const before = await get(
      '/api/calendar/deadline?start=2025-06-05T17:00:00%2B08:00&amount=2&unit=work_hour',
    );
    assert.equal(before.json<{ deadline: string }>().deadline, '2025-06-06T09:00:00+08:00');
    const payload = {
      reference: '国办发明电〔2025〕99号（测试）',
      entries: [{ date: '2025-06-06', isOffDay: true, name: '测试调休' }],
    };

    const anonymous = await t.app.inject({ method: 'POST', url: '/api/calendar/amendments', payload });
    assert.equal(anonymous.statusCode, 401);
    const dispatcher = await t.login('chen');
    const forbidden = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/amendments',
      headers: dispatcher.headers,
      payload,
    });
    assert.equal(forbidden.statusCode, 403);

    const admin = await t.login('root');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/amendments',
      headers: admin.headers,
      payload,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ version: number; changes: { date: string; workingChanged: boolean }[] }>();
    assert.deepEqual(
      body.changes.map((c) => [c.date, c.workingChanged]),
      [['2025-06-06', true]],
    );

    const after = await get(
      '/api/calendar/deadline?start=2025-06-05T17:00:00%2B08:00&amount=2&unit=work_hour',
    );
    assert.equal(after.json<{ deadline: string }>().deadline, '2025-06-09T09:00:00+08:00');
    const events = await sql<{ payload: { workingChangedDates: string[] } }>`
      SELECT payload FROM events WHERE name = 'calendar.calendar.amended'`.execute(t.testDb.db.sql);
    assert.deepEqual(events.rows[0]?.payload.workingChangedDates, ['2025-06-06']);
  });

  it('refuses a settings change made against a stale version', async () => {
    const admin = await t.login('root');
    const { version } = (await get('/api/calendar/days?from=2025-01-01&to=2025-01-31')).json<{
      version: number;
    }>();
    const payload = {
      timeZone: 'Asia/Shanghai',
      officeWindows: [
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    };
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/settings',
      headers: admin.headers,
      payload: { ...payload, version: version - 1 },
    });
    assert.equal(stale.statusCode, 409);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/settings',
      headers: admin.headers,
      payload: { ...payload, officeWindows: [{ start: '12:00', end: '08:00' }], version },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<ErrorBody>().error.field ?? '', /officeWindows/);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/settings',
      headers: admin.headers,
      payload: { ...payload, version },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const res = await get('/api/calendar/deadline?start=2025-10-09T08:00:00%2B08:00&amount=1&unit=work_hour');
    assert.equal(res.json<{ deadline: string }>().deadline, '2025-10-09T09:30:00+08:00');
  });
});
