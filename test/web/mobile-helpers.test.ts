/** The inspector app's small pure helpers: recent categories first, and tasks nearest first. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRecent, pushRecent, recentFirst } from '../../src/web/pages/mobile/report/recent-categories.js';
import { distanceM, nearestFirst } from '../../src/web/pages/mobile/tasks/distance.js';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('recent categories', () => {
  it('keeps the last five, newest first, without repeats, and orders a list by them', () => {
    const s = memory();
    for (const id of ['E-0101-1', 'E-0102-1', 'C-0101-1', 'E-0101-1', 'E-0201-1', 'E-0202-1', 'E-0203-1']) {
      pushRecent(id, s);
    }
    assert.deepEqual(loadRecent(s), ['E-0203-1', 'E-0202-1', 'E-0201-1', 'E-0101-1', 'C-0101-1']);
    assert.deepEqual(
      recentFirst(['a', 'b', 'c', 'd'], (x) => x, ['c', 'a']),
      ['c', 'a', 'b', 'd'],
    );
    s.setItem('cz.mobile.recentStandards', 'not json');
    assert.deepEqual(loadRecent(s), []);
  });
});

describe('distance', () => {
  it('measures metres on the sphere and sorts nearest first, unknown points last', () => {
    const here: [number, number] = [120.168, 30.257];
    const east100 = distanceM(here, [120.168 + 0.001, 30.257]);
    assert.ok(east100 > 95 && east100 < 97, String(east100)); // 0.001° of longitude at 30°N ≈ 96 m
    const north = distanceM(here, [120.168, 30.258]);
    assert.ok(north > 110 && north < 112, String(north));
    const items = [
      { id: 'far', p: [120.178, 30.257] as [number, number] },
      { id: 'none', p: null },
      { id: 'near', p: [120.1685, 30.257] as [number, number] },
    ];
    assert.deepEqual(
      nearestFirst(items, (i) => i.p, here).map((x) => x.item.id),
      ['near', 'far', 'none'],
    );
    assert.deepEqual(
      nearestFirst(items, (i) => i.p, null).map((x) => [x.item.id, x.distance]),
      [
        ['far', null],
        ['none', null],
        ['near', null],
      ],
    );
  });
});
