import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { Database, Tx } from './database.js';
import { pgTypes } from './pg-types.js';

export interface PgliteOptions {
  /** A folder for the data, or null for a throwaway in-memory database (tests). */
  dataDir: string | null;
  /** A tarball made by `dumpDataDir()`, to start from a prepared database instead of running initdb. */
  loadDataDir?: Blob | File;
}

/**
 * Embedded PostgreSQL through the same node-postgres client as the server, so there is one code path.
 * PGlite has a single session: the pool holds exactly one connection, which serialises transactions (a raw
 * BEGIN on a shared handle would let another request's write run inside this transaction).
 */
export async function openPglite(options: PgliteOptions): Promise<Database> {
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  let lite: PGlite;
  try {
    lite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    release();
    throw error;
  }
  return databaseOverPglite(lite, release);
}

/** Wraps an open PGlite instance; close() also closes the instance and runs release (the lock). */
export function databaseOverPglite(lite: PGlite, release: () => void = () => undefined): Database {
  const pool = new pg.Pool({
    ...createPgConfig(lite),
    max: 1,
    types: pgTypes,
    connectionTimeoutMillis: 60_000,
    // The adapter has one connection object for the life of the PGlite instance; never retire the client.
    idleTimeoutMillis: 0,
  });
  const kysely = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'pglite',
    sql: kysely,
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => kysely.transaction().execute(fn),
    close: async () => {
      await kysely.destroy();
      await lite.close();
      release();
    },
  };
}
