/**
 * 属地: the territorial unit of a case — the street office (or, when the tenant dispatches to communities, the
 * community first) whose regionCodes cover the case's region. Codes are compared finest first (grid, then
 * community, then street), so a unit that lists a single community beats the one listing the whole street:
 * that is how a community moved between street offices is expressed without redrawing streets.
 */
import type { RuleProblem } from './rule-problems.js';
import type { RegionLevel } from './region-levels.js';
import { caseRegionCode } from './region-levels.js';
import type { CaseRegions, DispatchUnit } from './types.js';

/** Which units dispatch treats as the territory: street offices only, or communities before street offices. */
export type TerritoryLevel = 'street' | 'community';

type TerritorialKind = 'community' | 'street_office';

const LOOKUP_LEVELS: readonly RegionLevel[] = ['grid', 'community', 'street'];

export interface TerritoryIndex {
  /** Kinds in the order they are tried. */
  readonly kinds: readonly TerritorialKind[];
  /** Per kind: region code → units covering it, sorted by code (deterministic choice among several). */
  readonly byKind: ReadonlyMap<TerritorialKind, ReadonlyMap<string, readonly DispatchUnit[]>>;
}

export function buildTerritoryIndex(
  units: readonly DispatchUnit[],
  level: TerritoryLevel,
): { index: TerritoryIndex; problems: RuleProblem[] } {
  const kinds: TerritorialKind[] = level === 'community' ? ['community', 'street_office'] : ['street_office'];
  const byKind = new Map<TerritorialKind, Map<string, DispatchUnit[]>>();
  for (const kind of kinds) {
    const map = new Map<string, DispatchUnit[]>();
    for (const unit of units) {
      if (unit.kind !== kind) continue;
      for (const code of unit.regionCodes) {
        const list = map.get(code) ?? [];
        if (!list.includes(unit)) list.push(unit);
        map.set(code, list);
      }
    }
    for (const list of map.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    byKind.set(kind, map);
  }
  const problems: RuleProblem[] = [];
  for (const map of byKind.values()) {
    for (const [code, list] of map) {
      const active = list.filter((u) => u.active);
      if (active.length > 1) {
        problems.push({
          severity: 'warning',
          code: 'TERRITORY_OVERLAP',
          ruleId: null,
          unitCode: active[0]!.code,
          message: `区划 ${code} 同时由 ${active.map((u) => `「${u.name}」`).join('、')} 覆盖；属地派遣取代码最小的 ${active[0]!.code}`,
        });
      }
    }
  }
  return { index: { kinds, byKind }, problems };
}

export interface TerritoryLookup {
  /** The first active territorial unit, or null. */
  unit: DispatchUnit | null;
  /** An inactive unit that would have been preferred to `unit` (or found instead of none), for the trace. */
  inactive: DispatchUnit | null;
  /** Whether the case had any region code below the district to look up. */
  located: boolean;
  /** The finest region code the case gave (for messages). */
  regionCode: string | null;
}

export function findTerritory(index: TerritoryIndex, regions: CaseRegions): TerritoryLookup {
  let inactive: DispatchUnit | null = null;
  let regionCode: string | null = null;
  for (const level of LOOKUP_LEVELS) {
    const code = caseRegionCode(regions, level);
    if (code !== undefined) {
      regionCode = code;
      break;
    }
  }
  if (regionCode === null) return { unit: null, inactive: null, located: false, regionCode: null };
  for (const kind of index.kinds) {
    const map = index.byKind.get(kind);
    if (map === undefined) continue;
    for (const level of LOOKUP_LEVELS) {
      const code = caseRegionCode(regions, level);
      if (code === undefined) continue;
      const list = map.get(code);
      if (list === undefined) continue;
      for (const unit of list) {
        if (unit.active) return { unit, inactive, located: true, regionCode };
        inactive ??= unit;
      }
    }
  }
  return { unit: null, inactive, located: true, regionCode };
}
