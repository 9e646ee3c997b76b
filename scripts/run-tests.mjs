#!/usr/bin/env node
// `npm test`: runs every *.test.ts with node's test runner, on embedded PGlite and, when TEST_DATABASE_URL is
// set, once more on PostgreSQL for the tests that touch a database (files named *.db.test.ts). Browser tests
// (*.browser.test.ts) run once, on PGlite, against a fresh build of the web app.
// Usage: npm test [-- <path filter> …]   e.g. npm test -- src/platform/auth
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);
const SKIP = new Set(['node_modules', 'dist', 'data', '.git', 'scratch', 'artifacts']);

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) find(full, out);
    else if (name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out;
}

const all = find(root)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

function run(label, files, env) {
  return new Promise((resolve) => {
    if (files.length === 0) return resolve({ pass: 0, fail: 0, code: 0 });
    console.log(`\n=== ${label}: ${files.length} test file(s) ===`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
      { cwd: root, env: { ...process.env, TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-200_000);
    });
    child.on('close', (code) => {
      // The last summary line wins: failure details are printed after the counts.
      const num = (re) => Number([...tail.matchAll(re)].at(-1)?.[1] ?? 0);
      resolve({ pass: num(/ℹ pass (\d+)/g), fail: num(/ℹ fail (\d+)/g), code: code ?? 1 });
    });
  });
}

// Browser tests drive the built web app: build it once, before any test starts.
if (all.some((f) => f.endsWith('.browser.test.ts'))) {
  console.log('\n=== building the web app for the browser tests ===');
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    child.on('close', resolve);
  });
  if (code !== 0) {
    console.error('the web app did not build');
    process.exit(1);
  }
}

const results = [await run('PGlite', all, { TEST_DB_ENGINE: 'pglite' })];
if (process.env.TEST_DATABASE_URL) {
  results.push(
    await run(
      'PostgreSQL',
      all.filter((f) => f.endsWith('.db.test.ts')),
      { TEST_DB_ENGINE: 'postgres' },
    ),
  );
} else {
  console.log('\n(TEST_DATABASE_URL is not set: the database tests ran on PGlite only)');
}
const pass = results.reduce((n, r) => n + r.pass, 0);
const fail = results.reduce((n, r) => n + r.fail, 0);
const failed = results.some((r) => r.code !== 0) || fail > 0;
console.log(`\ntotal: ${pass} passed, ${fail} failed`);
process.exit(failed ? 1 : 0);
