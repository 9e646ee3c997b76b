import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { at, shanghaiDefinition, show } from '../test-helpers.js';
import { amendCalendar } from './amend.js';
import { createCalendarDefinition, type CalendarDay } from './calendar-definition.js';
import { CalendarInputError } from './errors.js';
import { buildWorkingCalendar } from './working-calendar.js';

// The 2020 Spring Festival as first published (国办发明电〔2019〕16号): off 01-24 … 01-30, make-up days Sun 01-19
// and Sat 02-01. The notice of 2020-01-27 extended the holiday to Sun 02-02, cancelling the 02-01 make-up day.
const festival = (date: string, isOffDay: boolean): CalendarDay => ({ date, isOffDay, name: '春节' });
const asFirstPublished = createCalendarDefinition({
  days: [
    festival('2020-01-19', false),
    ...['24', '25', '26', '27', '28', '29', '30'].map((d) => festival(`2020-01-${d}`, true)),
    festival('2020-02-01', false),
  ],
});
const extension = [
  {
    date: '2020-01-31',
    isOffDay: true,
    name: '春节',
    source: 'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm',
  },
  { date: '2020-02-01', isOffDay: true, name: '春节' },
  { date: '2020-02-02', isOffDay: true, name: '春节' },
];

describe('calendar amendments', () => {
  it('applies the 2020 Spring Festival extension and lists the changed dates', () => {
    const result = amendCalendar(asFirstPublished, extension);
    assert.deepEqual(result.changedDates, ['2020-01-31', '2020-02-01', '2020-02-02']);
    assert.deepEqual(
      result.changes.map((c) => [c.date, c.workingChanged]),
      [
        ['2020-01-31', true], // Friday: working → holiday
        ['2020-02-01', true], // Saturday: make-up day → holiday
        ['2020-02-02', false], // Sunday: already a rest day, now listed
      ],
    );
    assert.equal(result.changes[1]!.before?.isOffDay, false);
    assert.equal(result.changes[1]!.after?.isOffDay, true);
  });

  it('moves an open work_hour deadline when the holiday is extended', () => {
    // Thu 2020-01-23 17:00 + 2 work hours: 60 min that evening, then the first office hour after the holiday.
    const start = at('2020-01-23T17:00');
    const before = buildWorkingCalendar(asFirstPublished, { fromYear: 2019, toYear: 2021 });
    assert.equal(show(before.deadline(start, 2, 'work_hour')), '2020-01-31T09:00');
    const after = buildWorkingCalendar(amendCalendar(asFirstPublished, extension).definition, {
      fromYear: 2019,
      toYear: 2021,
      previous: before,
    });
    assert.equal(show(after.deadline(start, 2, 'work_hour')), '2020-02-03T09:00');
  });

  it('matches the holiday-cn 2020 file once amended', () => {
    const amended = buildWorkingCalendar(amendCalendar(asFirstPublished, extension).definition, {
      fromYear: 2020,
      toYear: 2020,
    });
    const shipped = buildWorkingCalendar(shanghaiDefinition, { fromYear: 2020, toYear: 2020 });
    for (let day = 10; day <= 40; day++) {
      const date = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
      assert.equal(amended.isWorkingDate(date), shipped.isWorkingDate(date), date);
    }
  });

  it('removes a listing with isOffDay null, returning the date to the weekday rule', () => {
    const result = amendCalendar(shanghaiDefinition, [{ date: '2025-01-26', isOffDay: null }]);
    assert.deepEqual(result.changedDates, ['2025-01-26']);
    assert.equal(result.changes[0]!.after, null);
    assert.equal(result.changes[0]!.workingChanged, true);
    assert.equal(
      result.definition.days.some((d) => d.date === '2025-01-26'),
      false,
    );
    const cal = buildWorkingCalendar(result.definition, { fromYear: 2025, toYear: 2025 });
    assert.equal(cal.isWorkingDate('2025-01-26'), false);
  });

  it('reports nothing for an amendment that changes nothing', () => {
    const result = amendCalendar(shanghaiDefinition, [
      { date: '2025-03-04', isOffDay: null }, // not listed
      {
        date: '2025-01-01',
        isOffDay: true,
        name: '元旦',
        source: shanghaiDefinition.days.find((d) => d.date === '2025-01-01')?.source,
      },
    ]);
    assert.deepEqual(result.changedDates, []);
    assert.deepEqual(result.definition.days, shanghaiDefinition.days);
  });

  it('reports a renamed listing as a change that does not move deadlines', () => {
    const result = amendCalendar(shanghaiDefinition, [{ date: '2025-01-01', isOffDay: true, name: '新年' }]);
    assert.deepEqual(result.changedDates, ['2025-01-01']);
    assert.equal(result.changes[0]!.workingChanged, false);
  });

  it('leaves the original definition untouched', () => {
    const before = JSON.stringify(asFirstPublished);
    amendCalendar(asFirstPublished, extension);
    assert.equal(JSON.stringify(asFirstPublished), before);
  });

  it('refuses a date listed twice, a missing name and an impossible date', () => {
    const fieldOf = (entries: Parameters<typeof amendCalendar>[1]): string => {
      try {
        amendCalendar(asFirstPublished, entries);
      } catch (error) {
        assert.ok(error instanceof CalendarInputError);
        return error.field;
      }
      return assert.fail('expected an error');
    };
    assert.equal(
      fieldOf([
        { date: '2020-01-31', isOffDay: true, name: '春节' },
        { date: '2020-01-31', isOffDay: null },
      ]),
      'amendment[1].date',
    );
    assert.equal(fieldOf([{ date: '2020-01-31', isOffDay: true }]), 'amendment[0].name');
    assert.equal(fieldOf([{ date: '2020-02-30', isOffDay: true, name: 'x' }]), 'amendment[0].date');
  });
});
