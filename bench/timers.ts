/**
 * Stage-clock sweep benchmark: what one `scheduler.sweep(100)` of the case service costs when 100 clocks are
 * due, with 10,000, 100,000 and 1,000,000 clocks open — it must follow what is due, not what is open.
 *
 * Data, inserted set-based (generate_series): one case per clock (the clocks' foreign key); open clocks
 * (立案 clocks of reported cases) with fire_at spread over 30 days from an hour ahead; and sets of 100 clocks
 * that are made due one set per sweep, so every timed sweep meets fresh rows, in two kinds:
 *   - prompt: 立案 clocks reaching their prompt share — one warning each, the common case (the target);
 *   - late: 处置 clocks of dispatched cases past their deadline — prompt, yellow and red at once, and the
 *     case is marked overdue — the heaviest path.
 * A sweep with nothing due is timed too. The sweep is the real one (createCasesService → scheduler.sweep):
 * lock the due clocks with their cases and chain heads (SKIP LOCKED), compute the warnings, write clocks,
 * cases and events in one statement, commit. Each statement's round trip is timed in the process.
 *
 * Also printed: EXPLAIN (ANALYZE, BUFFERS) of the due query exactly as timerStore.lockDueTimers sends it (a Kysely
 * plugin prefixes it, in a transaction that is rolled back), which must read the partial index
 * case_timers_due.
 *
 * Database: BENCH_DATABASE_URL (a PostgreSQL server where the user may create databases; a fresh database is
 * created, migrated and dropped), else PGlite in a temporary folder — the target is for PostgreSQL.
 *
 * Run: npm run bench -- timers
 * Flags: --open=N,N,… (open clocks at each step, default 10000,100000,1000000; `_` may group digits),
 * --due=N (clocks made due per sweep, 100), --runs=N (timed sweeps per row, 7).
 */
import os from 'node:os';
import {
  RawNode,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
} from 'kysely';
import type { QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { createCalendarService } from '../src/modules/calendar/index.js';
import { createCasesService, decide, openCase, type CaseState } from '../src/modules/cases/index.js';
import * as timerStore from '../src/modules/cases/timer-store.js';
import { createDispatchService } from '../src/modules/dispatch/index.js';
import { createGeoService } from '../src/modules/geo/index.js';
import { createOrgService } from '../src/modules/org/index.js';
import { createTaxonomyService } from '../src/modules/taxonomy/index.js';
import { createSecrets } from '../src/platform/auth/index.js';
import { systemClock } from '../src/platform/clock.js';
import type { Database } from '../src/platform/db/index.js';
import { ensureTenant } from '../src/platform/tenancy/bootstrap.js';
import { runSeeders } from '../src/platform/tenancy/seeds.js';
import { DISTRICT } from '../src/runtime.js';
import { SEEDERS } from '../src/seeders.js';
import { checkpoint, openBenchDb, roundTripHeader, serverSettings, timedDatabase } from './bench-db.js';
import type { Cell } from './table.js';
import { formatNumber, printTable } from './table.js';

interface Flags {
  open: number[];
  due: number;
  runs: number;
}

function parseFlags(args: string[]): Flags {
  const text = (name: string): string | null =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
  const int = (name: string, value: string): number => {
    const n = Number(value.replace(/_/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs positive integers`);
    return n;
  };
  const open = (text('open') ?? '10000,100000,1000000')
    .split(',')
    .filter(Boolean)
    .map((v) => int('open', v))
    .sort((a, b) => a - b);
  const due = int('due', text('due') ?? '100');
  if (due > 100) throw new Error('--due is at most 100 (what one sweep takes)');
  return { open, due, runs: int('runs', text('runs') ?? '7') };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const ms = (v: number) => formatNumber(v, v < 10 ? 2 : 1);

/** The lifecycle record of a reported or dispatched case, made by the real state machine. */
function lifecycleState(stage: 'reported' | 'dispatched', version: number): CaseState {
  const actor = { roles: ['inspector', 'operator', 'dispatcher'] as const };
  const at = '2025-10-09T10:00:00+08:00';
  const opened = openCase({ channel: 'inspector' }, actor, at);
  let state = opened.ok ? opened.state : null;
  if (state && stage === 'dispatched') {
    const filed = decide(state, { kind: 'file', standardId: 'E-0101-1' }, actor, at);
    const sent = filed.ok
      ? decide(filed.state, { kind: 'dispatch', unitCode: 'BENCH-UNIT', mode: 'auto' }, actor, at)
      : filed;
    state = sent.ok ? sent.state : null;
  }
  if (!state || state.stage !== stage) throw new Error(`could not build a ${stage} case state`);
  return { ...state, version };
}

const CHUNK = 100_000;

/**
 * Adds open clocks (and their cases) numbered from..to-1, fire_at spread over 30 days from an hour ahead (so
 * none comes due while the benchmark runs). Cases first,
 * then ANALYZE, then the clocks: the clocks' foreign-key check is planned from the statistics of cases, and
 * planned on a nearly empty table it would scan every case for every clock.
 */
async function addOpen(db: Database, tenantId: number, calendarVersion: number, from: number, to: number) {
  const state = JSON.stringify(lifecycleState('reported', 1));
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK) - 1;
    const now = new Date();
    // A fixed permutation of the numbers spreads the deadlines over 30 days without a random source.
    await sql`
      INSERT INTO cases (tenant_id, id, case_no, version, stage, channel, state, category_type, major_code,
        minor_code, lng, lat, description, reported_at, deadline, updated_at)
      SELECT ${tenantId}, gen_random_uuid(), 'T-' || lpad(g::text, 8, '0'), 1, 'reported', 'inspector',
        ${state}::jsonb, 'event', '01', '01', 120.15 + (g % 1000) * 0.00005, 30.25 + (g / 1000 % 1000) * 0.00005,
        '计时基准', ${now}::timestamptz - interval '1 hour',
        ${now}::timestamptz + interval '1 hour' + ((g::bigint * 7919) % 1000003) / 1000003.0 * interval '30 days'
          + interval '2 hours',
        ${now}
      FROM generate_series(${start}::int, ${end}::int) AS g`.execute(db.sql);
    await sql`ANALYZE cases`.execute(db.sql);
    await sql`
      INSERT INTO case_timers (tenant_id, case_id, kind, stage, started_at, limit_amount, limit_unit, multiplier,
        pauses, deadline, prompt_at, yellow_at, fired, generation, fire_at, calendar_version)
      SELECT tenant_id, id, 'file', 'reported', ${now}::timestamptz - interval '1 hour', 4, 'work_hour', 1, '[]',
        deadline, deadline - interval '2 hours', deadline - interval '1 hour', NULL, 1, deadline - interval '2 hours',
        ${calendarVersion}
      FROM cases
      WHERE tenant_id = ${tenantId} AND case_no BETWEEN ${`T-${String(start).padStart(8, '0')}`}
        AND ${`T-${String(end).padStart(8, '0')}`}`.execute(db.sql);
  }
}

type DueGroup = 'prompt' | 'late';

const GROUP_PREFIX: Record<DueGroup, string> = { prompt: 'P', late: 'L' };

const setPrefix = (group: DueGroup, set: number) => `${GROUP_PREFIX[group]}${String(set).padStart(3, '0')}-`;

/**
 * Inserts `sets` sets of `due` clocks of one group with their cases, not yet due (each set is armed once, so
 * no sweep meets rows left over from an earlier one): `prompt` — 立案 clocks of reported cases; `late` — 处置
 * clocks of dispatched cases.
 */
async function addDue(
  db: Database,
  tenantId: number,
  calendarVersion: number,
  group: DueGroup,
  due: number,
  sets: number,
) {
  const now = new Date();
  const reported = group === 'prompt';
  const state = JSON.stringify(lifecycleState(reported ? 'reported' : 'dispatched', reported ? 1 : 3));
  await sql`
    WITH c AS (
      INSERT INTO cases (tenant_id, id, case_no, version, stage, channel, state, category_type, major_code,
        minor_code, standard_id, unit_code, lng, lat, description, reported_at, updated_at)
      SELECT ${tenantId}, gen_random_uuid(),
        ${GROUP_PREFIX[group]} || lpad((g / ${due}::int)::text, 3, '0') || '-' || lpad((g % ${due}::int)::text, 6, '0'),
        ${reported ? 1 : 3}, ${reported ? 'reported' : 'dispatched'}, 'inspector', ${state}::jsonb,
        'event', '01', '01', ${reported ? null : 'E-0101-1'}, ${reported ? null : 'BENCH-UNIT'},
        120.16, 30.26, '到期计时', ${now}::timestamptz - interval '1 day', ${now}
      FROM generate_series(0, ${due * sets - 1}::int) AS g
      RETURNING tenant_id, id, stage
    )
    INSERT INTO case_timers (tenant_id, case_id, kind, stage, started_at, limit_amount, limit_unit, multiplier,
      pauses, deadline, prompt_at, yellow_at, fired, generation, fire_at, calendar_version)
    SELECT tenant_id, id, ${reported ? 'file' : 'handle'}, stage, ${now}::timestamptz - interval '1 day', 4,
      'work_hour', 1, '[]', ${now}, ${now}, ${now}, NULL, 1, NULL, ${calendarVersion}
    FROM c`.execute(db.sql);
}

/**
 * Makes one set of one group due: `prompt` clocks reach their prompt share now (deadline in two days),
 * `late` clocks passed their deadline a minute ago (prompt and yellow before it).
 */
async function arm(db: Database, tenantId: number, group: DueGroup, set: number): Promise<void> {
  const now = new Date();
  const late = group === 'late';
  const at = (offset: string) => sql`${now}::timestamptz + ${offset}::interval`;
  const prefix = setPrefix(group, set); // ends in '-'; '.' follows it
  await sql`UPDATE case_timers t SET
      prompt_at = ${late ? at('-3 hours') : at('-1 minute')},
      yellow_at = ${late ? at('-2 hours') : at('1 day')},
      deadline = ${late ? at('-1 minute') : at('2 days')},
      fire_at = ${late ? at('-3 hours') : at('-1 minute')}
    FROM cases c
    WHERE c.tenant_id = ${tenantId}
      -- A range on the (tenant_id, case_no) key, not LIKE: LIKE reads the whole table under a non-C collation,
      -- which would flush the sweep's pages from the buffer cache before every timed sweep.
      AND c.case_no >= ${prefix} AND c.case_no < ${prefix.slice(0, -1) + '.'}
      AND t.tenant_id = c.tenant_id AND t.case_id = c.id`.execute(db.sql);
}

/** Turns the due query into EXPLAIN (ANALYZE, BUFFERS) of itself and keeps the plan. */
class ExplainPlugin implements KyselyPlugin {
  plan: string[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (!RawNode.is(node)) return node;
    const [first = '', ...rest] = node.sqlFragments;
    return { ...node, sqlFragments: [`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${first}`, ...rest] };
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.plan = args.result.rows.map((r) => String(r['QUERY PLAN']));
    // The caller expects clock rows; the plan is kept here and the transaction rolled back.
    return { ...args.result, rows: [] };
  }
}

class Rollback extends Error {}

async function explainDueQuery(db: Database, limit: number): Promise<string[]> {
  const plugin = new ExplainPlugin();
  await db
    .transaction(async (tx) => {
      await timerStore.lockDueTimers(tx.withPlugin(plugin), new Date(), limit);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return plugin.plan;
}

export async function run(args: string[]): Promise<void> {
  const flags = parseFlags(args);
  const bench = await openBenchDb('timers');
  const { db } = bench;
  try {
    const clock = systemClock;
    const tenant = await ensureTenant(db, { ...DISTRICT, timeZone: 'Asia/Shanghai' });
    await runSeeders(db, tenant, SEEDERS, { demo: false, now: clock.now(), log: () => undefined });
    const calendars = createCalendarService({ db, clock });
    const geo = createGeoService({ db, clock });
    const org = createOrgService({ db, clock });
    // The service gets the same database with each statement's round trip timed during the timed sweeps.
    const timed = timedDatabase(db);
    const cases = createCasesService({
      db: timed.db,
      clock,
      calendars,
      geo,
      taxonomy: createTaxonomyService({ db, clock }),
      dispatch: createDispatchService({ db, clock, geo, org }),
      org,
      secrets: createSecrets('bench-timers-secret-bench-timers-secret'),
    });
    const calendarVersion = await calendars.versionOf(tenant.id);

    printTable('Timer sweep benchmark: database', ['setting', 'value'], await serverSettings(bench));
    const [load1] = os.loadavg();
    console.log(
      `Machine: ${os.cpus().length} CPUs, load average ${formatNumber(load1 ?? 0, 2)} at the start. ` +
        `Sweep limit 100, ${formatNumber(flags.due)} clocks due; median of ${flags.runs} sweeps per row.`,
    );
    if (bench.engine === 'pglite') {
      console.log(
        'NOTE: BENCH_DATABASE_URL is not set, so this runs on embedded PGlite. The target (< 20 ms per sweep of ' +
          '100 due clocks with 1,000,000 open) is for PostgreSQL.',
      );
    }

    // One set of due clocks per sweep: a warm-up and the timed runs at each size, for each group.
    const sets = flags.open.length * (flags.runs + 1) + 1;
    await addDue(db, tenant.id, calendarVersion, 'prompt', flags.due, sets);
    await addDue(db, tenant.id, calendarVersion, 'late', flags.due, sets);
    const nextSet: Record<DueGroup, number> = { prompt: 0, late: 0 };
    const due = flags.due;
    const rows: Cell[][] = [];
    const promptMedians = new Map<number, number>();
    const trips = new Map<DueGroup, Cell[][]>();
    let open = 0;
    let plan: string[] = [];
    for (const target of flags.open) {
      const started = performance.now();
      await addOpen(db, tenant.id, calendarVersion, open, target);
      const loadMs = performance.now() - started;
      open = target;
      await sql`VACUUM ANALYZE cases`.execute(db.sql);
      await sql`VACUUM ANALYZE case_timers`.execute(db.sql);
      await checkpoint(bench);
      const size = await sql<{
        bytes: string;
      }>`SELECT pg_database_size(current_database())::text AS bytes`.execute(db.sql);
      const dbBytes = Number(size.rows[0]?.bytes ?? NaN);

      for (const group of ['prompt', 'late'] as const) {
        // Warm-up (caches, the service's tenant context), then timed sweeps of the re-armed group.
        await arm(db, tenant.id, group, nextSet[group]);
        await cases.scheduler.sweep(100);
        const times: number[] = [];
        let warnings = 0;
        let overdue = 0;
        timed.start();
        timed.pause();
        for (let r = 0; r < flags.runs; r++) {
          await arm(db, tenant.id, group, nextSet[group] + 1 + r);
          timed.resume();
          const t0 = performance.now();
          const result = await cases.scheduler.sweep(100);
          times.push(performance.now() - t0);
          timed.pause();
          warnings += result.warnings;
          overdue += result.overdue;
        }
        trips.set(group, timed.stop(flags.runs));
        nextSet[group] += flags.runs + 1;
        if (group === 'prompt') promptMedians.set(open, median(times));
        rows.push([
          open,
          due,
          group === 'prompt' ? '立案 clocks at their prompt share' : '处置 clocks past their deadline',
          ms(median(times)),
          `${ms(Math.min(...times))} – ${ms(Math.max(...times))}`,
          formatNumber(warnings / flags.runs, 1),
          formatNumber(overdue / flags.runs, 1),
          group === 'prompt'
            ? `open clocks added in ${formatNumber(loadMs / 1000, 1)} s; database ${formatNumber(dbBytes / 1e6)} MB`
            : '',
        ]);
      }

      const idle: number[] = [];
      let idleWarnings = 0;
      for (let r = 0; r < flags.runs; r++) {
        const t0 = performance.now();
        const result = await cases.scheduler.sweep(100);
        idle.push(performance.now() - t0);
        idleWarnings += result.warnings;
      }
      rows.push([
        open,
        0,
        'nothing due',
        ms(median(idle)),
        `${ms(Math.min(...idle))} – ${ms(Math.max(...idle))}`,
        formatNumber(idleWarnings / flags.runs, 1),
        '0',
        '',
      ]);
      if (target === flags.open[flags.open.length - 1]) {
        await arm(db, tenant.id, 'prompt', sets - 1);
        plan = await explainDueQuery(db, 100);
      }
    }
    await cases.stop();

    printTable(
      'One sweep (scheduler.sweep(100)): lock the due clocks and their cases, warn, update, append events, commit',
      [
        'open timers',
        'due',
        'due clocks',
        `sweep ms (median of ${flags.runs})`,
        'min – max ms',
        'warnings raised per sweep',
        'cases marked overdue per sweep',
        'note',
      ],
      rows,
    );
    for (const [group, rows] of trips) {
      printTable(
        `Database round trips of one sweep, ${due} ${group === 'prompt' ? 'prompt' : 'late'} clocks due, ${formatNumber(open)} open (timed in the process, waits included; mean of ${flags.runs} sweeps)`,
        roundTripHeader('sweep'),
        rows,
      );
    }
    console.log(
      `### EXPLAIN (ANALYZE, BUFFERS) of the due query at ${formatNumber(open)} open clocks, ${due} due\n`,
    );
    console.log(plan.map((line) => `    ${line}`).join('\n'));
    const usesIndex = plan.some((line) => line.includes('case_timers_due'));
    const largest = flags.open[flags.open.length - 1] ?? 0;
    const smallest = flags.open[0] ?? 0;
    const atLargest = promptMedians.get(largest) ?? NaN;
    const atSmallest = promptMedians.get(smallest) ?? NaN;
    const met = (ok: boolean) =>
      bench.engine === 'postgres' ? (ok ? 'yes' : 'NO') : 'n/a (PGlite; target is for PostgreSQL)';
    printTable(
      'Targets',
      ['Target', 'Result', 'Met'],
      [
        [
          `sweep with ${due} due (one warning each) < 20 ms, ${formatNumber(largest)} open`,
          `${ms(atLargest)} ms`,
          largest >= 1_000_000 ? met(atLargest < 20) : 'n/a (fewer than 1,000,000 open)',
        ],
        [
          'grows with what is due, not with what is open',
          `${formatNumber(largest)} vs ${formatNumber(smallest)} open: ${formatNumber(atLargest / atSmallest, 2)}×`,
          flags.open.length < 2 ? 'n/a (one size)' : atLargest < 2 * atSmallest ? 'yes' : 'NO',
        ],
        [
          'the due query reads the partial index case_timers_due',
          usesIndex ? 'yes' : 'no',
          usesIndex ? 'yes' : 'NO',
        ],
      ],
    );
  } finally {
    await bench.close();
  }
}
