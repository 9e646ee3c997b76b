/**
 * Intake benchmark: inspector reports over HTTP on loopback, durable commits, three ways in one run.
 *
 *   - intake: the real app (`buildApp`) and its route `POST /api/cases/intake/inspector` — session check,
 *     schema, locate to a unit grid, the 立结案标准 row, the stage clock's deadline on the working calendar,
 *     then the write (case row, its clock, its event, the day's case number), grouped with concurrent
 *     requests into shared transactions (src/platform/db/group-commit.ts);
 *   - naive: the same preparation (the project's own intake code, session check and body schema) behind a
 *     second, bench-only Fastify server whose write is one transaction per request, one statement per row;
 *   - ceiling: the rows the intake run wrote, copied in memory (new ids) and inserted with the same set-based
 *     statements in large transactions over one connection — no HTTP, no preparation.
 *
 * Load: N concurrent keep-alive HTTP/1.1 connections in a child process (bench/load-generator.ts), each
 * posting the next prepared body as soon as its previous answer arrives; latency is measured per request by
 * the client. Every variant gets a warm-up first, with the benchmark's own probes running as in the measured
 * phase. Points are uniform over the district's grids (points outside every grid are redrawn), standards
 * uniform over the taxonomy's rows. Before each measured phase the case tables are ANALYZEd and a
 * CHECKPOINT taken. Row counts (and the transactions that wrote them) are checked in the database after each
 * variant; CPU time per case is split into the server process, the PostgreSQL backends (from /proc, when the
 * server is local) and the load generator; every statement's round trip is timed in the server.
 *
 * Database: BENCH_DATABASE_URL (a PostgreSQL server where the user may create databases; a fresh database is
 * created, migrated and dropped), else PGlite in a temporary folder — the targets are for PostgreSQL.
 *
 * Run: npm run bench -- intake
 * Flags: --clients=N (64), --requests=N (20,000 per HTTP variant), --warmup=N (10,000), --batch=N (ceiling
 * cases per transaction, 2,000), --seed=N (1), --variants=intake,naive,ceiling (HTTP variants run in the
 * order given; the ceiling copies the intake rows), --profile=DIR (write a V8 CPU profile of the server
 * process for each measured HTTP phase).
 */
import { setEventChaining } from '../src/platform/events/append.js';
import { createLoadGenerator } from './load-generator.js';
import { createEphemeralSigner } from '../src/platform/audit/index.js';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { buildApp } from '../src/app.js';
import { createCalendarService } from '../src/modules/calendar/index.js';
import { createContextCache, type CasesDeps } from '../src/modules/cases/context.js';
import { createIntake } from '../src/modules/cases/intake.js';
import type { ReportInput } from '../src/modules/cases/intake-input.js';
import { INTAKE_BODIES, Receipt } from '../src/modules/cases/schemas.js';
import * as store from '../src/modules/cases/store.js';
import * as intakeStore from '../src/modules/cases/intake-store.js';
import * as outboxStore from '../src/modules/cases/outbox-store.js';
import * as timerStore from '../src/modules/cases/timer-store.js';
import type { CaseRecord, TimerRecord } from '../src/modules/cases/types.js';
import { caseNumber, type CaseWrite, type WriteResult } from '../src/modules/cases/writes.js';
import { createDispatchService } from '../src/modules/dispatch/index.js';
import { createGeoDemoSeeder, createGeoService } from '../src/modules/geo/index.js';
import { createOrgService } from '../src/modules/org/index.js';
import { createTaxonomyService } from '../src/modules/taxonomy/index.js';
import type { Actor } from '../src/platform/actor.js';
import {
  createAuthCommands,
  createSecrets,
  SESSION_COOKIE,
  type Tenant,
} from '../src/platform/auth/index.js';
import { systemClock } from '../src/platform/clock.js';
import type { Database, GroupCommitter } from '../src/platform/db/index.js';
import { appendEvents, type NewEvent } from '../src/platform/events/index.js';
import { ensureTenant } from '../src/platform/tenancy/bootstrap.js';
import { runSeeders } from '../src/platform/tenancy/seeds.js';
import { DISTRICT } from '../src/runtime.js';
import { SEEDERS } from '../src/seeders.js';
import {
  checkpoint,
  openBenchDb,
  roundTripHeader,
  serverSettings,
  timedDatabase,
  type BenchDb,
} from './bench-db.js';
import { random } from '../src/platform/random.js';
import type { Cell } from './table.js';
import { formatNumber, percentile, printTable } from './table.js';
import { chainSlices, printRounds, printSlices, totalsOf, type SlicePhase } from './chain-slices.js';
import type { Measured, Report, VariantResult, Written } from './intake-types.js';

const DEMO_PASSWORD = 'chengzhi-demo-2025';
const INTAKE_PATH = '/api/cases/intake/inspector';
const NAIVE_PATH = '/bench/naive/intake/inspector';

interface Flags {
  clients: number;
  requests: number;
  warmup: number;
  batch: number;
  seed: number;
  variants: Set<string>;
  /**
   * With N > 0, intake and unchained are measured as N rounds of four alternating slices (on, off, off, on)
   * of --requests/2 reports each, instead of one phase each: what `bench audit` uses for the chain's cost.
   */
  chainRounds: number;
  /** Write a V8 CPU profile of the server process for each measured HTTP phase into this folder. */
  profileDir: string | null;
}

function parseFlags(args: string[]): Flags {
  const value = (name: string): number | null => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    if (arg === undefined) return null;
    const n = Number(arg.slice(name.length + 3).replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a non-negative integer`);
    return n;
  };
  return {
    clients: Math.max(1, value('clients') ?? 64),
    requests: Math.max(1, value('requests') ?? 20_000),
    warmup: value('warmup') ?? 10_000,
    batch: Math.max(1, value('batch') ?? 2_000),
    seed: value('seed') ?? 1,
    chainRounds: value('chain-rounds') ?? 0,
    profileDir: args.find((a) => a.startsWith('--profile='))?.slice('--profile='.length) ?? null,
    variants: new Set(
      (
        args.find((a) => a.startsWith('--variants='))?.slice('--variants='.length) ?? 'intake,naive,ceiling'
      ).split(','),
    ),
  };
}

/** The V8 sampling profiler of this process (the server), for --profile. */
async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file: string): Promise<void> {
      const { profile } = await session.post('Profiler.stop');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

// ── CPU accounting ──────────────────────────────────────────────────────────────────────────────────────

/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ). */
const CLOCK_TICKS = 100;

/** CPU milliseconds (user + system) of a local process, from /proc; null when it cannot be read. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * Samples the CPU time of the PostgreSQL backends serving the bench database (when the server runs on this
 * machine): backends that come and go during the phase are counted from their first sample.
 */
function pgCpuSampler(bench: BenchDb) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let readable = true;
  let started = false;
  let stopped = false;
  const sample = async () => {
    const r = await bench
      .admin(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND backend_type = 'client backend'`,
      )
      .catch(() => null);
    if (!r) {
      readable = false;
      return;
    }
    for (const { pid } of r.rows as { pid: number }[]) {
      const cpu = processCpuMs(pid);
      if (cpu === null) {
        readable = false;
        continue;
      }
      if (!first.has(pid)) first.set(pid, started ? 0 : cpu);
      last.set(pid, cpu);
    }
  };
  let timer: NodeJS.Timeout | null = null;
  const loop = () => {
    timer = setTimeout(() => {
      void sample().then(() => {
        if (!stopped) loop();
      });
    }, 250);
  };
  return {
    async start() {
      // Backends that exist at the start count from here; any that appear later count from zero.
      await sample();
      started = true;
      loop();
    },
    async stop(): Promise<number | null> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await sample();
      if (!readable || bench.engine !== 'postgres') return null;
      let total = 0;
      for (const [pid, end] of last) total += end - (first.get(pid) ?? end);
      return total;
    },
  };
}

// ── Workload ────────────────────────────────────────────────────────────────────────────────────────────

const PROBLEMS = ['暴露垃圾', '占道经营', '道路破损', '井盖缺失', '乱张贴', '绿地脏乱', '违规停车', '积水'];

async function prepareReports(
  db: Database,
  tenantId: number,
  count: number,
  seed: number,
): Promise<{ reports: Report[]; drawn: number }> {
  const geo = createGeoService({ db, clock: systemClock });
  const { geocoder } = await geo.regionIndex(tenantId);
  const bounds = geocoder.bounds();
  if (!bounds) throw new Error('the demo geography has no grids');
  const [minLng, minLat, maxLng, maxLat] = bounds;
  const { version } = await createTaxonomyService({ db, clock: systemClock }).current(tenantId);
  const standards = version.standards;
  const next = random(seed);
  const reports: Report[] = [];
  let drawn = 0;
  while (reports.length < count) {
    const lng = minLng + next() * (maxLng - minLng);
    const lat = minLat + next() * (maxLat - minLat);
    drawn++;
    if (geocoder.locate(lng, lat) < 0) continue;
    const s = standards[Math.floor(next() * standards.length)]!;
    reports.push({
      location: { lng, lat, crs: 'wgs84' },
      categoryType: s.kind,
      majorCode: s.majorCode,
      minorCode: s.minorCode,
      standardId: s.id,
    });
  }
  return { reports, drawn };
}

function bodiesFor(label: string, reports: readonly Report[]): string[] {
  return reports.map((r, i) =>
    JSON.stringify({
      location: r.location,
      description: `${label}-${i} ${PROBLEMS[i % PROBLEMS.length]}`,
      category: { categoryType: r.categoryType, majorCode: r.majorCode, minorCode: r.minorCode },
      standardId: r.standardId,
    }),
  );
}

// ── The naive handler: same preparation, one transaction per request, one statement per row ─────────────

function naiveCommitter(db: Database, tenantCode: string): GroupCommitter<CaseWrite, WriteResult> {
  return {
    async submit(w) {
      if (w.kind !== 'insert' || w.fold || w.idempotency) {
        throw new Error('the naive handler writes plain reports');
      }
      return db.transaction(async (tx) => {
        const seq = await intakeStore.allocateCaseNumbers(tx, w.tenantId, w.day, 1);
        const built = w.build(caseNumber(tenantCode, w.day, seq));
        await store.insertCases(tx, w.tenantId, [built.record]);
        for (const timer of built.timers) await timerStore.upsertTimers(tx, w.tenantId, [timer]);
        const now = systemClock.now();
        for (const event of built.events) await appendEvents(tx, w.actor, now, [event]);
        await outboxStore.enqueue(tx, w.tenantId, built.outbox, now);
        return { kind: 'created', built };
      });
    },
    drain: async () => undefined,
  };
}

async function startNaiveServer(db: Database, tenant: Tenant, secrets: ReturnType<typeof createSecrets>) {
  const clock = systemClock;
  const calendars = createCalendarService({ db, clock });
  const geo = createGeoService({ db, clock });
  const org = createOrgService({ db, clock });
  const taxonomy = createTaxonomyService({ db, clock });
  const dispatch = createDispatchService({ db, clock, geo, org });
  const deps: CasesDeps = { db, clock, calendars, geo, taxonomy, dispatch, org, secrets };
  const intake = createIntake(deps, createContextCache(deps), naiveCommitter(db, tenant.code));
  const auth = createAuthCommands({ db, clock, secrets, sessionTtlHours: 12 });

  const app = Fastify({
    logger: false,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(cookie);
  app.post(
    NAIVE_PATH,
    {
      schema: {
        body: INTAKE_BODIES.inspector,
        response: { 200: Receipt, 201: Receipt, 401: Type.Object({ error: Type.String() }) },
      },
    },
    async (request, reply) => {
      // The same session check as the app's access control (one read per request).
      const value = request.cookies[SESSION_COOKIE];
      const principal = value ? await auth.fromSessionCookie(value, request.id) : null;
      if (!principal || request.headers['x-csrf-token'] !== principal.session?.csrfToken) {
        return reply.status(401).send({ error: 'not signed in' });
      }
      const input = { ...request.body, channel: 'inspector' } as ReportInput;
      const answer = await intake.report(input, { actor: principal.actor, principal });
      return reply.status(answer.status as 200 | 201).send(answer.body);
    },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app;
}

// ── The ceiling: the same rows, set-based, large transactions, no HTTP ──────────────────────────────────

interface CopiedCase {
  record: CaseRecord;
  timers: TimerRecord[];
  events: NewEvent[];
}

/** The rows the intake variant wrote, with new ids (their numbers are given at insert time). */
async function copyRows(db: Database, tenantId: number, label: string): Promise<CopiedCase[]> {
  const ids = await sql<{ id: string }>`SELECT id FROM cases
    WHERE tenant_id = ${tenantId} AND description LIKE ${`${label}-%`} ORDER BY reported_at, id`.execute(
    db.sql,
  );
  const copies: CopiedCase[] = [];
  const CHUNK = 5_000;
  for (let start = 0; start < ids.rows.length; start += CHUNK) {
    const chunk = ids.rows.slice(start, start + CHUNK).map((r) => r.id);
    const records = await store.findCasesByIds(db.sql, tenantId, chunk);
    const timers = await timerStore.timersOf(db.sql, tenantId, chunk);
    const events = await sql<{ stream_id: string; name: string; actor_role: string | null; payload: object }>`
      SELECT stream_id, name, actor_role, payload FROM events
      WHERE tenant_id = ${tenantId} AND stream_type = 'case' AND stream_id = ANY(${chunk}::text[])
      ORDER BY seq`.execute(db.sql);
    for (const record of records) {
      const id = randomUUID();
      copies.push({
        record: { ...record, id, caseNo: '', description: record.description.replace(label, 'ceiling') },
        timers: timers.filter((t) => t.caseId === record.id).map((t) => ({ ...t, caseId: id })),
        events: events.rows
          .filter((e) => e.stream_id === record.id)
          .map((e) => ({
            streamType: 'case',
            streamId: id,
            name: e.name,
            role: e.actor_role,
            payload: e.payload as Record<string, unknown>,
          })),
      });
    }
  }
  return copies;
}

async function insertCeiling(
  db: Database,
  tenant: Tenant,
  actor: Actor,
  copies: readonly CopiedCase[],
  batch: number,
): Promise<{ ms: number; transactions: number }> {
  const started = performance.now();
  let transactions = 0;
  for (let start = 0; start < copies.length; start += batch) {
    const chunk = copies.slice(start, start + batch);
    const now = systemClock.now();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: tenant.timeZone }).format(now);
    await db.transaction(async (tx) => {
      const first = await intakeStore.allocateCaseNumbers(tx, tenant.id, day, chunk.length);
      const records = chunk.map((c, n) => ({ ...c.record, caseNo: caseNumber(tenant.code, day, first + n) }));
      await store.insertCases(tx, tenant.id, records);
      await timerStore.upsertTimers(
        tx,
        tenant.id,
        chunk.flatMap((c) => c.timers),
      );
      await appendEvents(
        tx,
        actor,
        now,
        chunk.flatMap((c, n) =>
          c.events.map((e) => ({ ...e, payload: { ...e.payload, caseNo: records[n]!.caseNo } })),
        ),
      );
    });
    transactions++;
  }
  return { ms: performance.now() - started, transactions };
}

// ── Checks ──────────────────────────────────────────────────────────────────────────────────────────────

/** The rows of one variant (by the description's label) and the transactions that wrote them. */
async function written(db: Database, tenantId: number, label: string): Promise<Written> {
  const like = `${label}-%`;
  const r = await sql<Written>`
    WITH c AS (SELECT id FROM cases WHERE tenant_id = ${tenantId} AND description LIKE ${like}),
    e AS (SELECT e.tx_id FROM events e JOIN c ON e.stream_id = c.id::text
      WHERE e.tenant_id = ${tenantId} AND e.stream_type = 'case'),
    per_tx AS (SELECT tx_id, count(*) AS n FROM e GROUP BY tx_id)
    SELECT (SELECT count(*)::int FROM c) AS cases,
      (SELECT count(*)::int FROM case_timers t JOIN c ON t.case_id = c.id WHERE t.tenant_id = ${tenantId}) AS timers,
      (SELECT count(*)::int FROM e) AS events,
      (SELECT count(*)::int FROM per_tx) AS transactions,
      (SELECT coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY n), 0)::int FROM per_tx) AS "medianBatch",
      (SELECT coalesce(max(n), 0)::int FROM per_tx) AS "maxBatch"`.execute(db.sql);
  return r.rows[0] ?? { cases: 0, timers: 0, events: 0, transactions: 0, medianBatch: 0, maxBatch: 0 };
}

/** WAL flushes (fsyncs) of the whole server so far, when the server reports them (PostgreSQL 14+). */
async function walSyncs(bench: BenchDb): Promise<number | null> {
  const r = await bench.admin('SELECT wal_sync::bigint AS n FROM pg_stat_wal').catch(() => null);
  const n = r?.rows[0] ? Number((r.rows[0] as { n: string }).n) : NaN;
  return Number.isFinite(n) ? n : null;
}

// ── Run ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Runs one measured phase with the server's, PostgreSQL's and the client's CPU time and the WAL syncs. */
async function measure(
  bench: BenchDb,
  work: () => Promise<Omit<Measured, 'serverCpuMs' | 'pgCpuMs' | 'walSyncs' | 'load'>>,
): Promise<Measured> {
  // Statistics as a running system has them: on a fresh database the foreign-key check of case_timers is
  // otherwise planned while cases is nearly empty and then scans the whole table for every clock row.
  await sql`ANALYZE cases, case_timers, case_numbers, events`.execute(bench.db.sql);
  await checkpoint(bench);
  const [load = 0] = os.loadavg();
  const pg = pgCpuSampler(bench);
  await pg.start();
  const syncsBefore = await walSyncs(bench);
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  const syncsAfter = await walSyncs(bench);
  return {
    ...result,
    serverCpuMs: (used.user + used.system) / 1000,
    pgCpuMs: await pg.stop(),
    walSyncs: syncsBefore === null || syncsAfter === null ? null : syncsAfter - syncsBefore,
    load,
  };
}

async function login(port: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'inspector', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login as inspector failed: ${res.status} ${await res.text()}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: session, 'x-csrf-token': csrfToken };
}

function ms(value: number | null): string {
  if (value === null) return '—';
  return formatNumber(value, value < 10 ? 1 : 0);
}

const LABELS: Record<VariantResult['name'], string> = {
  intake: 'intake (real app, group commit)',
  unchained: 'intake without the audit hash chain',
  naive: 'naive (1 transaction per request, row by row)',
  ceiling: 'ceiling (set-based, large transactions, no HTTP)',
};

/** Runs the benchmark and prints its tables; returns each variant's cases per second, for `bench audit`. */
export async function run(args: string[]): Promise<Map<string, number>> {
  const flags = parseFlags(args);
  const setupStarted = performance.now();
  const bench = await openBenchDb('intake');
  const { db } = bench;
  const filesDir = await mkdtemp(path.join(os.tmpdir(), 'chengzhi-bench-files-'));
  const load = createLoadGenerator();
  let app: FastifyInstance | null = null;
  let naive: FastifyInstance | null = null;
  try {
    const clock = systemClock;
    const tenant = await ensureTenant(db, { ...DISTRICT, timeZone: 'Asia/Shanghai' });
    // The reference and demo seeders of `npm start`, with a thin slice of the demo components.
    const seeders = SEEDERS.map((s) =>
      s.name === 'geo.shangcheng-demo' ? createGeoDemoSeeder({ componentScale: 0.01 }) : s,
    );
    await runSeeders(db, tenant, seeders, { demo: true, now: clock.now(), log: () => undefined });
    const secrets = createSecrets('bench-intake-secret-bench-intake-secret');
    // The servers get the same database with each statement's round trip timed while a phase is measured.
    const timed = timedDatabase(db);
    app = await buildApp({
      config: {
        logLevel: 'silent',
        trustProxy: false,
        bodyLimitBytes: 1024 * 1024,
        cookieSecure: false,
        sessionTtlHours: 12,
      },
      db: timed.db,
      clock,
      auditSigner: createEphemeralSigner(),
      secrets,
      defaultTenant: tenant,
      version: 'bench',
      filesDir,
      logger: false,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    naive = await startNaiveServer(timed.db, tenant, secrets);
    const appPort = (app.server.address() as { port: number }).port;
    const naivePort = (naive.server.address() as { port: number }).port;
    const headers = await login(appPort);
    const inspector = await sql<{ id: number }>`SELECT id FROM accounts
      WHERE tenant_id = ${tenant.id} AND username = 'inspector'`.execute(db.sql);
    const actor: Actor = {
      kind: 'staff',
      tenantId: tenant.id,
      accountId: inspector.rows[0]?.id ?? null,
      roles: ['inspector'],
      requestId: null,
    };

    const { reports, drawn } = await prepareReports(db, tenant.id, flags.warmup + flags.requests, flags.seed);
    const warm = reports.slice(0, flags.warmup);
    const measured = reports.slice(flags.warmup);
    const setupMs = performance.now() - setupStarted;

    printTable('Intake benchmark: database', ['setting', 'value'], await serverSettings(bench));
    console.log(
      `Workload: ${formatNumber(flags.clients)} concurrent keep-alive clients on loopback (a child process), ` +
        `${formatNumber(flags.requests)} inspector reports per HTTP variant after ${formatNumber(flags.warmup)} ` +
        `warm-up reports; uniform points over the demo grids (${formatNumber(drawn - reports.length)} of ` +
        `${formatNumber(drawn)} drawn points fell outside every grid and were redrawn); set-up ` +
        `${formatNumber(setupMs / 1000, 1)} s. Machine: ${os.cpus().length} CPUs.`,
    );
    if (bench.engine === 'pglite') {
      console.log(
        'NOTE: BENCH_DATABASE_URL is not set, so this runs on embedded PGlite (one connection, in this process). ' +
          'The targets (≥ 3,000 cases/s, p99 < 100 ms, ≥ 3× naive, ≥ 30 % of the ceiling) are for PostgreSQL.',
      );
    }

    const results: VariantResult[] = [];
    const roundTrips = new Map<string, Cell[][]>();
    const http = async (
      name: 'intake' | 'unchained' | 'naive',
      port: number,
      urlPath: string,
      phase: SlicePhase = { label: name, reports: measured, warmup: true },
    ): Promise<VariantResult> => {
      // The same server with events written outside their hash chains: what the chain costs (bench audit).
      setEventChaining(name !== 'unchained');
      try {
        return await httpPhase(name, port, urlPath, phase);
      } finally {
        setEventChaining(true);
      }
    };
    const httpPhase = async (
      name: 'intake' | 'unchained' | 'naive',
      port: number,
      urlPath: string,
      phase: SlicePhase,
    ): Promise<VariantResult> => {
      const target = { port, path: urlPath, headers };
      if (phase.warmup && warm.length > 0) {
        // The warm-up runs the code the measured phase runs, the benchmark's own probes included (the
        // statement timer and the CPU sampler): code that first ran once measuring began would be compiled,
        // and code it made polymorphic deoptimized, inside the measured phase.
        const sampler = pgCpuSampler(bench);
        await sampler.start();
        timed.start();
        const w = await load.run(target, bodiesFor(`warmup-${phase.label}`, warm), flags.clients);
        timed.pause();
        await sampler.stop();
        if (w.errors > 0) {
          throw new Error(`${name} warm-up: ${w.errors} failed requests, first: ${w.firstError}`);
        }
      }
      const m = await measure(bench, async () => {
        const profiler = flags.profileDir ? await startProfiler() : null;
        timed.start();
        const r = await load.run(target, bodiesFor(phase.label, phase.reports), flags.clients);
        roundTrips.set(name, timed.stop(phase.reports.length));
        if (profiler && flags.profileDir) {
          const file = path.join(flags.profileDir, `intake-${name}-${process.pid}.cpuprofile`);
          await profiler.stop(file);
          console.log(`CPU profile of the server process during the measured ${name} phase: ${file}`);
        }
        return {
          cases: phase.reports.length - r.errors,
          wallMs: r.wallMs,
          latencies: r.latencies,
          errors: r.errors,
          firstError: r.firstError,
          clientCpuMs: r.cpuMs,
          note: '',
        };
      });
      const sorted = Float64Array.from(m.latencies ?? []).sort();
      return {
        ...m,
        name,
        casesPerSecond: m.cases / (m.wallMs / 1000),
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99),
        written: await written(db, tenant.id, phase.label),
      };
    };

    // In the order given: `bench audit` runs intake and unchained in both orders, so that a machine whose
    // speed drifts during a run does not count as the chain's cost.
    const sliced = flags.chainRounds > 0 && flags.variants.has('intake') && flags.variants.has('unchained');
    const slices = sliced
      ? await chainSlices(flags.chainRounds, measured, (name, phase) =>
          http(name, appPort, INTAKE_PATH, phase),
        )
      : [];
    if (sliced) results.push(...totalsOf(slices));
    for (const name of flags.variants) {
      if ((name === 'intake' || name === 'unchained') && !sliced) {
        results.push(await http(name, appPort, INTAKE_PATH));
      }
      if (name === 'naive') results.push(await http('naive', naivePort, NAIVE_PATH));
    }
    const copies = flags.variants.has('ceiling') ? await copyRows(db, tenant.id, 'intake') : [];
    if (copies.length > 0) {
      const m = await measure(bench, async () => {
        const c = await insertCeiling(db, tenant, actor, copies, flags.batch);
        return {
          cases: copies.length,
          wallMs: c.ms,
          latencies: null,
          errors: 0,
          firstError: null,
          clientCpuMs: null,
          note: `${formatNumber(c.transactions)} transactions of ≤ ${formatNumber(flags.batch)} cases, one connection`,
        };
      });
      results.push({
        ...m,
        name: 'ceiling',
        casesPerSecond: m.cases / (m.wallMs / 1000),
        p50: null,
        p99: null,
        written: await written(db, tenant.id, 'ceiling'),
      });
    }

    const byName = new Map(results.map((r) => [r.name, r]));
    const naiveRate = byName.get('naive')?.casesPerSecond ?? NaN;
    const ceilingRate = byName.get('ceiling')?.casesPerSecond ?? NaN;
    const engine = bench.engine === 'postgres' ? 'PostgreSQL' : 'PGlite';
    printTable(
      `Inspector intake, ${formatNumber(flags.requests)} reports per variant, ${formatNumber(flags.clients)} clients (${engine})`,
      ['variant', 'cases/s', 'p50 ms', 'p99 ms', 'vs naive', 'share of ceiling', 'time', 'load avg', 'note'],
      results.map((r) => [
        LABELS[r.name],
        Math.round(r.casesPerSecond),
        ms(r.p50),
        ms(r.p99),
        `${formatNumber(r.casesPerSecond / naiveRate, 1)}×`,
        `${formatNumber((100 * r.casesPerSecond) / ceilingRate)} %`,
        `${formatNumber(r.wallMs / 1000, 1)} s`,
        formatNumber(r.load, 2),
        r.errors > 0 ? `${r.note}${r.note ? '; ' : ''}${r.errors} FAILED (${r.firstError})` : r.note,
      ]),
    );

    printTable(
      'Rows written per variant (checked in the database)',
      [
        'variant',
        'cases',
        'case_timers',
        'case events',
        'transactions',
        'cases/transaction: mean, median, max',
        'WAL fsyncs',
        'as expected',
      ],
      results.map((r) => {
        const want = r.cases;
        const ok = r.written.cases === want && r.written.timers === want && r.written.events === want;
        return [
          r.name,
          r.written.cases,
          r.written.timers,
          r.written.events,
          r.written.transactions,
          `${formatNumber(r.written.cases / Math.max(1, r.written.transactions), 1)}, ${r.written.medianBatch}, ${r.written.maxBatch}`,
          r.walSyncs === null ? '—' : r.walSyncs,
          ok ? 'yes' : `NO (expected ${formatNumber(want)} of each)`,
        ];
      }),
    );

    const perCase = (v: number | null, r: VariantResult) => (v === null ? '—' : formatNumber(v / r.cases, 3));
    printTable(
      'CPU time per case, ms (user + system, during the measured phase)',
      [
        'variant',
        'Node server process',
        'PostgreSQL backends',
        'load generator',
        'total',
        `cases/s if ${os.cpus().length} CPUs did only this`,
      ],
      results.map((r) => {
        const total = r.serverCpuMs + (r.pgCpuMs ?? 0) + (r.clientCpuMs ?? 0);
        return [
          r.name,
          perCase(r.serverCpuMs, r),
          perCase(r.pgCpuMs, r),
          perCase(r.clientCpuMs, r),
          perCase(total, r),
          r.pgCpuMs === null ? '—' : Math.round((os.cpus().length * 1000 * r.cases) / total),
        ];
      }),
    );
    if (bench.engine === 'postgres' && results.some((r) => r.pgCpuMs === null)) {
      console.log(
        '(PostgreSQL CPU not measured: the server is not on this machine or /proc is not readable.)',
      );
    }

    for (const [name, rows] of roundTrips) {
      printTable(
        `Database round trips of the ${name} server during its measured phase (timed in the server, waits included)`,
        roundTripHeader('case'),
        rows,
      );
    }

    const chained = byName.get('intake');
    const unchained = byName.get('unchained');
    if (slices.length > 0) {
      printSlices(slices);
      printRounds(slices);
    }
    if (chained && unchained) {
      const cost = 1 - chained.casesPerSecond / unchained.casesPerSecond;
      printTable(
        `What the audit hash chain costs intake (same server, same run${sliced ? ', all slices' : ''})`,
        ['chain', 'cases/s', 'p99 ms', 'server CPU ms/case', 'cost', 'target ≤ 10 %'],
        [chained, unchained].map((r) => [
          r.name === 'intake' ? 'on' : 'off',
          Math.round(r.casesPerSecond),
          ms(r.p99),
          formatNumber(r.serverCpuMs / Math.max(1, r.cases), 3),
          r.name === 'intake' ? `${formatNumber(100 * cost, 1)} %` : '—',
          r.name === 'intake' ? (cost <= 0.1 ? 'met' : 'NOT met') : '',
        ]),
      );
    }

    const intake = flags.variants.has('naive') ? byName.get('intake') : undefined;
    if (intake) {
      const postgres = bench.engine === 'postgres';
      const met = (ok: boolean) =>
        postgres ? (ok ? 'yes' : 'NO') : 'n/a (PGlite; target is for PostgreSQL)';
      const targets: Cell[][] = [
        [
          '≥ 3,000 cases/s',
          formatNumber(Math.round(intake.casesPerSecond)),
          met(intake.casesPerSecond >= 3000),
        ],
        ['p99 < 100 ms', `${ms(intake.p99)} ms`, met((intake.p99 ?? Infinity) < 100)],
        [
          '≥ 3× the naive handler',
          `${formatNumber(intake.casesPerSecond / naiveRate, 1)}×`,
          met(intake.casesPerSecond >= 3 * naiveRate),
        ],
        [
          '≥ 30 % of the ceiling',
          `${formatNumber((100 * intake.casesPerSecond) / ceilingRate)} %`,
          met(intake.casesPerSecond >= 0.3 * ceilingRate),
        ],
      ];
      printTable('Targets', ['Target', 'Result', 'Met'], targets);
    }
    return new Map(results.map((r) => [r.name, r.casesPerSecond]));
  } finally {
    load.close();
    if (naive) await naive.close();
    if (app) await app.close();
    await bench.close();
    await rm(filesDir, { recursive: true, force: true });
  }
}
