import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { at, shanghaiCalendar, shanghaiDefinition, show } from '../test-helpers.js';
import { createCalendarDefinition, isWorkingDay, listedDaysByNumber } from './calendar-definition.js';
import { daysFromCivil } from './civil-date.js';
import { buildWorkingCalendar } from './working-calendar.js';
import { indexBytes } from './working-time-index.js';

describe('working-time index', () => {
  const { index } = shanghaiCalendar();

  it('covers local dates 2000-01-01 … 2100-12-31 by default', () => {
    assert.equal(show(index.rangeStart * 60_000), '2000-01-01T00:00');
    assert.equal(show(index.rangeEnd * 60_000), '2101-01-01T00:00');
    assert.equal(index.dayCount, daysFromCivil(2101, 1, 1) - daysFromCivil(2000, 1, 1));
  });

  it('marks exactly the working days of the definition, each with 08:00–12:00 and 14:00–18:00', () => {
    const listed = listedDaysByNumber(shanghaiDefinition);
    let interval = 0;
    for (let i = 0; i < index.dayCount; i++) {
      const working = isWorkingDay(listed, index.firstDayNumber + i);
      assert.equal(index.dayWorking[i], working ? 1 : 0);
      assert.equal(index.dayStart[i + 1]! - index.dayStart[i]!, 1440);
      if (!working) continue;
      const midnight = index.dayStart[i]!;
      assert.deepEqual(
        [
          index.officeStart[interval],
          index.officeEnd[interval],
          index.officeStart[interval + 1],
          index.officeEnd[interval + 1],
        ],
        [midnight + 480, midnight + 720, midnight + 840, midnight + 1080],
      );
      interval += 2;
    }
    assert.equal(interval, index.officeStart.length);
    assert.equal(index.officeCumEnd.at(-1), (interval / 2) * 480);
  });

  it('reports the bytes held in its typed arrays', () => {
    assert.equal(shanghaiCalendar().indexBytes, indexBytes(index));
    assert.ok(indexBytes(index) > index.officeStart.byteLength * 3);
  });

  it('computes office time of DST days in absolute time (America/New_York)', () => {
    // Office 01:00–03:00 on the two 2025 transition Sundays, listed as working days for the test:
    // 03-09 loses 02:00–03:00 (60 min left), 11-02 repeats 01:00–02:00 (180 min).
    const definition = createCalendarDefinition({
      timeZone: 'America/New_York',
      officeWindows: [{ start: '01:00', end: '03:00' }],
      days: [
        { date: '2025-03-09', isOffDay: false, name: 'test' },
        { date: '2025-11-02', isOffDay: false, name: 'test' },
      ],
    });
    const cal = buildWorkingCalendar(definition, { fromYear: 2025, toYear: 2025 });
    const day = (date: string) =>
      cal.elapsed(Date.parse(`${date}T00:00:00Z`), Date.parse(`${date}T12:00:00Z`), 'work_hour');
    assert.equal(day('2025-03-09'), 60);
    assert.equal(day('2025-11-02'), 180);
    assert.equal(day('2025-03-10'), 120);
    // The 23-hour and 25-hour days.
    const i = daysFromCivil(2025, 3, 9) - cal.index.firstDayNumber;
    assert.equal(cal.index.dayStart[i + 1]! - cal.index.dayStart[i]!, 1380);
    const j = daysFromCivil(2025, 11, 2) - cal.index.firstDayNumber;
    assert.equal(cal.index.dayStart[j + 1]! - cal.index.dayStart[j]!, 1500);
  });

  it('neither counts nor works a day the zone skipped (Pacific/Apia, 2011-12-30)', () => {
    const cal = buildWorkingCalendar(createCalendarDefinition({ timeZone: 'Pacific/Apia' }), {
      fromYear: 2011,
      toYear: 2012,
    });
    const i = daysFromCivil(2011, 12, 30) - cal.index.firstDayNumber;
    assert.equal(cal.index.dayStart[i + 1], cal.index.dayStart[i]);
    assert.equal(cal.index.dayWorking[i], 0);
    // Trigger Thu 2011-12-29: day 1 would be Fri 12-30, which never happened; day 1 is Sat 12-31 (rest),
    // so the period runs to 24:00 of Mon 2012-01-02 (UTC+14 in January 2012).
    const start = at('2011-12-29T10:00-10:00');
    assert.equal(show(cal.deadline(start, 1, 'calendar_day'), 14 * 60), '2012-01-03T00:00');
    // Working days: Mon 01-02 is the first.
    assert.equal(show(cal.deadline(start, 1, 'working_day'), 14 * 60), '2012-01-03T00:00');
  });
});
