/**
 * Dispatch as a service: the tenant's rules compiled once into an index (recompiled when rules, settings or
 * units change), the "why here?" resolution for a case, and the audited rule administration.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { createVersionedCache } from '../../platform/versioned-cache.js';
import type { Crs, GeoService } from '../geo/index.js';
import type { OrgService, Unit } from '../org/index.js';
import { compileRules, type CompiledRuleSet } from './domain/compile-rules.js';
import { explain } from './domain/explain.js';
import { resolve } from './domain/resolve.js';
import type { TerritoryLevel } from './domain/territory.js';
import type { CaseFacts, CategoryType, DispatchUnit, Resolution, Rule } from './domain/types.js';
import * as store from './store.js';

const toDispatchUnit = (u: Unit): DispatchUnit => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentCode: u.parentCode,
  regionCodes: u.regionCodes,
  active: u.active,
});

export interface ResolveInput {
  categoryType: CategoryType;
  majorCode: string;
  minorCode: string;
  standardId?: string | null;
  location?: { lng: number; lat: number; crs: Crs } | null;
  componentId?: string | null;
}

export function createDispatchService(deps: {
  db: Database;
  clock: Clock;
  geo: GeoService;
  org: OrgService;
}) {
  const { db, clock, geo, org } = deps;

  // Units change in the organisation module; their version total joins the rule revision in the cache key, so
  // deactivating a unit takes effect here without the organisation module knowing about dispatch.
  async function cacheKey(tenantId: number): Promise<number> {
    const r = await sql<{ revision: number | null; units: number }>`
      SELECT (SELECT revision FROM dispatch_settings WHERE tenant_id = ${tenantId}) AS revision,
             (SELECT coalesce(sum(version), 0)::int FROM units WHERE tenant_id = ${tenantId}) AS units`.execute(
      db.sql,
    );
    const row = r.rows[0];
    return (row?.revision ?? 0) * 1_000_000 + (row?.units ?? 0);
  }

  // Never called inside a transaction: it reads units through the organisation service's own connection, and
  // PGlite's single connection would be held by the transaction (a deadlock).
  async function compileFor(
    tenantId: number,
    rules: readonly Rule[],
    settings: Omit<store.DispatchSettings, 'revision'> | null,
  ) {
    if (!settings) throw errors.notFound('dispatch settings');
    const units = (await org.listUnits(tenantId)).map(toDispatchUnit);
    return compileRules(rules, units, {
      fallbackUnitCode: settings.fallbackUnitCode,
      territoryLevel: settings.territoryLevel,
    });
  }

  const cache = createVersionedCache<CompiledRuleSet>({
    clock,
    readVersion: cacheKey,
    load: async (tenantId) => {
      const version = await cacheKey(tenantId);
      const [rules, settings] = await Promise.all([
        store.listRules(db.sql, tenantId),
        store.readSettings(db.sql, tenantId),
      ]);
      return { value: await compileFor(tenantId, rules, settings), version };
    },
  });

  async function resolveCase(
    tenantId: number,
    input: ResolveInput,
  ): Promise<{ resolution: Resolution; explanation: string[]; facts: CaseFacts }> {
    const located = input.location
      ? await geo.locate(tenantId, input.location.lng, input.location.lat, input.location.crs)
      : null;
    const component = input.componentId ? await geo.findComponent(tenantId, input.componentId) : null;
    if (input.componentId && !component) {
      throw errors.validation('componentId', `no component ${input.componentId}`);
    }
    const facts: CaseFacts = {
      categoryType: input.categoryType,
      majorCode: input.majorCode,
      minorCode: input.minorCode,
      standardId: input.standardId ?? null,
      location: located ? { lng: located.position[0], lat: located.position[1] } : null,
      regions: located
        ? {
            gridCode: located.grid.code,
            communityCode: located.community?.code ?? null,
            streetCode: located.street?.code ?? null,
            districtCode: located.district?.code ?? null,
          }
        : {},
      component: component
        ? {
            id: component.id,
            ownerUnitCode: component.ownerUnit,
            maintainerUnitCode: component.maintainerUnit,
          }
        : null,
    };
    const resolution = resolve(await cache.get(tenantId), facts);
    return { resolution, explanation: explain(resolution), facts };
  }

  /** Refuses a rule set in which this rule has a problem (unknown unit, bad category nesting, broken polygon…). */
  function checkRule(set: CompiledRuleSet, ruleId: string): void {
    const problems = set.problems.filter((p) => p.ruleId === ruleId);
    if (problems.length > 0) {
      throw new AppError(422, 'RULE_INVALID', problems.map((p) => p.message).join('; '), {
        field: 'rule',
        details: { problems },
      });
    }
  }

  async function saveRule(
    actor: Actor,
    rule: Rule,
    expectedVersion: number | null,
  ): Promise<store.StoredRule> {
    const now = clock.now();
    const others = (await store.listRules(db.sql, actor.tenantId)).filter((r) => r.id !== rule.id);
    checkRule(
      await compileFor(actor.tenantId, [...others, rule], await store.readSettings(db.sql, actor.tenantId)),
      rule.id,
    );
    await db.transaction(async (tx) => {
      const before = await store.findRule(tx, actor.tenantId, rule.id);
      if (expectedVersion !== null && (before?.version ?? 0) !== expectedVersion) {
        throw errors.versionConflict(expectedVersion, before?.version ?? 0);
      }
      await store.upsertRules(tx, actor.tenantId, [rule], now);
      await store.bumpRevision(tx, actor.tenantId, null);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'dispatch-rule',
          streamId: rule.id,
          name: before ? 'dispatch.rule.changed' : 'dispatch.rule.created',
          payload: { before, after: rule },
        },
      ]);
    });
    cache.invalidate(actor.tenantId);
    return (await store.listRules(db.sql, actor.tenantId)).find((r) => r.id === rule.id) as store.StoredRule;
  }

  async function removeRule(actor: Actor, id: string): Promise<void> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const before = await store.findRule(tx, actor.tenantId, id);
      if (!before || !(await store.deleteRule(tx, actor.tenantId, id))) throw errors.notFound('rule');
      await store.bumpRevision(tx, actor.tenantId, null);
      await appendEvents(tx, actor, now, [
        { streamType: 'dispatch-rule', streamId: id, name: 'dispatch.rule.removed', payload: { before } },
      ]);
    });
    cache.invalidate(actor.tenantId);
  }

  async function saveSettings(
    actor: Actor,
    settings: { fallbackUnitCode: string; territoryLevel: TerritoryLevel },
  ): Promise<void> {
    const now = clock.now();
    try {
      await compileFor(actor.tenantId, await store.listRules(db.sql, actor.tenantId), settings);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw errors.validation('fallbackUnitCode', (error as Error).message);
    }
    await db.transaction(async (tx) => {
      await store.bumpRevision(tx, actor.tenantId, settings);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'dispatch-settings',
          streamId: String(actor.tenantId),
          name: 'dispatch.settings.changed',
          payload: { ...settings },
        },
      ]);
    });
    cache.invalidate(actor.tenantId);
  }

  return {
    resolveCase,
    saveRule,
    removeRule,
    saveSettings,
    compiled: (tenantId: number) => cache.get(tenantId),
    listRules: (tenantId: number) => store.listRules(db.sql, tenantId),
    readSettings: (tenantId: number) => store.readSettings(db.sql, tenantId),
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
