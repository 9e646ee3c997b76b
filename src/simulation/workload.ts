/**
 * The demo district's traffic as data (pure, seeded): which reports arrive when, from which channel, of which
 * standard row, where, and what will happen to each (verified or not, filed or voided, returned, extended,
 * held, handled on time or late, reworked, appealed, rated). The runner turns the plan into real commands.
 *
 * Shares are plausible for a district platform (domain reference §9, §11): most reports come from inspectors,
 * a sizeable share from the 12345 hotline, and a realistic minority of cases go overdue.
 */
import type { Channel } from '../modules/cases/index.js';

export interface Standardish {
  readonly id: string;
  readonly kind: 'component' | 'event';
  readonly majorCode: string;
  readonly minorCode: string;
}

export interface Fate {
  /** Verification (public, hotline, camera): confirmed or not. */
  readonly confirmed: boolean;
  readonly voidAtFiling: boolean;
  readonly returned: boolean;
  readonly extension: 'none' | 'approved' | 'rejected';
  readonly hold: boolean;
  /** Handling time as a share of the time limit (> 1 = overdue). */
  readonly handlingShare: number;
  readonly reworks: number;
  readonly appeal: boolean;
  readonly press: boolean;
  readonly satisfaction: 'satisfied' | 'basically' | 'dissatisfied' | null;
}

export interface PlannedReport {
  /** Minutes after the start of the day (local time). */
  readonly minuteOfDay: number;
  readonly channel: Channel;
  readonly standard: Standardish;
  /** Index of the hot spot, or null for a random place. */
  readonly hotSpot: number | null;
  /** Two uniform numbers that place the report (inside a hot spot or the district). */
  readonly u: readonly [number, number];
  readonly fate: Fate;
}

export const CHANNEL_MIX: readonly [Channel, number][] = [
  ['inspector', 0.58],
  ['hotline', 0.17],
  ['public', 0.12],
  ['camera', 0.08],
  ['linkage', 0.02],
  ['leader', 0.015],
  ['media', 0.015],
];

/** Reports per hour of the day (relative), peaking mid-morning and mid-afternoon, quiet at night. */
export const HOURLY_RHYTHM: readonly number[] = [
  0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.9, 1.6, 2.4, 2.8, 2.7, 2.0, 1.2, 1.6, 2.5, 2.7, 2.4, 1.6, 1.0, 0.8, 0.7,
  0.6, 0.4, 0.3,
];

function pick<T>(rnd: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [value, w] of weighted) {
    x -= w;
    if (x < 0) return value;
  }
  return (weighted[weighted.length - 1] as readonly [T, number])[0];
}

/** A handling time as a share of the limit: most cases well inside it, a tail beyond (≈12 % overdue). */
function handlingShare(rnd: () => number): number {
  const u = rnd();
  if (u < 0.88) return 0.15 + 0.8 * rnd();
  return 1.05 + 1.5 * rnd();
}

export function planDay(
  rnd: () => number,
  options: { perDay: number; standards: readonly Standardish[]; hotSpots: number },
): PlannedReport[] {
  // Poisson-ish day total around perDay (±15 %).
  const total = Math.max(0, Math.round(options.perDay * (0.85 + 0.3 * rnd())));
  const hours = HOURLY_RHYTHM.map((w, h) => [h, w] as const);
  const out: PlannedReport[] = [];
  for (let i = 0; i < total; i += 1) {
    const hour = pick(rnd, hours);
    const channel = pick(rnd, CHANNEL_MIX);
    const standard = options.standards[Math.floor(rnd() * options.standards.length)] as Standardish;
    const verified = channel === 'public' || channel === 'hotline' || channel === 'camera';
    const extensionRoll = rnd();
    const satisfactionRoll = rnd();
    const rated = channel === 'hotline' ? 0.85 : channel === 'public' ? 0.4 : 0;
    out.push({
      minuteOfDay: hour * 60 + Math.floor(rnd() * 60),
      channel,
      standard,
      hotSpot: rnd() < 0.2 ? Math.floor(rnd() * options.hotSpots) : null,
      u: [rnd(), rnd()],
      fate: {
        confirmed: !verified || rnd() > 0.06,
        voidAtFiling: rnd() < 0.05,
        returned: rnd() < 0.05,
        extension: extensionRoll < 0.04 ? 'approved' : extensionRoll < 0.05 ? 'rejected' : 'none',
        hold: rnd() < 0.01,
        handlingShare: handlingShare(rnd),
        reworks: rnd() < 0.08 ? (rnd() < 0.15 ? 2 : 1) : 0,
        appeal: rnd() < 0.25,
        press: channel === 'leader' || channel === 'media' ? rnd() < 0.6 : rnd() < 0.02,
        satisfaction:
          satisfactionRoll < rated
            ? pick(rnd, [
                ['satisfied', 0.76],
                ['basically', 0.15],
                ['dissatisfied', 0.09],
              ] as const)
            : null,
      },
    });
  }
  return out.sort((a, b) => a.minuteOfDay - b.minuteOfDay);
}
