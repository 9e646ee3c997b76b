import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Agenda } from './agenda.js';

describe('the simulation agenda', () => {
  it('hands out tasks in time order, whatever the order they were added', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 200 }), (times) => {
        const agenda = new Agenda();
        for (const at of times) agenda.push({ at, run: () => Promise.resolve() });
        const out: number[] = [];
        while (agenda.size > 0) out.push((agenda.pop() as { at: number }).at);
        assert.deepEqual(
          out,
          [...times].sort((x, y) => x - y),
        );
      }),
    );
  });
});
