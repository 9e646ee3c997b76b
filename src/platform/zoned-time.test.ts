import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatInZone, parseInstant } from './zoned-time.js';

describe('instants at the API edge', () => {
  it('writes instants with the tenant’s offset', () => {
    assert.equal(
      formatInZone(Date.parse('2025-10-09T02:00:00Z'), 'Asia/Shanghai'),
      '2025-10-09T10:00:00+08:00',
    );
    assert.equal(
      formatInZone(Date.parse('2025-12-31T16:30:00Z'), 'Asia/Shanghai'),
      '2026-01-01T00:30:00+08:00',
    );
    assert.equal(
      formatInZone(Date.parse('2025-07-01T12:00:00Z'), 'Europe/Berlin'),
      '2025-07-01T14:00:00+02:00',
    );
  });

  it('reads explicit offsets as given and plain local times in the tenant’s zone', () => {
    assert.equal(parseInstant('2025-10-09T10:00:00+08:00', 'UTC'), Date.parse('2025-10-09T02:00:00Z'));
    assert.equal(parseInstant('2025-10-09T10:00', 'Asia/Shanghai'), Date.parse('2025-10-09T02:00:00Z'));
    assert.equal(parseInstant('2025-02-30T10:00', 'Asia/Shanghai'), null);
    assert.equal(parseInstant('yesterday', 'Asia/Shanghai'), null);
  });

  it('round-trips any minute of 2000–2100 in Shanghai and Berlin', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 946_684_800_000 / 60_000, max: 4_102_444_800_000 / 60_000 }),
        fc.constantFrom('Asia/Shanghai', 'Europe/Berlin'),
        (minute, zone) => {
          const ms = minute * 60_000;
          return parseInstant(formatInZone(ms, zone), zone) === ms;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
