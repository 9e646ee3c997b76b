import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isoInstant, isoInstantOrNull, rememberedByMillisecond } from './iso-instant.js';

// Dates from 271821 BC to AD 275760 (the whole range of Date), and instants that collide in the table.
const instant = fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 });

test('isoInstant gives what toISOString gives, for any instant and in any order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(instant, fc.integer({ min: 0, max: 2048 })), { maxLength: 400 }),
      (times) => {
        for (const ms of times) assert.equal(isoInstant(new Date(ms)), new Date(ms).toISOString());
      },
    ),
  );
});

test('instants that share a slot of the table do not answer for each other', () => {
  const base = Date.UTC(2026, 10, 29, 8, 0, 0);
  for (const ms of [base, base + 256, base + 512, base, base + 256 * 1000]) {
    assert.equal(isoInstant(new Date(ms)), new Date(ms).toISOString());
  }
});

test('an invalid date throws as toISOString does, also twice in a row', () => {
  assert.throws(() => isoInstant(new Date(Number.NaN)), RangeError);
  assert.throws(() => isoInstant(new Date(Number.NaN)), RangeError);
});

test('isoInstantOrNull passes null through', () => {
  assert.equal(isoInstantOrNull(null), null);
  assert.equal(isoInstantOrNull(new Date(0)), '1970-01-01T00:00:00.000Z');
});

test('a remembered formatter formats each millisecond once while it stays in the table', () => {
  let calls = 0;
  const format = rememberedByMillisecond((ms) => {
    calls += 1;
    return String(ms);
  });
  assert.equal(format(1000), '1000');
  assert.equal(format(1000), '1000');
  assert.equal(calls, 1);
  assert.equal(format(1000 + 256), '1256'); // same slot: replaces 1000
  assert.equal(format(1000), '1000');
  assert.equal(calls, 3);
});
