import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileRules, type CompileOptions } from './compile-rules.js';
import { referenceResolve } from './reference-resolve.js';
import { resolve } from './resolve.js';
import {
  COMMUNITY_A1,
  COMMUNITY_A2,
  componentIn,
  DISTRICT,
  eventIn,
  GRID_A1_1,
  rule,
  square,
  STREET_A,
  STREET_B,
  UNITS,
  unit,
  withInactive,
} from './test-fixtures.js';
import type { CaseFacts, DispatchUnit, Resolution, Rule, RuleArea, TraceStep } from './types.js';
import { demoDispatchUnits } from '../demo-units.js';
import { generateDemoRules, type DemoCategory } from '../demo-rules.js';
import { SHANGCHENG_STREETS } from '../demo-streets.js';
import { DEMO_AREAS } from '../demo-areas.js';

const OPTIONS: CompileOptions = { fallbackUnitCode: 'BUREAU' };

function run(
  rules: Rule[],
  facts: CaseFacts,
  units: readonly DispatchUnit[] = UNITS,
  options = OPTIONS,
): Resolution {
  return resolve(compileRules(rules, units, options), facts);
}

const chosen = (r: Resolution): TraceStep => {
  const steps = r.trace.filter((s) => s.outcome === 'chosen');
  assert.equal(steps.length, 1, 'exactly one chosen step');
  return steps[0]!;
};
const stepOf = (r: Resolution, ruleId: string): TraceStep | undefined =>
  r.trace.find((s) => s.ruleId === ruleId);
const reasonOf = (r: Resolution, ruleId: string) => stepOf(r, ruleId)?.reason;

describe('部件先属主后属地: components go to their owner first, then the territory', () => {
  it('sends a component to its maintainer when no rule applies and the maintainer is known and active', () => {
    const r = run([], componentIn('WATER', 'CT-X'));
    assert.equal(r.unit.code, 'CT-X');
    assert.equal(r.principle, 'owner_first');
    assert.equal(r.via, 'maintainer');
    assert.equal(r.rule, null);
    assert.equal(chosen(r).reason, 'MAINTAINER_UNIT');
  });

  it('goes to the owner when the maintainer is inactive, and says the maintainer was inactive', () => {
    const r = run([], componentIn('WATER', 'OLD'));
    assert.equal(r.unit.code, 'WATER');
    assert.equal(r.via, 'owner');
    assert.deepEqual(
      r.trace.map((s) => [s.ruleId, s.outcome, s.reason]),
      [
        ['builtin:owner', 'skipped', 'UNIT_INACTIVE'],
        ['builtin:owner', 'chosen', 'OWNER_UNIT'],
      ],
    );
    assert.match(r.trace[0]!.message, /养护单位.*已撤销的单位.*已停用/);
  });

  it('goes to the territory when the owner is inactive and no maintainer is recorded, with both reasons', () => {
    const r = run([], componentIn('OLD', null));
    assert.equal(r.unit.code, 'ST-A');
    assert.equal(r.principle, 'territory_first');
    assert.deepEqual(
      r.trace.map((s) => s.reason),
      ['NO_OWNER', 'UNIT_INACTIVE', 'TERRITORY_UNIT'],
    );
    assert.equal(r.trace[1]!.unitCode, 'OLD');
    assert.match(r.trace[2]!.message, /部件后属地/);
  });

  it('reports an owner code missing from the unit directory as UNIT_UNKNOWN', () => {
    const r = run([], componentIn('DISTRICT', null));
    assert.equal(r.unit.code, 'ST-A');
    assert.ok(r.trace.some((s) => s.reason === 'UNIT_UNKNOWN' && s.unitCode === 'DISTRICT'));
  });

  it('goes to the territory when the case has no census record at all', () => {
    const r = run([], componentIn(null, null, { component: null }));
    assert.equal(r.unit.code, 'ST-A');
    assert.equal(r.trace[0]!.reason, 'NO_COMPONENT');
  });

  it('mentions a unit that is both owner and maintainer only once', () => {
    const r = run([], componentIn('OLD', 'OLD'));
    assert.equal(r.trace.filter((s) => s.ruleId === 'builtin:owner').length, 1);
  });

  it('tries the owner before the maintainer when the tenant says so', () => {
    const r = run([], componentIn('WATER', 'CT-X'), UNITS, {
      ...OPTIONS,
      ownerOrder: ['owner', 'maintainer'],
    });
    assert.equal(r.unit.code, 'WATER');
  });

  it('lets an explicit rule with a fixed unit win over the built-in owner step', () => {
    const r = run(
      [rule('R1', { categoryType: 'component', majorCode: '01' }, { unitCode: 'MUNICIPAL' })],
      componentIn('WATER', 'WATER'),
    );
    assert.equal(r.unit.code, 'MUNICIPAL');
    assert.equal(r.principle, 'rule');
    assert.deepEqual(r.rule, { id: 'R1', name: '规则R1' });
  });

  it('at equal priority and specificity orders owner > line department > territory, saying which principle decided', () => {
    const match = { categoryType: 'component' as const, majorCode: '01', minorCode: '01' };
    const rules = [
      rule('A-TERR', match, { principle: 'territory' }),
      rule('B-LINE', match, { unitCode: 'MUNICIPAL' }),
      rule('C-OWNER', match, { principle: 'owner' }),
    ];
    const owned = run(rules, componentIn('WATER', null));
    assert.equal(owned.unit.code, 'WATER');
    assert.equal(owned.rule?.id, 'C-OWNER');
    assert.equal(reasonOf(owned, 'B-LINE'), 'PRINCIPLE_ORDER');
    assert.equal(reasonOf(owned, 'A-TERR'), 'PRINCIPLE_ORDER');
    assert.match(stepOf(owned, 'B-LINE')!.message, /部件先属主后属地/);

    const unowned = run(rules, componentIn(null, null));
    assert.equal(unowned.rule?.id, 'B-LINE');
    assert.equal(reasonOf(unowned, 'C-OWNER'), 'NO_OWNER');
  });
});

describe('事件先属地后属主: events go to the territory first, then the line department', () => {
  it('sends an event with no rules to the street office covering its street', () => {
    const r = run([], eventIn());
    assert.equal(r.unit.code, 'ST-A');
    assert.equal(r.principle, 'territory_first');
    assert.equal(r.via, 'territory');
    assert.deepEqual(
      r.trace.map((s) => s.ruleId),
      ['builtin:territory'],
    );
    assert.match(r.trace[0]!.message, /事件先属地/);
  });

  it('prefers an equally specific territorial rule over a line-department rule', () => {
    const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };
    const r = run(
      [rule('A-LINE', match, { unitCode: 'MUNICIPAL' }), rule('B-TERR', match, { principle: 'territory' })],
      eventIn(),
    );
    assert.equal(r.unit.code, 'ST-A');
    assert.equal(r.rule?.id, 'B-TERR');
    assert.equal(r.via, 'territory');
    assert.equal(reasonOf(r, 'A-LINE'), 'PRINCIPLE_ORDER');
    assert.match(stepOf(r, 'A-LINE')!.message, /事件先属地后属主/);
  });

  it('counts a unit under a street office (the street squad) as territorial', () => {
    const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };
    const r = run(
      [rule('A-LINE', match, { unitCode: 'MUNICIPAL' }), rule('B-SQUAD', match, { unitCode: 'ZF-A' })],
      eventIn(),
    );
    assert.equal(r.unit.code, 'ZF-A');
    assert.equal(reasonOf(r, 'A-LINE'), 'PRINCIPLE_ORDER');
  });

  it('lets a line department opt out of 先属地 with a higher priority', () => {
    const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };
    const r = run(
      [
        rule('A-LINE', match, { unitCode: 'MUNICIPAL' }, { priority: 60 }),
        rule('B-TERR', match, { principle: 'territory' }),
      ],
      eventIn(),
    );
    assert.equal(r.unit.code, 'MUNICIPAL');
    assert.equal(reasonOf(r, 'B-TERR'), 'LOWER_PRIORITY');
  });

  it('falls to the line department (后属主) when the territorial unit is inactive, saying so', () => {
    const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };
    const r = run(
      [rule('A-LINE', match, { unitCode: 'MUNICIPAL' }), rule('B-TERR', match, { principle: 'territory' })],
      eventIn(),
      withInactive(UNITS, 'ST-A'),
    );
    assert.equal(r.unit.code, 'MUNICIPAL');
    const step = stepOf(r, 'B-TERR')!;
    assert.equal(step.reason, 'UNIT_INACTIVE');
    assert.equal(step.unitCode, 'ST-A');
  });

  it('lets a line-department rule win over the built-in territory when no territorial rule competes', () => {
    const r = run(
      [rule('R1', { categoryType: 'event', majorCode: '01', minorCode: '02' }, { unitCode: 'MUNICIPAL' })],
      eventIn(),
    );
    assert.equal(r.unit.code, 'MUNICIPAL');
    assert.equal(r.principle, 'rule');
  });

  it('dispatches to the community first when the tenant configures community-level territory', () => {
    const options = { ...OPTIONS, territoryLevel: 'community' as const };
    assert.equal(run([], eventIn(), UNITS, options).unit.code, 'COMM-A1');
    const other = eventIn('01', '02', { regions: { communityCode: COMMUNITY_A2, streetCode: STREET_A } });
    assert.equal(run([], other, UNITS, options).unit.code, 'ST-A');
    const r = run([], eventIn(), withInactive(UNITS, 'COMM-A1'), options);
    assert.equal(r.unit.code, 'ST-A');
    assert.deepEqual(
      r.trace.map((s) => s.reason),
      ['UNIT_INACTIVE', 'TERRITORY_UNIT'],
    );
  });

  it('prefers a street office that lists the case community over the one listing the whole street', () => {
    const units = [...UNITS, unit('ST-C', { kind: 'street_office', regionCodes: [COMMUNITY_A1] })];
    assert.equal(run([], eventIn(), units).unit.code, 'ST-C');
  });
});

describe('overlapping areas: the smaller area wins', () => {
  const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };

  it('a grid-level rule beats a street-level rule of the same priority', () => {
    const r = run(
      [
        rule('STREET', { ...match, regionCodes: [STREET_A] }, { unitCode: 'MUNICIPAL' }),
        rule('GRID', { ...match, regionCodes: [GRID_A1_1] }, { unitCode: 'CT-X' }),
      ],
      eventIn(),
    );
    assert.equal(r.unit.code, 'CT-X');
    assert.equal(reasonOf(r, 'STREET'), 'LARGER_AREA');
    assert.match(stepOf(r, 'STREET')!.message, /街道.*网格/);
  });

  it('ranks grid > community > street > polygon > district > anywhere', () => {
    const areas: [string, Partial<Rule['match']>][] = [
      ['1-ANY', {}],
      ['2-DISTRICT', { regionCodes: [DISTRICT] }],
      ['3-POLYGON', { polygon: { type: 'Polygon', coordinates: square(0.01) } }],
      ['4-STREET', { regionCodes: [STREET_A] }],
      ['5-COMMUNITY', { regionCodes: [COMMUNITY_A1] }],
      ['6-GRID', { regionCodes: [GRID_A1_1] }],
    ];
    const rules = areas.map(([id, m]) => rule(id, { ...match, ...m }, { unitCode: 'MUNICIPAL' }));
    for (let n = areas.length; n > 0; n--) {
      const r = run(rules.slice(0, n), eventIn());
      assert.equal(r.rule?.id, areas[n - 1]![0], `with ${n} rules`);
      for (const [id] of areas.slice(0, n - 1)) assert.equal(reasonOf(r, id), 'LARGER_AREA');
    }
  });

  it('a street rule narrowed by a polygon beats the street rule alone', () => {
    const r = run(
      [
        rule('A-STREET', { ...match, regionCodes: [STREET_A] }, { unitCode: 'MUNICIPAL' }),
        rule(
          'B-STREET-ZONE',
          { ...match, regionCodes: [STREET_A], polygon: { type: 'Polygon', coordinates: square(0.01) } },
          { unitCode: 'SCENIC' },
        ),
      ],
      eventIn(),
    );
    assert.equal(r.unit.code, 'SCENIC');
    assert.equal(reasonOf(r, 'A-STREET'), 'LARGER_AREA');
  });

  it('a region-code rule does not match a case outside its codes, nor one missing that level', () => {
    const rules = [rule('B-ONLY', { ...match, regionCodes: [STREET_B] }, { unitCode: 'MUNICIPAL' })];
    assert.equal(reasonOf(run(rules, eventIn()), 'B-ONLY'), 'OUTSIDE_AREA');
    const noStreet = eventIn('01', '02', { regions: { districtCode: DISTRICT } });
    assert.equal(reasonOf(run(rules, noStreet), 'B-ONLY'), 'NOT_LOCATED');
  });
});

describe('polygon rules', () => {
  const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };
  const zone = (id: string, half: number, unitCode = 'SCENIC', lng?: number) =>
    rule(id, { ...match, polygon: { type: 'Polygon', coordinates: square(half, lng) } }, { unitCode });

  it('matches a case located inside the polygon and skips one outside or without a location', () => {
    assert.equal(run([zone('Z', 0.01)], eventIn()).unit.code, 'SCENIC');
    const outside = run([zone('Z', 0.01, 'SCENIC', 120.2)], eventIn());
    assert.equal(outside.unit.code, 'ST-A');
    assert.equal(reasonOf(outside, 'Z'), 'OUTSIDE_AREA');
    const unlocated = run([zone('Z', 0.01)], eventIn('01', '02', { location: null }));
    assert.equal(reasonOf(unlocated, 'Z'), 'NOT_LOCATED');
  });

  it('orders overlapping polygons of equal rank by area, smaller first', () => {
    const r = run([zone('A-BIG', 0.02, 'SCENIC'), zone('B-SMALL', 0.005, 'MUNICIPAL')], eventIn());
    assert.equal(r.unit.code, 'MUNICIPAL');
    assert.equal(reasonOf(r, 'A-BIG'), 'LARGER_AREA');
  });

  it('excludes the holes of a polygon and accepts MultiPolygons', () => {
    const withHole = rule(
      'HOLE',
      { ...match, polygon: { type: 'Polygon', coordinates: [...square(0.02), ...square(0.005)] } },
      { unitCode: 'SCENIC' },
    );
    assert.equal(reasonOf(run([withHole], eventIn()), 'HOLE'), 'OUTSIDE_AREA');
    const multi = rule(
      'MULTI',
      { ...match, polygon: { type: 'MultiPolygon', coordinates: [square(0.001, 120.3), square(0.001)] } },
      { unitCode: 'SCENIC' },
    );
    assert.equal(run([multi], eventIn()).unit.code, 'SCENIC');
  });
});

describe('priority and the deterministic tie-break', () => {
  it('a higher priority wins even over a more specific rule', () => {
    const r = run(
      [
        rule(
          'A-SPECIFIC',
          { categoryType: 'event', majorCode: '01', minorCode: '02', regionCodes: [GRID_A1_1] },
          { unitCode: 'CT-X' },
        ),
        rule('B-BROAD', {}, { unitCode: 'MUNICIPAL' }, { priority: 51 }),
      ],
      eventIn(),
    );
    assert.equal(r.unit.code, 'MUNICIPAL');
    assert.equal(reasonOf(r, 'A-SPECIFIC'), 'LOWER_PRIORITY');
  });

  it('at equal priority ranks standard > minor > major > type > any category', () => {
    const levels: [string, Rule['match']][] = [
      ['1-ANY', {}],
      ['2-TYPE', { categoryType: 'event' }],
      ['3-MAJOR', { categoryType: 'event', majorCode: '01' }],
      ['4-MINOR', { categoryType: 'event', majorCode: '01', minorCode: '02' }],
      ['5-STANDARD', { categoryType: 'event', majorCode: '01', minorCode: '02', standardId: 'E-0102-1' }],
    ];
    const rules = levels.map(([id, m]) => rule(id, m, { unitCode: 'MUNICIPAL' }));
    const facts = eventIn('01', '02', { standardId: 'E-0102-1' });
    for (let n = levels.length; n > 0; n--) {
      const r = run(rules.slice(0, n), facts);
      assert.equal(r.rule?.id, levels[n - 1]![0]);
      for (const [id] of levels.slice(0, n - 1)) assert.equal(reasonOf(r, id), 'LESS_SPECIFIC_CATEGORY');
    }
  });

  it('when everything else ties, the lower rule id wins (ordinal order), whatever the input order', () => {
    const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };
    const rules = [
      rule('R10', match, { unitCode: 'WATER' }),
      rule('R1', match, { unitCode: 'POWER' }),
      rule('R2', match, { unitCode: 'MUNICIPAL' }),
    ];
    for (const order of [rules, [...rules].reverse(), [rules[1]!, rules[2]!, rules[0]!]]) {
      const r = run(order, eventIn());
      assert.equal(r.rule?.id, 'R1');
      assert.equal(r.unit.code, 'POWER');
      // 'R10' < 'R2' in code-unit order: the trace lists them in the order they were tried.
      assert.deepEqual(
        r.trace.map((s) => [s.ruleId, s.reason]),
        [
          ['R1', 'RULE_MATCHED'],
          ['R10', 'HIGHER_RULE_ID'],
          ['R2', 'HIGHER_RULE_ID'],
        ],
      );
    }
  });
});

describe('rule conditions and skipped rules', () => {
  const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };

  it('skips a disabled rule and says so', () => {
    const r = run(
      [
        rule('OFF', match, { unitCode: 'MUNICIPAL' }, { enabled: false, priority: 99 }),
        rule('ON', match, { unitCode: 'WATER' }),
      ],
      eventIn(),
    );
    assert.equal(r.unit.code, 'WATER');
    assert.equal(reasonOf(r, 'OFF'), 'DISABLED');
    assert.match(stepOf(r, 'OFF')!.message, /已停用/);
  });

  it('skips a rule for another filing standard with CATEGORY_MISMATCH', () => {
    const r = run(
      [rule('STD', { ...match, standardId: 'E-0102-2' }, { unitCode: 'MUNICIPAL' })],
      eventIn('01', '02', { standardId: 'E-0102-1' }),
    );
    assert.equal(r.unit.code, 'ST-A');
    assert.equal(reasonOf(r, 'STD'), 'CATEGORY_MISMATCH');
  });

  it('does not look at rules of other categories, and counts them', () => {
    const r = run(
      [
        rule('OTHER', { categoryType: 'event', majorCode: '05' }, { unitCode: 'MUNICIPAL' }),
        rule('COMP', { categoryType: 'component' }, { unitCode: 'WATER' }),
      ],
      eventIn(),
    );
    assert.equal(stepOf(r, 'OTHER'), undefined);
    assert.equal(r.otherCategoryRules, 2);
  });

  it('matches componentUnitCodes against the component owner', () => {
    const water = rule(
      'W',
      { categoryType: 'component', componentUnitCodes: ['WATER'] },
      { unitCode: 'CT-X' },
    );
    assert.equal(run([water], componentIn('WATER', null)).unit.code, 'CT-X');
    const r = run([water], componentIn('POWER', null));
    assert.equal(r.unit.code, 'POWER');
    assert.equal(reasonOf(r, 'W'), 'OWNER_MISMATCH');
    assert.match(stepOf(r, 'W')!.message, /权属单位为 WATER.*POWER/);
  });

  it('skips a rule whose unit is inactive or was never created, with the unit code', () => {
    const inactive = run([rule('R', match, { unitCode: 'OLD' })], eventIn());
    assert.equal(inactive.unit.code, 'ST-A');
    assert.deepEqual(
      [stepOf(inactive, 'R')!.reason, stepOf(inactive, 'R')!.unitCode],
      ['UNIT_INACTIVE', 'OLD'],
    );
    const unknown = run([rule('R', match, { unitCode: 'NOPE' })], eventIn());
    assert.deepEqual(
      [stepOf(unknown, 'R')!.reason, stepOf(unknown, 'R')!.unitCode],
      ['UNIT_UNKNOWN', 'NOPE'],
    );
  });

  it('skips an owner-principle rule for a case without a component', () => {
    const r = run([rule('R', match, { principle: 'maintainer' })], eventIn());
    assert.equal(reasonOf(r, 'R'), 'NO_COMPONENT');
  });
});

describe('属地兜底: the fallback unit', () => {
  it('takes a case when no rule matches and no territorial unit covers its street', () => {
    const r = run([], eventIn('01', '02', { regions: { streetCode: '330102099', districtCode: DISTRICT } }));
    assert.equal(r.unit.code, 'BUREAU');
    assert.equal(r.principle, 'fallback');
    assert.equal(r.rule, null);
    assert.deepEqual(
      r.trace.map((s) => [s.ruleId, s.reason]),
      [
        ['builtin:territory', 'NO_TERRITORY_UNIT'],
        ['builtin:fallback', 'FALLBACK_UNIT'],
      ],
    );
  });

  it('takes a case that is not located at all', () => {
    const r = run(
      [rule('Z', { polygon: { type: 'Polygon', coordinates: square(0.01) } }, { unitCode: 'SCENIC' })],
      eventIn('01', '02', { regions: {}, location: null }),
    );
    assert.equal(r.unit.code, 'BUREAU');
    assert.deepEqual(
      r.trace.map((s) => s.reason),
      ['NOT_LOCATED', 'NOT_LOCATED', 'FALLBACK_UNIT'],
    );
  });

  it('takes a component case whose owner, maintainer and territory all fail', () => {
    const r = run([], componentIn('OLD', 'NOPE', { regions: {} }));
    assert.equal(r.unit.code, 'BUREAU');
    assert.deepEqual(
      r.trace.map((s) => s.reason),
      ['UNIT_UNKNOWN', 'UNIT_INACTIVE', 'NOT_LOCATED', 'FALLBACK_UNIT'],
    );
  });

  it('takes a case of a category no rule knows', () => {
    const r = run(
      [rule('R', { categoryType: 'event', majorCode: '01' }, { unitCode: 'MUNICIPAL' })],
      eventIn('77', '01', { regions: {} }),
    );
    assert.equal(r.unit.code, 'BUREAU');
  });
});

describe('the trace stays bounded', () => {
  it('keeps at most maxSkippedSteps skipped rule steps, counts the rest, and always keeps the chosen and built-in steps', () => {
    const rules = Array.from({ length: 60 }, (_, i) =>
      rule(`R${String(i).padStart(2, '0')}`, { regionCodes: [STREET_B] }, { unitCode: 'MUNICIPAL' }),
    );
    const r = run(rules, eventIn());
    assert.equal(r.trace.length, 51);
    assert.equal(r.omittedSteps, 10);
    assert.equal(r.trace.at(-1)!.ruleId, 'builtin:territory');
    const small = run(rules, eventIn(), UNITS, { ...OPTIONS, maxSkippedSteps: 3 });
    assert.equal(small.trace.length, 4);
    assert.equal(small.omittedSteps, 57);
  });
});

function bboxOf(area: RuleArea): [number, number, number, number] {
  const points = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).flat(2);
  const lngs = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

// A synthetic district: the 14 real street codes, communities 051… and grids 001… under each (codes only).
const STREETS = SHANGCHENG_STREETS.map((s) => s.code);
const CATEGORIES: DemoCategory[] = [
  { type: 'component', majorCode: '01', minorCode: '01', name: '上水井盖', responsibleUnitKind: 'water' },
  { type: 'component', majorCode: '01', minorCode: '12', name: '不明井盖', responsibleUnitKind: 'municipal' },
  { type: 'component', majorCode: '01', minorCode: '19', name: '路灯', responsibleUnitKind: 'municipal' },
  { type: 'component', majorCode: '01', minorCode: '23', name: '报刊亭', responsibleUnitKind: 'owner' },
  { type: 'component', majorCode: '02', minorCode: '07', name: '交通信号灯', responsibleUnitKind: 'traffic' },
  { type: 'component', majorCode: '04', minorCode: '02', name: '行道树', responsibleUnitKind: 'landscaping' },
  {
    type: 'component',
    majorCode: '04',
    minorCode: '03',
    name: '公共绿地',
    responsibleUnitKind: 'landscaping',
  },
  { type: 'event', majorCode: '01', minorCode: '01', name: '私搭乱建', responsibleUnitKind: 'street' },
  { type: 'event', majorCode: '01', minorCode: '02', name: '暴露垃圾', responsibleUnitKind: 'sanitation' },
  { type: 'event', majorCode: '01', minorCode: '10', name: '道路破损', responsibleUnitKind: 'municipal' },
  {
    type: 'event',
    majorCode: '01',
    minorCode: '98',
    name: '垃圾分类投放不规范',
    responsibleUnitKind: 'street',
  },
  { type: 'event', majorCode: '02', minorCode: '01', name: '非法小广告', responsibleUnitKind: 'street' },
  { type: 'event', majorCode: '04', minorCode: '02', name: '供水管道破裂', responsibleUnitKind: 'water' },
  {
    type: 'event',
    majorCode: '05',
    minorCode: '02',
    name: '占道经营',
    responsibleUnitKind: 'urban_management',
  },
  { type: 'event', majorCode: '05', minorCode: '07', name: '非机动车乱停放', responsibleUnitKind: 'street' },
  { type: 'event', majorCode: '06', minorCode: '99', name: '其他', responsibleUnitKind: 'street' },
];
const STANDARDS = [
  {
    id: 'E-0101-2',
    type: 'event' as const,
    majorCode: '01',
    minorCode: '01',
    filingCondition: '已建成的违法建筑物',
  },
];
const DEMO_UNITS = demoDispatchUnits();
const DEMO = generateDemoRules({ categories: CATEGORIES, units: DEMO_UNITS, standards: STANDARDS });
const UNIT_CODES = DEMO_UNITS.map((u) => u.code);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
const pointIn = (west: number, south: number, east: number, north: number) =>
  fc.record({
    lng: fc.double({ min: west, max: east, noNaN: true }),
    lat: fc.double({ min: south, max: north, noNaN: true }),
  });
/** Anywhere in the district's box, or inside the box of a demo zone, or where 河坊街 overlaps the scenic area. */
const locationArb = fc.oneof(
  { weight: 2, arbitrary: pointIn(120.132, 30.195, 120.292, 30.396) },
  { weight: 2, arbitrary: fc.constantFrom(...DEMO_AREAS).chain((a) => pointIn(...bboxOf(a.polygon))) },
  { weight: 1, arbitrary: pointIn(120.16, 30.243, 120.166, 30.2446) },
);
const factsArb: fc.Arbitrary<CaseFacts> = fc
  .record({
    category: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...CATEGORIES) },
      {
        weight: 1,
        arbitrary: fc.record({
          type: fc.constantFrom('component' as const, 'event' as const),
          majorCode: fc.constantFrom('01', '03', '77'),
          minorCode: fc.constantFrom('01', '55'),
        }),
      },
    ),
    standardId: maybe(fc.constantFrom('E-0101-1', 'E-0101-2')),
    street: fc.constantFrom(...STREETS, '330102099'),
    community: fc.integer({ min: 51, max: 60 }),
    grid: fc.integer({ min: 1, max: 30 }),
    levels: fc.record({
      grid: fc.boolean(),
      community: fc.boolean(),
      street: fc.boolean(),
      district: fc.boolean(),
    }),
    location: maybe(locationArb),
    component: maybe(
      fc.record({
        id: fc.constant('3301020101000001'),
        ownerUnitCode: fc.option(fc.constantFrom(...UNIT_CODES, 'DISTRICT'), { nil: null }),
        maintainerUnitCode: fc.option(fc.constantFrom(...UNIT_CODES, 'DISTRICT'), { nil: null }),
      }),
    ),
  })
  .map((x) => {
    const community = `${x.street}${String(x.community).padStart(3, '0')}`;
    return {
      categoryType: x.category.type,
      majorCode: x.category.majorCode,
      minorCode: x.category.minorCode,
      standardId: x.standardId ?? null,
      location: x.location ?? null,
      regions: {
        ...(x.levels.grid ? { gridCode: `${community}${String(x.grid).padStart(3, '0')}` } : {}),
        ...(x.levels.community ? { communityCode: community } : {}),
        ...(x.levels.street ? { streetCode: x.street } : {}),
        ...(x.levels.district ? { districtCode: DISTRICT } : {}),
      },
      component: x.component ?? null,
    };
  });
/** Any subset of the demo units switched off, except the fallback (compileRules refuses an inactive fallback). */
const inactiveArb = fc.subarray(
  UNIT_CODES.filter((c) => c !== DEMO.fallbackUnitCode),
  { maxLength: 12 },
);

describe('properties over the demo rule set and a synthetic 上城区', () => {
  it('every case resolves to exactly one active unit from the directory, with a non-empty trace', () => {
    fc.assert(
      fc.property(factsArb, inactiveArb, (facts, inactive) => {
        const units = withInactive(DEMO_UNITS, ...inactive);
        const set = compileRules(DEMO.rules, units, { fallbackUnitCode: DEMO.fallbackUnitCode });
        const r = resolve(set, facts);
        assert.equal(r.unit.active, true);
        assert.equal(set.units.get(r.unit.code), r.unit);
        assert.ok(r.trace.length > 0);
        const step = chosen(r);
        assert.equal(step.unitCode, r.unit.code);
        assert.equal(step.ruleId, r.rule?.id ?? step.ruleId);
        assert.equal(r.principle === 'rule', r.rule !== null);
      }),
      { numRuns: 300 },
    );
  });

  it('every demo category resolves to a rule, owner or territory unit in every street when all units are active', () => {
    const set = compileRules(DEMO.rules, DEMO_UNITS, { fallbackUnitCode: DEMO.fallbackUnitCode });
    for (const c of CATEGORIES) {
      for (const street of STREETS) {
        const facts: CaseFacts = {
          categoryType: c.type,
          majorCode: c.majorCode,
          minorCode: c.minorCode,
          regions: { streetCode: street, districtCode: DISTRICT },
        };
        const r = resolve(set, facts);
        assert.equal(r.unit.active, true);
        // With every unit active and the street known, nothing falls through to the fallback desk.
        assert.notEqual(r.principle, 'fallback', `${c.name} in ${street}`);
      }
    }
  });

  it('the indexed resolver agrees with a brute-force scan of every rule (unit, rule and principle)', () => {
    fc.assert(
      fc.property(factsArb, inactiveArb, (facts, inactive) => {
        const units = withInactive(DEMO_UNITS, ...inactive);
        const options = { fallbackUnitCode: DEMO.fallbackUnitCode };
        const r = resolve(compileRules(DEMO.rules, units, options), facts);
        const expected = referenceResolve(DEMO.rules, units, options, facts);
        assert.deepEqual(
          { unitCode: r.unit.code, ruleId: r.rule?.id ?? null, principle: r.principle },
          expected,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of rules or units', () => {
    fc.assert(
      fc.property(factsArb, fc.integer(), (facts, seed) => {
        const shuffle = <T>(list: readonly T[]) => {
          let s = seed >>> 0;
          const out = [...list];
          for (let i = out.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const options = { fallbackUnitCode: DEMO.fallbackUnitCode };
        const a = resolve(compileRules(DEMO.rules, DEMO_UNITS, options), facts);
        const b = resolve(compileRules(shuffle(DEMO.rules), shuffle(DEMO_UNITS), options), facts);
        assert.deepEqual(b, a);
      }),
      { numRuns: 100 },
    );
  });
});
