import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, Tx } from './database.js';
import { pgTypes } from './pg-types.js';
import { preparedName } from './prepared.js';

/** Runs statements marked with `prepared(...)` as named prepared statements (see prepared.ts). */
class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? preparedName(text) : null;
    const query = (a: unknown[]) =>
      (super.query as (this: pg.Client, ...b: unknown[]) => never).apply(this, a);
    return name === null
      ? query(args)
      : query([{ name, text, values }, ...(callback === undefined ? [] : [callback])]);
  }
}

export interface PostgresOptions {
  url: string;
  maxConnections?: number;
}

export function openPostgres(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    types: pgTypes,
    Client: PreparingClient,
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
