import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleTable } from '../test-helpers.js';
import { summariseTimeLimits, timeLimitBucket } from './distribution.js';
import { defaultStandard, findMajor, findMinor, findStandard, minorsOf, standardsOf } from './queries.js';

describe('taxonomy queries', () => {
  const table = sampleTable();

  it('finds the category of a (type, major, minor), and nothing for a code of the other type', () => {
    assert.equal(findMinor(table, 'component', '01', '01')?.name, '上水井盖');
    assert.equal(findMinor(table, 'event', '01', '01'), undefined);
    assert.equal(findMajor(table, 'event', '01')?.name, '市容环境');
    assert.deepEqual(
      minorsOf(table, 'component', '01').map((m) => m.code),
      ['01', '99'],
    );
  });

  it('lists the standard rows of a minor by seq', () => {
    const reversed = { ...table, standards: [...table.standards].reverse() };
    assert.deepEqual(
      standardsOf(reversed, 'component', '01', '01').map((s) => s.id),
      ['C-0101-1', 'C-0101-2'],
    );
    assert.deepEqual(standardsOf(table, 'component', '02', '01'), []);
  });

  it('picks the lowest seq as the default row of a minor', () => {
    const reversed = { ...table, standards: [...table.standards].reverse() };
    assert.equal(defaultStandard(reversed, 'component', '01', '01')?.id, 'C-0101-1');
    assert.equal(defaultStandard(table, 'component', '09', '09'), undefined);
  });

  it('finds a standard row by its stable id', () => {
    assert.equal(findStandard(table, 'E-0102-1')?.filingCondition, '暴露垃圾成堆');
    assert.equal(findStandard(table, 'E-0102-9'), undefined);
  });
});

describe('time-limit distribution', () => {
  it('buckets urgent hours apart and everything else by its length in working days', () => {
    assert.equal(timeLimitBucket({ amount: 48, unit: 'urgent_hour' }), 'urgent');
    assert.equal(timeLimitBucket({ amount: 4, unit: 'work_hour' }), 'hours');
    assert.equal(timeLimitBucket({ amount: 8, unit: 'work_hour' }), 'day1');
    assert.equal(timeLimitBucket({ amount: 24, unit: 'work_hour' }), 'days2to3');
    assert.equal(timeLimitBucket({ amount: 0.5, unit: 'work_day' }), 'hours');
    assert.equal(timeLimitBucket({ amount: 1, unit: 'work_day' }), 'day1');
    assert.equal(timeLimitBucket({ amount: 3, unit: 'natural_day' }), 'days2to3');
    assert.equal(timeLimitBucket({ amount: 5, unit: 'working_day' }), 'days4to7');
    assert.equal(timeLimitBucket({ amount: 15, unit: 'calendar_day' }), 'over7days');
  });

  it('counts rows per bucket and per unit', () => {
    const summary = summariseTimeLimits(sampleTable().standards);
    assert.equal(summary.total, 4);
    assert.deepEqual(summary.byBucket, {
      urgent: 1,
      hours: 2,
      day1: 0,
      days2to3: 1,
      days4to7: 0,
      over7days: 0,
    });
    assert.equal(summary.byUnit.work_hour, 2);
  });
});
