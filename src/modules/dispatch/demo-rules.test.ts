import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadDefaultDataset } from '../taxonomy/index.js';
import { compileRules, type CompiledRuleSet } from './domain/compile-rules.js';
import { resolve } from './domain/resolve.js';
import type { CaseFacts } from './domain/types.js';
import { generateDemoRules, type DemoCategory, type DemoStandard } from './demo-rules.js';
import { SHANGCHENG_STREETS } from './demo-streets.js';
import { DEMO_FALLBACK_UNIT_CODE, demoDispatchUnits } from './demo-units.js';

/** The owner / maintainer codes the geo module's demo components carry (geo DEMO_COMPONENT_CATEGORIES). */
const GEO_COMPONENT_UNIT_CODES = [
  'WATER',
  'DRAINAGE',
  'POWER',
  'TELECOM',
  'GAS',
  'MUNICIPAL',
  'LIGHTING',
  'FIRE',
  'TRANSIT',
  'TRAFFIC',
  'SANITATION',
  'LANDSCAPING',
];

const UNITS = demoDispatchUnits();

describe('demo units', () => {
  it('include every owner and maintainer code the geo demo components use, all active', () => {
    const byCode = new Map(UNITS.map((u) => [u.code, u]));
    for (const code of GEO_COMPONENT_UNIT_CODES) assert.equal(byCode.get(code)?.active, true, code);
    assert.equal(byCode.get(DEMO_FALLBACK_UNIT_CODE)?.kind, 'bureau');
  });

  it('give each of the 14 streets an office and a squad under it, with unique codes', () => {
    assert.equal(new Set(UNITS.map((u) => u.code)).size, UNITS.length);
    for (const street of SHANGCHENG_STREETS) {
      const office = UNITS.find((u) => u.code === `ST-${street.code}`);
      assert.deepEqual([office?.kind, office?.regionCodes], ['street_office', [street.code]]);
      assert.equal(UNITS.find((u) => u.code === `ZF-${street.code}`)?.parentCode, `ST-${street.code}`);
    }
  });
});

describe('the demo rule set over the shipped 上城区 taxonomy', () => {
  let categories: DemoCategory[] = [];
  let standards: DemoStandard[] = [];
  let set: CompiledRuleSet;

  before(async () => {
    const dataset = await loadDefaultDataset();
    categories = dataset.taxonomy.minors.map((m) => ({
      type: m.kind,
      majorCode: m.majorCode,
      minorCode: m.code,
      name: m.name,
      responsibleUnitKind: m.responsibleUnitKind,
    }));
    standards = dataset.taxonomy.standards.map((s) => ({
      id: s.id,
      type: s.kind,
      majorCode: s.majorCode,
      minorCode: s.minorCode,
      filingCondition: s.filingCondition,
    }));
    const demo = generateDemoRules({ categories, units: UNITS, standards });
    set = compileRules(demo.rules, UNITS, { fallbackUnitCode: demo.fallbackUnitCode, strict: true });
  });

  it('has several hundred rules, every one valid against the demo units, none left out', () => {
    const demo = generateDemoRules({ categories, units: UNITS, standards });
    assert.ok(demo.rules.length >= 300 && demo.rules.length <= 1500, `${demo.rules.length} rules`);
    assert.deepEqual(demo.omitted, []);
    assert.deepEqual(set.problems, []);
  });

  it('is deterministic and independent of the category order', () => {
    const a = generateDemoRules({ categories, units: UNITS, standards });
    const b = generateDemoRules({
      categories: [...categories].reverse(),
      units: [...UNITS].reverse(),
      standards,
    });
    assert.deepEqual(b, a);
  });

  it('leaves out, and reports, rules whose unit the organisation has not created', () => {
    const demo = generateDemoRules({
      categories,
      units: UNITS.filter((u) => u.code !== 'TRAFFIC'),
      standards,
    });
    assert.ok(demo.omitted.length > 0);
    assert.ok(demo.omitted.every((o) => o.unitCode === 'TRAFFIC'));
  });

  const minorOf = (type: 'component' | 'event', name: string): DemoCategory => {
    const found = categories.find((c) => c.type === type && c.name === name);
    assert.ok(found, `${name} in the taxonomy`);
    return found;
  };
  const at = (
    type: 'component' | 'event',
    name: string,
    streetCode: string,
    extra: Partial<CaseFacts> = {},
  ): string => {
    const c = minorOf(type, name);
    const facts: CaseFacts = {
      categoryType: type,
      majorCode: c.majorCode,
      minorCode: c.minorCode,
      regions: { streetCode, districtCode: '330102' },
      ...extra,
    };
    return resolve(set, facts).unit.code;
  };
  const QINGBO = '330102001';
  const WANGJIANG = '330102010';
  const JIUBAO = '330102018';
  const owned = (code: string) => ({
    component: { id: '3301020101000001', ownerUnitCode: code, maintainerUnitCode: code },
  });

  it('sends manhole covers to their owners, and WATER covers in the east to its contractor', () => {
    assert.equal(at('component', '上水井盖', QINGBO, owned('WATER')), 'WATER');
    assert.equal(at('component', '上水井盖', JIUBAO, owned('WATER')), 'CT-WATER-E');
    assert.equal(at('component', '燃气井盖', JIUBAO, owned('GAS')), 'GAS');
    assert.equal(at('component', '污水井盖', QINGBO), 'DRAINAGE'); // no census record: the category's default
    assert.equal(at('component', '不明井盖', QINGBO), 'MUNICIPAL');
  });

  it('sends traffic facilities to the traffic police and greenery to landscaping or its contractor', () => {
    assert.equal(at('component', '交通信号灯', QINGBO), 'TRAFFIC');
    assert.equal(at('component', '行道树', QINGBO), 'LANDSCAPING');
    assert.equal(at('component', '行道树', JIUBAO), 'CT-GREEN-N');
    assert.equal(at('component', '报刊亭', QINGBO), `ST-${QINGBO}`); // owner unknown: territory
  });

  it('routes events: street order to the street squad, 市容 to the territory or its cleaning lot, roads to 市政', () => {
    assert.equal(at('event', '占道经营', WANGJIANG), `ZF-${WANGJIANG}`);
    assert.equal(at('event', '暴露垃圾', WANGJIANG), `ST-${WANGJIANG}`);
    assert.equal(at('event', '暴露垃圾', JIUBAO), 'CT-CLEAN-2');
    assert.equal(at('event', '非法小广告', QINGBO), `ST-${QINGBO}`);
    assert.equal(at('event', '道路破损', QINGBO), 'MUNICIPAL');
    assert.equal(at('event', '供水管道破裂', QINGBO), 'WATER');
    assert.equal(at('event', '机动车乱停放', QINGBO), 'TRAFFIC');
    assert.equal(at('event', '非机动车乱停放', QINGBO), `ST-${QINGBO}`);
  });

  it('routes by filing standard and by community where the catalogue says so', () => {
    assert.equal(at('event', '私搭乱建', QINGBO, { standardId: 'E-0101-1' }), `ZF-${QINGBO}`);
    assert.equal(at('event', '私搭乱建', QINGBO, { standardId: 'E-0101-2' }), `ST-${QINGBO}`);
    const sorting = minorOf('event', '垃圾分类投放不规范');
    const inPilot = resolve(set, {
      categoryType: 'event',
      majorCode: sorting.majorCode,
      minorCode: sorting.minorCode,
      regions: { communityCode: '330102004051', streetCode: '330102004' },
    });
    assert.equal(inPilot.unit.code, 'SO-SORT');
  });

  it('gives the special zones their cases: the scenic area, and the historic block where they overlap', () => {
    assert.equal(
      at('event', '暴露垃圾', '330102003', { location: { lng: 120.156, lat: 30.255 } }),
      'SCENIC-WESTLAKE',
    );
    assert.equal(at('event', '占道经营', QINGBO, { location: { lng: 120.163, lat: 30.2438 } }), 'HEFANG');
    assert.equal(
      at('event', '占道经营', '330102013', { location: { lng: 120.208, lat: 30.293 } }),
      'HUB-EAST',
    );
    assert.equal(
      at('component', '行道树', '330102014', { location: { lng: 120.207, lat: 30.247 } }),
      'QIANJIANG-CBD',
    );
    // A water main burst in the scenic area is still the water company's.
    assert.equal(
      at('event', '供水管道破裂', '330102003', { location: { lng: 120.156, lat: 30.255 } }),
      'WATER',
    );
  });

  it('dispatches every category in every street without falling back', () => {
    for (const c of categories) {
      for (const street of SHANGCHENG_STREETS) {
        const r = resolve(set, {
          categoryType: c.type,
          majorCode: c.majorCode,
          minorCode: c.minorCode,
          regions: { streetCode: street.code, districtCode: '330102' },
        });
        assert.notEqual(r.principle, 'fallback', `${c.name} in ${street.name}`);
      }
    }
  });
});
