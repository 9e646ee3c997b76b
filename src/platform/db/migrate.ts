import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database, Executor } from './database.js';

export interface MigrationFile {
  version: string;
  name: string;
  checksum: string;
  sql: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function checksum(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

export function readMigrations(dir: string): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const seen = new Set<string>();
  return files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new MigrationError(`migration file name "${file}" does not match NNNN_name.sql`);
    const version = match[1] as string;
    if (seen.has(version)) throw new MigrationError(`two migrations share the number ${version}`);
    seen.add(version);
    const text = readFileSync(path.join(dir, file), 'utf8');
    return { version, name: match[2] as string, checksum: checksum(text), sql: text };
  });
}

interface AppliedRow {
  version: string;
  name: string;
  checksum: string;
}

async function appliedMigrations(ex: Executor): Promise<AppliedRow[]> {
  await sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(ex);
  const result =
    await sql<AppliedRow>`SELECT version, name, checksum FROM schema_migrations ORDER BY version`.execute(ex);
  return result.rows;
}

/** Refuses to run when history and files disagree: migrations are forward-only and never edited. */
export function planMigrations(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  for (const row of applied) {
    const file = byVersion.get(row.version);
    if (!file) {
      throw new MigrationError(
        `migration ${row.version}_${row.name} was applied but its file is missing; restore it (migrations are never deleted)`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.version}_${row.name} changed after it was applied (checksum ${row.checksum.slice(0, 12)} → ` +
          `${file.checksum.slice(0, 12)}); write a new migration instead of editing an applied one`,
      );
    }
  }
  const appliedVersions = new Set(applied.map((r) => r.version));
  const pending = files.filter((f) => !appliedVersions.has(f.version));
  const lastApplied = applied.at(-1)?.version;
  const early = lastApplied ? pending.find((f) => f.version < lastApplied) : undefined;
  if (early) {
    throw new MigrationError(
      `migration ${early.version}_${early.name} is numbered before the already applied ${lastApplied}; renumber it`,
    );
  }
  return pending;
}

// Any fixed number works: every process that migrates takes the same advisory lock.
const MIGRATION_LOCK_KEY = 7_263_511;

/**
 * Applies pending migrations, each in its own transaction together with its history row. On PostgreSQL an
 * advisory lock keeps two starting processes from migrating at once; PGlite has one process by design.
 */
export async function migrate(db: Database, dir: string): Promise<MigrationResult> {
  const files = readMigrations(dir);
  return db.sql.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      const applied = await appliedMigrations(conn);
      const pending = planMigrations(files, applied);
      for (const file of pending) {
        await conn.transaction().execute(async (tx) => {
          await sql.raw(file.sql).execute(tx);
          await sql`INSERT INTO schema_migrations (version, name, checksum) VALUES (${file.version}, ${file.name}, ${file.checksum})`.execute(
            tx,
          );
        });
      }
      return { applied: pending.map((f) => `${f.version}_${f.name}`), alreadyApplied: applied.length };
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
