import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOTLINE_1_5_4, HOTLINE_30_35_35, JINHUA, YUNCHENG, schemeProblem, score } from './schemes.js';
import { lastMonth, parsePeriod, previousPeriod } from './periods.js';

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

describe('scheme presets reproduce worked examples', () => {
  it('金华: 按期结案率 65 % of (100 − 0 缓办) loses 5 of 50; rework deductions double for 领导交办', () => {
    const s = score(JINHUA, {
      dueClose: 105,
      heldCohort: 5,
      closedOnTimeCohort: 65,
      closedCohort: 85,
      urgentDue: 10,
      urgentClosedCohort: 10,
      urgentClosedOnTimeCohort: 9,
      reworked: 3,
      reworkedLead: 1,
      rework3: 1,
    });
    const by = Object.fromEntries(s.items.map((i) => [i.key, i.score]));
    near(by.closedOnTimeRate as number, 45); // 65 % vs 70 %: −5
    near(by.closeRate as number, 15); // 85 % vs 90 %: −5
    near(by.urgentCloseRate as number, 5); // 100 %
    near(by.urgentClosedOnTimeRate as number, 2.5); // 90 % vs 95 %: −5 × 0.5
    near(by.rework as number, 3.7); // 5 − (3 + 1 doubled) × 0.2 − 1 × 0.5
    near(by.organisation as number, 5);
    near(s.total, 76.2);
  });

  it('金华: deductions never go below zero; above target earns full points', () => {
    const s = score(JINHUA, { dueClose: 100, closedOnTimeCohort: 10, closedCohort: 95, reworked: 100 });
    const by = Object.fromEntries(s.items.map((i) => [i.key, i.score]));
    assert.equal(by.closedOnTimeRate, 0);
    assert.equal(by.closeRate, 20);
    assert.equal(by.rework, 0);
  });

  it('运城: ((按期 × 1 + 超期 × 0.4) × 0.8 + (1 − 延期) × 0.1 + (1 − 返工) × 0.1) × 100', () => {
    const s = score(YUNCHENG, {
      handled: 100,
      handledOnTime: 80,
      handledLate: 20,
      extendedCase: 10,
      reworked: 5,
    });
    // (0.8 + 0.2 × 0.4) × 0.8 = 0.704; 0.9 × 0.1 = 0.09; 0.95 × 0.1 = 0.095 → 88.9
    near(s.total, 88.9);
    const perfect = score(YUNCHENG, { handled: 10, handledOnTime: 10 });
    near(perfect.total, 100);
  });

  it('12345 三率: both weightings, over effective call-backs, 基本满意 = 0.9', () => {
    // 100 call-backs: 99 responded, 92 solved, 90 满意 + 5 基本满意 (+ 5 不满意) → 满意率 94.5 %.
    const t = {
      callbacks: 100,
      callbackResponded: 99,
      callbackSolved: 92,
      callbackSatTenths: 90 * 10 + 5 * 9,
    };
    near(score(HOTLINE_1_5_4, t).total, 9.9 + 46 + 37.8);
    near(score(HOTLINE_30_35_35, t).total, 29.7 + 32.2 + 33.075);
  });

  it('schemes are checked', () => {
    assert.equal(schemeProblem(JINHUA), null);
    assert.equal(schemeProblem({ ...JINHUA, code: 'X!' })?.field, 'code');
    assert.equal(schemeProblem({ ...JINHUA, items: [] })?.field, 'items');
    assert.equal(
      schemeProblem({ ...JINHUA, items: [JINHUA.items[0], JINHUA.items[0]] as typeof JINHUA.items })?.field,
      'items[1].key',
    );
  });
});

describe('periods', () => {
  it('parses every kind into local date ranges', () => {
    assert.deepEqual(parsePeriod('2025-10'), {
      kind: 'month',
      label: '2025-10',
      from: '2025-10-01',
      to: '2025-10-31',
    });
    assert.deepEqual(parsePeriod('2024-02')?.to, '2024-02-29');
    assert.deepEqual(parsePeriod('2025-Q4'), {
      kind: 'quarter',
      label: '2025-Q4',
      from: '2025-10-01',
      to: '2025-12-31',
    });
    assert.deepEqual(parsePeriod('2025-W41'), {
      kind: 'week',
      label: '2025-W41',
      from: '2025-10-06',
      to: '2025-10-12',
    });
    assert.deepEqual(parsePeriod('2026-W01')?.from, '2025-12-29');
    assert.equal(parsePeriod('2025-W53'), null);
    assert.equal(parsePeriod('2026-W53')?.to, '2027-01-03');
    assert.deepEqual(parsePeriod('2025')?.to, '2025-12-31');
    assert.deepEqual(parsePeriod('2025-10-09')?.kind, 'day');
    assert.deepEqual(parsePeriod('2025-10-01..2025-10-15')?.to, '2025-10-15');
    for (const bad of ['2025-13', '2025-02-30', '2025-10-15..2025-10-01', 'x', '2025-Q5']) {
      assert.equal(parsePeriod(bad), null, bad);
    }
  });

  it('previous periods and last month', () => {
    assert.equal(previousPeriod(parsePeriod('2025-01')!).label, '2024-12');
    assert.equal(previousPeriod(parsePeriod('2025-Q1')!).label, '2024-Q4');
    assert.equal(previousPeriod(parsePeriod('2025')!).label, '2024');
    assert.deepEqual(previousPeriod(parsePeriod('2025-10-09')!).from, '2025-10-08');
    const r = previousPeriod(parsePeriod('2025-10-11..2025-10-20')!);
    assert.deepEqual([r.from, r.to], ['2025-10-01', '2025-10-10']);
    assert.equal(lastMonth('2026-01-01').label, '2025-12');
    assert.equal(lastMonth('2025-11-28').label, '2025-10');
  });
});
