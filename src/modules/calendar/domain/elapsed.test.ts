import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { at, shanghaiCalendar } from '../test-helpers.js';
import { CalendarInputError } from './errors.js';
import type { TimeUnit } from './units.js';

const cal = shanghaiCalendar();
const used = (from: string, to: string, unit: TimeUnit, pauses?: [string, string][]) =>
  cal.elapsed(
    at(from),
    at(to),
    unit,
    pauses?.map(([a, b]) => ({ from: at(a), to: at(b) })),
  );

describe('elapsed time', () => {
  it('does not count weekend hours as work_hour minutes', () => {
    // Fri 17:00–18:00 and Mon 08:00–09:00.
    assert.equal(used('2025-03-07T17:00', '2025-03-10T09:00', 'work_hour'), 120);
  });

  it('counts every minute as urgent_hour time', () => {
    // Fri 17:00 → Mon 09:00 = 64 hours.
    assert.equal(used('2025-03-07T17:00', '2025-03-10T09:00', 'urgent_hour'), 64 * 60);
  });

  it('reports work_day as office minutes over one working day of office time (480)', () => {
    // Mon 08:00 → Tue 12:00: 480 + 240 = 720 office minutes.
    assert.equal(used('2025-03-03T08:00', '2025-03-04T12:00', 'work_day'), 1.5);
  });

  it('does not count the Spring Festival holiday as office time', () => {
    // Mon 01-27 17:00–18:00 (60) and Wed 02-05 08:00–09:00 (60).
    assert.equal(used('2025-01-27T17:00', '2025-02-05T09:00', 'work_hour'), 120);
  });

  it('reports natural_day as minutes over 1,440', () => {
    assert.equal(used('2025-03-03T08:00', '2025-03-04T20:00', 'natural_day'), 1.5);
  });

  it('counts calendar days from the day after the trigger, with the current day as a fraction', () => {
    // Trigger Mon 03-03: Tue 04 and Wed 05 complete, Thu 06 half gone at 12:00.
    assert.equal(used('2025-03-03T10:00', '2025-03-06T12:00', 'calendar_day'), 2.5);
    // Still on the trigger day: nothing used.
    assert.equal(used('2025-03-03T10:00', '2025-03-03T23:59', 'calendar_day'), 0);
  });

  it('counts only working days for working_day', () => {
    // Trigger Fri 03-07: Sat and Sun add nothing, Mon 10 complete, Tue 11 a quarter gone at 06:00.
    assert.equal(used('2025-03-07T10:00', '2025-03-11T06:00', 'working_day'), 1.25);
    assert.equal(used('2025-03-07T10:00', '2025-03-09T23:00', 'working_day'), 0);
  });

  it('reaches the amount exactly at a working_day deadline', () => {
    const start = at('2025-01-24T10:00');
    const end = cal.deadline(start, 7, 'working_day');
    assert.equal(cal.elapsed(start, end, 'working_day'), 7);
    assert.ok(cal.elapsed(start, end - 60_000, 'working_day') < 7);
  });

  it('counts the calendar days of a period moved past a rest day beyond the amount', () => {
    // 3 calendar days from Wed 03-05 end 24:00 Mon 03-10 (day 3 was Saturday); by then 5 days have passed.
    const start = at('2025-03-05T10:00');
    assert.equal(cal.elapsed(start, cal.deadline(start, 3, 'calendar_day'), 'calendar_day'), 5);
  });

  it('subtracts pauses', () => {
    assert.equal(
      used('2025-03-03T09:00', '2025-03-03T12:00', 'work_hour', [['2025-03-03T10:00', '2025-03-03T11:00']]),
      120,
    );
    // A fully paused day contributes nothing to a legal count.
    assert.equal(
      used('2025-03-03T10:00', '2025-03-06T12:00', 'calendar_day', [
        ['2025-03-04T00:00', '2025-03-05T00:00'],
      ]),
      1.5,
    );
  });

  it('counts only whole minutes: from rounds up, to rounds down', () => {
    assert.equal(used('2025-03-03T09:00:40', '2025-03-03T10:00:30', 'work_hour'), 59);
    assert.equal(used('2025-03-03T09:00:10', '2025-03-03T09:00:50', 'urgent_hour'), 0);
  });

  it('refuses a "to" before "from"', () => {
    assert.throws(
      () => used('2025-03-03T10:00', '2025-03-03T09:00', 'work_hour'),
      (error: unknown) => error instanceof CalendarInputError && error.field === 'to',
    );
  });
});
