export type { Database, Engine, Executor, Tx } from './database.js';
export { openDatabase } from './open.js';
export { openPglite } from './pglite.js';
export { openPostgres } from './postgres.js';
export { migrate, MigrationError, readMigrations } from './migrate.js';
export { DataDirLockedError } from './data-dir-lock.js';
export { createGroupCommitter, type GroupCommitter } from './group-commit.js';
export { oneStatement, withClauses } from './one-statement.js';
export { prepared } from './prepared.js';
