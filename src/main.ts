#!/usr/bin/env node
/**
 * The `chengzhi` command line: serve | migrate | seed | start. `start` is what `npm start` runs: migrate,
 * seed the demo tenant where it has not been seeded, then serve.
 */
import path from 'node:path';
import { Command } from 'commander';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app.js';
import { isEmptyOfCases, openSimulation } from './simulation/index.js';
import { printDeadline, printElapsed, printLocation } from './cli/lookups.js';
import { runAuditCheckpoint, runAuditVerify } from './cli/audit.js';
import {
  CliInputError,
  importComponentsFromFile,
  importRegionsFromFile,
  type RegionImportOptions,
} from './cli/geo-import.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirLockedError, MigrationError } from './platform/db/index.js';
import { fromPackageRoot } from './platform/paths.js';
import {
  openRuntime,
  packageVersion,
  pendingMigrations,
  prepareDatabase,
  printAdminBanner,
  printDemoBanner,
  seedTenant,
  DISTRICT,
  type Runtime,
} from './runtime.js';
import { findTenantByCode } from './platform/auth/index.js';
import { CalendarInputError } from './modules/calendar/index.js';

// The product runs in the district's time zone unless the operator chose another.
process.env.TZ ??= 'Asia/Shanghai';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(2);
    }
    throw error;
  }
}

async function withRuntime(fn: (rt: Runtime) => Promise<void>, keepOpen = false): Promise<void> {
  const rt = await openRuntime(configOrExit());
  try {
    await fn(rt);
  } catch (error) {
    await rt.db.close();
    throw error;
  }
  if (!keepOpen) await rt.db.close();
}

async function serve(
  rt: Runtime,
  options: { port?: number; host?: string; simulate?: boolean },
): Promise<void> {
  const pending = await pendingMigrations(rt.db);
  if (pending.length > 0) {
    throw new MigrationError(
      `the database needs migrating first (${pending.join(', ')}); run "chengzhi migrate"`,
    );
  }
  const tenant = await findTenantByCode(rt.db.sql, DISTRICT.code);
  if (!tenant) throw new MigrationError('the district tenant is missing; run "chengzhi migrate"');
  const app = await buildApp({
    config: rt.config,
    db: rt.db,
    clock: rt.clock,
    secrets: rt.secrets,
    auditSigner: rt.auditSigner,
    defaultTenant: tenant,
    version: rt.version,
    filesDir: path.join(rt.config.dataDir, 'files'),
    webRoot: fromPackageRoot('dist', 'web'),
    mapTiles: rt.config.mapTiles,
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // A request stuck for 10 s must not keep the process (and the data directory lock) forever.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => rt.db.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ port: options.port ?? rt.config.port, host: options.host ?? rt.config.host });
  // Warnings, hold ends, calendar amendments and webhooks; safe in every process at once (SKIP LOCKED).
  app.cases.start(rt.config.schedulerIntervalMs, (error) =>
    app.log.error({ err: error }, 'case scheduler failed'),
  );
  app.audit.start(rt.config.auditCheckpointIntervalMs, (error) =>
    app.log.error({ err: error }, 'audit checkpoint failed'),
  );
  app.projector.start(rt.config.schedulerIntervalMs, (error) =>
    app.log.error({ err: error }, 'projections failed'),
  );
  // 电子监察: escalates unanswered yellow cards past their due-by (cards themselves come from the projector).
  app.supervision.start(rt.config.schedulerIntervalMs, (error) =>
    app.log.error({ err: error }, 'supervision tick failed'),
  );
  // 综合评价: prepares (never publishes) last month's bulletin once the month has turned.
  app.evaluation.start(60 * 60_000, (error) => app.log.error({ err: error }, 'evaluation job failed'));
  if (options.simulate) void demoTraffic(rt, tenant.id, app.log, app.server);
}

/**
 * The demo's living traffic (npm start on the demo tenant): an empty case table gets a history of past days,
 * then new reports keep arriving at a gentle rate. It runs beside the server, which answers from the start.
 */
async function demoTraffic(
  rt: Runtime,
  tenantId: number,
  log: FastifyBaseLogger,
  server: { once(event: 'close', fn: () => void): unknown },
): Promise<void> {
  const stop = new AbortController();
  server.once('close', () => stop.abort());
  try {
    const sim = await openSimulation({
      db: rt.db,
      secrets: rt.secrets,
      filesDir: path.join(rt.config.dataDir, 'files'),
      tenantId,
      log: (message) => log.info(message),
    });
    const { days, perDay, livePerDay } = rt.config.simulation;
    if (days > 0 && (await isEmptyOfCases(rt.db, tenantId))) {
      log.info(
        { days, perDay },
        'demo: simulating the case history of the last days (the API is already up)',
      );
      const stats = await sim.history(days, perDay, stop.signal);
      if (!stop.signal.aborted) log.info(stats, 'demo: history ready');
    }
    if (livePerDay > 0) await sim.live(livePerDay, stop.signal);
  } catch (error) {
    if (!stop.signal.aborted) log.error({ err: error }, 'demo traffic stopped');
  }
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, got "${value}"`);
  }
  return n;
}

const program = new Command()
  .name('chengzhi')
  .description('Chengzhi (城治) smart urban-governance platform')
  .version(packageVersion());

program
  .command('serve')
  .description('serve the HTTP API (the database must be migrated)')
  .option('-p, --port <port>', 'port (default: PORT or 3000)', parsePort)
  .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
  .action(async (options: { port?: number; host?: string }) => {
    await withRuntime((rt) => serve(rt, options), true);
  });

program
  .command('migrate')
  .description(
    'apply pending database migrations; create the district tenant, its first admin and reference data',
  )
  .action(async () => {
    await withRuntime(async (rt) => {
      const { applied, admin } = await prepareDatabase(rt);
      rt.log.info(
        { applied },
        applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date',
      );
      printAdminBanner(admin);
    });
  });

program
  .command('seed')
  .description(
    'load reference data, and demo data unless --no-demo, into the district tenant (each part once)',
  )
  .option('--no-demo', 'only reference data, no demo data')
  .action(async (options: { demo: boolean }) => {
    await withRuntime(async (rt) => {
      const { tenant, admin } = await prepareDatabase(rt);
      printAdminBanner(admin);
      const ran = await seedTenant(rt, tenant, options.demo);
      rt.log.info({ ran }, ran.length ? `seeded ${ran.join(', ')}` : 'nothing left to seed');
    });
  });

program
  .command('start')
  .description('migrate, seed what has not been seeded (demo data unless CHENGZHI_DEMO=false), then serve')
  .option('-p, --port <port>', 'port (default: PORT or 3000)', parsePort)
  .action(async (options: { port?: number }) => {
    await withRuntime(async (rt) => {
      const { tenant, admin } = await prepareDatabase(rt);
      const seeded = await seedTenant(rt, tenant, rt.config.demo);
      printAdminBanner(admin);
      printDemoBanner(seeded, options.port ?? rt.config.port);
      await serve(rt, { ...options, simulate: rt.config.demo && rt.config.simulation.enabled });
    }, true);
  });

program
  .command('simulate')
  .description('drive the real case commands with demo traffic: a history of past days, then optionally live')
  .option('--days <n>', 'days of history ending now', '30')
  .option('--per-day <n>', 'reports a day in the history', '600')
  .option('--seed <n>', 'random seed (the same seed replays the same traffic)', '1')
  .option('--live', 'keep new reports flowing in real time afterwards (Ctrl-C stops)', false)
  .option('--live-per-day <n>', 'reports a day in live mode', '150')
  .action(
    async (options: { days: string; perDay: string; seed: string; live: boolean; livePerDay: string }) => {
      await withRuntime(async (rt) => {
        const { tenant } = await prepareDatabase(rt);
        const sim = await openSimulation({
          db: rt.db,
          secrets: rt.secrets,
          filesDir: path.join(rt.config.dataDir, 'files'),
          tenantId: tenant.id,
          seed: Number(options.seed),
          log: (message) => rt.log.info(message),
        });
        const started = performance.now();
        const stats = await sim.history(Number(options.days), Number(options.perDay));
        const seconds = (performance.now() - started) / 1000;
        rt.log.info({ ...stats, seconds: Math.round(seconds) }, 'history simulated');
        if (options.live) {
          const stop = new AbortController();
          process.once('SIGINT', () => stop.abort());
          await sim.live(Number(options.livePerDay), stop.signal);
        }
        await sim.stop();
      });
    },
  );

const importCommand = program
  .command('import')
  .description('import geography from files (all or nothing, with a validation report)');

importCommand
  .command('regions <file>')
  .description('replace a region layer from a GeoJSON file or a zipped Shapefile (.zip)')
  .requiredOption('--level <level>', 'district, street, community or grid')
  .option('--crs <crs>', 'coordinate system of the file: wgs84, gcj02 or bd09', 'wgs84')
  .option('--code-field <name>', 'attribute holding the region code', 'code')
  .option('--name-field <name>', 'attribute holding the name', 'name')
  .option('--parent-field <name>', 'attribute holding the parent code (default: the code prefix)')
  .option('--layer <name>', 'layer of a zip with several shapefiles')
  .option('--synthetic', 'mark the geometry as synthetic (not surveyed)', false)
  .option('--dry-run', 'validate only', false)
  .action(async (file: string, options: RegionImportOptions) => {
    await withRuntime(async (rt) => {
      if (!(await importRegionsFromFile(rt, file, options))) process.exitCode = 1;
    });
  });

importCommand
  .command('components <file>')
  .description('add or replace components (部件) from a GeoJSON FeatureCollection of points')
  .option('--crs <crs>', 'coordinate system of the file: wgs84, gcj02 or bd09', 'wgs84')
  .option('--dry-run', 'validate only', false)
  .action(async (file: string, options: { crs: string; dryRun: boolean }) => {
    await withRuntime(async (rt) => {
      if (!(await importComponentsFromFile(rt, file, options))) process.exitCode = 1;
    });
  });

const calendarCommand = program.command('calendar').description('working-time calendar look-ups');
calendarCommand
  .command('deadline')
  .description('deadline = start + amount in a time-limit unit')
  .requiredOption('--start <instant>', 'ISO-8601, e.g. 2025-10-09T10:00:00+08:00')
  .requiredOption('--amount <n>', 'positive number')
  .requiredOption(
    '--unit <unit>',
    'urgent_hour, natural_day, work_hour, work_day, calendar_day or working_day',
  )
  .action(async (options: { start: string; amount: string; unit: string }) => {
    await withRuntime((rt) => printDeadline(rt, options));
  });
calendarCommand
  .command('elapsed')
  .description('time elapsed between two instants in a unit (minutes for hour units, days for day units)')
  .requiredOption('--from <instant>', 'ISO-8601')
  .requiredOption('--to <instant>', 'ISO-8601')
  .requiredOption('--unit <unit>', 'a time-limit unit')
  .action(async (options: { from: string; to: string; unit: string }) => {
    await withRuntime((rt) => printElapsed(rt, options));
  });

const auditCommand = program.command('audit').description('the tamper-evident record');
auditCommand
  .command('verify')
  .description('re-verify every hash chain and signed checkpoint; names each broken record and event')
  .option('--tenant <code>', 'tenant code (default: the district)')
  .option(
    '--public-key <key>',
    'another trusted checkpoint key (PEM file or 64 hex digits), e.g. after a key rotation; repeatable',
    (value: string, all: string[]) => [...all, value],
    [] as string[],
  )
  .option('--json', 'print the report as JSON', false)
  .action(async (options: { tenant?: string; publicKey: string[]; json: boolean }) => {
    await withRuntime(async (rt) => {
      if (!(await runAuditVerify(rt, options))) process.exitCode = 1;
    });
  });
auditCommand
  .command('checkpoint')
  .description('sign a checkpoint over everything written since the last one')
  .option('--tenant <code>', 'tenant code (default: the district)')
  .action(async (options: { tenant?: string }) => {
    await withRuntime((rt) => runAuditCheckpoint(rt, options));
  });

program
  .command('locate')
  .description('point → unit grid, community, street, district')
  .requiredOption('--lng <lng>', 'longitude')
  .requiredOption('--lat <lat>', 'latitude')
  .option('--crs <crs>', 'wgs84, gcj02 or bd09', 'wgs84')
  .action(async (options: { lng: string; lat: string; crs: string }) => {
    await withRuntime(async (rt) => {
      if (!(await printLocation(rt, options))) process.exitCode = 1;
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CalendarInputError) {
    process.stderr.write(`chengzhi: --${error.field}: ${error.message}\n`);
    process.exit(2);
  }
  if (
    error instanceof MigrationError ||
    error instanceof DataDirLockedError ||
    error instanceof CliInputError
  ) {
    process.stderr.write(`chengzhi: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
