import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { at, shanghaiCalendar, show } from '../test-helpers.js';
import { CalendarInputError, CalendarRangeError } from './errors.js';

// Asia/Shanghai, office 08:00–12:00 and 14:00–18:00, holiday-cn data. Every expected value below is worked out
// by hand in the comment beside it from the published 2025 schedule (国办发明电〔2024〕12号).
const cal = shanghaiCalendar();
const due = (start: string, amount: number, unit: Parameters<typeof cal.deadline>[2]) =>
  show(cal.deadline(at(start), amount, unit));

describe('work_hour deadlines', () => {
  it('does not count weekend hours toward a work_hour deadline', () => {
    // Fri 2025-03-07 17:00: 60 min on Friday, weekend skipped, 60 min from Monday 08:00.
    assert.equal(due('2025-03-07T17:00', 2, 'work_hour'), '2025-03-10T09:00');
  });

  it('ends at 12:00, not 14:00, when the limit is used up exactly at the lunch break', () => {
    assert.equal(due('2025-03-03T11:00', 1, 'work_hour'), '2025-03-03T12:00');
  });

  it('stops the clock over lunch and resumes at 14:00', () => {
    // 11:30–12:00 is 30 min; the other 30 min run 14:00–14:30.
    assert.equal(due('2025-03-03T11:30', 1, 'work_hour'), '2025-03-03T14:30');
  });

  it('counts a start during lunch from 14:00', () => {
    assert.equal(due('2025-03-03T12:30', 1, 'work_hour'), '2025-03-03T15:00');
  });

  it('counts a start at 20:00 from the next office minute', () => {
    assert.equal(due('2025-03-03T20:00', 1, 'work_hour'), '2025-03-04T09:00');
    // Friday evening: the next office minute is Monday 08:00.
    assert.equal(due('2025-03-07T20:00', 1, 'work_hour'), '2025-03-10T09:00');
  });

  it('counts the make-up Sunday 2025-01-26 as office time', () => {
    // Fri 2025-01-24 16:00–18:00 = 120 min; Sat 01-25 rest; Sun 01-26 is a 调休 working day: 08:00 + 120 min.
    assert.equal(due('2025-01-24T16:00', 4, 'work_hour'), '2025-01-26T10:00');
  });

  it('skips the whole 2025 Spring Festival holiday (01-28 … 02-04)', () => {
    // Mon 01-27 17:00–18:00 = 60 min; 01-28 … 02-04 off; Wed 02-05 08:00 + 60 min.
    assert.equal(due('2025-01-27T17:00', 2, 'work_hour'), '2025-02-05T09:00');
  });

  it('skips the 2025 National Day holiday (10-01 … 10-08)', () => {
    // Tue 09-30 16:00–18:00 = 120 min; 10-01 … 10-08 off; Thu 10-09 08:00 + 120 min.
    assert.equal(due('2025-09-30T16:00', 4, 'work_hour'), '2025-10-09T10:00');
  });

  it('carries a deadline over the year end and New Year holiday (2024-12-31 → 2025)', () => {
    // Tue 2024-12-31 17:00–18:00 = 60 min; 2025-01-01 off; Thu 2025-01-02 08:00 + 60 min.
    assert.equal(due('2024-12-31T17:00', 2, 'work_hour'), '2025-01-02T09:00');
  });

  it('reads New Year 2023 from the 2023 notice (2023-01-02 was a holiday Monday)', () => {
    // Fri 2022-12-30 17:00–18:00 = 60 min; 12-31, 01-01 weekend; Mon 2023-01-02 off; Tue 01-03 + 60 min.
    assert.equal(due('2022-12-30T17:00', 2, 'work_hour'), '2023-01-03T09:00');
  });

  it('accepts fractional hours that are whole minutes', () => {
    assert.equal(due('2025-03-03T09:00', 1.5, 'work_hour'), '2025-03-03T10:30');
  });

  it('rounds a start with seconds up to the next minute, so the limit is never shortened', () => {
    assert.equal(show(cal.deadline(at('2025-03-03T09:00:40'), 1, 'work_hour')), '2025-03-03T10:01');
    assert.equal(show(cal.deadline(at('2025-03-03T09:00:00.001'), 1, 'urgent_hour')), '2025-03-03T10:01');
  });
});

describe('work_day deadlines', () => {
  it('ends at the same office-time offset on the Nth working day when started mid-morning', () => {
    // Mon 2025-03-03 10:00 + 1 work day → Tue 10:00; + 3 → Thu 10:00.
    assert.equal(due('2025-03-03T10:00', 1, 'work_day'), '2025-03-04T10:00');
    assert.equal(due('2025-03-03T10:00', 3, 'work_day'), '2025-03-06T10:00');
  });

  it('ends at the close of office on the Nth working day when started before office hours', () => {
    assert.equal(due('2025-03-03T07:00', 1, 'work_day'), '2025-03-03T18:00');
    assert.equal(due('2025-03-03T08:00', 2, 'work_day'), '2025-03-04T18:00');
  });

  it('ends at 12:00 (not 14:00) on the next working day when started at 14:00', () => {
    // 14:00–18:00 = 240 min; the other 240 min are used up at 12:00 the next day.
    assert.equal(due('2025-03-03T14:00', 1, 'work_day'), '2025-03-04T12:00');
  });

  it('counts a start at 20:00 from 08:00 the next working day', () => {
    assert.equal(due('2025-03-03T20:00', 1, 'work_day'), '2025-03-04T18:00');
  });

  it('spans the Spring Festival: two working days from Mon 01-27 10:00 end Thu 02-06 10:00', () => {
    // Working days after 01-27: 02-05 (1st), 02-06 (2nd).
    assert.equal(due('2025-01-27T10:00', 2, 'work_day'), '2025-02-06T10:00');
  });

  it('counts the make-up Saturday 2025-02-08', () => {
    // Fri 02-07 14:00–18:00 = 240 min; Sat 02-08 (调休) 08:00–12:00 = 240 min.
    assert.equal(due('2025-02-07T14:00', 1, 'work_day'), '2025-02-08T12:00');
  });

  it('spans National Day with the make-up Sunday 09-28', () => {
    // From Fri 09-26 09:00: working days Sun 09-28, Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10 → 5th at 09:00.
    assert.equal(due('2025-09-26T09:00', 5, 'work_day'), '2025-10-10T09:00');
  });

  it('crosses the year end', () => {
    // Tue 2024-12-31 10:00: 360 min left that day; 01-01 off; Thu 01-02 08:00 + 120 min.
    assert.equal(due('2024-12-31T10:00', 1, 'work_day'), '2025-01-02T10:00');
  });
});

describe('continuous units', () => {
  it('counts nights, weekends and holidays for urgent_hour', () => {
    assert.equal(due('2025-09-30T16:00', 24, 'urgent_hour'), '2025-10-01T16:00');
    assert.equal(due('2025-03-07T23:30', 1, 'urgent_hour'), '2025-03-08T00:30');
  });

  it('counts natural_day as 24 hours of continuous time, holidays included', () => {
    assert.equal(due('2025-09-30T16:00', 3, 'natural_day'), '2025-10-03T16:00');
    assert.equal(due('2025-01-27T09:15', 0.5, 'natural_day'), '2025-01-27T21:15');
  });
});

describe('pauses (挂账, hearings)', () => {
  it('does not count office time inside a pause', () => {
    // 09:00–10:00 counts, 10:00–11:00 paused, 11:00–12:00 counts.
    const pauses = [{ from: at('2025-03-03T10:00'), to: at('2025-03-03T11:00') }];
    assert.equal(show(cal.deadline(at('2025-03-03T09:00'), 2, 'work_hour', pauses)), '2025-03-03T12:00');
    assert.equal(show(cal.deadline(at('2025-03-03T09:00'), 2, 'work_hour')), '2025-03-03T11:00');
  });

  it('resumes a work_day clock after a week of 挂账', () => {
    // Mon 03-03 08:00–12:00 = 240 min, parked until Mon 03-10 12:00, then 14:00–18:00 = 240 min.
    const pauses = [{ from: at('2025-03-03T12:00'), to: at('2025-03-10T12:00') }];
    assert.equal(show(cal.deadline(at('2025-03-03T08:00'), 1, 'work_day', pauses)), '2025-03-10T18:00');
  });

  it('subtracts a pause from continuous time', () => {
    const pauses = [{ from: at('2025-03-03T10:30'), to: at('2025-03-03T11:00') }];
    assert.equal(show(cal.deadline(at('2025-03-03T10:00'), 2, 'urgent_hour', pauses)), '2025-03-03T12:30');
  });

  it('merges overlapping pauses instead of subtracting the overlap twice', () => {
    const pauses = [
      { from: at('2025-03-03T10:00'), to: at('2025-03-03T10:40') },
      { from: at('2025-03-03T10:20'), to: at('2025-03-03T11:00') },
    ];
    assert.equal(show(cal.deadline(at('2025-03-03T10:00'), 1, 'urgent_hour', pauses)), '2025-03-03T12:00');
  });

  it('treats a minute touched by a pause as paused', () => {
    // Pause 10:00:30–10:01:10 removes the minutes 10:00 and 10:01.
    const pauses = [{ from: at('2025-03-03T10:00:30'), to: at('2025-03-03T10:01:10') }];
    assert.equal(show(cal.deadline(at('2025-03-03T10:00'), 1, 'urgent_hour', pauses)), '2025-03-03T11:02');
  });

  it('ignores pauses that end before the start', () => {
    const pauses = [{ from: at('2025-03-01T10:00'), to: at('2025-03-02T10:00') }];
    assert.equal(show(cal.deadline(at('2025-03-03T10:00'), 1, 'work_hour', pauses)), '2025-03-03T11:00');
  });
});

describe('invalid input', () => {
  const fieldOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof CalendarInputError, `expected CalendarInputError, got ${String(error)}`);
      return error.field;
    }
    assert.fail('expected an error');
  };
  const start = at('2025-03-03T09:00');

  it('refuses amounts that are not positive finite numbers', () => {
    for (const amount of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.equal(
        fieldOf(() => cal.deadline(start, amount, 'work_hour')),
        'amount',
      );
    }
    assert.equal(
      fieldOf(() => cal.deadline(start, '2' as unknown as number, 'work_hour')),
      'amount',
    );
  });

  it('refuses fractions that are not whole minutes, and fractional legal days', () => {
    assert.equal(
      fieldOf(() => cal.deadline(start, 0.01, 'work_hour')),
      'amount',
    );
    assert.equal(
      fieldOf(() => cal.deadline(start, 1.5, 'calendar_day')),
      'amount',
    );
    assert.equal(
      fieldOf(() => cal.deadline(start, 2.5, 'working_day')),
      'amount',
    );
  });

  it('refuses unknown units', () => {
    assert.equal(
      fieldOf(() => cal.deadline(start, 1, 'fortnight' as never)),
      'unit',
    );
  });

  it('refuses unusable instants and backwards pauses', () => {
    assert.equal(
      fieldOf(() => cal.deadline(Number.NaN, 1, 'work_hour')),
      'start',
    );
    assert.equal(
      fieldOf(() => cal.deadline(start, 1, 'work_hour', [{ from: start + 60_000, to: start }])),
      'pauses[0].to',
    );
  });

  it('reports a range error rather than guessing outside the precomputed years', () => {
    assert.throws(() => cal.deadline(at('1995-06-01T09:00'), 1, 'work_hour'), CalendarRangeError);
    assert.throws(() => cal.deadline(at('2100-12-30T09:00'), 5, 'work_day'), CalendarRangeError);
    assert.throws(() => cal.deadline(at('2100-12-30T09:00'), 5, 'working_day'), CalendarRangeError);
    // The continuous clock needs no calendar, so it answers for any date.
    assert.equal(show(cal.deadline(at('1995-06-01T09:00'), 1, 'urgent_hour')), '1995-06-01T10:00');
  });
});
