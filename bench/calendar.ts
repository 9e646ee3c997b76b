/**
 * Calendar benchmark: deadline and elapsed per second for each time-limit unit on random questions across
 * 2020–2026 (generated beforehand, so generation is not timed), beside the brute-force oracle, with a check that
 * a sample of answers matches the oracle. Also prints the index build time and the bytes of its typed arrays.
 *
 * Flags: --check=N (oracle comparisons per row, default 100), --ms=N (timing window per row, default 1000).
 */
import { createOracle } from '../src/modules/calendar/domain/oracle.js';
import {
  buildWorkingCalendar,
  createCalendarDefinition,
  loadShippedHolidayDays,
  TIME_UNITS,
  type PauseInterval,
  type TimeUnit,
  type WorkingCalendar,
} from '../src/modules/calendar/index.js';
import { formatNumber, opsPerSecond, printTable } from './table.js';
import { random } from '../src/platform/random.js';

const DAY = 86_400_000;
const FROM = Date.parse('2020-01-01T00:00:00+08:00');
const TO = Date.parse('2026-12-01T00:00:00+08:00');
const MAX_AMOUNT: Record<TimeUnit, number> = {
  urgent_hour: 72,
  natural_day: 10,
  work_hour: 40,
  work_day: 10,
  calendar_day: 30,
  working_day: 20,
};

interface Question {
  readonly start: number;
  readonly amount: number;
  readonly to: number;
  readonly pauses: readonly PauseInterval[] | undefined;
}

function questions(unit: TimeUnit, count: number, seed: number, withPauses: boolean): Question[] {
  const next = random(seed);
  const list: Question[] = [];
  for (let i = 0; i < count; i++) {
    const start = FROM + Math.floor(next() * (TO - FROM));
    const pauses = withPauses
      ? [0, 1].map(() => {
          const from = start + Math.floor(next() * 10 * DAY);
          return { from, to: from + Math.floor(next() * 2 * DAY) };
        })
      : undefined;
    list.push({
      start,
      amount: 1 + Math.floor(next() * MAX_AMOUNT[unit]),
      to: start + Math.floor(next() * 20 * DAY),
      pauses,
    });
  }
  return list;
}

function flag(args: string[], name: string, fallback: number): number {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  const value = found ? Number(found.slice(name.length + 3)) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

let sink = 0;

export async function run(args: string[]): Promise<void> {
  const checks = flag(args, 'check', 100);
  const minMs = flag(args, 'ms', 1000);
  const definition = createCalendarDefinition({ days: await loadShippedHolidayDays() });

  let t0 = performance.now();
  const calendar: WorkingCalendar = buildWorkingCalendar(definition);
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  buildWorkingCalendar(definition, { previous: calendar });
  const rebuildMs = performance.now() - t0;
  const { index } = calendar;
  printTable(
    'Calendar index (Asia/Shanghai, local dates 2000–2100)',
    ['build (ms)', 'rebuild after amendment (ms)', 'days', 'office intervals', 'typed-array bytes'],
    [
      [
        formatNumber(buildMs, 1),
        formatNumber(rebuildMs, 1),
        index.dayCount,
        index.officeStart.length,
        calendar.indexBytes,
      ],
    ],
  );

  const oracle = createOracle(definition);
  const rows: (string | number)[][] = [];
  const cases: { unit: TimeUnit; pauses: boolean }[] = [
    ...TIME_UNITS.map((unit) => ({ unit, pauses: false })),
    { unit: 'work_hour', pauses: true },
    { unit: 'working_day', pauses: true },
  ];
  for (const [seed, { unit, pauses }] of cases.entries()) {
    const label = pauses ? `${unit} + 2 pauses` : unit;
    const fast = questions(unit, 100_000, seed + 1, pauses);
    const slow = fast.slice(0, 50);
    const sample = fast.slice(0, checks);

    const deadlineFast = opsPerSecond(
      () => {
        for (const q of fast) sink += calendar.deadline(q.start, q.amount, unit, q.pauses);
      },
      fast.length,
      minMs,
    );
    const deadlineSlow = opsPerSecond(
      () => {
        for (const q of slow) sink += oracle.deadline(q.start, q.amount, unit, q.pauses);
      },
      slow.length,
      minMs / 2,
    );
    const deadlineOk = sample.filter(
      (q) =>
        calendar.deadline(q.start, q.amount, unit, q.pauses) ===
        oracle.deadline(q.start, q.amount, unit, q.pauses),
    ).length;
    rows.push([
      'deadline',
      label,
      deadlineFast,
      formatNumber(deadlineSlow, 1),
      formatNumber(deadlineFast / deadlineSlow, 0) + '×',
      `${deadlineOk}/${sample.length}`,
    ]);

    const elapsedFast = opsPerSecond(
      () => {
        for (const q of fast) sink += calendar.elapsed(q.start, q.to, unit, q.pauses);
      },
      fast.length,
      minMs,
    );
    const elapsedSlow = opsPerSecond(
      () => {
        for (const q of slow) sink += oracle.elapsed(q.start, q.to, unit, q.pauses);
      },
      slow.length,
      minMs / 2,
    );
    const elapsedOk = sample.filter(
      (q) =>
        Math.abs(
          calendar.elapsed(q.start, q.to, unit, q.pauses) - oracle.elapsed(q.start, q.to, unit, q.pauses),
        ) < 1e-9,
    ).length;
    rows.push([
      'elapsed',
      label,
      elapsedFast,
      formatNumber(elapsedSlow, 1),
      formatNumber(elapsedFast / elapsedSlow, 0) + '×',
      `${elapsedOk}/${sample.length}`,
    ]);
  }
  printTable(
    'Calendar deadline / elapsed (random questions 2020–2026)',
    ['operation', 'unit', 'index ops/s', 'oracle ops/s', 'speed-up', 'matches oracle'],
    rows,
  );
  if (Number.isNaN(sink)) console.log('(unreachable: keeps results alive)');
}
