/**
 * What the case commands need from the rest of the platform, and a per-tenant snapshot of the slow-changing
 * inputs (working calendar and its version, settings, tenant code) refreshed every few seconds, so the intake
 * hot path reads no extra rows.
 */
import type { Secrets } from '../../platform/auth/index.js';
import { findTenantById } from '../../platform/auth/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import type { CalendarService, WorkingCalendar } from '../calendar/index.js';
import type { DispatchService } from '../dispatch/index.js';
import type { EvidenceLookup } from '../evidence/index.js';
import type { GeoService } from '../geo/index.js';
import type { OrgService } from '../org/index.js';
import type { TaxonomyService } from '../taxonomy/index.js';
import { effectiveSettings, type CaseSettings } from './domain/settings.js';
import * as settingsStore from './settings-store.js';

export interface CasesDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly calendars: CalendarService;
  readonly geo: GeoService;
  readonly taxonomy: TaxonomyService;
  readonly dispatch: DispatchService;
  readonly org: OrgService;
  readonly secrets: Secrets;
  readonly evidence?: EvidenceLookup;
  /** Outbound HTTP for the 12345 webhook (tests pass a fake). */
  readonly fetch?: typeof fetch;
  /** The power-list item (权力事项) the case loop exercises, in force now (the oversight module). */
  readonly caseLoopItem?: (tenantId: number) => Promise<PowerItemRef | null>;
}

/** Which item of the power list, in which version of the list, a case exercises. */
export interface PowerItemRef {
  code: string;
  version: number;
}

export interface TenantContext {
  readonly tenantId: number;
  readonly tenantCode: string;
  readonly calendar: WorkingCalendar;
  readonly calendarVersion: number;
  readonly settings: CaseSettings;
  readonly settingsVersion: number;
  readonly powerItem: PowerItemRef | null;
}

const REFRESH_MS = 5_000;

export function createContextCache(deps: CasesDeps) {
  const entries = new Map<number, { value: TenantContext; loadedAt: number }>();
  const loading = new Map<number, Promise<TenantContext>>();

  async function load(tenantId: number): Promise<TenantContext> {
    const [tenant, calendar, calendarVersion, stored, powerItem] = await Promise.all([
      findTenantById(deps.db.sql, tenantId),
      deps.calendars.forTenant(tenantId),
      deps.calendars.versionOf(tenantId),
      settingsStore.readSettings(deps.db.sql, tenantId),
      deps.caseLoopItem ? deps.caseLoopItem(tenantId) : null,
    ]);
    return {
      tenantId,
      tenantCode: tenant?.code ?? String(tenantId),
      calendar,
      calendarVersion,
      settings: effectiveSettings(stored?.content),
      settingsVersion: stored?.version ?? 0,
      powerItem,
    };
  }

  return {
    /** Must not be called inside a transaction (it may read the database). */
    async get(tenantId: number): Promise<TenantContext> {
      const now = Date.now();
      const hit = entries.get(tenantId);
      if (hit && now - hit.loadedAt < REFRESH_MS) return hit.value;
      let pending = loading.get(tenantId);
      if (!pending) {
        pending = load(tenantId)
          .then((value) => {
            entries.set(tenantId, { value, loadedAt: Date.now() });
            return value;
          })
          .finally(() => loading.delete(tenantId));
        loading.set(tenantId, pending);
      }
      return pending;
    },
    invalidate(tenantId: number): void {
      entries.delete(tenantId);
    },
  };
}

export type ContextCache = ReturnType<typeof createContextCache>;
