/**
 * A fresh, migrated database per test file, on the engine the run was asked for: PGlite in memory by
 * default, or a new database on the PostgreSQL server at TEST_DATABASE_URL when TEST_DB_ENGINE=postgres.
 * Both start from a migrated template, built once per set of migrations, so a test file pays for a copy,
 * not for initdb plus every migration.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  migrate,
  openPglite,
  openPostgres,
  readMigrations,
  type Database,
} from '../../src/platform/db/index.js';
import { databaseOverPglite } from '../../src/platform/db/pglite.js';
import { fromPackageRoot } from '../../src/platform/paths.js';

export const TEST_ENGINE = process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const migrationsDir = fromPackageRoot('migrations');

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const m of readMigrations(migrationsDir)) h.update(m.version + m.checksum);
  return h.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `chengzhi-test-template-${migrationsHash()}.tar.gz`);
  if (!existsSync(file)) {
    const fresh = await PGlite.create();
    const db = databaseOverPglite(fresh);
    await migrate(db, migrationsDir);
    const dump = await fresh.dumpDataDir('gzip');
    await db.close();
    // Write then rename: concurrent test files may race to build the same template.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

function serverUrl(database?: string): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL');
  if (!database) return url;
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

async function postgresTemplate(admin: pg.Client): Promise<string> {
  const name = `chengzhi_tpl_${migrationsHash()}`;
  await admin.query('SELECT pg_advisory_lock(424242)');
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name}`);
      const db = openPostgres({ url: serverUrl(name), maxConnections: 2 });
      await migrate(db, migrationsDir);
      await db.close();
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(424242)');
  }
  return name;
}

export interface TestDb {
  db: Database;
  /** The PostgreSQL connection string (PostgreSQL runs only), for tests that start other processes. */
  url?: string;
  close(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  if (TEST_ENGINE === 'pglite') {
    const db = await openPglite({ dataDir: null, loadDataDir: await pgliteTemplate() });
    return { db, close: () => db.close() };
  }
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  const template = await postgresTemplate(admin);
  const name = `chengzhi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = openPostgres({ url: serverUrl(name), maxConnections: 8 });
  return {
    db,
    url: serverUrl(name),
    close: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
