/**
 * `npm run bench -- audit`: what the tamper-evident record costs and how fast it verifies.
 *
 * 1. Intake with the hash chain on vs off, in the same run against the same server (bench/intake.ts with the
 *    variants intake and unchained; its flags pass through, e.g. --requests=N), in --chain-rounds=N rounds
 *    (default 3) of alternating slices: on, off, off, on. Target: ≤ 10 % cost.
 * 2. `audit verify` over N events (--events=N, default 10,000,000) written by the real appendEvents in
 *    records of 10 events, with a checkpoint every --checkpoint-every=N events (default 1,000,000).
 *    Target: ≥ 500,000 events/s. --skip-intake / --skip-verify run one part only.
 */
import { sql } from 'kysely';
import type { Actor } from '../src/platform/actor.js';
import { createAuditService, createEphemeralSigner } from '../src/platform/audit/index.js';
import { systemClock } from '../src/platform/clock.js';
import { appendEvents, type NewEvent } from '../src/platform/events/index.js';
import { ensureTenant } from '../src/platform/tenancy/bootstrap.js';
import { DISTRICT } from '../src/runtime.js';
import { checkpoint, openBenchDb } from './bench-db.js';
import { formatNumber, printTable } from './table.js';

function flag(args: string[], name: string, fallback: number): number {
  const v = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return v === undefined ? fallback : Number(v.replace(/_/g, ''));
}

const NAMES = ['cases.case.reported', 'cases.case.filed', 'cases.case.dispatched', 'cases.case.accepted'];

export async function run(args: string[]): Promise<void> {
  if (!args.includes('--skip-intake')) {
    const intake = await import('./intake.js');
    const passed = args.filter(
      (a) =>
        !a.startsWith('--events=') &&
        !a.startsWith('--checkpoint-every=') &&
        !a.startsWith('--variants=') &&
        !a.startsWith('--chain-rounds='),
    );
    // Alternating slices in one run (bench/chain-slices.ts): this machine's speed drifts within a run by as
    // much as the chain costs.
    await intake.run([
      ...passed,
      '--variants=intake,unchained',
      `--chain-rounds=${flag(args, 'chain-rounds', 3)}`,
    ]);
  }
  if (args.includes('--skip-verify')) return;

  const total = flag(args, 'events', 10_000_000);
  const every = flag(args, 'checkpoint-every', 1_000_000);
  const bench = await openBenchDb('audit');
  try {
    const tenant = await ensureTenant(bench.db, { ...DISTRICT, timeZone: 'Asia/Shanghai' });
    const actor: Actor = { kind: 'staff', tenantId: tenant.id, accountId: 42, roles: [], requestId: 'bench' };
    const signer = createEphemeralSigner();
    const audit = createAuditService({ db: bench.db, clock: systemClock, signer });
    const started = performance.now();
    const perRecord = 10;
    const batch = 5000;
    const base = Date.parse('2024-01-01T00:00:00Z');
    let written = 0;
    let checkpoints = 0;
    while (written < total) {
      const events: NewEvent[] = [];
      for (let i = 0; i < batch && written + i < total; i++) {
        const n = written + i;
        const record = Math.floor(n / perRecord);
        events.push({
          streamType: 'case',
          streamId: `bench-${record}`,
          name: NAMES[n % NAMES.length] as string,
          occurredAt: new Date(base + n * 1000),
          role: 'dispatcher',
          payload: {
            caseNo: `330102-20240101-${String(record % 100000).padStart(5, '0')}`,
            unitCode: `U${record % 40}`,
            gridCode: `33010200100${record % 900}`,
            reason: n % 7 === 0 ? '现场核实属实，予以立案' : null,
            stageOutcomes: [
              { stage: 'dispatch', deadline: new Date(base + n * 1000 + 3_600_000), onTime: true },
            ],
          },
        });
      }
      await bench.db.transaction((tx) => appendEvents(tx, actor, new Date(), events));
      const before = Math.floor(written / every);
      written += events.length;
      if (Math.floor(written / every) > before || written >= total) {
        await audit.checkpoint(tenant.id);
        checkpoints++;
      }
      if (process.stderr.isTTY) process.stderr.write(`\rwritten ${formatNumber(written)} events`);
    }
    const writeSeconds = (performance.now() - started) / 1000;
    if (process.stderr.isTTY) process.stderr.write('\n');
    await sql`VACUUM ANALYZE events`.execute(bench.db.sql);
    // Gigabytes were just written: flushed now, not by the checkpointer in the middle of the first run.
    await checkpoint(bench);
    const sizes = await sql<{
      size: string;
    }>`SELECT pg_size_pretty(pg_total_relation_size('events')) AS size`.execute(bench.db.sql);

    // Twice: the first run also pays for reading the table into the cache.
    const runs = [];
    for (let i = 0; i < 2; i++) runs.push(await audit.verify(tenant.id));
    const rows = runs.map((r, i) => [
      i === 0 ? 'first (cold cache)' : 'second',
      formatNumber(r.events),
      formatNumber(r.records),
      formatNumber(r.checkpoints),
      formatNumber(r.heads),
      r.problems.length === 0 ? 'none' : `${r.problems.length} (${r.problems[0]?.message ?? ''})`,
      `${formatNumber(r.ms / 1000, 1)} s`,
      formatNumber(Math.round(r.events / (r.ms / 1000))),
      r.events / (r.ms / 1000) >= 500_000 ? 'met' : 'NOT met',
    ]);
    printTable(
      `audit verify over ${formatNumber(total)} events (${bench.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}; events table ${sizes.rows[0]?.size ?? '?'}; written in ${formatNumber(writeSeconds)} s with ${checkpoints} checkpoints)`,
      [
        'run',
        'events',
        'records',
        'checkpoints',
        'signed heads',
        'problems',
        'time',
        'events/s',
        'target ≥ 500,000/s',
      ],
      rows,
    );
  } finally {
    await bench.close();
  }
}
