import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { at, shanghaiCalendar, shanghaiDefinition } from '../test-helpers.js';
import { createCalendarDefinition, type CalendarDay } from './calendar-definition.js';
import { daysFromCivil, formatIsoDate } from './civil-date.js';
import type { OfficeWindow } from './office-windows.js';
import { createOracle, type Oracle } from './oracle.js';
import type { PauseInterval } from './pauses.js';
import { buildZoneOffsets } from './time-zone.js';
import { TIME_UNITS, type TimeUnit } from './units.js';
import { buildWorkingCalendar, type WorkingCalendar } from './working-calendar.js';

/**
 * The fast index against the minute-stepping oracle on random questions across 2020–2026: random instants with
 * seconds, instants on window edges, every unit, and pauses (some with seconds, some whole local days).
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

// Minutes after local midnight where off-by-one errors live.
const EDGES = [0, 1, 479, 480, 481, 719, 720, 721, 839, 840, 841, 1079, 1080, 1081, 1200, 1439];

function amountFor(unit: TimeUnit): fc.Arbitrary<number> {
  switch (unit) {
    case 'urgent_hour':
      return fc.oneof(
        fc.integer({ min: 1, max: 96 }),
        fc.integer({ min: 1, max: 96 }).map((n) => n / 4),
      );
    case 'work_hour':
      return fc.oneof(
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 96 }).map((n) => n / 2),
      );
    case 'work_day':
      return fc.oneof(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 40 }).map((n) => n / 4),
      );
    case 'natural_day':
      return fc.oneof(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 40 }).map((n) => n / 4),
      );
    case 'calendar_day':
      return fc.integer({ min: 1, max: 30 });
    case 'working_day':
      return fc.integer({ min: 1, max: 20 });
  }
}

const unitAndAmount = fc
  .constantFrom(...TIME_UNITS)
  .chain((unit) => amountFor(unit).map((amount) => ({ unit, amount })));

/** Instants in [from, to): half uniformly random to the millisecond, half on a local edge minute. */
function instant(from: number, to: number, offsetGuessMinutes: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: from, max: to - 1 }),
    fc
      .tuple(
        fc.integer({ min: Math.floor(from / DAY), max: Math.floor(to / DAY) - 1 }),
        fc.constantFrom(...EDGES),
        fc.constantFrom(0, 0, 0, 1, 30_000, 59_999),
      )
      .map(([day, minute, ms]) => day * DAY + (minute - offsetGuessMinutes) * MINUTE + ms),
  );
}

interface PauseSpec {
  readonly offset: number;
  readonly length: number;
  readonly wholeDays: boolean;
}

const pauseSpecs: fc.Arbitrary<PauseSpec[]> = fc.array(
  fc.record({
    offset: fc.integer({ min: -2 * DAY, max: 20 * DAY }),
    length: fc.oneof(fc.integer({ min: 0, max: 3 * 3_600_000 }), fc.integer({ min: 1, max: 5 * DAY })),
    wholeDays: fc.boolean(),
  }),
  { maxLength: 3 },
);

/** Pauses near the start; "whole day" ones run from a local midnight over 1–4 whole days. */
function pausesFrom(start: number, specs: readonly PauseSpec[], offsetMinutes: number): PauseInterval[] {
  return specs.map(({ offset, length, wholeDays }) => {
    if (!wholeDays) return { from: start + offset, to: start + offset + length };
    const local = start + offset + offsetMinutes * MINUTE;
    const from = Math.floor(local / DAY) * DAY - offsetMinutes * MINUTE;
    return { from, to: from + (1 + (length % 4)) * DAY };
  });
}

const close = (actual: number, expected: number) => Math.abs(actual - expected) < 1e-9;

/** elapsed() reports hour units in minutes and day units in days; this puts both in the unit of the amount. */
const inUnits = (value: number, unit: TimeUnit) =>
  unit === 'urgent_hour' || unit === 'work_hour' ? value / 60 : value;

function checkAgainstOracle(
  cal: WorkingCalendar,
  oracle: Oracle,
  starts: fc.Arbitrary<number>,
  offsetGuessMinutes: number,
  numRuns: number,
): void {
  fc.assert(
    fc.property(starts, unitAndAmount, pauseSpecs, (start, { unit, amount }, specs) => {
      const pauses = pausesFrom(start, specs, offsetGuessMinutes);
      assert.equal(cal.deadline(start, amount, unit, pauses), oracle.deadline(start, amount, unit, pauses));
    }),
    { numRuns },
  );
}

function checkElapsedAgainstOracle(
  cal: WorkingCalendar,
  oracle: Oracle,
  starts: fc.Arbitrary<number>,
  offsetGuessMinutes: number,
  numRuns: number,
): void {
  fc.assert(
    fc.property(
      starts,
      fc.integer({ min: 0, max: 25 * DAY }),
      fc.constantFrom(...TIME_UNITS),
      pauseSpecs,
      (from, span, unit, specs) => {
        const pauses = pausesFrom(from, specs, offsetGuessMinutes);
        const fast = cal.elapsed(from, from + span, unit, pauses);
        const slow = oracle.elapsed(from, from + span, unit, pauses);
        assert.ok(close(fast, slow), `elapsed ${unit}: index ${fast}, oracle ${slow}`);
      },
    ),
    { numRuns },
  );
}

describe('Asia/Shanghai 2020–2026 against the brute-force oracle', () => {
  const cal = shanghaiCalendar();
  const oracle = createOracle(shanghaiDefinition);
  const starts = instant(at('2020-01-01T00:00'), at('2027-01-01T00:00'), 480);

  it('gives the same deadline as minute-by-minute counting, for every unit, with pauses', () => {
    checkAgainstOracle(cal, oracle, starts, 480, 400);
  });

  it('gives the same elapsed time as minute-by-minute counting, for every unit, with pauses', () => {
    checkElapsedAgainstOracle(cal, oracle, starts, 480, 400);
  });
});

describe('round trip between deadline and elapsed', () => {
  const cal = shanghaiCalendar();
  const starts = instant(at('2020-01-01T00:00'), at('2027-01-01T00:00'), 480);

  it('has used exactly the amount at the deadline and less one minute before it', () => {
    fc.assert(
      fc.property(starts, unitAndAmount, pauseSpecs, (start, { unit, amount }, specs) => {
        const pauses = pausesFrom(start, specs, 480);
        const end = cal.deadline(start, amount, unit, pauses);
        assert.ok(end > start);
        assert.equal(end % MINUTE, 0);
        const atEnd = inUnits(cal.elapsed(start, end, unit, pauses), unit);
        if (unit === 'calendar_day') {
          // A period moved past rest days has used more than its amount by the time it ends.
          assert.ok(atEnd >= amount - 1e-9, `${atEnd} < ${amount}`);
        } else {
          assert.ok(close(atEnd, amount), `elapsed at deadline ${atEnd} ≠ ${amount}`);
          assert.ok(inUnits(cal.elapsed(start, end - MINUTE, unit, pauses), unit) < amount - 1e-9);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is overdue exactly from the deadline on: elapsed < amount ⇔ t < deadline', () => {
    fc.assert(
      fc.property(
        starts,
        unitAndAmount,
        fc.integer({ min: 0, max: 40 * DAY }),
        (start, { unit, amount }, span) => {
          fc.pre(unit !== 'calendar_day');
          const end = cal.deadline(start, amount, unit);
          const t = start + span;
          assert.equal(inUnits(cal.elapsed(start, t, unit), unit) < amount - 1e-9, t < end);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never moves a deadline earlier when the amount grows or a pause is added', () => {
    fc.assert(
      fc.property(starts, unitAndAmount, pauseSpecs, (start, { unit, amount }, specs) => {
        const plain = cal.deadline(start, amount, unit);
        assert.ok(cal.deadline(start, amount + 1, unit) >= plain);
        assert.ok(cal.deadline(start, amount, unit, pausesFrom(start, specs, 480)) >= plain);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('zones with daylight saving time against the oracle', () => {
  /**
   * Transitions mostly fall on weekends, so without help the office windows would never meet one: the dates
   * around every 2019–2027 transition are listed as make-up working days, and windows cover the transition hours.
   */
  const workingAroundTransitions = (timeZone: string): CalendarDay[] => {
    const zone = buildZoneOffsets(
      timeZone,
      daysFromCivil(2019, 1, 1) * 1440,
      daysFromCivil(2028, 1, 1) * 1440,
    );
    const dates = new Set<string>();
    zone.transitions.forEach((t, k) => {
      const wallDay = Math.floor((t + zone.offsets[k]!) / 1440);
      for (let d = wallDay - 1; d <= wallDay + 1; d++) dates.add(formatIsoDate(d));
    });
    return [...dates].map((date) => ({ date, isOffDay: false, name: 'test' }));
  };
  const zones: { name: string; offsetGuess: number; windows: OfficeWindow[] }[] = [
    // Transitions at 02:00 local.
    {
      name: 'America/New_York',
      offsetGuess: -300,
      windows: [
        { start: '01:00', end: '03:00' },
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    },
    // Transitions at local midnight; windows touch midnight on both sides.
    {
      name: 'America/Santiago',
      offsetGuess: -240,
      windows: [
        { start: '00:00', end: '01:00' },
        { start: '09:00', end: '13:00' },
        { start: '23:00', end: '24:00' },
      ],
    },
    // Half-hour DST at 02:00.
    {
      name: 'Australia/Lord_Howe',
      offsetGuess: 630,
      windows: [
        { start: '01:30', end: '02:30' },
        { start: '08:00', end: '17:00' },
      ],
    },
  ];

  for (const { name, offsetGuess, windows } of zones) {
    const definition = createCalendarDefinition({
      timeZone: name,
      officeWindows: windows,
      days: workingAroundTransitions(name),
    });
    const cal = buildWorkingCalendar(definition, { fromYear: 2019, toYear: 2027 });
    const oracle = createOracle(definition);
    const from = at('2020-01-01T00:00Z');
    const to = at('2027-01-01T00:00Z');
    const transitions = [...cal.index.zone.transitions]
      .map((m) => m * MINUTE)
      .filter((t) => t > from && t < to);
    // Half of the starts fall within four days of a transition.
    const starts = fc.oneof(
      instant(from, to, offsetGuess),
      fc
        .tuple(fc.constantFrom(...transitions), fc.integer({ min: -4 * DAY, max: 4 * DAY }))
        .map(([t, d]) => t + d),
    );

    it(`${name}: deadline matches the oracle around DST transitions`, () => {
      checkAgainstOracle(cal, oracle, starts, offsetGuess, 150);
    });

    it(`${name}: elapsed matches the oracle around DST transitions`, () => {
      checkElapsedAgainstOracle(cal, oracle, starts, offsetGuess, 150);
    });
  }
});
