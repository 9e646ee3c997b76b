/**
 * The database a benchmark runs on: a fresh database on the PostgreSQL server at BENCH_DATABASE_URL (created
 * as chengzhi_bench_<name>_<pid>, migrated with the project's migrations, dropped at the end), or, without
 * it, a PGlite database in a temporary folder (on disk, like `npm start`), removed at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  RawNode,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import { migrate, openPglite, openPostgres, type Database, type Tx } from '../src/platform/db/index.js';
import { fromPackageRoot } from '../src/platform/paths.js';
import { PREPARED_MARK } from '../src/platform/db/prepared.js';
import { formatNumber, type Cell } from './table.js';

export interface BenchDb {
  readonly db: Database;
  readonly engine: 'postgres' | 'pglite';
  /** Where the data lives, for the output (never the password). */
  readonly where: string;
  /** Runs a statement outside the app's pool (CHECKPOINT, statistics); null on PGlite. */
  admin(text: string): Promise<pg.QueryResult | null>;
  close(): Promise<void>;
}

function redact(url: URL): string {
  const copy = new URL(url.toString());
  copy.password = '';
  return copy.toString();
}

export async function openBenchDb(name: string, options: { maxConnections?: number } = {}): Promise<BenchDb> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `chengzhi-bench-${name}-`));
    const db = await openPglite({ dataDir: dir });
    try {
      await migrate(db, fromPackageRoot('migrations'));
    } catch (error) {
      await db.close();
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return {
      db,
      engine: 'pglite',
      where: `PGlite in ${dir}`,
      admin: async () => null,
      close: async () => {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const database = `chengzhi_bench_${name}_${process.pid}`;
  const server = new pg.Client({ connectionString: url });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await server.query(`CREATE DATABASE ${database}`);
  const target = new URL(url);
  target.pathname = `/${database}`;
  const db = openPostgres({
    url: target.toString(),
    ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
  });
  const side = new pg.Client({ connectionString: target.toString() });
  const drop = async () => {
    await side.end().catch(() => undefined);
    await db.close().catch(() => undefined);
    // BENCH_KEEP_DB=1 keeps the database for a closer look (psql, another run of one step).
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${database}`);
    else await server.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await server.end();
  };
  try {
    await side.connect();
    await migrate(db, fromPackageRoot('migrations'));
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    db,
    engine: 'postgres',
    where: redact(target),
    admin: (text) => side.query(text),
    close: drop,
  };
}

/** The settings that decide what a commit costs, as rows for printTable. */
export async function serverSettings(bench: BenchDb): Promise<Cell[][]> {
  const names = [
    'server_version',
    'fsync',
    'synchronous_commit',
    'wal_sync_method',
    'full_page_writes',
    'commit_delay',
    'shared_buffers',
    'max_wal_size',
  ];
  const rows: Cell[][] = [
    ['engine', bench.engine === 'postgres' ? 'PostgreSQL server' : 'PGlite (embedded, one connection)'],
    ['database', bench.where],
  ];
  for (const name of names) {
    const r = await sql<Record<string, string>>`SHOW ${sql.raw(name)}`
      .execute(bench.db.sql)
      .catch(() => null);
    rows.push([name, r?.rows[0]?.[name] ?? '?']);
  }
  return rows;
}

/** Flushes dirty pages so a checkpoint does not land in the middle of the next measurement (PostgreSQL). */
export async function checkpoint(bench: BenchDb): Promise<void> {
  await bench.admin('CHECKPOINT').catch(() => undefined);
}

// ── Round-trip accounting ───────────────────────────────────────────────────────────────────────────────

interface StatementStats {
  count: number;
  totalMs: number;
  maxMs: number;
}

const rawNames = new Map<string, string>();

/** The first table a built query names (FROM, INTO, UPDATE), found without serialising the tree. */
function firstTable(node: unknown, depth = 0): string | null {
  if (depth > 4 || typeof node !== 'object' || node === null) return null;
  const n = node as Record<string, unknown> & { kind?: string };
  if (n.kind === 'TableNode') {
    const table = n.table as { identifier?: { name?: string } } | undefined;
    return table?.identifier?.name ?? null;
  }
  for (const key of ['from', 'froms', 'into', 'table', 'node', '0']) {
    const child = n[key];
    const found = Array.isArray(child) ? firstTable(child[0], depth + 1) : firstTable(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A short name for a statement: the start of raw SQL, or the kind and first table of a built query. */
function statementName(node: RootOperationNode): string {
  if (RawNode.is(node)) {
    // `prepared(statement)`: name the statement inside the mark.
    const inner = node.parameters[0];
    if (node.sqlFragments[0]?.startsWith(PREPARED_MARK) && inner && RawNode.is(inner)) {
      return `${statementName(inner)} (prepared)`;
    }
    const key = node.sqlFragments.length === 1 ? (node.sqlFragments[0] ?? '') : node.sqlFragments.join('?');
    let name = rawNames.get(key);
    if (name === undefined) {
      const text = key.replace(/\s+/g, ' ').trim();
      const match = /^(WITH \w+|INSERT INTO \w+|UPDATE \w+|DELETE FROM \w+|SELECT .*? FROM \w+|\w+)/i.exec(
        text,
      );
      name = (match?.[1] ?? text).replace(/^SELECT .*? FROM/i, 'SELECT … FROM').slice(0, 60);
      rawNames.set(key, name);
    }
    return name;
  }
  return `${node.kind.replace(/QueryNode$/, '').toLowerCase()} ${firstTable(node) ?? '?'} (query builder)`;
}

/** Times each statement from compilation to its result (the round trip, waits included). */
class RoundTrips implements KyselyPlugin {
  readonly started = new Map<string, { name: string; at: number }>();
  readonly stats = new Map<string, StatementStats>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.started.set(args.queryId.queryId, { name: statementName(args.node), at: performance.now() });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const start = this.started.get(args.queryId.queryId);
    if (start) {
      this.started.delete(args.queryId.queryId);
      this.add(start.name, performance.now() - start.at);
    }
    return args.result;
  }
  add(name: string, ms: number): void {
    const s = this.stats.get(name) ?? { count: 0, totalMs: 0, maxMs: 0 };
    s.count += 1;
    s.totalMs += ms;
    s.maxMs = Math.max(s.maxMs, ms);
    this.stats.set(name, s);
  }
}

/**
 * The same database, with every statement and transaction timed in this process: for each statement kind the
 * round trips and their time (compile → result, so waiting for a lock or a pool connection counts), and for
 * transactions the time outside their statements (connection, BEGIN, COMMIT with its WAL flush).
 */
export function timedDatabase(db: Database) {
  const trips = new RoundTrips();
  const timedSql = db.sql.withPlugin(trips);
  let recording = false;
  const wrapped: Database = {
    engine: db.engine,
    get sql() {
      return recording ? timedSql : db.sql;
    },
    transaction: async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
      if (!recording) return db.transaction(fn);
      const started = performance.now();
      let inside = 0;
      try {
        return await db.transaction(async (tx) => {
          const t0 = performance.now();
          try {
            return await fn(tx.withPlugin(trips));
          } finally {
            inside = performance.now() - t0;
          }
        });
      } finally {
        trips.add('(transaction: connection + BEGIN + COMMIT)', performance.now() - started - inside);
        trips.add('(transaction: whole)', performance.now() - started);
      }
    },
    close: () => db.close(),
  };
  return {
    db: wrapped,
    start(): void {
      trips.stats.clear();
      trips.started.clear();
      recording = true;
    },
    /** Stops recording for a while without forgetting what was recorded. */
    pause(): void {
      recording = false;
    },
    resume(): void {
      recording = true;
    },
    /** Rows for printTable (header: roundTripHeader): statement, count, per unit of work, mean, max, sum per unit. */
    stop(units: number): Cell[][] {
      recording = false;
      const rows = [...trips.stats].sort((a, b) => b[1].totalMs - a[1].totalMs);
      return rows.map(([name, s]) => [
        name,
        s.count,
        formatNumber(s.count / units, 3),
        formatNumber(s.totalMs / s.count, 2),
        formatNumber(s.maxMs, 1),
        formatNumber(s.totalMs / units, 3),
      ]);
    },
  };
}

export function roundTripHeader(unit: string): string[] {
  return ['statement', 'count', `per ${unit}`, 'mean ms', 'max ms', `ms per ${unit} (sum)`];
}
