import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { random } from '../platform/random.js';
import { CHANNEL_MIX, planDay } from './workload.js';

const standards = [
  { id: 'E-0101-1', kind: 'event' as const, majorCode: '01', minorCode: '01' },
  { id: 'C-0101-1', kind: 'component' as const, majorCode: '01', minorCode: '01' },
];

describe('the simulated workload', () => {
  it('is repeatable from a seed and follows the channel mix and daily rhythm', () => {
    const a = planDay(random(7), { perDay: 600, standards, hotSpots: 20 });
    const b = planDay(random(7), { perDay: 600, standards, hotSpots: 20 });
    assert.deepEqual(a, b);
    const days = Array.from({ length: 20 }, (_, d) =>
      planDay(random(100 + d), { perDay: 600, standards, hotSpots: 20 }),
    ).flat();
    const mean = days.length / 20;
    assert.ok(mean > 540 && mean < 660, `≈600 a day (${mean})`);
    for (const [channel, share] of CHANNEL_MIX) {
      const seen = days.filter((r) => r.channel === channel).length / days.length;
      assert.ok(Math.abs(seen - share) < 0.02, `${channel}: ${seen} vs ${share}`);
    }
    const night = days.filter((r) => r.minuteOfDay < 6 * 60).length / days.length;
    const morning =
      days.filter((r) => r.minuteOfDay >= 8 * 60 && r.minuteOfDay < 11 * 60).length / days.length;
    assert.ok(morning > 4 * night, 'busy mornings, quiet nights');
    const overdue = days.filter((r) => r.fate.handlingShare > 1).length / days.length;
    assert.ok(overdue > 0.08 && overdue < 0.16, `a realistic share overdue (${overdue})`);
    assert.ok(
      a.every((r, i) => i === 0 || a[i - 1]!.minuteOfDay <= r.minuteOfDay),
      'in time order',
    );
  });
});
