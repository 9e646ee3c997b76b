import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRules } from './compile-rules.js';
import { explain } from './explain.js';
import { resolve } from './resolve.js';
import { componentIn, eventIn, rule, STREET_B, UNITS, withInactive } from './test-fixtures.js';

const OPTIONS = { fallbackUnitCode: 'BUREAU' };

describe('explain: the "why here?" lines', () => {
  it('starts with the unit and the basis, then lists the steps in order', () => {
    const match = { categoryType: 'event' as const, majorCode: '01', minorCode: '02' };
    const set = compileRules(
      [
        rule('LINE', match, { unitCode: 'MUNICIPAL' }, { name: '暴露垃圾→市政' }),
        rule('TERR', match, { principle: 'territory' }, { name: '暴露垃圾→属地街道' }),
      ],
      UNITS,
      OPTIONS,
    );
    assert.deepEqual(explain(resolve(set, eventIn())), [
      '派往：「清波街道办事处」（ST-A）',
      '依据：规则「暴露垃圾→属地街道」（TERR），按属地派遣',
      '采用：规则「暴露垃圾→属地街道」（TERR）适用，优先级 50：派往「清波街道办事处」（ST-A）（按属地）',
      '未采用：规则「暴露垃圾→市政」（LINE）也适用，其他条件相同；按“事件先属地后属主”，属地单位优先于专业部门',
    ]);
  });

  it('folds rules about other places into one line and counts rules of other categories', () => {
    const rules = [
      ...Array.from({ length: 7 }, (_, i) =>
        rule(`S${i}`, { categoryType: 'event', regionCodes: [STREET_B] }, { unitCode: 'MUNICIPAL' }),
      ),
      rule('OTHER', { categoryType: 'component' }, { unitCode: 'WATER' }),
    ];
    const lines = explain(resolve(compileRules(rules, UNITS, OPTIONS), eventIn()));
    assert.ok(
      lines.includes('未采用：另有 7 条规则的适用范围不含本案位置（S0、S1、S2、S3、S4 等）'),
      lines.join('\n'),
    );
    assert.equal(lines.at(-1), '另有 1 条规则属于其他类别，与本案无关');
  });

  it('explains the owner-first basis and a component sent to the territory after its owner failed', () => {
    const owner = explain(resolve(compileRules([], UNITS, OPTIONS), componentIn('WATER', null)));
    assert.equal(owner[1], '依据：部件先属主后属地——没有适用的规则，派往部件的权属单位');
    const territory = explain(
      resolve(compileRules([], withInactive(UNITS, 'WATER'), OPTIONS), componentIn('WATER', null)),
    );
    assert.equal(territory[0], '派往：「清波街道办事处」（ST-A）');
    assert.equal(territory[1], '依据：部件先属主后属地——没有适用的规则，属主无法派遣，由属地处置');
    assert.ok(territory.some((l) => l.includes('权属单位「供水公司」（WATER）已停用')));
  });

  it('explains the fallback', () => {
    const lines = explain(
      resolve(compileRules([], UNITS, OPTIONS), eventIn('01', '02', { regions: {}, location: null })),
    );
    assert.deepEqual(lines.slice(0, 2), [
      '派往：「区城市管理局」（BUREAU）',
      '依据：属地兜底——没有适用的规则，属主和属地单位都无法确定，由兜底单位处置',
    ]);
    assert.match(lines.at(-1)!, /^采用：属地兜底/);
  });

  it('says how many skipped steps the trace left out', () => {
    const rules = Array.from({ length: 5 }, (_, i) =>
      rule(`R${i}`, { categoryType: 'event' }, { unitCode: 'OLD' }),
    );
    const set = compileRules(rules, UNITS, { ...OPTIONS, maxSkippedSteps: 2 });
    assert.ok(explain(resolve(set, eventIn())).includes('另有 3 条未采用的规则未列出'));
  });
});
