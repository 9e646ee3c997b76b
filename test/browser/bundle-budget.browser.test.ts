/** The first route a citizen opens ships at most 300 KB of gzipped JavaScript (docs/web.md). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fromPackageRoot } from '../../src/platform/paths.js';
import { WEB_ROOT } from './harness.js';

interface Report {
  rows: { route: string; files: number; gzipKb: number }[];
  budgetKb: number;
}

describe('the web app bundle', () => {
  it('keeps the citizen portal within its first-load budget', () => {
    const out = execFileSync(
      process.execPath,
      [fromPackageRoot('scripts', 'bundle-report.mjs'), '--json', '--dir', WEB_ROOT],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(out) as Report;
    const citizen = report.rows.find((r) => r.route.startsWith('citizen'));
    assert.ok(citizen, 'the citizen route is in the manifest');
    console.log(report.rows.map((r) => `${r.route}: ${r.gzipKb} KB gzip`).join('\n'));
    assert.ok(
      citizen.gzipKb <= report.budgetKb,
      `citizen portal ${citizen.gzipKb} KB > ${report.budgetKb} KB`,
    );
  });
});
