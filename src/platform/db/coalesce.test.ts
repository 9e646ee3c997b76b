import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCoalescer } from './coalesce.js';

describe('coalesced look-ups', () => {
  it('sends a lone key at once and the keys asked for meanwhile together', async () => {
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const lookup = createCoalescer<string, string>({
      keyOf: (k) => k,
      load: async (keys) => {
        calls.push([...keys]);
        if (calls.length === 1) await new Promise<void>((r) => (release = r));
        return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
      },
    });
    const first = lookup('a');
    const rest = [lookup('b'), lookup('missing'), lookup('c')];
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(calls, [['a']], 'the first key did not wait for company');
    release();
    assert.equal(await first, 'A');
    assert.deepEqual(await Promise.all(rest), ['B', null, 'C']);
    assert.deepEqual(calls, [['a'], ['b', 'missing', 'c']]);
  });

  it('fails only the batch whose look-up failed, in batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    let fail = true;
    const lookup = createCoalescer<number, number>({
      keyOf: String,
      maxBatch: 2,
      load: async (keys) => {
        sizes.push(keys.length);
        if (fail) {
          fail = false;
          throw new Error('database down');
        }
        return new Map(keys.map((k) => [String(k), k * 10]));
      },
    });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((k) => lookup(k)));
    assert.equal(results[0]?.status, 'rejected');
    assert.deepEqual(
      results.slice(1).map((r) => (r.status === 'fulfilled' ? r.value : 'failed')),
      [20, 30, 40, 50],
    );
    assert.deepEqual(sizes, [1, 2, 2]);
  });
});
