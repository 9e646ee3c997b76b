import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_DEPARTMENTS } from '../../org/index.js';
import { CASE_LOOP_ITEM_CODE, demoPowerList } from '../demo-list.js';
import type { PowerItem } from './types.js';
import { validatePowerItem, validatePowerList, type UnitFacts } from './validate.js';

const units = new Map<string, UnitFacts>([
  ...DEMO_DEPARTMENTS.map((u) => [u.code, { kind: u.kind, active: u.active }] as const),
  ['ST-01', { kind: 'street_office', active: true }],
  ['ST-02', { kind: 'street_office', active: true }],
  ['ST-OLD', { kind: 'street_office', active: false }],
]);

const good = (): PowerItem =>
  structuredClone(demoPowerList(['ST-01']).items.find((i) => i.code === 'SC-CF-0016')!);
const codes = (item: PowerItem) => validatePowerItem(item, units).map((i) => `${i.field}:${i.code}`);

describe('power-list validation', () => {
  it('accepts the demo list (every unit it names exists, every item complete)', () => {
    const list = demoPowerList(['ST-01', 'ST-02']);
    assert.deepEqual(validatePowerList(list, units), []);
    assert.equal(list.caseLoopItemCode, CASE_LOOP_ITEM_CODE);
    assert.ok(list.items.some((i) => i.code === CASE_LOOP_ITEM_CODE));
    assert.ok(list.items.filter((i) => i.type === 'penalty').length >= 6);
  });

  it('names the field of each problem', () => {
    const item = good();
    item.code = 'x';
    item.implementingUnitCode = 'NOPE';
    item.delegations = [
      { unitCode: 'ST-01', scopeRemark: '' },
      { unitCode: 'ST-01', scopeRemark: '' },
      { unitCode: 'UM-BUREAU', scopeRemark: '' },
      { unitCode: 'ST-OLD', scopeRemark: '' },
    ];
    item.legalBasis = [{ law: ' ', article: '', text: '' }];
    assert.deepEqual(codes(item), [
      'code:INVALID_CODE',
      'implementingUnitCode:UNKNOWN_UNIT',
      'delegations.1.unitCode:DUPLICATE_DELEGATION',
      'delegations.2.unitCode:NOT_A_STREET_OFFICE',
      'delegations.3.unitCode:INACTIVE_UNIT',
      'legalBasis.0.law:REQUIRED',
      'legalBasis.0.article:REQUIRED',
    ]);
  });

  it('refuses a promised limit longer than the statutory one in the same unit', () => {
    const item = good();
    item.promisedLimit = { value: 91, unit: 'calendar_day' };
    assert.deepEqual(codes(item), ['promisedLimit.value:PROMISE_EXCEEDS_STATUTE']);
    item.promisedLimit = { value: 90, unit: 'calendar_day' };
    assert.deepEqual(codes(item), []);
  });

  it('refuses bad limits, an unknown unit, the summary procedure outside penalties, missing duties', () => {
    const item = good();
    item.statutoryLimit = { value: 0, unit: 'fortnight' as never };
    item.type = 'licensing';
    item.responsibilities = [];
    item.accountability = [{ situation: '', basis: '' }];
    assert.deepEqual(codes(item), [
      'statutoryLimit.value:INVALID_LIMIT',
      'statutoryLimit.unit:INVALID_UNIT',
      'simpleProcedureAllowed:SIMPLE_PROCEDURE_NOT_PENALTY',
      'responsibilities:REQUIRED',
      'accountability.0.situation:REQUIRED',
      'accountability.0.basis:REQUIRED',
    ]);
  });

  it('refuses duplicate codes, an empty list and a case-loop mark on a missing item', () => {
    const a = good();
    const issues = validatePowerList(
      { items: [a, structuredClone(a)], caseLoopItemCode: 'SC-QT-9999' },
      units,
    );
    assert.deepEqual(
      issues.map((i) => `${i.field}:${i.code}`),
      ['items.1.code:DUPLICATE_CODE', 'caseLoopItemCode:UNKNOWN_ITEM'],
    );
    assert.deepEqual(
      validatePowerList({ items: [], caseLoopItemCode: null }, units).map((i) => i.code),
      ['REQUIRED'],
    );
  });
});
