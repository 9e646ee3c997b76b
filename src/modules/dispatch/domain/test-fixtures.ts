/**
 * Small hand-made units, rules and cases for the dispatch tests: two streets (A = 330102001, B = 330102003),
 * a community and a grid in A, a few line departments, and builders that fill in the boring fields.
 */
import type { CaseFacts, DispatchUnit, Rule, RuleMatch, RuleTarget } from './types.js';

export const STREET_A = '330102001';
export const STREET_B = '330102003';
export const COMMUNITY_A1 = '330102001051';
export const COMMUNITY_A2 = '330102001052';
export const GRID_A1_1 = '330102001051001';
export const DISTRICT = '330102';

export function unit(code: string, overrides: Partial<DispatchUnit> = {}): DispatchUnit {
  return {
    code,
    name: `单位${code}`,
    kind: 'department',
    parentCode: null,
    regionCodes: [],
    active: true,
    ...overrides,
  };
}

export const UNITS: readonly DispatchUnit[] = [
  unit('BUREAU', { name: '区城市管理局', kind: 'bureau', regionCodes: [DISTRICT] }),
  unit('ST-A', { name: '清波街道办事处', kind: 'street_office', regionCodes: [STREET_A] }),
  unit('ST-B', { name: '湖滨街道办事处', kind: 'street_office', regionCodes: [STREET_B] }),
  unit('ZF-A', { name: '清波街道综合行政执法队', parentCode: 'ST-A', regionCodes: [STREET_A] }),
  unit('COMM-A1', { name: '清波门社区', kind: 'community', parentCode: 'ST-A', regionCodes: [COMMUNITY_A1] }),
  unit('WATER', { name: '供水公司' }),
  unit('POWER', { name: '供电公司' }),
  unit('MUNICIPAL', { name: '市政设施养护中心', parentCode: 'BUREAU' }),
  unit('LANDSCAPING', { name: '园林绿化管理中心', parentCode: 'BUREAU' }),
  unit('TRAFFIC', { name: '交警大队' }),
  unit('CT-X', { name: '养护作业单位', kind: 'contractor', parentCode: 'MUNICIPAL' }),
  unit('SCENIC', { name: '风景名胜区管委会' }),
  unit('OLD', { name: '已撤销的单位', active: false }),
];

/** The same units with some switched off. */
export function withInactive(units: readonly DispatchUnit[], ...codes: string[]): DispatchUnit[] {
  return units.map((u) => (codes.includes(u.code) ? { ...u, active: false } : u));
}

export function rule(id: string, match: RuleMatch, target: RuleTarget, overrides: Partial<Rule> = {}): Rule {
  return { id, name: `规则${id}`, priority: 50, enabled: true, match, target, ...overrides };
}

/** An 事件 in street A, community A1, grid A1-1, at a point inside the test polygons' square. */
export function eventIn(majorCode = '01', minorCode = '02', overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    categoryType: 'event',
    majorCode,
    minorCode,
    regions: {
      gridCode: GRID_A1_1,
      communityCode: COMMUNITY_A1,
      streetCode: STREET_A,
      districtCode: DISTRICT,
    },
    location: { lng: 120.165, lat: 30.245 },
    ...overrides,
  };
}

/** A 部件 case in street A with a census record. */
export function componentIn(
  owner: string | null,
  maintainer: string | null,
  overrides: Partial<CaseFacts> = {},
): CaseFacts {
  return {
    categoryType: 'component',
    majorCode: '01',
    minorCode: '01',
    regions: {
      gridCode: GRID_A1_1,
      communityCode: COMMUNITY_A1,
      streetCode: STREET_A,
      districtCode: DISTRICT,
    },
    location: { lng: 120.165, lat: 30.245 },
    component: { id: '3301020101000001', ownerUnitCode: owner, maintainerUnitCode: maintainer },
    ...overrides,
  };
}

/** A square around (120.165, 30.245), `half` degrees each way. */
export function square(half: number, lng = 120.165, lat = 30.245): number[][][] {
  return [
    [
      [lng - half, lat - half],
      [lng + half, lat - half],
      [lng + half, lat + half],
      [lng - half, lat + half],
      [lng - half, lat - half],
    ],
  ];
}
