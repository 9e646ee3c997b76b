import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadHolidayCnFiles, loadShippedHolidayDays, shippedHolidayDirectory } from './holiday-data.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('shipped holiday data', () => {
  it('finds the shipped files from the package root', () => {
    assert.equal(shippedHolidayDirectory(), join(here, '..', '..', '..', 'data', 'reference', 'holidays'));
  });

  it('loads every holiday-cn file 2020–2026, not one per year', async () => {
    const files = (await loadHolidayCnFiles()) as { year: number }[];
    assert.deepEqual(
      files.map((f) => f.year),
      [2020, 2021, 2022, 2023, 2024, 2025, 2026],
    );
    const days = await loadShippedHolidayDays();
    assert.ok(days.some((d) => d.date === '2022-12-31' && d.isOffDay));
  });

  it('ships the files byte-for-byte as recorded in PROVENANCE.md', async () => {
    const directory = shippedHolidayDirectory();
    const provenance = await readFile(join(directory, 'PROVENANCE.md'), 'utf8');
    for (let year = 2020; year <= 2026; year++) {
      const name = `holiday-cn-${year}.json`;
      const sha256 = createHash('sha256')
        .update(await readFile(join(directory, name)))
        .digest('hex');
      assert.match(provenance, new RegExp(`${name}[^\\n]*${sha256}`), name);
    }
  });
});
