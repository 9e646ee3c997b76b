import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { at, shanghaiCalendar, show } from '../test-helpers.js';

// Civil Code Art. 201/203 and Penalty Law Art. 85, worked by hand on the 2025 schedule. A period "ends at 24:00"
// of its last day; shown here as 00:00 of the following day.
const cal = shanghaiCalendar();
const due = (
  start: string,
  amount: number,
  unit: 'calendar_day' | 'working_day',
  pauses?: [string, string][],
) =>
  show(
    cal.deadline(
      at(start),
      amount,
      unit,
      pauses?.map(([from, to]) => ({ from: at(from), to: at(to) })),
    ),
  );

describe('calendar_day periods', () => {
  it('does not count the day of the triggering event', () => {
    // Trigger Wed 2025-03-05; day 1 = Thu 03-06, day 15 = Thu 03-20 (a working day) → ends 24:00 03-20.
    assert.equal(due('2025-03-05T10:00', 15, 'calendar_day'), '2025-03-21T00:00');
  });

  it('counts from the next day whatever the time of the trigger', () => {
    assert.equal(due('2025-03-03T00:00', 1, 'calendar_day'), '2025-03-05T00:00');
    assert.equal(due('2025-03-03T23:59:59', 1, 'calendar_day'), '2025-03-05T00:00');
  });

  it('moves a period ending on a weekend to the end of the next working day', () => {
    // Trigger Wed 03-05: day 3 = Sat 03-08 → next working day Mon 03-10 → ends 24:00 03-10.
    assert.equal(due('2025-03-05T10:00', 3, 'calendar_day'), '2025-03-11T00:00');
  });

  it('moves a period ending inside the National Day holiday to the first working day after it', () => {
    // Trigger Mon 09-22: day 10 = Thu 10-02 (holiday) → next working day Thu 10-09.
    assert.equal(due('2025-09-22T15:00', 10, 'calendar_day'), '2025-10-10T00:00');
  });

  it('moves a period ending on a Spring Festival Sunday past the whole holiday', () => {
    // Trigger Mon 01-20: day 13 = Sun 02-02 (holiday) → next working day Wed 02-05.
    assert.equal(due('2025-01-20T09:00', 13, 'calendar_day'), '2025-02-06T00:00');
  });

  it('does not extend a period ending on a make-up working Saturday', () => {
    // Trigger Fri 09-26: day 15 = Sat 10-11, a 调休 working day.
    assert.equal(due('2025-09-26T10:00', 15, 'calendar_day'), '2025-10-12T00:00');
  });

  it('treats 15 days from service on 2024-12-20 as ending on Sat 2025-01-04, moved to Mon 01-06', () => {
    // Day 1 = 12-21 … day 15 = 2025-01-04 (Saturday; not a make-up day) → Mon 2025-01-06.
    assert.equal(due('2024-12-20T16:00', 15, 'calendar_day'), '2025-01-07T00:00');
  });
});

describe('working_day periods', () => {
  it('counts the make-up Sunday 2025-01-26 as a working day', () => {
    // Trigger Mon 01-20: Tue 21 (1), Wed 22 (2), Thu 23 (3), Fri 24 (4), Sun 26 (5).
    assert.equal(due('2025-01-20T10:00', 5, 'working_day'), '2025-01-27T00:00');
  });

  it('skips the Spring Festival and counts the make-up Saturday 02-08', () => {
    // Trigger Fri 01-24: Sun 26 (1), Mon 27 (2), Wed 02-05 (3), Thu 06 (4), Fri 07 (5), Sat 08 (6), Mon 10 (7).
    assert.equal(due('2025-01-24T10:00', 7, 'working_day'), '2025-02-11T00:00');
  });

  it('counts the make-up Sunday before National Day', () => {
    // Trigger Thu 09-25: Fri 26 (1), Sun 28 (2), Mon 29 (3).
    assert.equal(due('2025-09-25T10:00', 3, 'working_day'), '2025-09-30T00:00');
  });

  it('skips weekends for a 5-working-day hearing request (APL Art. 64)', () => {
    // Notice served Thu 2025-03-06: Fri 07 (1), Mon 10 (2), Tue 11 (3), Wed 12 (4), Thu 13 (5).
    assert.equal(due('2025-03-06T15:00', 5, 'working_day'), '2025-03-14T00:00');
  });
});

describe('pauses in legal periods', () => {
  it('does not count days wholly covered by a pause', () => {
    // Trigger Mon 03-03; Wed 05 and Thu 06 paused; Tue 04 (1), Fri 07 (2), Mon 10 (3), Tue 11 (4), Wed 12 (5).
    assert.equal(
      due('2025-03-03T10:00', 5, 'working_day', [['2025-03-05T00:00', '2025-03-07T00:00']]),
      '2025-03-13T00:00',
    );
    // Without the pause: Tue 04 … Mon 10 → ends 24:00 Mon 03-10.
    assert.equal(due('2025-03-03T10:00', 5, 'working_day'), '2025-03-11T00:00');
  });

  it('still counts a day that is only partly paused', () => {
    assert.equal(
      due('2025-03-03T10:00', 5, 'working_day', [['2025-03-05T09:00', '2025-03-05T17:00']]),
      '2025-03-11T00:00',
    );
  });

  it('skips paused days for calendar_day and still moves a rest-day end to a working day', () => {
    // Trigger Mon 03-03, 4 calendar days; 03-04 … 03-06 paused → days Fri 07 (1), Sat 08 (2), Sun 09 (3),
    // Mon 10 (4) → ends 24:00 Mon 03-10.
    assert.equal(
      due('2025-03-03T10:00', 4, 'calendar_day', [['2025-03-04T00:00', '2025-03-07T00:00']]),
      '2025-03-11T00:00',
    );
    // 2 calendar days with 03-04 paused: Wed 05 (1), Thu 06 (2).
    assert.equal(
      due('2025-03-03T10:00', 2, 'calendar_day', [['2025-03-04T00:00', '2025-03-05T00:00']]),
      '2025-03-07T00:00',
    );
  });

  it('skips a paused working day when moving a rest-day end forward', () => {
    // Trigger Wed 03-05, 3 calendar days → Sat 03-08 (rest) → Mon 03-10 is paused → Tue 03-11.
    assert.equal(
      due('2025-03-05T10:00', 3, 'calendar_day', [['2025-03-10T00:00', '2025-03-11T00:00']]),
      '2025-03-12T00:00',
    );
  });
});
