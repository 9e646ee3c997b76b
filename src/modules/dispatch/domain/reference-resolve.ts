/**
 * A slow, deliberately plain resolver that scans every raw rule on every call and sorts the matches by the
 * documented precedence (docs/dispatch.md). It shares no code with compileRules / resolve — not the index,
 * not the matcher, not the point-in-polygon test (winding number here, ray parity there) — so tests and the
 * benchmark can check that the fast path picks the same unit and rule. Valid rule sets only.
 */
import type {
  CaseFacts,
  CategoryType,
  ComponentRole,
  DispatchUnit,
  LngLat,
  Rule,
  RuleArea,
} from './types.js';

export interface ReferenceAnswer {
  unitCode: string;
  ruleId: string | null;
  principle: 'rule' | 'owner_first' | 'territory_first' | 'fallback';
}

export interface ReferenceOptions {
  fallbackUnitCode: string;
  territoryLevel?: 'street' | 'community';
  ownerOrder?: readonly ComponentRole[];
}

const LEVEL_BY_LENGTH: Readonly<Record<number, 'district' | 'street' | 'community' | 'grid'>> = {
  6: 'district',
  9: 'street',
  12: 'community',
  14: 'grid',
  15: 'grid',
};

function caseCode(facts: CaseFacts, level: 'district' | 'street' | 'community' | 'grid'): string | null {
  const r = facts.regions;
  const code =
    level === 'grid'
      ? r.gridCode
      : level === 'community'
        ? r.communityCode
        : level === 'street'
          ? r.streetCode
          : r.districtCode;
  return code == null || code === '' ? null : code;
}

function windingNumber(ring: readonly LngLat[], x: number, y: number): number {
  let wn = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = [ring[i]![0]!, ring[i]![1]!];
    const [x2, y2] = [ring[i + 1]![0]!, ring[i + 1]![1]!];
    const cross = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
    if (y1 <= y && y2 > y && cross > 0) wn++;
    else if (y1 > y && y2 <= y && cross < 0) wn--;
  }
  return wn;
}

function polygons(area: RuleArea): readonly (readonly (readonly LngLat[])[])[] {
  return area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
}

function inside(area: RuleArea, x: number, y: number): boolean {
  return polygons(area).some(
    ([outer, ...holes]) =>
      outer !== undefined &&
      windingNumber(outer, x, y) !== 0 &&
      holes.every((h) => windingNumber(h, x, y) === 0),
  );
}

function areaSize(area: RuleArea): number {
  const all = polygons(area).flat();
  const lats = all.flat().map((p) => p[1]!);
  const mid = ((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180);
  let total = 0;
  for (const polygon of polygons(area)) {
    polygon.forEach((ring, i) => {
      let s = 0;
      for (let k = 0; k + 1 < ring.length; k++) {
        s += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
      }
      total += (i === 0 ? 1 : -1) * Math.abs(s / 2);
    });
  }
  return total * Math.cos(mid);
}

function matches(rule: Rule, facts: CaseFacts): boolean {
  const m = rule.match;
  if (!rule.enabled) return false;
  if (m.categoryType !== undefined && m.categoryType !== facts.categoryType) return false;
  if (m.majorCode !== undefined && m.majorCode !== facts.majorCode) return false;
  if (m.minorCode !== undefined && m.minorCode !== facts.minorCode) return false;
  if (m.standardId !== undefined && m.standardId !== facts.standardId) return false;
  if (m.regionCodes !== undefined) {
    const hit = m.regionCodes.some((code) => {
      const level = LEVEL_BY_LENGTH[code.length];
      return level !== undefined && caseCode(facts, level) === code;
    });
    if (!hit) return false;
  }
  if (m.polygon !== undefined) {
    const at = facts.location;
    if (at == null || !Number.isFinite(at.lng) || !Number.isFinite(at.lat)) return false;
    if (!inside(m.polygon, at.lng, at.lat)) return false;
  }
  const role = m.componentOwner ?? (m.componentUnitCodes !== undefined ? 'owner' : undefined);
  if (role !== undefined) {
    const code = role === 'owner' ? facts.component?.ownerUnitCode : facts.component?.maintainerUnitCode;
    if (code == null || code === '') return false;
    if (m.componentUnitCodes !== undefined && !m.componentUnitCodes.includes(code)) return false;
  }
  return true;
}

function sortKey(
  rule: Rule,
  units: ReadonlyMap<string, DispatchUnit>,
  type: CategoryType,
): (number | string)[] {
  const m = rule.match;
  const category =
    m.standardId !== undefined
      ? 4
      : m.minorCode !== undefined
        ? 3
        : m.majorCode !== undefined
          ? 2
          : m.categoryType !== undefined
            ? 1
            : 0;
  const levelRank = { grid: 0, community: 1, street: 2, district: 4 } as const;
  const regionRank =
    m.regionCodes === undefined
      ? 5
      : Math.max(...m.regionCodes.map((c) => levelRank[LEVEL_BY_LENGTH[c.length]!]));
  const areaRank = Math.min(regionRank, m.polygon === undefined ? 5 : 3);
  const size = m.polygon === undefined ? Infinity : areaSize(m.polygon);
  const t = rule.target;
  let cls: 'owner' | 'line' | 'territory';
  if ('principle' in t) {
    cls = t.principle === 'territory' ? 'territory' : 'owner';
  } else {
    const u = units.get(t.unitCode);
    const parent = u?.parentCode == null ? undefined : units.get(u.parentCode);
    const territorial = (k: string | undefined) => k === 'street_office' || k === 'community';
    cls = u !== undefined && (territorial(u.kind) || territorial(parent?.kind)) ? 'territory' : 'line';
  }
  const principle =
    type === 'component'
      ? { owner: 0, line: 1, territory: 2 }[cls]
      : { territory: 0, line: 1, owner: 2 }[cls];
  return [-rule.priority, -category, areaRank, size, principle, rule.id];
}

function compareKeys(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function territoryOf(
  facts: CaseFacts,
  units: readonly DispatchUnit[],
  level: 'street' | 'community',
): string | null {
  const kinds = level === 'community' ? ['community', 'street_office'] : ['street_office'];
  for (const kind of kinds) {
    for (const lvl of ['grid', 'community', 'street'] as const) {
      const code = caseCode(facts, lvl);
      if (code === null) continue;
      const found = units
        .filter((u) => u.kind === kind && u.regionCodes.includes(code) && u.active)
        .sort((a, b) => (a.code < b.code ? -1 : 1))[0];
      if (found !== undefined) return found.code;
    }
  }
  return null;
}

export function referenceResolve(
  rules: readonly Rule[],
  unitList: readonly DispatchUnit[],
  options: ReferenceOptions,
  facts: CaseFacts,
): ReferenceAnswer {
  const units = new Map<string, DispatchUnit>();
  for (const u of unitList) if (!units.has(u.code)) units.set(u.code, u);
  const distinct = [...units.values()];
  const active = (code: string | null | undefined) =>
    code != null && code !== '' && units.get(code)?.active === true ? code : null;
  const level = options.territoryLevel ?? 'street';

  const ordered = rules
    .filter((r) => matches(r, facts))
    .map((r) => ({ r, key: sortKey(r, units, facts.categoryType) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  for (const { r } of ordered) {
    const t = r.target;
    const code =
      'unitCode' in t
        ? active(t.unitCode)
        : t.principle === 'territory'
          ? territoryOf(facts, distinct, level)
          : active(
              t.principle === 'owner' ? facts.component?.ownerUnitCode : facts.component?.maintainerUnitCode,
            );
    if (code !== null) return { unitCode: code, ruleId: r.id, principle: 'rule' };
  }
  if (facts.categoryType === 'component' && facts.component != null) {
    for (const role of options.ownerOrder ?? ['maintainer', 'owner']) {
      const code = active(
        role === 'owner' ? facts.component.ownerUnitCode : facts.component.maintainerUnitCode,
      );
      if (code !== null) return { unitCode: code, ruleId: null, principle: 'owner_first' };
    }
  }
  const territory = territoryOf(facts, distinct, level);
  if (territory !== null) return { unitCode: territory, ruleId: null, principle: 'territory_first' };
  return { unitCode: options.fallbackUnitCode, ruleId: null, principle: 'fallback' };
}
