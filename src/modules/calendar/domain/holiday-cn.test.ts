import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadHolidayCnFiles } from '../holiday-data.js';
import { CalendarInputError } from './errors.js';
import { calendarDaysFromHolidayCn, parseHolidayCnFile } from './holiday-cn.js';

const files = await loadHolidayCnFiles();

describe('holiday-cn import', () => {
  it('reads the published counts of off-days and make-up days (urban-management.md §13.3)', () => {
    const byYear = new Map(files.map((f) => parseHolidayCnFile(f)).map((f) => [f.year, f]));
    const counts = (year: number) => {
      const days = byYear.get(year)!.days;
      return [days.filter((d) => d.isOffDay).length, days.filter((d) => !d.isOffDay).length];
    };
    assert.deepEqual(counts(2024), [28, 8]);
    assert.deepEqual(counts(2025), [28, 5]);
    assert.deepEqual(counts(2026), [33, 6]);
  });

  it('takes 2022-12-31 from the 2023 file, which is keyed by the notice year', () => {
    const days = calendarDaysFromHolidayCn(files);
    const entry = days.find((d) => d.date === '2022-12-31');
    assert.equal(entry?.isOffDay, true);
    assert.equal(entry?.name, '元旦');
    assert.match(entry?.source ?? '', /2022-12\/08/);
  });

  it('merges all files into one sorted list without duplicates', () => {
    const days = calendarDaysFromHolidayCn(files);
    const dates = days.map((d) => d.date);
    assert.deepEqual(dates, [...new Set(dates)].sort());
    assert.equal(dates[0], '2020-01-01');
    assert.ok(dates.at(-1)!.startsWith('2026-'));
  });

  it('refuses two files that disagree about a date', () => {
    const a = { year: 2024, papers: [], days: [{ name: 'x', date: '2024-12-31', isOffDay: true }] };
    const b = { year: 2025, papers: [], days: [{ name: 'x', date: '2024-12-31', isOffDay: false }] };
    assert.throws(() => calendarDaysFromHolidayCn([a, b]), CalendarInputError);
  });

  it('refuses a file that does not follow the schema', () => {
    assert.throws(
      () =>
        parseHolidayCnFile({
          year: 2025,
          papers: [],
          days: [{ name: '春节', date: '2025-01-28', isOffDay: 'yes' }],
        }),
      (error: unknown) =>
        error instanceof CalendarInputError && error.field === 'holiday-cn.days[0].isOffDay',
    );
    assert.throws(() => parseHolidayCnFile({ year: 2025, days: [] }), CalendarInputError);
    assert.throws(() => parseHolidayCnFile([]), CalendarInputError);
  });
});
