import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createCalendarDefinition, describeDate } from './calendar-definition.js';
import { CalendarInputError } from './errors.js';

const fieldOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof CalendarInputError, String(error));
    return error.field;
  }
  return assert.fail('expected an error');
};

describe('calendar definition', () => {
  it('defaults to Asia/Shanghai with office hours 08:00–12:00 and 14:00–18:00', () => {
    const definition = createCalendarDefinition();
    assert.equal(definition.timeZone, 'Asia/Shanghai');
    assert.deepEqual(definition.officeWindows, [
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]);
    assert.deepEqual(definition.days, []);
  });

  it('treats years without holiday data as ordinary Monday–Friday weeks', () => {
    const definition = createCalendarDefinition();
    assert.equal(describeDate(definition, '2030-01-01').working, true); // a Tuesday, no data for 2030
    assert.equal(describeDate(definition, '2030-01-05').working, false); // Saturday
  });

  it('sorts listed days and refuses a date listed twice', () => {
    const definition = createCalendarDefinition({
      days: [
        { date: '2025-02-08', isOffDay: false, name: '春节' },
        { date: '2025-01-26', isOffDay: false, name: '春节' },
      ],
    });
    assert.deepEqual(
      definition.days.map((d) => d.date),
      ['2025-01-26', '2025-02-08'],
    );
    assert.equal(
      fieldOf(() =>
        createCalendarDefinition({
          days: [
            { date: '2025-01-26', isOffDay: false, name: 'a' },
            { date: '2025-01-26', isOffDay: true, name: 'b' },
          ],
        }),
      ),
      'days',
    );
  });

  it('canonicalises the time zone and refuses unknown ones', () => {
    assert.equal(createCalendarDefinition({ timeZone: 'asia/shanghai' }).timeZone, 'Asia/Shanghai');
    assert.equal(
      fieldOf(() => createCalendarDefinition({ timeZone: 'Mars/Olympus' })),
      'timeZone',
    );
  });

  it('validates office windows: HH:MM, end after start, no overlap', () => {
    assert.deepEqual(
      createCalendarDefinition({
        officeWindows: [
          { start: '13:30', end: '17:30' },
          { start: '08:30', end: '12:00' },
        ],
      }).officeWindows,
      [
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    );
    assert.equal(
      fieldOf(() => createCalendarDefinition({ officeWindows: [{ start: '8:00', end: '12:00' }] })),
      'officeWindows[0].start',
    );
    assert.equal(
      fieldOf(() => createCalendarDefinition({ officeWindows: [{ start: '12:00', end: '08:00' }] })),
      'officeWindows[0].end',
    );
    assert.equal(
      fieldOf(() =>
        createCalendarDefinition({
          officeWindows: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        }),
      ),
      'officeWindows',
    );
    assert.equal(
      fieldOf(() => createCalendarDefinition({ officeWindows: [] })),
      'officeWindows',
    );
    assert.equal(
      createCalendarDefinition({ officeWindows: [{ start: '00:00', end: '24:00' }] }).officeWindows[0]?.end,
      '24:00',
    );
  });

  it('refuses impossible dates in listings', () => {
    assert.equal(
      fieldOf(() => createCalendarDefinition({ days: [{ date: '2025-02-29', isOffDay: true, name: 'x' }] })),
      'days[0].date',
    );
  });
});
