/**
 * The audit chain's cost at intake, measured in alternating slices of one run: on, off, off, on in every
 * round. This machine's speed moves by 10–15 % within minutes, as much as the chain costs, so two long phases
 * (one on, one off) said 17.6 % in one order and 5.5 % in the other; slices that alternate put any drift on
 * both sides alike. The slices of a kind are then added up: their cases over their time.
 */
import type { Report, VariantResult, Written } from './intake-types.js';
import { formatNumber, percentile, printTable } from './table.js';

type Chain = 'intake' | 'unchained';

/** A measured phase: `reports` labelled `label` in the database, after the warm-up unless told not to. */
export interface SlicePhase {
  label: string;
  reports: readonly Report[];
  warmup: boolean;
}

const ROUND: readonly Chain[] = ['intake', 'unchained', 'unchained', 'intake'];

/** Runs `rounds` rounds of four slices of half the reports each; the first slice of each kind warms up. */
export async function chainSlices(
  rounds: number,
  reports: readonly Report[],
  runPhase: (name: Chain, phase: SlicePhase) => Promise<VariantResult>,
): Promise<VariantResult[]> {
  const size = Math.max(1, Math.floor(reports.length / 2));
  const slices: VariantResult[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const name of ROUND) {
      const k = slices.length;
      const from = (k % 2) * size;
      slices.push(
        await runPhase(name, {
          label: `slice${k}`,
          reports: reports.slice(from, from + size),
          warmup: k < 2,
        }),
      );
    }
  }
  return slices;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Cases per second over slices: their cases over their time. */
const rateOf = (slices: readonly VariantResult[]): number =>
  sum(slices.map((s) => s.cases)) / (sum(slices.map((s) => s.wallMs)) / 1000);

/** A variant's slices as one result: cases over time, latencies pooled, CPU and rows added up. */
function total(name: Chain, slices: readonly VariantResult[]): VariantResult {
  const cases = sum(slices.map((s) => s.cases));
  const wallMs = sum(slices.map((s) => s.wallMs));
  const latencies = slices.flatMap((s) => s.latencies ?? []);
  const sorted = Float64Array.from(latencies).sort();
  const nullable = (pick: (s: VariantResult) => number | null): number | null =>
    slices.some((s) => pick(s) === null) ? null : sum(slices.map((s) => pick(s) ?? 0));
  const written: Written = {
    cases: sum(slices.map((s) => s.written.cases)),
    timers: sum(slices.map((s) => s.written.timers)),
    events: sum(slices.map((s) => s.written.events)),
    transactions: sum(slices.map((s) => s.written.transactions)),
    medianBatch: Math.max(...slices.map((s) => s.written.medianBatch)),
    maxBatch: Math.max(...slices.map((s) => s.written.maxBatch)),
  };
  const firstError = slices.find((s) => s.firstError !== null)?.firstError ?? null;
  return {
    name,
    cases,
    wallMs,
    latencies,
    errors: sum(slices.map((s) => s.errors)),
    firstError,
    serverCpuMs: sum(slices.map((s) => s.serverCpuMs)),
    pgCpuMs: nullable((s) => s.pgCpuMs),
    clientCpuMs: nullable((s) => s.clientCpuMs),
    walSyncs: nullable((s) => s.walSyncs),
    load: sum(slices.map((s) => s.load)) / Math.max(1, slices.length),
    note: `${slices.length} slices (median batch: the largest slice median)`,
    casesPerSecond: rateOf(slices),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    written,
  };
}

/** The chain-on and chain-off totals of the slices. */
export function totalsOf(slices: readonly VariantResult[]): VariantResult[] {
  return (['intake', 'unchained'] as const).map((name) =>
    total(
      name,
      slices.filter((s) => s.name === name),
    ),
  );
}

export function printSlices(slices: readonly VariantResult[]): void {
  printTable(
    'The audit chain at intake, slice by slice (on, off, off, on in each round)',
    ['slice', 'chain', 'cases', 'cases/s', 'p99 ms', 'server CPU ms/case'],
    slices.map((s, i) => [
      i + 1,
      s.name === 'intake' ? 'on' : 'off',
      s.cases,
      Math.round(s.casesPerSecond),
      s.p99 === null ? '—' : formatNumber(s.p99, 0),
      formatNumber(s.serverCpuMs / Math.max(1, s.cases), 3),
    ]),
  );
}

/** Each round's own cost: how far the rounds disagree shows how much of the total's cost is noise. */
export function printRounds(slices: readonly VariantResult[]): void {
  const rows = [];
  for (let at = 0; at + ROUND.length <= slices.length; at += ROUND.length) {
    const round = slices.slice(at, at + ROUND.length);
    const on = rateOf(round.filter((s) => s.name === 'intake'));
    const off = rateOf(round.filter((s) => s.name === 'unchained'));
    rows.push([
      at / ROUND.length + 1,
      Math.round(on),
      Math.round(off),
      `${formatNumber(100 * (1 - on / off), 1)} %`,
    ]);
  }
  printTable(
    'The audit chain at intake, round by round',
    ['round', 'on, cases/s', 'off, cases/s', 'cost'],
    rows,
  );
}
