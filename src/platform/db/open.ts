import path from 'node:path';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface OpenDatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
}

/** PostgreSQL when a URL is configured; otherwise embedded PGlite kept under DATA_DIR/pglite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres({ url: options.databaseUrl });
  return openPglite({ dataDir: path.join(options.dataDir, 'pglite') });
}
