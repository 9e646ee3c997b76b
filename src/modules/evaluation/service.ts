/**
 * The evaluation service: indicator tables and rankings from the rollups, scores by scheme, the monthly
 * bulletin, hot spots, the consistency check, schemes and period snapshots, and the monthly job (`tick`).
 */
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { inScope, type DataScope, type OrgService } from '../org/index.js';
import { localDay } from './domain/credit.js';
import { type Dimension, type ObjectType } from './domain/counters.js';
import { COUNTS, indicators, rateDef, type IndicatorRow, type Totals } from './domain/indicators.js';
import { lastMonth, parsePeriod, previousPeriod, type Period } from './domain/periods.js';
import { PRESETS, schemeProblem, score, type Scheme, type Score } from './domain/schemes.js';
import { checkConsistency } from './consistency.js';
import * as store from './store.js';

export interface EvaluationDeps {
  db: Database;
  clock: Clock;
  org: OrgService;
}

export interface TableRow {
  readonly code: string;
  readonly name: string | null;
  readonly totals: Totals;
  readonly indicators: IndicatorRow;
  readonly score?: Score;
  readonly rank?: number;
}

export interface TableQuery {
  readonly tenantId: number;
  readonly objectType: ObjectType;
  readonly period: Period;
  /** Region code prefix (region objects) or unit code (unit objects) to narrow the table. */
  readonly within?: string;
  readonly scope: DataScope;
}

const REGION_TYPES: readonly ObjectType[] = ['district', 'street', 'community', 'grid'];
/** Objects a viewer with a limited scope may see (others aggregate across the whole tenant). */
function visible(scope: DataScope, type: ObjectType, code: string): boolean {
  if (scope.all) return true;
  if (REGION_TYPES.includes(type)) return inScope(scope, { regionCode: code, unitCode: null });
  if (type === 'unit') return scope.unitCodes.includes(code);
  return false;
}

export function periodOrThrow(label: string, field = 'period'): Period {
  const p = parsePeriod(label);
  if (!p) {
    throw errors.validation(
      field,
      'a period: 2025-10-09, 2025-W41, 2025-10, 2025-Q4, 2025 or 2025-10-01..2025-10-15',
    );
  }
  return p;
}

export interface ResolvedScheme {
  readonly scheme: Scheme;
  readonly year: number;
  /** 0 for a shipped preset the tenant never changed. */
  readonly version: number;
}

export function createEvaluationService(deps: EvaluationDeps) {
  const { db } = deps;

  async function unitNames(tenantId: number): Promise<Map<string, string>> {
    return new Map((await deps.org.listUnits(tenantId)).map((u) => [u.code, u.name]));
  }

  /** The indicator table of every object of a type over a period (no scheme). */
  async function table(q: TableQuery): Promise<TableRow[]> {
    const dim = q.objectType as Dimension;
    const prefix = q.within && REGION_TYPES.includes(q.objectType) ? q.within : undefined;
    const rows = await store.totals(db.sql, q.tenantId, dim, q.period.from, q.period.to, {
      ...(prefix ? { codePrefix: prefix } : {}),
    });
    const byCode = new Map<string, Record<string, number>>();
    const of = (code: string) => {
      let t = byCode.get(code);
      if (!t) byCode.set(code, (t = {}));
      return t;
    };
    for (const r of rows) of(r.code)[r.metric] = r.n;
    // 超期未处置 is a level at the end of the period, not a sum over it.
    const levels = await store.overdueLevels(db.sql, q.tenantId, dim, q.period.to, prefix);
    for (const t of byCode.values()) t.overdueOpen = 0;
    for (const [code, n] of levels) if (n !== 0) of(code).overdueOpen = n;
    if (q.objectType === 'inspector') await addMissed(q, of);

    const names = q.objectType === 'unit' ? await unitNames(q.tenantId) : new Map<string, string>();
    const out: TableRow[] = [];
    for (const [code, totals] of byCode) {
      if (!visible(q.scope, q.objectType, code)) continue;
      if (q.within && q.objectType === 'unit' && code !== q.within) continue;
      out.push({ code, name: names.get(code) ?? null, totals, indicators: indicators(totals) });
    }
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * 漏报数 of an inspector: valid (filed) reports from every other channel in the grids of the inspector's
   * beats (as the beats are now) — problems in their grids that someone else found first.
   */
  async function addMissed(q: TableQuery, of: (code: string) => Record<string, number>): Promise<void> {
    const beats = await deps.org.listBeats(q.tenantId);
    if (beats.length === 0) return;
    const grid = await store.totals(db.sql, q.tenantId, 'grid', q.period.from, q.period.to, {
      metrics: ['publicValid'],
    });
    const perGrid = new Map(grid.map((g) => [g.code, g.n]));
    const grids = new Map<string, Set<string>>();
    for (const b of beats) {
      if (b.inspectorAccountId === null) continue;
      const id = String(b.inspectorAccountId);
      const set = grids.get(id) ?? new Set<string>();
      for (const g of b.gridCodes) set.add(g);
      grids.set(id, set);
    }
    for (const [id, set] of grids) {
      let missed = 0;
      for (const g of set) missed += perGrid.get(g) ?? 0;
      of(id).missed = missed;
    }
  }

  async function resolveScheme(tenantId: number, code: string, year: number): Promise<ResolvedScheme> {
    const stored = await store.findScheme(db.sql, tenantId, code, year);
    if (stored) return { scheme: stored.definition as Scheme, year: stored.year, version: stored.version };
    const preset = PRESETS.find((s) => s.code === code);
    if (!preset) {
      throw new AppError(404, 'NOT_FOUND', `no scheme ${code}`, {
        field: 'scheme',
        params: { what: 'scheme' },
      });
    }
    return { scheme: preset, year, version: 0 };
  }

  /** Ranked table: by a scheme's score (when given) or by one indicator (rate or count), best first. */
  async function ranking(
    q: TableQuery & { schemeCode?: string; sort?: string; ascending?: boolean },
  ): Promise<{ scheme: ResolvedScheme | null; rows: TableRow[] }> {
    const rows = await table(q);
    const scheme = q.schemeCode
      ? await resolveScheme(q.tenantId, q.schemeCode, Number(q.period.from.slice(0, 4)))
      : null;
    const scored = rows.map((r) => (scheme ? { ...r, score: score(scheme.scheme, r.totals) } : r));
    const sortKey = q.sort ?? (scheme ? 'score' : 'handledOnTimeRate');
    if (sortKey !== 'score' && !rateDef(sortKey) && !COUNTS.some((c) => c.key === sortKey)) {
      throw errors.validation('sort', `unknown indicator ${sortKey}`);
    }
    const value = (r: TableRow): number | null =>
      sortKey === 'score'
        ? (r.score?.total ?? null)
        : rateDef(sortKey)
          ? (r.indicators.rates[sortKey] ?? null)
          : (r.indicators.counts[sortKey] ?? null);
    const dir = q.ascending ? 1 : -1;
    const sorted = [...scored].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null && vb === null) return a.code.localeCompare(b.code);
      if (va === null) return 1;
      if (vb === null) return -1;
      return va === vb ? a.code.localeCompare(b.code) : (va - vb) * dir;
    });
    let rank = 0;
    let last: number | null | undefined;
    const ranked = sorted.map((r, i) => {
      const v = value(r);
      if (v !== last) rank = i + 1;
      last = v;
      return { ...r, rank };
    });
    return { scheme, rows: ranked };
  }

  async function tenantTotals(tenantId: number, period: Period): Promise<Totals> {
    const t: Record<string, number> = {};
    for (const r of await store.totals(db.sql, tenantId, 'tenant', period.from, period.to)) t[r.metric] = r.n;
    t.overdueOpen = (await store.overdueLevels(db.sql, tenantId, 'tenant', period.to)).get('*') ?? 0;
    return t;
  }

  async function bulletin(tenantId: number, period: Period, scope: DataScope, schemeCode = 'jinhua') {
    if (!scope.all) throw errors.forbidden('the bulletin covers the whole tenant; ask for a ranking instead');
    const prev = previousPeriod(period);
    const [now, before] = [await tenantTotals(tenantId, period), await tenantTotals(tenantId, prev)];
    const cur = indicators(now);
    const old = indicators(before);
    const trend: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(cur.counts)) trend[k] = v - (old.counts[k] ?? 0);
    for (const [k, v] of Object.entries(cur.rates)) {
      const o = old.rates[k];
      trend[k] = v === null || o === null || o === undefined ? null : v - o;
    }
    const channels = await store.topCodes(db.sql, tenantId, 'channel', 'reported', period.from, period.to);
    const reportedTotal = channels.reduce((s, c) => s + c.n, 0);
    const sources = channels.map((c) => ({
      channel: c.code,
      reported: c.n,
      share: reportedTotal ? c.n / reportedTotal : 0,
    }));
    const topCategories = await store.topCodes(
      db.sql,
      tenantId,
      'category',
      'filed',
      period.from,
      period.to,
      { limit: 10 },
    );
    const units = await ranking({ tenantId, objectType: 'unit', period, scope, schemeCode });
    const streets = await ranking({ tenantId, objectType: 'street', period, scope, schemeCode });
    const judged = units.rows.filter(
      (r) => (r.indicators.counts.dueHandle ?? 0) > 0 || (r.totals.dueClose ?? 0) > 0,
    );
    const worstUnits = [...judged].reverse().slice(0, 5);
    return {
      period,
      previous: prev,
      scheme: units.scheme
        ? {
            code: units.scheme.scheme.code,
            name: units.scheme.scheme.name,
            year: units.scheme.year,
            version: units.scheme.version,
          }
        : null,
      counts: cur.counts,
      rates: cur.rates,
      meanSeconds: cur.meanSeconds,
      previousCounts: old.counts,
      previousRates: old.rates,
      trend,
      sources,
      topCategories,
      units: units.rows,
      streets: streets.rows,
      worstUnits,
    };
  }

  async function hotspots(
    tenantId: number,
    period: Period,
    scope: DataScope,
    options: { repeatMin?: number; limit?: number; within?: string } = {},
  ) {
    const limit = options.limit ?? 20;
    const inGrid = (grid: string) => inScope(scope, { regionCode: grid, unitCode: null });
    const categories = scope.all
      ? await store.topCodes(db.sql, tenantId, 'category', 'filed', period.from, period.to, { limit })
      : [];
    const places = (
      await store.topCodes(db.sql, tenantId, 'streetCategory', 'filed', period.from, period.to, {
        limit: limit * 5,
        ...(options.within ? { codePrefix: options.within } : {}),
      })
    )
      .map((r) => {
        const [street, category] = r.code.split('|') as [string, string];
        return { street, category, filed: r.n };
      })
      .filter((r) => inGrid(r.street))
      .slice(0, limit);
    const repeats = (
      await store.topCodes(db.sql, tenantId, 'gridCategory', 'filed', period.from, period.to, {
        min: options.repeatMin ?? 3,
        ...(options.within ? { codePrefix: options.within } : {}),
      })
    )
      .map((r) => {
        const [grid, category] = r.code.split('|') as [string, string];
        return { grid, category, filed: r.n };
      })
      .filter((r) => inGrid(r.grid));
    const heat = (
      await store.topCodes(db.sql, tenantId, 'grid', 'reported', period.from, period.to, {
        limit: 100_000,
        ...(options.within ? { codePrefix: options.within } : {}),
      })
    ).filter((r) => inGrid(r.code));
    return {
      period,
      categories,
      places,
      repeats,
      heat: { metric: 'reported', grids: Object.fromEntries(heat.map((h) => [h.code, h.n])) },
    };
  }

  async function listSchemes(tenantId: number) {
    const stored = await store.listSchemes(db.sql, tenantId);
    return {
      presets: PRESETS,
      stored: stored.map((s) => ({
        code: s.code,
        year: s.year,
        version: s.version,
        definition: s.definition as Scheme,
        createdAt: s.createdAt,
      })),
    };
  }

  async function saveScheme(tenantId: number, year: number, scheme: Scheme) {
    const problem = schemeProblem(scheme);
    if (problem) throw errors.validation(problem.field, problem.message);
    const version = await db.transaction((tx) =>
      store.insertScheme(tx, tenantId, scheme.code, year, scheme, deps.clock.now()),
    );
    return { code: scheme.code, year, version, definition: scheme };
  }

  /** Prepares (or refreshes) the period's results under a scheme; a published period is never rewritten. */
  async function prepare(tenantId: number, period: Period, schemeCode: string) {
    const result = await bulletin(
      tenantId,
      period,
      { all: true, regionCodes: [], unitCodes: [] },
      schemeCode,
    );
    const s = result.scheme as { code: string; year: number; version: number };
    const saved = await db.transaction((tx) =>
      store.savePrepared(tx, tenantId, {
        period: period.label,
        schemeCode: s.code,
        schemeYear: s.year,
        schemeVersion: s.version,
        result,
        preparedAt: deps.clock.now(),
      }),
    );
    if (!saved) {
      throw errors.conflict('PERIOD_PUBLISHED', `${period.label} is published and frozen`, 'period');
    }
    return (await store.findSnapshot(db.sql, tenantId, period.label, schemeCode)) as store.Snapshot;
  }

  async function publish(tenantId: number, period: Period, schemeCode: string) {
    const done = await db.transaction((tx) =>
      store.publish(tx, tenantId, period.label, schemeCode, deps.clock.now()),
    );
    if (!done) {
      const s = await store.findSnapshot(db.sql, tenantId, period.label, schemeCode);
      if (!s) throw errors.notFound('prepared snapshot');
      throw errors.conflict('PERIOD_PUBLISHED', `${period.label} is already published`, 'period');
    }
    return (await store.findSnapshot(db.sql, tenantId, period.label, schemeCode)) as store.Snapshot;
  }

  /**
   * The monthly job: once the month has turned (local time), prepares last month's bulletin under the default
   * scheme if nobody has yet. Never publishes. Returns the periods it prepared.
   */
  async function tick(schemeCode = 'jinhua'): Promise<string[]> {
    const tenants = await sql<{
      id: number;
      tz: string;
    }>`SELECT id, time_zone AS tz FROM tenants ORDER BY id`.execute(db.sql);
    const prepared: string[] = [];
    for (const t of tenants.rows) {
      const period = lastMonth(localDay(deps.clock.now(), t.tz));
      if (await store.findSnapshot(db.sql, t.id, period.label, schemeCode)) continue;
      await prepare(t.id, period, schemeCode);
      prepared.push(`${t.id}:${period.label}`);
    }
    return prepared;
  }

  let loop: NodeJS.Timeout | null = null;
  return {
    table,
    ranking,
    bulletin,
    hotspots,
    consistency: (tenantId: number, pageSize?: number) => checkConsistency(db, tenantId, pageSize),
    medians: (tenantId: number, period: Period, filter: { unitCode?: string; gridPrefix?: string }) =>
      store.medians(db.sql, tenantId, period.from, period.to, filter),
    listSchemes,
    saveScheme,
    resolveScheme,
    prepare,
    publish,
    snapshot: (tenantId: number, period: string, schemeCode: string) =>
      store.findSnapshot(db.sql, tenantId, period, schemeCode),
    snapshots: (tenantId: number) => store.listSnapshots(db.sql, tenantId),
    tick,
    /** Runs `tick` every intervalMs in this process (`serve`). */
    start(intervalMs: number, onError: (error: unknown) => void): void {
      if (loop) return;
      loop = setInterval(() => void tick().catch(onError), intervalMs);
      loop.unref();
    },
    stop(): void {
      if (loop) clearInterval(loop);
      loop = null;
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
