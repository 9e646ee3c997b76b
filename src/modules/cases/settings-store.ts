/** SQL of the per-tenant settings of the case loop. */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { StoredCaseSettings } from './domain/settings.js';

export async function readSettings(
  ex: Executor,
  tenantId: number,
): Promise<{ content: StoredCaseSettings; version: number } | null> {
  const r = await sql<{ content: StoredCaseSettings; version: number }>`
    SELECT content, version FROM case_settings WHERE tenant_id = ${tenantId}`.execute(ex);
  return r.rows[0] ?? null;
}

export async function writeSettings(
  ex: Executor,
  tenantId: number,
  content: StoredCaseSettings,
  expectedVersion: number | null,
  now: Date,
): Promise<number | null> {
  if (expectedVersion === null) {
    const r = await sql<{ version: number }>`INSERT INTO case_settings (tenant_id, content, updated_at)
      VALUES (${tenantId}, ${JSON.stringify(content)}::jsonb, ${now})
      ON CONFLICT (tenant_id) DO NOTHING RETURNING version`.execute(ex);
    return r.rows[0]?.version ?? null;
  }
  const r = await sql<{ version: number }>`UPDATE case_settings
    SET content = ${JSON.stringify(content)}::jsonb, version = version + 1, updated_at = ${now}
    WHERE tenant_id = ${tenantId} AND version = ${expectedVersion} RETURNING version`.execute(ex);
  return r.rows[0]?.version ?? null;
}
