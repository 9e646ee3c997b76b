import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { daysFromCivil } from './civil-date.js';
import { buildZoneOffsets, firstInstantReaching, instantsWithWallClockIn, offsetAt } from './time-zone.js';

const minuteOf = (iso: string) => Date.parse(iso) / 60_000;
const wallOf = (y: number, m: number, d: number, hh: number, mm: number) =>
  daysFromCivil(y, m, d) * 1440 + hh * 60 + mm;
const span = (fromYear: number, toYear: number): [number, number] => [
  daysFromCivil(fromYear, 1, 1) * 1440,
  daysFromCivil(toYear + 1, 1, 1) * 1440,
];

describe('time-zone offsets', () => {
  it('finds no transition for Asia/Shanghai in 2000–2100 (UTC+8 throughout)', () => {
    const zone = buildZoneOffsets('Asia/Shanghai', ...span(2000, 2100));
    assert.equal(zone.transitions.length, 0);
    assert.deepEqual([...zone.offsets], [480]);
  });

  it('finds the 2025 US transitions to the minute', () => {
    const zone = buildZoneOffsets('America/New_York', ...span(2025, 2025));
    // Spring forward 2025-03-09 02:00 EST = 07:00Z; fall back 2025-11-02 02:00 EDT = 06:00Z.
    assert.deepEqual(
      [...zone.transitions],
      [minuteOf('2025-03-09T07:00:00Z'), minuteOf('2025-11-02T06:00:00Z')],
    );
    assert.deepEqual([...zone.offsets], [-300, -240, -300]);
    assert.equal(offsetAt(zone, minuteOf('2025-03-09T06:59:00Z')), -300);
    assert.equal(offsetAt(zone, minuteOf('2025-03-09T07:00:00Z')), -240);
  });

  it('starts a skipped wall time at the transition and a repeated one at its first occurrence', () => {
    const zone = buildZoneOffsets('America/New_York', ...span(2025, 2025));
    // 02:30 does not exist on 2025-03-09: the clock reaches it at the jump (03:00 EDT = 07:00Z).
    assert.equal(firstInstantReaching(zone, wallOf(2025, 3, 9, 2, 30)), minuteOf('2025-03-09T07:00:00Z'));
    // 01:30 happens twice on 2025-11-02; first at 01:30 EDT = 05:30Z.
    assert.equal(firstInstantReaching(zone, wallOf(2025, 11, 2, 1, 30)), minuteOf('2025-11-02T05:30:00Z'));
  });

  it('returns both occurrences of a repeated hour and nothing for a skipped one', () => {
    const zone = buildZoneOffsets('America/New_York', ...span(2025, 2025));
    const repeated: number[] = [];
    instantsWithWallClockIn(zone, wallOf(2025, 11, 2, 1, 0), wallOf(2025, 11, 2, 2, 0), repeated);
    assert.deepEqual(repeated, [
      minuteOf('2025-11-02T05:00:00Z'),
      minuteOf('2025-11-02T06:00:00Z'),
      minuteOf('2025-11-02T06:00:00Z'),
      minuteOf('2025-11-02T07:00:00Z'),
    ]);
    const skipped: number[] = [];
    instantsWithWallClockIn(zone, wallOf(2025, 3, 9, 2, 0), wallOf(2025, 3, 9, 3, 0), skipped);
    assert.deepEqual(skipped, []);
  });

  it('handles a transition at midnight (America/Santiago): a day can start at 01:00', () => {
    const zone = buildZoneOffsets('America/Santiago', ...span(2025, 2025));
    // Chile springs forward on 2025-09-07 at 00:00 (UTC−4 → UTC−3): 00:00 is never shown; the day starts at
    // the jump, 04:00Z.
    assert.equal(firstInstantReaching(zone, wallOf(2025, 9, 7, 0, 0)), minuteOf('2025-09-07T04:00:00Z'));
  });
});
