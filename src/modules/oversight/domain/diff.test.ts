import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TIME_UNITS } from '../../calendar/index.js';
import { canonicalJson } from './canonical.js';
import { applyDiff, diffPowerLists, invertDiff, isEmptyDiff, sortItems } from './diff.js';
import {
  POWER_SOURCES,
  POWER_TYPES,
  RESPONSIBILITY_STAGES,
  type PowerItem,
  type PowerList,
} from './types.js';

const item = (code: string, edit: Partial<PowerItem> = {}): PowerItem => ({
  code,
  name: `事项 ${code}`,
  type: 'penalty',
  source: 'statutory',
  implementingUnitCode: 'UM-ENFORCEMENT',
  acceptingUnitCode: 'UM-ENFORCEMENT',
  decidingUnitCode: 'UM-ENFORCEMENT',
  delegations: [],
  legalBasis: [{ law: '浙江省城市市容和环境卫生管理条例', article: '第十六条', text: '' }],
  statutoryLimit: { value: 90, unit: 'calendar_day' },
  promisedLimit: { value: 60, unit: 'calendar_day' },
  simpleProcedureAllowed: true,
  responsibilities: [{ stage: 'file', duty: '及时立案', basis: '' }],
  accountability: [{ situation: '不立案', basis: '行政处罚法第七十六条' }],
  ...edit,
});

describe('power-list diff', () => {
  it('names added, removed and changed items, and the changed fields with both values', () => {
    const a: PowerList = { items: [item('A-01'), item('A-02'), item('A-03')], caseLoopItemCode: 'A-01' };
    const b: PowerList = {
      items: [
        item('A-01'),
        item('A-03', { promisedLimit: { value: 30, unit: 'calendar_day' }, name: '新名称' }),
        item('A-04'),
      ],
      caseLoopItemCode: 'A-04',
    };
    const d = diffPowerLists({ ...a, version: 1 }, { ...b, version: 2 });
    assert.equal(d.fromVersion, 1);
    assert.equal(d.toVersion, 2);
    assert.deepEqual(
      d.added.map((i) => i.code),
      ['A-04'],
    );
    assert.deepEqual(
      d.removed.map((i) => i.code),
      ['A-02'],
    );
    assert.equal(d.changed.length, 1);
    assert.equal(d.changed[0]!.code, 'A-03');
    assert.equal(d.changed[0]!.name, '新名称');
    assert.deepEqual(d.changed[0]!.changes, [
      { field: 'name', before: '事项 A-03', after: '新名称' },
      {
        field: 'promisedLimit',
        before: { value: 60, unit: 'calendar_day' },
        after: { value: 30, unit: 'calendar_day' },
      },
    ]);
    assert.deepEqual(d.caseLoopItemCode, { before: 'A-01', after: 'A-04' });
  });

  it('ignores key order (stored jsonb reorders keys) and item order', () => {
    const one = item('B-01');
    const reordered = Object.fromEntries(Object.entries(one).reverse()) as unknown as PowerItem;
    const d = diffPowerLists(
      { items: [one, item('B-02')], caseLoopItemCode: null },
      { items: [item('B-02'), reordered], caseLoopItemCode: null },
    );
    assert.ok(isEmptyDiff(d), JSON.stringify(d));
  });

  it('sees a change inside a nested list (one more accountability situation)', () => {
    const before = item('C-01');
    const after = item('C-01', {
      accountability: [...before.accountability, { situation: '擅自改变处罚幅度', basis: '第七十六条' }],
    });
    const d = diffPowerLists(
      { items: [before], caseLoopItemCode: null },
      { items: [after], caseLoopItemCode: null },
    );
    assert.deepEqual(
      d.changed[0]?.changes.map((c) => c.field),
      ['accountability'],
    );
  });

  it('refuses to apply a diff to a list that does not match its before side', () => {
    const a: PowerList = { items: [item('D-01')], caseLoopItemCode: null };
    const b: PowerList = { items: [item('D-01', { name: 'x' })], caseLoopItemCode: null };
    const other: PowerList = { items: [item('D-01', { name: 'y' })], caseLoopItemCode: null };
    assert.throws(() => applyDiff(other, diffPowerLists(a, b)), /does not match/);
  });
});

// ---- properties ----

const CODES = ['P-01', 'P-02', 'P-03', 'P-04', 'P-05', 'P-06'];
const limit = fc.option(
  fc.record({ value: fc.integer({ min: 1, max: 120 }), unit: fc.constantFrom(...TIME_UNITS) }),
  { nil: null },
);
const arbItem = (code: string): fc.Arbitrary<PowerItem> =>
  fc.record({
    code: fc.constant(code),
    name: fc.constantFrom('设摊', '店外经营', '乱张贴', '违法建设'),
    type: fc.constantFrom(...POWER_TYPES),
    source: fc.constantFrom(...POWER_SOURCES),
    implementingUnitCode: fc.constantFrom('UM-BUREAU', 'UM-ENFORCEMENT'),
    acceptingUnitCode: fc.constantFrom('UM-BUREAU', 'UM-COMMAND'),
    decidingUnitCode: fc.constantFrom('UM-BUREAU', 'UM-ENFORCEMENT'),
    delegations: fc.uniqueArray(
      fc.record({
        unitCode: fc.constantFrom('ST-01', 'ST-02', 'ST-03'),
        scopeRemark: fc.constantFrom('', '限于辖区'),
      }),
      { selector: (d) => d.unitCode, maxLength: 3 },
    ),
    legalBasis: fc.array(
      fc.record({
        law: fc.constantFrom('法 A', '法 B'),
        article: fc.constantFrom('第一条', '第二条'),
        text: fc.string(),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    statutoryLimit: limit,
    promisedLimit: limit,
    simpleProcedureAllowed: fc.boolean(),
    responsibilities: fc.array(
      fc.record({
        stage: fc.constantFrom(...RESPONSIBILITY_STAGES),
        duty: fc.constantFrom('立案', '送达'),
        basis: fc.constant(''),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    accountability: fc.array(
      fc.record({ situation: fc.constantFrom('不作为', '乱作为'), basis: fc.constant('第七十六条') }),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
  });

const arbList: fc.Arbitrary<PowerList> = fc
  .subarray(CODES)
  .chain((codes) => fc.tuple(...codes.map(arbItem)).map((t): PowerItem[] => [...t]))
  .chain((items) =>
    fc.record({
      items: fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
      caseLoopItemCode: fc.option(fc.constantFrom(...CODES), { nil: null }),
    }),
  );

/** Two lists that share some codes, so diffs have changed items as well as added and removed ones. */
const arbPair = fc.tuple(arbList, arbList);

const normal = (list: PowerList) =>
  canonicalJson({ items: sortItems(list.items), caseLoopItemCode: list.caseLoopItemCode });

describe('power-list diff properties', () => {
  it('applying diff(a, b) to a gives b', () => {
    fc.assert(
      fc.property(arbPair, ([a, b]) => {
        assert.equal(normal(applyDiff(a, diffPowerLists(a, b))), normal(b));
      }),
      { numRuns: 300 },
    );
  });

  it('diff(b, a) is the inverse of diff(a, b), and applying it goes back to a', () => {
    fc.assert(
      fc.property(arbPair, ([a, b]) => {
        const forward = diffPowerLists(a, b);
        const backward = diffPowerLists(b, a);
        assert.equal(canonicalJson(invertDiff(forward)), canonicalJson(backward));
        assert.equal(normal(applyDiff(b, backward)), normal(a));
      }),
      { numRuns: 300 },
    );
  });

  it('a list compared with itself (in any order) has no changes, and a non-empty diff means the lists differ', () => {
    fc.assert(
      fc.property(arbPair, ([a, b]) => {
        assert.ok(isEmptyDiff(diffPowerLists(a, { ...a, items: [...a.items].reverse() })));
        assert.equal(isEmptyDiff(diffPowerLists(a, b)), normal(a) === normal(b));
      }),
      { numRuns: 300 },
    );
  });
});
