import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRules } from './compile-rules.js';
import { RuleSetError } from './rule-problems.js';
import { COMMUNITY_A1, rule, square, STREET_A, UNITS, unit, withInactive } from './test-fixtures.js';
import type { Rule } from './types.js';

const OPTIONS = { fallbackUnitCode: 'BUREAU' };
const codes = (rules: Rule[], units = UNITS) =>
  compileRules(rules, units, OPTIONS).problems.map((p) => [p.severity, p.code, p.ruleId ?? p.unitCode]);

describe('compileRules: unknown and inactive units', () => {
  it('reports rules naming a unit that does not exist, with their ids, and keeps them so resolve can explain', () => {
    const rules = [
      rule('R1', { categoryType: 'event' }, { unitCode: 'NOPE' }),
      rule('R2', { categoryType: 'event' }, { unitCode: 'MUNICIPAL' }),
      rule('R3', {}, { unitCode: 'GONE' }),
    ];
    const set = compileRules(rules, UNITS, OPTIONS);
    assert.deepEqual(
      set.problems.map((p) => [p.code, p.ruleId, p.unitCode]),
      [
        ['UNIT_UNKNOWN', 'R1', 'NOPE'],
        ['UNIT_UNKNOWN', 'R3', 'GONE'],
      ],
    );
    assert.equal(set.ruleCount, 3);
  });

  it('throws a RuleSetError listing the rule ids in strict mode', () => {
    const rules = [
      rule('R1', {}, { unitCode: 'NOPE' }),
      rule('R2', {}, { unitCode: 'MUNICIPAL' }),
      rule('R3', { minorCode: '01' }, { unitCode: 'MUNICIPAL' }),
    ];
    assert.throws(
      () => compileRules(rules, UNITS, { ...OPTIONS, strict: true }),
      (error: unknown) => {
        assert.ok(error instanceof RuleSetError);
        assert.deepEqual(error.ruleIds, ['R1', 'R3']);
        assert.match(error.message, /R1: UNIT_UNKNOWN/);
        return true;
      },
    );
  });

  it('warns about a rule whose unit is inactive (it will be skipped) without failing strict mode', () => {
    const rules = [rule('R1', {}, { unitCode: 'OLD' })];
    assert.deepEqual(codes(rules), [['warning', 'UNIT_INACTIVE', 'R1']]);
    assert.doesNotThrow(() => compileRules(rules, UNITS, { ...OPTIONS, strict: true }));
  });

  it('refuses a fallback unit that is missing or inactive, in any mode, since every case needs it', () => {
    assert.throws(() => compileRules([], UNITS, { fallbackUnitCode: 'NOPE' }), /FALLBACK_UNIT_UNKNOWN/);
    assert.throws(
      () => compileRules([], withInactive(UNITS, 'BUREAU'), OPTIONS),
      (e: unknown) => e instanceof RuleSetError && e.problems[0]?.code === 'FALLBACK_UNIT_INACTIVE',
    );
  });
});

describe('compileRules: malformed rules are left out and reported', () => {
  it('requires the category levels to nest', () => {
    const rules = [
      rule('MAJOR-ONLY', { majorCode: '01' }, { unitCode: 'MUNICIPAL' }),
      rule('MINOR-ONLY', { categoryType: 'event', minorCode: '01' }, { unitCode: 'MUNICIPAL' }),
      rule(
        'STD-ONLY',
        { categoryType: 'event', majorCode: '01', standardId: 'E-0101-1' },
        { unitCode: 'MUNICIPAL' },
      ),
      rule('BAD-TYPE', { categoryType: 'thing' as 'event' }, { unitCode: 'MUNICIPAL' }),
    ];
    const set = compileRules(rules, UNITS, OPTIONS);
    assert.equal(set.ruleCount, 0);
    assert.deepEqual(
      set.problems.map((p) => [p.code, p.ruleId]),
      [
        ['INVALID_CATEGORY', 'MAJOR-ONLY'],
        ['INVALID_CATEGORY', 'MINOR-ONLY'],
        ['INVALID_CATEGORY', 'STD-ONLY'],
        ['INVALID_CATEGORY', 'BAD-TYPE'],
      ],
    );
  });

  it('rejects region codes of no known length and empty region lists; warns on mixed levels', () => {
    assert.deepEqual(codes([rule('R', { regionCodes: ['3301020'] }, { unitCode: 'MUNICIPAL' })]), [
      ['error', 'INVALID_REGION_CODE', 'R'],
    ]);
    assert.deepEqual(codes([rule('R', { regionCodes: [] }, { unitCode: 'MUNICIPAL' })]), [
      ['error', 'INVALID_REGION_CODE', 'R'],
    ]);
    assert.deepEqual(
      codes([rule('R', { regionCodes: [STREET_A, COMMUNITY_A1] }, { unitCode: 'MUNICIPAL' })]),
      [['warning', 'MIXED_REGION_LEVELS', 'R']],
    );
  });

  it('rejects polygons that are not closed rings of valid WGS-84 positions', () => {
    const bad: Rule['match'][] = [
      {
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [120, 30],
              [121, 30],
              [120, 30],
            ],
          ],
        },
      },
      {
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [120, 30],
              [200, 30],
              [121, 31],
              [120, 30],
            ],
          ],
        },
      },
      { polygon: { type: 'Point', coordinates: [120, 30] } as unknown as Rule['match']['polygon'] & object },
      {
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [120, 30],
              [121, 30],
              [122, 30],
              [120, 30],
            ],
          ],
        },
      },
    ];
    for (const match of bad) {
      assert.deepEqual(codes([rule('P', match, { unitCode: 'SCENIC' })]), [
        ['error', 'INVALID_POLYGON', 'P'],
      ]);
    }
    assert.deepEqual(
      codes([rule('P', { polygon: { type: 'Polygon', coordinates: square(0.01) } }, { unitCode: 'SCENIC' })]),
      [],
    );
  });

  it('rejects targets that are neither one unit nor one principle', () => {
    const targets = [
      {},
      { unitCode: '' },
      { principle: 'nearest' },
      { unitCode: 'MUNICIPAL', principle: 'owner' },
    ];
    for (const target of targets) {
      assert.deepEqual(codes([rule('T', {}, target as Rule['target'])]), [['error', 'INVALID_TARGET', 'T']]);
    }
  });

  it('rejects missing ids, names, non-finite priorities and non-boolean enabled flags', () => {
    assert.equal(codes([rule('', {}, { unitCode: 'MUNICIPAL' })])[0]![1], 'INVALID_RULE');
    assert.equal(codes([rule('R', {}, { unitCode: 'MUNICIPAL' }, { name: ' ' })])[0]![1], 'INVALID_RULE');
    assert.equal(
      codes([rule('R', {}, { unitCode: 'MUNICIPAL' }, { priority: Number.NaN })])[0]![1],
      'INVALID_RULE',
    );
    assert.equal(
      codes([rule('R', {}, { unitCode: 'MUNICIPAL' }, { enabled: 'yes' as unknown as boolean })])[0]![1],
      'INVALID_RULE',
    );
  });

  it('keeps the first of two rules sharing an id', () => {
    const set = compileRules(
      [rule('R', {}, { unitCode: 'MUNICIPAL' }), rule('R', {}, { unitCode: 'WATER' })],
      UNITS,
      OPTIONS,
    );
    assert.equal(set.ruleCount, 1);
    assert.equal(set.rules[0]!.target.kind === 'unit' && set.rules[0]!.target.unitCode, 'MUNICIPAL');
    assert.deepEqual(
      set.problems.map((p) => p.code),
      ['DUPLICATE_RULE_ID'],
    );
  });
});

describe('compileRules: the unit directory', () => {
  it('reports duplicate unit codes and territorial overlaps', () => {
    const units = [
      ...UNITS,
      unit('WATER', { name: '另一个供水公司' }),
      unit('ST-Z', { kind: 'street_office', regionCodes: [STREET_A] }),
    ];
    assert.deepEqual(codes([], units), [
      ['error', 'DUPLICATE_UNIT', 'WATER'],
      ['warning', 'TERRITORY_OVERLAP', 'ST-A'],
    ]);
  });

  it('counts enabled rules apart from all rules', () => {
    const set = compileRules(
      [
        rule('A', {}, { unitCode: 'MUNICIPAL' }),
        rule('B', {}, { unitCode: 'MUNICIPAL' }, { enabled: false }),
      ],
      UNITS,
      OPTIONS,
    );
    assert.deepEqual([set.ruleCount, set.enabledRuleCount], [2, 1]);
  });
});
