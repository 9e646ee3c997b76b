import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CASE_SETTINGS, effectiveSettings, settingsProblem } from './settings.js';

describe('case settings', () => {
  it('fills stored overrides over the defaults, deeply', () => {
    const s = effectiveSettings({ stageLimits: { verify: { amount: 4, unit: 'work_hour' } } });
    assert.deepEqual(s.stageLimits.verify, { amount: 4, unit: 'work_hour' });
    assert.deepEqual(s.stageLimits.file, DEFAULT_CASE_SETTINGS.stageLimits.file);
    assert.deepEqual(effectiveSettings(null), DEFAULT_CASE_SETTINGS);
  });

  it('accepts sound overrides and names the field of an unsound one', () => {
    assert.equal(settingsProblem({}), null);
    assert.equal(settingsProblem({ hotline: { webhookUrl: 'https://hotline.example/hook' } }), null);
    const cases: [unknown, string][] = [
      [{ nonsense: 1 }, 'nonsense'],
      [{ stageLimits: { check: { amount: 0, unit: 'work_hour' } } }, 'stageLimits.check'],
      [{ stageLimits: { check: { amount: 2, unit: 'fortnight' } } }, 'stageLimits.check'],
      [{ warnings: { prompt: 0.95, yellow: 0.9 } }, 'warnings'],
      [{ verifyChannels: ['carrier-pigeon'] }, 'verifyChannels'],
      [{ nearby: { radiusM: 50_000 } }, 'nearby'],
      [{ camera: { minConfidence: 2 } }, 'camera'],
      [{ hotline: { webhookUrl: 'ftp://x' } }, 'hotline.webhookUrl'],
      [[], ''],
    ];
    for (const [stored, field] of cases) {
      assert.equal(settingsProblem(stored)?.field, field, JSON.stringify(stored));
    }
  });
});
