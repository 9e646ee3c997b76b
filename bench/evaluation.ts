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

/** Five events per case, inserted in chunks (minimal payloads: the scope facts and what the fold reads). */
async function generateEvents(
  db: Database,
  tenantId: number,
  n: number,
  log: (s: string) => void,
): Promise<void> {
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
}

/**
 * The rollups the projection would hold for these cases, built set-based: per-case credits (as domain/
 * credit.ts defines them for these five events) pre-aggregated per (day, grid, unit, category, channel),
 * then spread over the objects each counter belongs to.
 */
async function buildRollups(db: Database, tenantId: number): Promise<void> {
  await db.transaction(async (tx) => {
    // A throwaway database: aggregate in memory, and build the primary key once at the end (by sorting).
    await sql`SET LOCAL work_mem = '512MB'`.execute(tx);
    await sql`ALTER TABLE evaluation_rollups DROP CONSTRAINT evaluation_rollups_pkey`.execute(tx);
    await sql`
    CREATE UNLOGGED TABLE bench_credits AS
    SELECT x.day, c.grid, x.unit, c.cat, c.channel, x.metric, x.hot, sum(x.n)::bigint AS n
    FROM (SELECT c.*, c.reported_at + interval '30 minutes' + make_interval(hours => c.back_hours) AS back_at
          FROM bench_cases c) c
    CROSS JOIN LATERAL (
      SELECT ((c.reported_at) AT TIME ZONE 'Asia/Shanghai')::date AS rd,
             ((c.reported_at + interval '10 minutes') AT TIME ZONE 'Asia/Shanghai')::date AS fd,
             ((c.reported_at + interval '30 minutes') AT TIME ZONE 'Asia/Shanghai')::date AS dd,
             (c.back_at AT TIME ZONE 'Asia/Shanghai')::date AS bd,
             ((c.back_at + interval '2 hours') AT TIME ZONE 'Asia/Shanghai')::date AS cd
    ) d
    CROSS JOIN LATERAL (VALUES
      (d.rd, NULL, 'reported', 1::bigint, true),
      (d.fd, NULL, 'intake', 1, false), (d.fd, NULL, 'filed', 1, true), (d.fd, NULL, 'validReport', 1, false),
      (d.fd, NULL, CASE WHEN c.channel <> 'inspector' THEN 'publicValid' END, 1, false),
      (d.fd, NULL, 'dueClose', 1, false),
      (d.fd, NULL, 'dur_intake_s', 600, false), (d.fd, NULL, 'dur_intake_n', 1, false),
      (d.dd, c.unit, 'dispatched', 1, false), (d.dd, c.unit, 'dispatchedAuto', 1, false),
      (d.dd, c.unit, 'dur_dispatch_s', 1200, false), (d.dd, c.unit, 'dur_dispatch_n', 1, false),
      (d.bd, c.unit, 'handled', 1, false),
      (d.bd, c.unit, CASE WHEN c.late THEN 'handledLate' ELSE 'handledOnTime' END, 1, false),
      (d.bd, c.unit, 'dur_handle_s', c.back_hours * 3600, false), (d.bd, c.unit, 'dur_handle_n', 1, false),
      (d.cd, c.unit, 'closed', 1, false), (d.cd, c.unit, CASE WHEN NOT c.late THEN 'closedOnTime' END, 1, false),
      (d.cd, c.unit, 'dur_total_s', 9000 + c.back_hours * 3600, false), (d.cd, c.unit, 'dur_total_n', 1, false),
      (d.fd, c.unit, 'closedCohort', 1, false),
      (d.fd, c.unit, CASE WHEN NOT c.late THEN 'closedOnTimeCohort' END, 1, false)
    ) AS x(day, unit, metric, n, hot)
    WHERE x.metric IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(tx);
    await sql`
    INSERT INTO evaluation_rollups (tenant_id, dim, day, code, metric, n)
    SELECT ${tenantId}, o.dim, b.day, o.code, b.metric, sum(b.n)
    FROM bench_credits b
    CROSS JOIN LATERAL (VALUES
      ('tenant', '*'), ('district', left(b.grid, 6)), ('grid', b.grid), ('street', left(b.grid, 9)),
      ('community', left(b.grid, 12)), ('unit', b.unit), ('category', b.cat), ('channel', b.channel),
      ('gridCategory', CASE WHEN b.hot THEN b.grid || '|' || b.cat END),
      ('streetCategory', CASE WHEN b.hot THEN left(b.grid, 9) || '|' || b.cat END)
    ) AS o(dim, code)
    WHERE o.code IS NOT NULL
    GROUP BY o.dim, b.day, o.code, b.metric`.execute(tx);
    await sql`DROP TABLE bench_credits`.execute(tx);
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
