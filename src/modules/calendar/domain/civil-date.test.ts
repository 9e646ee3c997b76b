import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { civilFromDays, daysFromCivil, formatIsoDate, parseIsoDate, weekdayOf } from './civil-date.js';
import { CalendarInputError } from './errors.js';

describe('civil dates', () => {
  it('agrees with Date.UTC on day numbers and weekdays for any date 1900–2500', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2500, 12, 31) }), (n) => {
        const d = new Date(n * 86_400_000);
        assert.deepEqual(civilFromDays(n), {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
        assert.equal(weekdayOf(n), d.getUTCDay());
        assert.equal(parseIsoDate(formatIsoDate(n), 'date'), n);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows 2025-01-26 is a Sunday and 2025-02-08 a Saturday', () => {
    assert.equal(weekdayOf(parseIsoDate('2025-01-26', 'date')), 0);
    assert.equal(weekdayOf(parseIsoDate('2025-02-08', 'date')), 6);
  });

  it('refuses impossible or malformed dates instead of rolling them over', () => {
    for (const text of ['2025-02-29', '2024-13-01', '2025-1-5', '20250105', '']) {
      assert.throws(() => parseIsoDate(text, 'd'), CalendarInputError, text);
    }
    assert.equal(formatIsoDate(parseIsoDate('2024-02-29', 'd')), '2024-02-29');
  });
});
