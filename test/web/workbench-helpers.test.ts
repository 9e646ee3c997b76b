/** Pure helpers of the workbench: step verbs and bulk bodies, countdown arithmetic, the "why here?" trace. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bulkBody,
  bulkKindsFor,
  isActionKind,
  stepUrl,
  urlVerb,
  visibleActions,
} from '../../src/web/pages/workbench/actions/verbs.js';
import { classifyLine, readDispatchTrace } from '../../src/web/pages/workbench/detail/trace.js';
import { elapsedQuery, wallMinutesLeft, warningColor } from '../../src/web/pages/workbench/time.js';

describe('workbench step verbs', () => {
  it('maps camelCase kinds to the kebab-case URL verbs', () => {
    assert.equal(urlVerb('requestExtension'), 'request-extension');
    assert.equal(urlVerb('decideHold'), 'decide-hold');
    assert.equal(urlVerb('reportBack'), 'report-back');
    assert.equal(urlVerb('forceClose'), 'force-close');
    assert.equal(urlVerb('accept'), 'accept');
    assert.equal(
      stepUrl('330102-20251009-00001', 'decideAppeal'),
      '/api/cases/330102-20251009-00001/decide-appeal',
    );
  });

  it('shows exactly the allowed actions it knows, in a fixed order', () => {
    assert.deepEqual(visibleActions(['close', 'markOverdue', 'press', 'reopen']), [
      'close',
      'press',
      'reopen',
    ]);
    assert.equal(isActionKind('markOverdue'), false);
    assert.equal(isActionKind('dispatch'), true);
  });

  it('offers a bulk step only for cases that allow it, with each case version', () => {
    const filed = { version: 3, standardId: 'E-0101-1', allowedActions: ['dispatch'] };
    const reported = { version: 1, standardId: null, allowedActions: ['file', 'void'] };
    assert.deepEqual(bulkBody('dispatch', filed), { version: 3, mode: 'auto' });
    assert.equal(bulkBody('accept', filed), null);
    assert.equal(bulkBody('file', reported), null, 'filing in bulk needs the reporter’s standard row');
    assert.deepEqual(bulkBody('file', { ...reported, standardId: 'C-0301-1' }), {
      version: 1,
      standardId: 'C-0301-1',
    });
    assert.deepEqual(bulkKindsFor([filed, reported]), ['dispatch']);
  });
});

describe('workbench countdowns', () => {
  const now = Date.parse('2025-10-09T02:00:00Z');
  it('counts whole wall minutes to the deadline, negative after it', () => {
    assert.equal(wallMinutesLeft('2025-10-09T12:30:00+08:00', now), 150);
    assert.equal(wallMinutesLeft('2025-10-09T09:59:30+08:00', now), -1);
    assert.equal(wallMinutesLeft('2025-10-09T10:00:59+08:00', now), 0);
  });

  it('asks the calendar in minutes of the clock’s own kind of time', () => {
    assert.deepEqual(elapsedQuery('work_day'), { unit: 'work_hour', minutesPerUnit: 1 });
    assert.deepEqual(elapsedQuery('natural_day'), { unit: 'urgent_hour', minutesPerUnit: 1 });
    assert.deepEqual(elapsedQuery('working_day'), { unit: 'working_day', minutesPerUnit: 1440 });
  });

  it('colours the deadline light', () => {
    assert.equal(warningColor(null), warningColor(undefined));
    assert.notEqual(warningColor('red'), warningColor('yellow'));
  });
});

describe('the "why here?" trace', () => {
  it('reads the automatic dispatch explanation into labelled lines', () => {
    const trace = readDispatchTrace({
      unitCode: 'SANITATION',
      mode: 'auto',
      dispatch: {
        rule: { id: 'C0301-M', name: '公共厕所→环卫' },
        principle: 'rule',
        via: 'unit',
        explanation: [
          '派往：「上城区环境卫生管理中心」（SANITATION）',
          '依据：规则「公共厕所→环卫」（C0301-M）',
          '采用：规则「公共厕所→环卫」适用',
          '未采用：另有 2 条规则的适用范围不含本案位置',
          '另有 600 条规则属于其他类别，与本案无关',
        ],
      },
    });
    assert.equal(trace.mode, 'auto');
    assert.equal(trace.rule?.id, 'C0301-M');
    assert.deepEqual(
      trace.lines.map((l) => l.kind),
      ['target', 'basis', 'chosen', 'skipped', 'other'],
    );
    assert.equal(trace.lines[0]?.text, '「上城区环境卫生管理中心」（SANITATION）');
  });

  it('reads a manual dispatch (no explanation, a reason)', () => {
    const trace = readDispatchTrace({ unitCode: 'ENFORCE', mode: 'manual', reason: '领导指定' });
    assert.equal(trace.mode, 'manual');
    assert.equal(trace.reason, '领导指定');
    assert.deepEqual(trace.lines, []);
    assert.deepEqual(classifyLine('x'), { kind: 'other', text: 'x' });
  });
});
