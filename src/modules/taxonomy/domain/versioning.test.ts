import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleTable } from '../test-helpers.js';
import type { TaxonomyTable, TaxonomyVersion } from './types.js';
import { diffTaxonomyVersions, isEmptyDiff, nextStandardSeq, publishVersion } from './versioning.js';

function published(table: TaxonomyTable, previous: TaxonomyVersion | null = null): TaxonomyVersion {
  const result = publishVersion(previous, table, { note: 'test', effectiveFrom: null });
  assert.ok(result.ok, JSON.stringify(result));
  return result.version;
}

function edited(table: TaxonomyTable, edit: (copy: TaxonomyTable) => void): TaxonomyTable {
  const copy = structuredClone(table);
  edit(copy);
  return copy;
}

describe('taxonomy versions', () => {
  it('numbers the first version 1 and each edit the next number', () => {
    const v1 = published(sampleTable());
    assert.equal(v1.version, 1);
    const v2 = published(
      edited(v1, (t) => {
        t.standards[0]!.timeLimit = { amount: 1, unit: 'urgent_hour' };
      }),
      v1,
    );
    assert.equal(v2.version, 2);
  });

  it('leaves the previous version untouched, so a case keeps the rules it was filed under', () => {
    const v1 = published(sampleTable());
    const before = structuredClone(v1);
    published(
      edited(v1, (t) => {
        t.standards[0]!.closingCondition = '已补齐并拍照';
      }),
      v1,
    );
    assert.deepEqual(v1, before);
  });

  it('keeps a standard row id when its text or limit changes, and reports the fields that changed', () => {
    const v1 = published(sampleTable());
    const v2 = published(
      edited(v1, (t) => {
        const row = t.standards.find((s) => s.id === 'C-0101-2')!;
        row.timeLimit = { amount: 3, unit: 'work_day' };
        row.filingCondition = '井盖松动、有响声';
      }),
      v1,
    );
    const diff = diffTaxonomyVersions(v1, v2);
    assert.equal(diff.fromVersion, 1);
    assert.equal(diff.toVersion, 2);
    assert.deepEqual(diff.standards.added, []);
    assert.deepEqual(diff.standards.removed, []);
    assert.equal(diff.standards.changed.length, 1);
    assert.equal(diff.standards.changed[0]?.key, 'C-0101-2');
    assert.deepEqual(diff.standards.changed[0]?.changes, [
      { field: 'filingCondition', before: '井盖松动', after: '井盖松动、有响声' },
      { field: 'timeLimit', before: { amount: 2, unit: 'work_day' }, after: { amount: 3, unit: 'work_day' } },
    ]);
  });

  it('reports added and removed categories and rows', () => {
    const v1 = published(sampleTable());
    const v2 = published(
      edited(v1, (t) => {
        t.standards = t.standards.filter((s) => s.id !== 'C-0101-2');
        t.minors.push({ ...t.minors[0]!, code: '98', name: '共享单车停放点' });
        t.standards.push({ ...t.standards[0]!, id: 'C-0198-1', minorCode: '98' });
        t.minors.find((m) => m.code === '99')!.legalBasis = '《城市照明管理规定》';
      }),
      v1,
    );
    const diff = diffTaxonomyVersions(v1, v2);
    assert.deepEqual(
      diff.standards.removed.map((s) => s.id),
      ['C-0101-2'],
    );
    assert.deepEqual(
      diff.standards.added.map((s) => s.id),
      ['C-0198-1'],
    );
    assert.deepEqual(
      diff.minors.added.map((m) => m.name),
      ['共享单车停放点'],
    );
    assert.deepEqual(
      diff.minors.changed.map((c) => [c.key, c.changes.map((f) => f.field)]),
      [['C-0199', ['legalBasis']]],
    );
    assert.equal(isEmptyDiff(diff), false);
  });

  it('finds no difference between a version and itself, whatever the order of its lists', () => {
    const v1 = published(sampleTable());
    const shuffled = { ...v1, standards: [...v1.standards].reverse(), minors: [...v1.minors].reverse() };
    assert.ok(isEmptyDiff(diffTaxonomyVersions(v1, shuffled)));
  });

  it('refuses to publish an unchanged table or an invalid one', () => {
    const v1 = published(sampleTable());
    assert.deepEqual(publishVersion(v1, sampleTable(), { note: '', effectiveFrom: null }), {
      ok: false,
      code: 'NO_CHANGES',
    });
    const invalid = edited(sampleTable(), (t) => {
      t.standards[0]!.closingCondition = '';
    });
    const result = publishVersion(v1, invalid, { note: '', effectiveFrom: null });
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.code, 'INVALID_TABLE');
  });

  it('numbers a new row after every seq a minor ever used, so a retired id never changes meaning', () => {
    const v1 = published(sampleTable());
    const v2 = published(
      edited(v1, (t) => {
        t.standards = t.standards.filter((s) => s.id !== 'C-0101-2');
      }),
      v1,
    );
    assert.equal(nextStandardSeq([v2], 'component', '01', '01'), 2);
    assert.equal(nextStandardSeq([v1, v2], 'component', '01', '01'), 3);
    assert.equal(nextStandardSeq([v2], 'event', '02', '01'), 1);
  });
});

describe('comparing versions read back from storage', () => {
  it('sees no change when only the order of object keys differs (jsonb reorders keys)', () => {
    const a: TaxonomyTable = {
      majors: [{ kind: 'event', code: '01', name: '市容环境' }],
      minors: [],
      standards: [],
    };
    const b = {
      majors: [{ name: '市容环境', code: '01', kind: 'event' }],
      minors: [],
      standards: [],
    } as unknown as TaxonomyTable;
    assert.equal(isEmptyDiff(diffTaxonomyVersions(a, b)), true);
  });
});
