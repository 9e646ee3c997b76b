#!/usr/bin/env node
// Prints the gzipped JavaScript each first page load ships (the entry plus everything its route statically
// imports), from Vite's manifest. With --check it fails when the citizen portal's first route exceeds its budget
// (the browser tests run it so; `npm run build:web` only prints, so a start is never refused for it).
// Usage: node scripts/bundle-report.mjs [--json] [--check] [--dir dist/web]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirArg = process.argv.indexOf('--dir');
const outDir = dirArg > 0 ? path.resolve(process.argv[dirArg + 1]) : path.join(root, 'dist', 'web');
const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'));
const CITIZEN_BUDGET_KB = 300;

const gz = new Map();
function gzipKb(file) {
  if (!gz.has(file)) {
    gz.set(file, gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length / 1024);
  }
  return gz.get(file);
}

/** The JS files a chunk needs before it runs: itself and its static imports, transitively. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entry = closure(entryKey);
// [label, the route's chunk, whether it opens inside the staff console frame]
const routes = [
  ['citizen portal (/)', 'pages/citizen/CitizenPortal.tsx', false],
  ['staff sign-in (/login)', 'pages/login/LoginPage.tsx', false],
  ['inspector app (/m)', 'pages/mobile/MobileApp.tsx', false],
  ['workbench (/console/work)', 'pages/workbench/Workbench.tsx', true],
  ['command center (/console/command)', 'pages/command/CommandCenter.tsx', true],
  ['evaluation (/console/evaluation)', 'pages/evaluation/EvaluationArea.tsx', true],
  ['admin (/console/admin)', 'pages/admin/AdminArea.tsx', true],
  ['oversight (/console/oversight)', 'pages/oversight/OversightArea.tsx', true],
];
const rows = [];
for (const [label, key, inConsole] of routes) {
  if (!manifest[key]) continue;
  const files = new Set([...entry, ...closure(key), ...(inConsole ? closure('app/StaffShell.tsx') : [])]);
  const kb = [...files].reduce((n, f) => n + gzipKb(f), 0);
  rows.push({ route: label, files: files.size, gzipKb: Math.round(kb * 10) / 10 });
}
const lazyChunks = Object.values(manifest)
  .filter((c) => /^assets\/(maplibre-gl|echarts)-/.test(c.file))
  .map((c) => ({ chunk: c.file, gzipKb: Math.round(gzipKb(c.file) * 10) / 10 }));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows, lazyChunks, budgetKb: CITIZEN_BUDGET_KB }));
} else {
  console.log('\nFirst load per route (gzipped JavaScript: entry + the route chunk + their static imports)');
  console.log('| route | files | gzip KB |\n|---|---:|---:|');
  for (const r of rows) console.log(`| ${r.route} | ${r.files} | ${r.gzipKb} |`);
  if (lazyChunks.length > 0) {
    console.log('\nLoaded on demand (map and chart libraries)\n| chunk | gzip KB |\n|---|---:|');
    for (const c of lazyChunks) console.log(`| ${c.chunk} | ${c.gzipKb} |`);
  }
}
const citizen = rows[0];
if (process.argv.includes('--check') && citizen && citizen.gzipKb > CITIZEN_BUDGET_KB) {
  console.error(
    `\nthe citizen portal ships ${citizen.gzipKb} KB gzipped, over the ${CITIZEN_BUDGET_KB} KB budget`,
  );
  process.exit(1);
}
