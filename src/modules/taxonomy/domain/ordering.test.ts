import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CategoryOrder, MajorCategory, MinorCategory, TaxonomyTable } from './types.js';
import {
  applyCategoryOrder,
  checkCategoryOrder,
  codeOrder,
  orderMajors,
  orderMinors,
  sortTableCanonically,
} from './ordering.js';

const eventMajors: MajorCategory[] = [
  { kind: 'event', code: '04', name: '突发事件' },
  { kind: 'event', code: '01', name: '市容环境' },
  { kind: 'event', code: '05', name: '街面秩序' },
  { kind: 'component', code: '02', name: '道路交通' },
  { kind: 'component', code: '01', name: '公用设施' },
  { kind: 'event', code: '99', name: '扩展事件' },
];

const names = (majors: MajorCategory[]): string[] => majors.map((m) => m.name);

describe('category order', () => {
  it('lists 部件 before 事件 and follows the tenant order within each kind', () => {
    // 运城 lists 街面秩序 before 突发事件.
    const order: CategoryOrder = { component: [], event: ['01', '05', '04'] };
    assert.deepEqual(names(orderMajors(eventMajors, order)), [
      '公用设施',
      '道路交通',
      '市容环境',
      '街面秩序',
      '突发事件',
      '扩展事件',
    ]);
  });

  it('puts majors the tenant did not list after the listed ones, by code, so none disappears', () => {
    const order: CategoryOrder = { component: ['02'], event: ['05'] };
    assert.deepEqual(names(orderMajors(eventMajors, order)), [
      '道路交通',
      '公用设施',
      '街面秩序',
      '市容环境',
      '突发事件',
      '扩展事件',
    ]);
  });

  it('ignores unknown and repeated codes in the order, and reports them', () => {
    const order: CategoryOrder = { component: ['07'], event: ['05', '05', '01'] };
    assert.deepEqual(names(orderMajors(eventMajors, order)).slice(2), [
      '街面秩序',
      '市容环境',
      '突发事件',
      '扩展事件',
    ]);
    assert.deepEqual(checkCategoryOrder(order, eventMajors), [
      { kind: 'component', code: '07', problem: 'unknown_major' },
      { kind: 'event', code: '05', problem: 'duplicate' },
    ]);
  });

  it('groups minors under their majors in the tenant order, by code within a major', () => {
    const minor = (majorCode: string, code: string): MinorCategory => ({
      kind: 'event',
      majorCode,
      code,
      name: `${majorCode}${code}`,
      legalBasis: '',
      collectionRequirements: '',
      supervisingUnitKind: null,
      responsibleUnitKind: null,
    });
    const minors = [minor('04', '01'), minor('05', '02'), minor('05', '01'), minor('01', '99')];
    const ordered = orderMinors(minors, { component: [], event: ['05', '04'] });
    assert.deepEqual(
      ordered.map((m) => m.name),
      ['0501', '0502', '0401', '0199'],
    );
  });

  it('orders a whole table without losing or changing any entry', () => {
    const table: TaxonomyTable = {
      majors: eventMajors,
      minors: [],
      standards: [],
    };
    const ordered = applyCategoryOrder(table, { component: ['02', '01'], event: ['05'] });
    assert.equal(ordered.majors.length, table.majors.length);
    assert.deepEqual(sortTableCanonically(ordered), sortTableCanonically(table));
  });

  it('gives a tenant without a chosen order every major by code', () => {
    assert.deepEqual(codeOrder(eventMajors), { component: ['01', '02'], event: ['01', '04', '05', '99'] });
  });
});
