import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, Tx } from './database.js';
import { pgTypes } from './pg-types.js';

export interface PostgresOptions {
  url: string;
  maxConnections?: number;
}

export function openPostgres(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    types: pgTypes,
    // A stuck pool should fail a request rather than hang it forever.
    connectionTimeoutMillis: 15_000,
  });
  // An idle client that loses its connection emits an error on the pool; without a listener it kills the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    url: options.url,
    sql: kysely,
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => kysely.transaction().execute(fn),
    close: () => kysely.destroy(),
  };
}
