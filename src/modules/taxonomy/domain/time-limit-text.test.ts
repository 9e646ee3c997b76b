import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TIME_UNITS } from '../../calendar/index.js';
import { TIME_UNIT_WORDS, formatTimeLimit, parseTimeLimit } from './time-limit-text.js';
import type { TimeLimit } from './types.js';

/** Any valid limit: legal units in whole days, the others in tenths. */
const timeLimitArbitrary: fc.Arbitrary<TimeLimit> = fc
  .constantFrom(...TIME_UNITS)
  .chain((unit) =>
    unit === 'calendar_day' || unit === 'working_day'
      ? fc.integer({ min: 1, max: 999 }).map((amount): TimeLimit => ({ amount, unit }))
      : fc.integer({ min: 1, max: 9990 }).map((tenths): TimeLimit => ({ amount: tenths / 10, unit })),
  );

function parsed(text: string) {
  const result = parseTimeLimit(text);
  assert.ok(result.ok, `expected "${text}" to parse: ${result.ok ? '' : result.reason}`);
  return result;
}

describe('处置时限 text', () => {
  it('writes each unit with its own Chinese word and reads it back exactly, for every calendar unit', () => {
    const expected: Record<string, string> = {
      urgent_hour: '2紧急工作时',
      work_hour: '2工作时',
      work_day: '2工作日',
      natural_day: '2自然日',
      calendar_day: '2日(法定)',
      working_day: '2工作日(法定)',
    };
    for (const unit of TIME_UNITS) {
      const text = formatTimeLimit({ amount: 2, unit });
      assert.equal(text, expected[unit]);
      const back = parsed(text);
      assert.deepEqual(back.value, { amount: 2, unit });
      assert.equal(back.alias, null);
    }
  });

  it('round-trips any valid limit: parse(format(x)) = x and format(parse(s)) = s', () => {
    fc.assert(
      fc.property(timeLimitArbitrary, (limit) => {
        const text = formatTimeLimit(limit);
        const back = parsed(text);
        assert.deepEqual(back.value, limit);
        assert.equal(formatTimeLimit(back.value), text);
      }),
      { numRuns: 2000 },
    );
  });

  it('has one word per unit, so no text can mean two units', () => {
    const words = Object.values(TIME_UNIT_WORDS);
    assert.equal(new Set(words).size, words.length);
    assert.deepEqual(Object.keys(TIME_UNIT_WORDS).sort(), [...TIME_UNITS].sort());
  });

  it('reads the spellings of real tables: full-width brackets and digits, 个, spaces, half days', () => {
    assert.deepEqual(parsed('15日（法定）').value, { amount: 15, unit: 'calendar_day' });
    assert.deepEqual(parsed('３个工作日').value, { amount: 3, unit: 'work_day' });
    assert.deepEqual(parsed(' 4 工作时 ').value, { amount: 4, unit: 'work_hour' });
    assert.deepEqual(parsed('0.5工作日').value, { amount: 0.5, unit: 'work_day' });
    assert.equal(formatTimeLimit({ amount: 0.5, unit: 'work_day' }), '0.5工作日');
  });

  it('reads the practice aliases 小时, 天 and 紧急工作日 but reports them so the import can warn', () => {
    assert.deepEqual(parsed('4小时'), { ok: true, value: { amount: 4, unit: 'work_hour' }, alias: '小时' });
    assert.deepEqual(parsed('1天'), { ok: true, value: { amount: 1, unit: 'work_day' }, alias: '天' });
    assert.deepEqual(parsed('2紧急工作日'), {
      ok: true,
      value: { amount: 2, unit: 'natural_day' },
      alias: '紧急工作日',
    });
  });

  it('refuses a bare 日, because it could be a working day or a legal calendar day', () => {
    const result = parseTimeLimit('3日');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /歧义/);
  });

  it('refuses empty, unitless, zero, negative, over-long and over-precise amounts', () => {
    for (const text of [
      '',
      '工作日',
      '3',
      '0工作日',
      '-1工作日',
      '1000工作日',
      '1.25工作时',
      '3周',
      '1.5日(法定)',
    ]) {
      assert.equal(parseTimeLimit(text).ok, false, text);
    }
  });

  it('refuses to format a limit the parser would refuse', () => {
    assert.throws(() => formatTimeLimit({ amount: 0, unit: 'work_day' }), RangeError);
    assert.throws(() => formatTimeLimit({ amount: 1.5, unit: 'working_day' }), RangeError);
  });
});
