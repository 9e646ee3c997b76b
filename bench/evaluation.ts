/**
 * Evaluation benchmark (issue 6): a monthly ranking of all units and all streets from the rollups, against
 * the same numbers by a plain GROUP BY over the case events, on N closed cases over three years.
 *
 * Data, generated set-based in SQL into a fresh database (bench-db.ts): N closed cases spread evenly over
 * 2023-01-01 … 2025-12-31 (Asia/Shanghai), 120 grids in 12 streets, 12 categories, 40 units, channels 70 %
 * inspector / 20 % public / 10 % hotline, each case with five events — reported, filed, dispatched,
 * reportedBack (with stageOutcomes.handle.onTime; about 15 % late) and closed — with minimal payloads.
 * The rollups are built set-based too, from the same generated cases (the product builds them with the
 * projection, event by event). Both are checked:
 *   - the ranking numbers from the rollups must equal the plain GROUP BY over the events (always);
 *   - with --cases ≤ 200,000 the product's consistency check (the real fold, domain/credit.ts, over every
 *     event) must find every counter identical to the set-based rollups (durations rows are not generated).
 *
 * Run: npm run bench -- evaluation [--cases=N] (default 10,000,000; `_` may group digits) [--month=YYYY-MM]
 * Needs BENCH_DATABASE_URL for PostgreSQL (the target); without it PGlite runs (small N only).
 */
import { sql } from 'kysely';
import { createEvaluationService } from '../src/modules/evaluation/index.js';
import * as store from '../src/modules/evaluation/store.js';
import type { OrgService } from '../src/modules/org/index.js';
import { ensureTenant } from '../src/platform/tenancy/bootstrap.js';
import type { Database } from '../src/platform/db/index.js';
import { checkpoint, openBenchDb, serverSettings } from './bench-db.js';
import { formatNumber, printTable, type Cell } from './table.js';

const FIRST_DAY = '2023-01-01';
const DAYS = 1096; // 2023-01-01 … 2025-12-31
const CHUNK = 250_000;

function flag(args: string[], name: string): string | null {
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

/** The generated cases (UNLOGGED; dropped with the database). */
async function generateCases(db: Database, n: number): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE bench_cases (
      i bigint PRIMARY KEY, reported_at timestamptz, grid text, street text, community text, unit text,
      cat text, channel text, back_hours int, late boolean)`.execute(db.sql);
  for (let start = 1; start <= n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK - 1);
    await sql`
      INSERT INTO bench_cases
      SELECT i, r.at, r.grid, left(r.grid, 9), left(r.grid, 12),
        'U' || lpad(((r.g * 7 + r.c) % 40)::text, 2, '0'), lpad((r.c + 1)::text, 2, '0') || '/01',
        CASE WHEN h % 10 < 7 THEN 'inspector' WHEN h % 10 < 9 THEN 'public' ELSE 'hotline' END,
        1 + (h / 10) % 72, (h / 1000) % 100 < 15
      FROM generate_series(${start}::bigint, ${end}::bigint) AS i
      CROSS JOIN LATERAL (SELECT ((i * 2654435761) % 4294967296)::bigint AS h) hh
      CROSS JOIN LATERAL (
        SELECT (${FIRST_DAY}::date + ((i - 1) * ${DAYS} / ${n})::int)::timestamp AT TIME ZONE 'Asia/Shanghai'
               + make_interval(secs => 8 * 3600 + (h % 36000)) AS at,
               (h / 7) % 120 AS g, (h / 131) % 12 AS c,
               '330102' || lpad((1 + (h / 7) % 120 / 10)::text, 3, '0') || lpad((1 + (h / 7) % 120 % 10 / 5)::text, 3, '0')
                 || lpad((1 + (h / 7) % 120 % 5)::text, 2, '0') AS grid
      ) r`.execute(db.sql);
  }
  await sql`ANALYZE bench_cases`.execute(db.sql);
}

/**
 * Five events per case, inserted in chunks (minimal payloads: the scope facts and what the fold reads). In
 * this throwaway database the indexes are built once after the load, by sorting, as a restore would: kept
 * up row by row they made the load several times slower.
 */
async function generateEvents(
  db: Database,
  tenantId: number,
  n: number,
  log: (s: string) => void,
): Promise<void> {
  const constraints = await sql<{ name: string; def: string }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'events'::regclass AND contype IN ('p', 'u')`.execute(db.sql);
  const indexes = await sql<{ name: string; def: string }>`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.tablename = 'events' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(
    db.sql,
  );
  for (const i of indexes.rows) await sql`DROP INDEX ${sql.id(i.name)}`.execute(db.sql);
  // Nor is a throwaway database worth its write-ahead log (the queries read the same pages either way).
  await sql`ALTER TABLE events SET UNLOGGED`.execute(db.sql);
  await sql`ALTER TABLE evaluation_rollups SET UNLOGGED`.execute(db.sql);
  for (const c of constraints.rows) {
    await sql`ALTER TABLE events DROP CONSTRAINT ${sql.id(c.name)}`.execute(db.sql);
  }
  for (let start = 1; start <= n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK - 1);
    await sql`
      INSERT INTO events (tenant_id, stream_type, stream_id, stream_version, name, actor_kind, occurred_at, payload)
      SELECT ${tenantId}, 'case', 'b' || c.i, v.k, 'cases.case.' || v.verb, 'system', v.at,
        jsonb_build_object('gridCode', c.grid, 'streetCode', c.street, 'communityCode', c.community,
          'unitCode', CASE WHEN v.k >= 3 THEN c.unit END) || v.extra
      FROM bench_cases c
      CROSS JOIN LATERAL (VALUES
        (1, 'reported', c.reported_at,
          jsonb_build_object('channel', c.channel, 'majorCode', left(c.cat, 2), 'minorCode', '01', 'priority', 'normal')),
        (2, 'filed', c.reported_at + interval '10 minutes', '{"from":"reported"}'::jsonb),
        (3, 'dispatched', c.reported_at + interval '30 minutes', '{"mode":"auto"}'::jsonb),
        (4, 'reportedBack', c.reported_at + interval '30 minutes' + make_interval(hours => c.back_hours),
          jsonb_build_object('stageOutcomes', jsonb_build_object('handle', jsonb_build_object('onTime', NOT c.late)))),
        (5, 'closed', c.reported_at + interval '150 minutes' + make_interval(hours => c.back_hours), '{}'::jsonb)
      ) AS v(k, verb, at, extra)
      WHERE c.i BETWEEN ${start} AND ${end}`.execute(db.sql);
    log(`events: ${formatNumber(end)} / ${formatNumber(n)} cases`);
  }
  await db.transaction(async (tx) => {
    await sql`SET LOCAL maintenance_work_mem = '2GB'`.execute(tx);
    for (const c of constraints.rows) {
      await sql`ALTER TABLE events ADD CONSTRAINT ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(tx);
    }
    for (const i of indexes.rows) await sql.raw(i.def).execute(tx);
  });
  log('events indexed');
}

/**
 * The rollups the projection would hold for these cases, built set-based. Each case's credits (as domain/
 * credit.ts defines them for these five events) fall on the days of its events, so the cases are first
 * counted per event day and object (far fewer rows than cases at ten million), those counts become credits,
 * and the hierarchy of regions is summed up from the grids rather than spread from every credit.
 */
async function buildRollups(db: Database, tenantId: number): Promise<void> {
  await db.transaction(async (tx) => {
    // A throwaway database: aggregate in memory, and build the primary key once at the end (by sorting).
    await sql`SET LOCAL work_mem = '2GB'`.execute(tx);
    await sql`SET LOCAL maintenance_work_mem = '2GB'`.execute(tx);
    // As a restore loads: the foreign key to tenants is not checked row by row (it was most of the time).
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await sql`ALTER TABLE evaluation_rollups DROP CONSTRAINT evaluation_rollups_pkey`.execute(tx);
    // Per (event day, grid, category, unit) and, apart, per (event day, channel): how many cases, and the
    // sums the duration credits need. fd/dd/bd/cd: the days of filed, dispatched, reportedBack, closed.
    const counted = (day: string, sums: string) => sql`
      SELECT ${sql.raw(day)}, c.grid, c.cat, c.unit, c.channel, count(*)::bigint AS n, ${sql.raw(sums)}
      FROM bench_days c
      GROUP BY GROUPING SETS ((${sql.raw(day)}, c.grid, c.cat, c.unit), (${sql.raw(day)}, c.channel))`;
    await sql`
      CREATE UNLOGGED TABLE bench_days AS
      SELECT c.grid, c.cat, c.unit, c.channel, c.late, c.back_hours,
        (c.reported_at AT TIME ZONE 'Asia/Shanghai')::date AS rd,
        ((c.reported_at + interval '10 minutes') AT TIME ZONE 'Asia/Shanghai')::date AS fd,
        ((c.reported_at + interval '30 minutes') AT TIME ZONE 'Asia/Shanghai')::date AS dd,
        ((c.reported_at + interval '30 minutes' + make_interval(hours => c.back_hours))
          AT TIME ZONE 'Asia/Shanghai')::date AS bd,
        ((c.reported_at + interval '150 minutes' + make_interval(hours => c.back_hours))
          AT TIME ZONE 'Asia/Shanghai')::date AS cd
      FROM bench_cases c`.execute(tx);
    await sql`
      CREATE UNLOGGED TABLE bench_credits AS
      SELECT x.day, g.grid, g.cat, CASE WHEN x.unit THEN g.unit END AS unit, g.channel, x.metric, sum(x.n)::bigint AS n
      FROM (
        SELECT 'r' AS k, rd AS day, grid, cat, unit, channel, n, 0::bigint AS public, 0::bigint AS late, 0::bigint AS hours
        FROM (${counted('c.rd', '0')}) a
        UNION ALL
        SELECT 'f', fd, grid, cat, unit, channel, n, public, late, 0
        FROM (${counted('c.fd', "count(*) FILTER (WHERE c.channel <> 'inspector') AS public, count(*) FILTER (WHERE c.late) AS late")}) a
        UNION ALL
        SELECT 'd', dd, grid, cat, unit, channel, n, 0, 0, 0 FROM (${counted('c.dd', '0')}) a
        UNION ALL
        SELECT 'b', bd, grid, cat, unit, channel, n, 0, late, hours
        FROM (${counted('c.bd', 'count(*) FILTER (WHERE c.late) AS late, sum(c.back_hours) AS hours')}) a
        UNION ALL
        SELECT 'c', cd, grid, cat, unit, channel, n, 0, late, hours
        FROM (${counted('c.cd', 'count(*) FILTER (WHERE c.late) AS late, sum(c.back_hours) AS hours')}) a
      ) g
      CROSS JOIN LATERAL (VALUES
        ('r', g.day, false, 'reported', g.n),
        ('f', g.day, false, 'intake', g.n), ('f', g.day, false, 'filed', g.n),
        ('f', g.day, false, 'validReport', g.n), ('f', g.day, false, 'publicValid', g.public),
        ('f', g.day, false, 'dueClose', g.n),
        ('f', g.day, false, 'dur_intake_s', 600 * g.n), ('f', g.day, false, 'dur_intake_n', g.n),
        ('f', g.day, true, 'closedCohort', g.n), ('f', g.day, true, 'closedOnTimeCohort', g.n - g.late),
        ('d', g.day, true, 'dispatched', g.n), ('d', g.day, true, 'dispatchedAuto', g.n),
        ('d', g.day, true, 'dur_dispatch_s', 1200 * g.n), ('d', g.day, true, 'dur_dispatch_n', g.n),
        ('b', g.day, true, 'handled', g.n), ('b', g.day, true, 'handledLate', g.late),
        ('b', g.day, true, 'handledOnTime', g.n - g.late),
        ('b', g.day, true, 'dur_handle_s', 3600 * g.hours), ('b', g.day, true, 'dur_handle_n', g.n),
        ('c', g.day, true, 'closed', g.n), ('c', g.day, true, 'closedOnTime', g.n - g.late),
        ('c', g.day, true, 'dur_total_s', 9000 * g.n + 3600 * g.hours), ('c', g.day, true, 'dur_total_n', g.n)
      ) AS x(k, day, unit, metric, n)
      WHERE x.k = g.k AND x.n > 0
      GROUP BY 1, 2, 3, 4, 5, 6`.execute(tx);
    // Grids and what contains them; units, categories, hot-spot pairs and channels from the credits.
    await sql`
      CREATE UNLOGGED TABLE bench_grids AS
      SELECT day, grid, metric, sum(n)::bigint AS n FROM bench_credits WHERE grid IS NOT NULL GROUP BY 1, 2, 3`.execute(
      tx,
    );
    await sql`
      INSERT INTO evaluation_rollups (tenant_id, dim, day, code, metric, n)
      SELECT ${tenantId}::int, o.dim, g.day, o.code, g.metric, sum(g.n)
      FROM bench_grids g
      CROSS JOIN LATERAL (VALUES
        ('tenant', '*'), ('district', left(g.grid, 6)), ('street', left(g.grid, 9)),
        ('community', left(g.grid, 12)), ('grid', g.grid)) AS o(dim, code)
      GROUP BY o.dim, g.day, o.code, g.metric
      UNION ALL
      SELECT ${tenantId}, 'unit', day, unit, metric, sum(n) FROM bench_credits
      WHERE grid IS NOT NULL AND unit IS NOT NULL GROUP BY day, unit, metric
      UNION ALL
      SELECT ${tenantId}, 'category', day, cat, metric, sum(n) FROM bench_credits
      WHERE grid IS NOT NULL GROUP BY day, cat, metric
      UNION ALL
      SELECT ${tenantId}, o.dim, b.day, o.code, b.metric, sum(b.n)
      FROM bench_credits b
      CROSS JOIN LATERAL (VALUES
        ('gridCategory', b.grid || '|' || b.cat), ('streetCategory', left(b.grid, 9) || '|' || b.cat)
      ) AS o(dim, code)
      WHERE b.grid IS NOT NULL AND b.metric IN ('reported', 'filed')
      GROUP BY o.dim, b.day, o.code, b.metric
      UNION ALL
      SELECT ${tenantId}, 'channel', day, channel, metric, sum(n) FROM bench_credits
      WHERE channel IS NOT NULL GROUP BY day, channel, metric`.execute(tx);
    await sql`DROP TABLE bench_days, bench_credits, bench_grids`.execute(tx);
    await sql`ALTER TABLE evaluation_rollups ADD PRIMARY KEY (tenant_id, dim, day, code, metric)`.execute(tx);
  });
  await sql`ANALYZE evaluation_rollups`.execute(db.sql);
  await sql`ANALYZE events`.execute(db.sql);
}

type Ranking = Map<string, { handled: number; onTime: number; closed: number }>;

async function fromRollups(
  db: Database,
  tenantId: number,
  dim: 'unit' | 'street',
  from: string,
  to: string,
): Promise<Ranking> {
  const rows = await store.totals(db.sql, tenantId, dim, from, to, {
    metrics: ['handled', 'handledOnTime', 'closed'],
  });
  const out: Ranking = new Map();
  for (const r of rows) {
    const e = out.get(r.code) ?? { handled: 0, onTime: 0, closed: 0 };
    if (r.metric === 'handled') e.handled = r.n;
    if (r.metric === 'handledOnTime') e.onTime = r.n;
    if (r.metric === 'closed') e.closed = r.n;
    out.set(r.code, e);
  }
  return out;
}

async function fromEvents(
  db: Database,
  tenantId: number,
  key: 'unitCode' | 'streetCode',
  from: string,
  to: string,
): Promise<Ranking> {
  const r = await sql<{ code: string; handled: string; onTime: string; closed: string }>`
    SELECT payload->>${key} AS code,
      count(*) FILTER (WHERE name = 'cases.case.reportedBack') AS handled,
      count(*) FILTER (WHERE name = 'cases.case.reportedBack'
        AND payload->'stageOutcomes'->'handle'->>'onTime' = 'true') AS "onTime",
      count(*) FILTER (WHERE name = 'cases.case.closed') AS closed
    FROM events
    WHERE tenant_id = ${tenantId} AND name IN ('cases.case.reportedBack', 'cases.case.closed')
      AND occurred_at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
      AND occurred_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
    GROUP BY 1`.execute(db.sql);
  return new Map(
    r.rows.map((x) => [
      x.code,
      { handled: Number(x.handled), onTime: Number(x.onTime), closed: Number(x.closed) },
    ]),
  );
}

function ranked(r: Ranking): string {
  // Rank by 按期处置率, then code: the ranking as a string of "code:handled/onTime/closed".
  return [...r]
    .sort(([a, x], [b, y]) => y.onTime / (y.handled || 1) - x.onTime / (x.handled || 1) || a.localeCompare(b))
    .map(([code, v]) => `${code}:${v.handled}/${v.onTime}/${v.closed}`)
    .join(' ');
}

async function median(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn))[1]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export async function run(args: string[]): Promise<void> {
  const n = Number((flag(args, 'cases') ?? '10000000').replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error('--cases needs a positive integer');
  const month = flag(args, 'month') ?? '2025-06';
  const runs = Number(flag(args, 'runs') ?? '5');
  const bench = await openBenchDb('evaluation');
  const log = (s: string) => console.error(`[evaluation] ${s}`);
  try {
    const { db } = bench;
    printTable('Server', ['setting', 'value'], await serverSettings(bench));
    const tenant = await ensureTenant(db, {
      code: '330102',
      name: '杭州市上城区',
      timeZone: 'Asia/Shanghai',
    });
    const [, tCases] = await time(() => generateCases(db, n));
    log(`cases generated in ${formatNumber(tCases / 1000, 1)} s`);
    const [, tEvents] = await time(() => generateEvents(db, tenant.id, n, log));
    const [, tRollups] = await time(() => buildRollups(db, tenant.id));
    await checkpoint(bench);
    const size = async (table: string) =>
      (
        await sql<{
          s: string;
        }>`SELECT pg_size_pretty(pg_total_relation_size(${table}::regclass)) AS s`.execute(db.sql)
      ).rows[0]?.s ?? '?';
    const counts = (
      await sql<{ e: string; r: string }>`
      SELECT (SELECT count(*) FROM events)::text AS e, (SELECT count(*) FROM evaluation_rollups)::text AS r`.execute(
        db.sql,
      )
    ).rows[0];

    const from = `${month}-01`;
    const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const rows: Cell[][] = [];
    let allEqual = true;
    for (const [dim, key] of [
      ['unit', 'unitCode'],
      ['street', 'streetCode'],
    ] as const) {
      const a = await fromRollups(db, tenant.id, dim, from, to);
      const b = await fromEvents(db, tenant.id, key, from, to);
      const same = ranked(a) === ranked(b);
      allEqual &&= same;
      const tr = await median(() => fromRollups(db, tenant.id, dim, from, to), runs);
      const te = await median(() => fromEvents(db, tenant.id, key, from, to), Math.min(runs, 3));
      const handled = [...a.values()].reduce((s, v) => s + v.handled, 0);
      rows.push([
        `${month} ranking of all ${dim === 'unit' ? 'units' : 'streets'}`,
        a.size,
        formatNumber(handled),
        formatNumber(tr, 1),
        formatNumber(te, 1),
        `${formatNumber(te / tr, 0)}×`,
        same ? 'identical' : 'DIFFERENT',
      ]);
    }
    // The API's whole ranking path (rollup sums, 超期未处置 levels, indicators, a scheme's scores, ranks).
    const org = {
      listUnits: () => Promise.resolve([]),
      listBeats: () => Promise.resolve([]),
    } as unknown as OrgService;
    const service = createEvaluationService({ db, clock: { now: () => new Date() }, org });
    const wide = { all: true, regionCodes: [], unitCodes: [] };
    const period = { kind: 'month' as const, label: month, from, to };
    for (const objectType of ['unit', 'street'] as const) {
      const ms = await median(
        () =>
          service.ranking({ tenantId: tenant.id, objectType, period, scope: wide, schemeCode: 'yuncheng' }),
        runs,
      );
      rows.push([
        `service.ranking(${objectType}, yuncheng scheme) — the API path`,
        '',
        '',
        formatNumber(ms, 1),
        '',
        '',
        '',
      ]);
    }
    let consistency = 'skipped (--cases > 200,000)';
    if (n <= 200_000) {
      const service = createEvaluationService({
        db,
        clock: { now: () => new Date() },
        org: {} as OrgService,
      });
      await sql`INSERT INTO projection_positions (tenant_id, name, tx_id, seq)
        SELECT ${tenant.id}, 'evaluation.rollups',
          (SELECT tx_id FROM events ORDER BY tx_id DESC LIMIT 1), (SELECT max(seq) FROM events)`.execute(
        db.sql,
      );
      const report = await service.consistency(tenant.id);
      consistency =
        report.mismatches.length === 0
          ? `identical (${formatNumber(report.counters)} counters)`
          : `${report.mismatches.length}+ mismatches, e.g. ${JSON.stringify(report.mismatches[0])}`;
      allEqual &&= report.mismatches.length === 0;
    }
    printTable(
      `Evaluation: ${formatNumber(n)} closed cases (${formatNumber(Number(counts?.e))} events) over three years, ${bench.engine}`,
      [
        'query',
        'objects',
        'handled in month',
        'rollups ms (median)',
        'GROUP BY events ms',
        'speed-up',
        'numbers',
      ],
      rows,
    );
    printTable(
      'Set-up',
      ['step', 'value'],
      [
        ['generate cases', `${formatNumber(tCases / 1000, 1)} s`],
        ['insert events', `${formatNumber(tEvents / 1000, 1)} s`],
        ['build rollups (set-based)', `${formatNumber(tRollups / 1000, 1)} s`],
        ['events table', await size('events')],
        ['rollup rows', `${formatNumber(Number(counts?.r))} (${await size('evaluation_rollups')})`],
        ['rollups vs real fold (consistency check)', consistency],
      ],
    );
    if (!allEqual) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}
