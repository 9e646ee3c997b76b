import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isLocalDate, publishDateProblem, versionInForce, versionPeriods } from './in-force.js';

const v = (version: number, effectiveFrom: string) => ({ version, effectiveFrom });

describe('the version in force', () => {
  const versions = [v(1, '2025-01-01'), v(2, '2025-07-01'), v(3, '2026-01-01')];

  it('is none before the first list takes effect', () => {
    assert.equal(versionInForce(versions, '2024-12-31'), null);
  });

  it('changes on the effective date itself, not the day after', () => {
    assert.equal(versionInForce(versions, '2025-06-30')?.version, 1);
    assert.equal(versionInForce(versions, '2025-07-01')?.version, 2);
    assert.equal(versionInForce(versions, '2025-12-31')?.version, 2);
    assert.equal(versionInForce(versions, '2026-01-01')?.version, 3);
  });

  it('is the later version when two take effect on the same day', () => {
    const same = [v(1, '2025-01-01'), v(2, '2025-03-01'), v(3, '2025-03-01')];
    assert.equal(versionInForce(same, '2025-03-01')?.version, 3);
    assert.equal(versionInForce([...same].reverse(), '2025-03-01')?.version, 3);
  });

  it('is the latest version taking effect on or before the date (property, any input order)', () => {
    const day = fc
      .integer({ min: 0, max: 800 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 8 }), day, fc.nat(), (dates, on, turn) => {
        // Published versions: numbered in order, dates never going backwards; given in a rotated order.
        const list = [...dates].sort().map((d, i) => v(i + 1, d));
        const k = list.length ? turn % list.length : 0;
        const shuffled = [...list.slice(k), ...list.slice(0, k)].reverse();
        const found = versionInForce(shuffled, on);
        const eligible = list.filter((x) => x.effectiveFrom <= on);
        assert.equal(found?.version ?? null, eligible.at(-1)?.version ?? null);
      }),
    );
  });
});

describe('version periods (change history)', () => {
  it('gives each version its last day and its status today', () => {
    const periods = versionPeriods(
      [v(1, '2025-01-01'), v(2, '2025-07-01'), v(3, '2025-07-01'), v(4, '2026-01-01')],
      '2025-10-09',
    );
    assert.deepEqual(periods, [
      { version: 1, effectiveFrom: '2025-01-01', effectiveTo: '2025-06-30', status: 'superseded' },
      { version: 2, effectiveFrom: '2025-07-01', effectiveTo: null, status: 'neverInForce' },
      { version: 3, effectiveFrom: '2025-07-01', effectiveTo: '2025-12-31', status: 'inForce' },
      { version: 4, effectiveFrom: '2026-01-01', effectiveTo: null, status: 'scheduled' },
    ]);
  });
});

describe('when a new version may take effect', () => {
  const latest = v(2, '2025-07-01');
  it('lets the first list record a past date', () => {
    assert.equal(publishDateProblem(null, '2020-01-01', '2025-10-09'), null);
  });
  it('refuses a past date once a list exists', () => {
    assert.equal(publishDateProblem(latest, '2025-10-08', '2025-10-09')?.code, 'EFFECTIVE_DATE_IN_PAST');
    assert.equal(publishDateProblem(latest, '2025-10-09', '2025-10-09'), null);
  });
  it('refuses a date before the newest version (a scheduled one)', () => {
    const scheduled = v(3, '2026-01-01');
    assert.equal(
      publishDateProblem(scheduled, '2025-12-01', '2025-10-09')?.code,
      'EFFECTIVE_DATE_BEFORE_PREVIOUS',
    );
    assert.equal(publishDateProblem(scheduled, '2026-01-01', '2025-10-09'), null);
  });
  it('refuses what is not a calendar date', () => {
    assert.equal(publishDateProblem(latest, '2026-02-30', '2025-10-09')?.code, 'INVALID_DATE');
    assert.equal(isLocalDate('2026-02-28'), true);
    assert.equal(isLocalDate('2026-2-28'), false);
  });
});
