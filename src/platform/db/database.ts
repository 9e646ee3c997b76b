import type { Kysely, Transaction } from 'kysely';

export type Engine = 'pglite' | 'postgres';

/**
 * Something that runs SQL: the database itself or an open transaction. Stores take one as their first
 * argument and narrow it to their own tables with `withTables<ModuleTables>()`, so no module needs to know
 * every other module's tables.
 */
export type Executor = Kysely<object>;
export type Tx = Transaction<object>;

export interface Database {
  readonly engine: Engine;
  /** Where another connection (a worker thread's) reaches the same database; PostgreSQL only. */
  readonly url?: string;
  /** Runs statements outside any transaction (reads, health checks). */
  readonly sql: Executor;
  /**
   * Runs fn in one transaction. Nothing else may be awaited inside fn: on PGlite every other query waits
   * until the transaction ends, and on PostgreSQL a row lock would be held across the wait.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
