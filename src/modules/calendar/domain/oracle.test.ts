import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { at, shanghaiDefinition, show } from '../test-helpers.js';
import { createOracle } from './oracle.js';

// The oracle is the yardstick of the property tests, so it is itself checked against hand-worked answers
// (the same reasoning as in deadline.test.ts and legal-periods.test.ts).
const oracle = createOracle(shanghaiDefinition);

describe('brute-force oracle', () => {
  it('counts the make-up Sunday 2025-01-26 and stops at the earliest instant', () => {
    assert.equal(show(oracle.deadline(at('2025-01-24T16:00'), 4, 'work_hour')), '2025-01-26T10:00');
    assert.equal(show(oracle.deadline(at('2025-03-03T11:00'), 1, 'work_hour')), '2025-03-03T12:00');
  });

  it('skips the Spring Festival for work_day', () => {
    assert.equal(show(oracle.deadline(at('2025-01-27T10:00'), 2, 'work_day')), '2025-02-06T10:00');
  });

  it('applies the legal rest-day extension and the working-day count', () => {
    assert.equal(show(oracle.deadline(at('2025-09-22T15:00'), 10, 'calendar_day')), '2025-10-10T00:00');
    assert.equal(show(oracle.deadline(at('2025-01-24T10:00'), 7, 'working_day')), '2025-02-11T00:00');
  });

  it('skips wholly paused days in legal periods only', () => {
    const pause = (a: string, b: string) => [{ from: at(a), to: at(b) }];
    assert.equal(
      show(
        oracle.deadline(
          at('2025-03-03T10:00'),
          5,
          'working_day',
          pause('2025-03-05T00:00', '2025-03-07T00:00'),
        ),
      ),
      '2025-03-13T00:00',
    );
    assert.equal(
      show(
        oracle.deadline(
          at('2025-03-03T10:00'),
          5,
          'working_day',
          pause('2025-03-05T09:00', '2025-03-05T17:00'),
        ),
      ),
      '2025-03-11T00:00',
    );
  });

  it('measures elapsed time by the same rules', () => {
    assert.equal(oracle.elapsed(at('2025-03-07T17:00'), at('2025-03-10T09:00'), 'work_hour'), 120);
    assert.equal(oracle.elapsed(at('2025-03-03T10:00'), at('2025-03-06T12:00'), 'calendar_day'), 2.5);
    assert.equal(oracle.elapsed(at('2025-03-07T10:00'), at('2025-03-11T06:00'), 'working_day'), 1.25);
    assert.equal(oracle.elapsed(at('2025-03-03T09:00:40'), at('2025-03-03T10:00:30'), 'work_hour'), 59);
  });
});
