import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.js';
import type { TerritoryLevel } from './domain/territory.js';
import type { Rule, RuleMatch, RuleTarget } from './domain/types.js';

export interface StoredRule extends Rule {
  version: number;
}

interface RuleRow {
  id: string;
  name: string;
  priority: number;
  enabled: boolean;
  match: RuleMatch;
  target: RuleTarget;
  version: number;
}

const toRule = (r: RuleRow): StoredRule => ({ ...r });

export async function listRules(ex: Executor, tenantId: number): Promise<StoredRule[]> {
  const r = await sql<RuleRow>`SELECT id, name, priority, enabled, match, target, version FROM dispatch_rules
    WHERE tenant_id = ${tenantId} ORDER BY priority DESC, id`.execute(ex);
  return r.rows.map(toRule);
}

export async function findRule(ex: Executor, tenantId: number, id: string): Promise<StoredRule | null> {
  const r = await sql<RuleRow>`SELECT id, name, priority, enabled, match, target, version FROM dispatch_rules
    WHERE tenant_id = ${tenantId} AND id = ${id} FOR UPDATE`.execute(ex);
  return r.rows[0] ? toRule(r.rows[0]) : null;
}

export async function upsertRules(
  ex: Executor,
  tenantId: number,
  rules: readonly Rule[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < rules.length; i += 1000) {
    const rows = rules.slice(i, i + 1000);
    await sql`
      INSERT INTO dispatch_rules (tenant_id, id, name, priority, enabled, match, target, updated_at)
      SELECT ${tenantId}, id, name, priority, enabled, match, target, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id text, name text, priority int, enabled boolean, match jsonb, target jsonb)
      ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, priority = excluded.priority, enabled = excluded.enabled,
        match = excluded.match, target = excluded.target, version = dispatch_rules.version + 1, updated_at = excluded.updated_at`.execute(
      ex,
    );
  }
}

export async function deleteRule(ex: Executor, tenantId: number, id: string): Promise<boolean> {
  const r = await sql`DELETE FROM dispatch_rules WHERE tenant_id = ${tenantId} AND id = ${id}`.execute(ex);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export interface DispatchSettings {
  fallbackUnitCode: string;
  territoryLevel: TerritoryLevel;
  revision: number;
}

export async function readSettings(ex: Executor, tenantId: number): Promise<DispatchSettings | null> {
  const r = await sql<{ fallback_unit_code: string; territory_level: TerritoryLevel; revision: number }>`
    SELECT fallback_unit_code, territory_level, revision FROM dispatch_settings WHERE tenant_id = ${tenantId}`.execute(
    ex,
  );
  const row = r.rows[0];
  return row
    ? {
        fallbackUnitCode: row.fallback_unit_code,
        territoryLevel: row.territory_level,
        revision: row.revision,
      }
    : null;
}

/** Saves settings (when given) and bumps the revision, so every process recompiles. */
export async function bumpRevision(
  ex: Executor,
  tenantId: number,
  settings: { fallbackUnitCode: string; territoryLevel: TerritoryLevel } | null,
): Promise<number> {
  const r = settings
    ? await sql<{ revision: number }>`
        INSERT INTO dispatch_settings (tenant_id, fallback_unit_code, territory_level)
        VALUES (${tenantId}, ${settings.fallbackUnitCode}, ${settings.territoryLevel})
        ON CONFLICT (tenant_id) DO UPDATE SET fallback_unit_code = excluded.fallback_unit_code,
          territory_level = excluded.territory_level, revision = dispatch_settings.revision + 1
        RETURNING revision`.execute(ex)
    : await sql<{ revision: number }>`
        UPDATE dispatch_settings SET revision = revision + 1 WHERE tenant_id = ${tenantId} RETURNING revision`.execute(
        ex,
      );
  return r.rows[0]?.revision ?? 0;
}
