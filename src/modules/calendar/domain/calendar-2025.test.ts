import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { at, shanghaiCalendar } from '../test-helpers.js';

// The 2025 schedule as published in 国办发明电〔2024〕12号 (urban-management.md §10.3).
const cal = shanghaiCalendar();

function* dates(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

/** Office minutes on one local date, measured through the index (not the definition). */
const officeMinutesOn = (date: string) => cal.elapsed(at(`${date}T00:00`), at(`${date}T23:59`), 'work_hour');

describe('2025 working calendar (Asia/Shanghai)', () => {
  for (const date of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) {
    it(`treats the make-up weekend day ${date} as a working day with a full day of office time`, () => {
      assert.equal(cal.isWorkingDate(date), true);
      assert.equal(cal.describeDate(date).kind, 'makeup_workday');
      assert.equal(officeMinutesOn(date), 480);
    });
  }

  it('gives no office time from 2025-01-28 to 2025-02-04 (Spring Festival)', () => {
    for (const date of dates('2025-01-28', '2025-02-04')) {
      assert.equal(cal.isWorkingDate(date), false, date);
      assert.equal(officeMinutesOn(date), 0, date);
    }
  });

  it('gives no office time from 2025-10-01 to 2025-10-08 (National Day and Mid-Autumn)', () => {
    for (const date of dates('2025-10-01', '2025-10-08')) {
      assert.equal(cal.isWorkingDate(date), false, date);
      assert.equal(officeMinutesOn(date), 0, date);
    }
  });

  it('names a holiday date after its festival', () => {
    assert.deepEqual(cal.describeDate('2025-01-29'), {
      date: '2025-01-29',
      working: false,
      kind: 'holiday',
      name: '春节',
    });
  });

  it('keeps ordinary weekdays and weekends around the holidays', () => {
    assert.equal(cal.isWorkingDate('2025-01-27'), true); // Monday before the holiday
    assert.equal(cal.isWorkingDate('2025-02-05'), true); // Wednesday after it
    assert.equal(cal.isWorkingDate('2025-01-25'), false); // an ordinary Saturday
    assert.equal(cal.describeDate('2025-01-25').kind, 'weekend');
    assert.equal(cal.isWorkingDate('2025-10-09'), true);
  });

  it('has 248 working days in 2025: 365 − 104 weekend days − 13 statutory holiday days', () => {
    // From 2025 there are 13 statutory holiday days (全国年节及纪念日放假办法, 2024 revision). With 调休 the 28 listed off-days are 18 weekdays
    // (01-01; 01-28…01-31, 02-03, 02-04; 04-04; 05-01, 05-02, 05-05; 06-02; 10-01…10-03, 10-06…10-08) plus
    // 10 weekend days, and 5 weekend days become working days: 365 − 104 − 18 + 5 = 248.
    let weekendDays = 0;
    let holidaysOnWeekdays = 0;
    let makeUpDays = 0;
    let working = 0;
    for (const date of dates('2025-01-01', '2025-12-31')) {
      const kind = cal.describeDate(date).kind;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      if (weekend) weekendDays++;
      if (kind === 'holiday' && !weekend) holidaysOnWeekdays++;
      if (kind === 'makeup_workday') makeUpDays++;
      if (cal.isWorkingDate(date)) working++;
    }
    assert.equal(weekendDays, 104);
    assert.equal(holidaysOnWeekdays, 18);
    assert.equal(makeUpDays, 5);
    assert.equal(working, 248);
    // The index agrees: a year of office time is 248 × 480 minutes.
    assert.equal(cal.elapsed(at('2025-01-01T00:00'), at('2026-01-01T00:00'), 'work_hour'), 248 * 480);
  });
});
