import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatInZone, parseInstant, zoneOffsetMinutes } from './zoned-time.js';

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

  describe('offsets, remembered per hour', () => {
    const ZONES = [
      'Asia/Shanghai',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
    ];
    /** Intl's own answer, computed afresh (the oracle). */
    function intlOffset(ms: number, timeZone: string): number {
      const f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
      const wall = Date.UTC(
        p.year ?? 0,
        (p.month ?? 1) - 1,
        p.day ?? 1,
        p.hour ?? 0,
        p.minute ?? 0,
        p.second ?? 0,
      );
      return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
    }

    it('match Intl at any instant of 1950–2100', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }),
          fc.constantFrom(...ZONES),
          (ms, zone) => zoneOffsetMinutes(ms, zone) === intlOffset(ms, zone),
        ),
        { numRuns: 2000 },
      );
    });

    it('match Intl minute by minute across transitions, including one on a half hour', () => {
      const days: [string, string][] = [
        ['Australia/Lord_Howe', '2025-04-05T12:00:00Z'], // +11 → +10:30 at 02:00 local (15:00 UTC)
        ['Australia/Lord_Howe', '2025-10-04T12:00:00Z'], // +10:30 → +11 at 02:00 local (15:30 UTC)
        ['America/New_York', '2025-03-09T00:00:00Z'],
        ['America/New_York', '2025-11-02T00:00:00Z'],
        ['Pacific/Chatham', '2025-04-05T12:00:00Z'],
      ];
      for (const [zone, from] of days) {
        const start = Date.parse(from);
        const seen = new Set<number>();
        for (let ms = start; ms < start + 24 * 3_600_000; ms += 60_000) {
          const offset = zoneOffsetMinutes(ms + 30_000, zone);
          assert.equal(
            offset,
            intlOffset(ms + 30_000, zone),
            `${zone} at ${new Date(ms + 30_000).toISOString()}`,
          );
          seen.add(offset);
        }
        assert.equal(seen.size, 2, `${zone} changes its offset on ${from.slice(0, 10)}`);
      }
    });
  });
});
