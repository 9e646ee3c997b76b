import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildDefaultDataset } from './dataset-source/build-dataset.js';
import { loadDefaultDataset } from './default-dataset.js';
import { parseStandardId } from './domain/codes.js';
import type { TaxonomyDataset } from './domain/dataset-file.js';
import { TaxonomyDatasetError, parseTaxonomyDataset } from './domain/dataset-file.js';
import { summariseTimeLimits } from './domain/distribution.js';
import { defaultStandard, findMinor, standardsOf } from './domain/queries.js';
import type { CategoryKind, Standard } from './domain/types.js';
import { validateTaxonomyTable } from './domain/validate-table.js';

let dataset: TaxonomyDataset;

before(async () => {
  dataset = await loadDefaultDataset();
});

function minorByName(kind: CategoryKind, name: string) {
  const minor = dataset.taxonomy.minors.find((m) => m.kind === kind && m.name === name);
  assert.ok(minor, `no ${kind} minor named ${name}`);
  return minor;
}

function rowsOf(kind: CategoryKind, name: string): Standard[] {
  const minor = minorByName(kind, name);
  return standardsOf(dataset.taxonomy, kind, minor.majorCode, minor.code);
}

describe('default taxonomy dataset (杭州市上城区)', () => {
  it('is the file the authoring source generates (run dataset-source/generate.ts after editing the source)', () => {
    assert.deepEqual(dataset, buildDefaultDataset());
  });

  it('has the six 部件 classes of CJ/T 214 and the six 事件 classes, in code order', () => {
    const names = (kind: CategoryKind) =>
      dataset.taxonomy.majors.filter((m) => m.kind === kind).map((m) => `${m.code} ${m.name}`);
    assert.deepEqual(names('component'), [
      '01 公用设施',
      '02 道路交通',
      '03 市容环境',
      '04 园林绿化',
      '05 房屋土地',
      '06 其他设施',
    ]);
    assert.deepEqual(names('event'), [
      '01 市容环境',
      '02 宣传广告',
      '03 施工管理',
      '04 突发事件',
      '05 街面秩序',
      '06 其他事件',
    ]);
  });

  it('has at least 150 minor categories and 300 standard rows', () => {
    assert.ok(dataset.taxonomy.minors.length >= 150, `${dataset.taxonomy.minors.length} minors`);
    assert.ok(dataset.taxonomy.standards.length >= 300, `${dataset.taxonomy.standards.length} rows`);
  });

  it('is a valid table: every row complete, every minor with a row, local extensions counting down from 99', () => {
    assert.deepEqual(validateTaxonomyTable(dataset.taxonomy), []);
  });

  it('gives every standard row a unique stable id that encodes its type, codes and seq', () => {
    const ids = dataset.taxonomy.standards.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const s of dataset.taxonomy.standards) {
      assert.deepEqual(parseStandardId(s.id), {
        kind: s.kind,
        majorCode: s.majorCode,
        minorCode: s.minorCode,
        seq: s.seq,
      });
    }
  });

  it('numbers the rows of each minor 1, 2, 3 … in the first version', () => {
    for (const minor of dataset.taxonomy.minors) {
      const seqs = standardsOf(dataset.taxonomy, minor.kind, minor.majorCode, minor.code).map((s) => s.seq);
      assert.deepEqual(
        seqs,
        Array.from({ length: seqs.length }, (_, i) => i + 1),
        minor.name,
      );
    }
  });

  it('names a default responsible and supervising unit kind for every minor', () => {
    for (const minor of dataset.taxonomy.minors) {
      assert.notEqual(minor.responsibleUnitKind, null, minor.name);
      assert.notEqual(minor.supervisingUnitKind, null, minor.name);
      assert.notEqual(minor.collectionRequirements, '', minor.name);
    }
  });

  it('repeats no filing condition within a minor', () => {
    for (const minor of dataset.taxonomy.minors) {
      const texts = standardsOf(dataset.taxonomy, minor.kind, minor.majorCode, minor.code).map(
        (s) => s.filingCondition,
      );
      assert.equal(new Set(texts).size, texts.length, minor.name);
    }
  });

  it('is balanced like a real table: about 10 % urgent and most rows within 1–3 working days', () => {
    const { total, byBucket } = summariseTimeLimits(dataset.taxonomy.standards);
    const urgent = byBucket.urgent / total;
    const oneToThreeDays = (byBucket.day1 + byBucket.days2to3) / total;
    assert.ok(urgent >= 0.07 && urgent <= 0.15, `urgent share ${urgent.toFixed(3)}`);
    assert.ok(oneToThreeDays >= 0.5, `1–3 day share ${oneToThreeDays.toFixed(3)}`);
    assert.ok(
      byBucket.hours > 0 && byBucket.days4to7 > 0 && byBucket.over7days > 0,
      'every kind of limit occurs',
    );
  });

  it('treats an open manhole as urgent, on a continuous clock', () => {
    for (const name of ['上水井盖', '污水井盖', '雨水井盖', '燃气井盖', '不明井盖']) {
      const minor = minorByName('component', name);
      const first = defaultStandard(dataset.taxonomy, 'component', minor.majorCode, minor.code);
      assert.equal(first?.timeLimit.unit, 'urgent_hour', name);
      assert.ok((first?.timeLimit.amount ?? 99) <= 2, name);
    }
  });

  it('gives a faded road marking several working days', () => {
    const [faded] = rowsOf('component', '交通标线');
    assert.match(faded?.filingCondition ?? '', /褪色/);
    assert.equal(faded?.timeLimit.unit, 'work_day');
    assert.ok((faded?.timeLimit.amount ?? 0) >= 5);
  });

  it('gives illegal outdoor advertising a few working days', () => {
    for (const row of rowsOf('event', '违规户外广告')) {
      assert.equal(row.timeLimit.unit, 'work_day');
      assert.ok(row.timeLimit.amount >= 2 && row.timeLimit.amount <= 5, row.id);
    }
  });

  it('gives street vending hours, not days', () => {
    for (const name of ['占道经营', '无照经营游商', '店外经营']) {
      const [first] = rowsOf('event', name);
      assert.ok(first?.timeLimit.unit === 'urgent_hour' || first?.timeLimit.unit === 'work_hour', name);
      assert.ok((first?.timeLimit.amount ?? 99) <= 4, name);
    }
  });

  it('numbers Hangzhou’s own minors as local extensions below 99', () => {
    assert.equal(minorByName('event', '垃圾分类投放不规范').code, '98');
    assert.equal(minorByName('event', '共享单车乱停放').code, '98');
    assert.equal(minorByName('event', '电动自行车违规充电').code, '97');
    assert.ok(findMinor(dataset.taxonomy, 'event', '05', '99'));
  });

  it('refuses a damaged file and says where', () => {
    const damaged = structuredClone(dataset) as unknown as {
      taxonomy: { standards: { timeLimit: unknown }[] };
    };
    damaged.taxonomy.standards[3]!.timeLimit = '2紧急工作时';
    assert.throws(
      () => parseTaxonomyDataset(damaged),
      (error: unknown) =>
        error instanceof TaxonomyDatasetError &&
        error.issues[0]?.path === '$.taxonomy.standards[3].timeLimit',
    );
  });
});
