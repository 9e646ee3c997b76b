/**
 * The command center (监督指挥) in Chromium: a leader lands on the map with live cases, the figures and the feed;
 * the big screen; and the map with 100,000 case points (a synthetic `/api/cases/map` answer), measured while it
 * zooms and pans. The map's container dispatches `cz-map-ready` (detail: the MapLibre map) and
 * `cz-points-rendered` (detail: { count, ms }); an init script keeps them on `window` for the measurement.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { bboxOf } from '../../src/web/pages/command/map/case-points.js';
import { frameStats } from '../../src/web/pages/command/map/frame-stats.js';
import { LAKESIDE } from '../../src/modules/cases/test-helpers.js';
import {
  BROWSER_TEST_NOW,
  screenshot,
  seriousA11yViolations,
  signIn,
  startBrowserApp,
  type BrowserApp,
} from './harness.js';

const POINTS = 100_000;
/** MapLibre honours prefers-reduced-motion (easeTo and flyTo jump): the measured pages keep the animations. */

const CAPTURE_MAP = `
  document.addEventListener('cz-map-ready', (e) => { window.__czMap = e.detail; });
  document.addEventListener('cz-points-rendered', (e) => {
    (window.__czRendered ||= []).push({ ...e.detail, at: performance.now() });
  });
`;

/** Zooms in, pans and flies back while collecting requestAnimationFrame deltas (about 3 s). */
const MEASURE_FRAMES = `(async () => {
  const map = window.__czMap;
  const deltas = [];
  let running = true;
  let last = 0;
  const loop = (ts) => {
    if (last) deltas.push(ts - last);
    last = ts;
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const c = map.getCenter();
  const z = map.getZoom();
  const moves = [
    () => map.easeTo({ zoom: z + 2, duration: 700 }),
    () => map.easeTo({ center: [c.lng + 0.02, c.lat + 0.01], duration: 600 }),
    () => map.easeTo({ zoom: z + 4.5, duration: 700 }),
    () => map.easeTo({ center: [c.lng - 0.01, c.lat - 0.01], duration: 500 }),
    () => map.flyTo({ center: c, zoom: z, duration: 800 }),
  ];
  for (const move of moves) {
    const done = new Promise((resolve) => map.once('moveend', resolve));
    move();
    await done;
  }
  running = false;
  return deltas;
})()`;

/** A deterministic pseudo-random sequence (mulberry32), so every run draws the same points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticPoints(n: number, [minLng, minLat, maxLng, maxLat]: readonly number[]): string {
  const next = random(20251009);
  const cols = { ids: [] as string[], caseNos: [] as string[], lng: [] as number[], lat: [] as number[] };
  const warning: number[] = [];
  const stage: string[] = [];
  for (let i = 0; i < n; i++) {
    cols.ids.push(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    cols.caseNos.push(`330102-20251009-${String(i).padStart(6, '0')}`);
    cols.lng.push(Math.round((minLng! + next() * (maxLng! - minLng!)) * 1e6) / 1e6);
    cols.lat.push(Math.round((minLat! + next() * (maxLat! - minLat!)) * 1e6) / 1e6);
    const r = next();
    warning.push(r < 0.7 ? 0 : r < 0.85 ? 1 : r < 0.95 ? 2 : 3);
    stage.push('handling');
  }
  return JSON.stringify({ count: n, truncated: false, ...cols, warning, stage });
}

async function reportCase(b: BrowserApp, description: string): Promise<{ caseNo: string; version: number }> {
  const standard = await b.t.standard('event');
  const res = await b.t.post(await b.t.as('inspector'), '/api/cases/intake/inspector', {
    location: LAKESIDE,
    description,
    category: { categoryType: standard.kind, majorCode: standard.majorCode, minorCode: standard.minorCode },
    standardId: standard.id,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ caseNo: string; version: number }>();
}

async function fileAndDispatch(b: BrowserApp, c: { caseNo: string; version: number }): Promise<void> {
  const standard = await b.t.standard('event');
  const filed = await b.t.post(await b.t.as('operator'), `/api/cases/${c.caseNo}/file`, {
    version: c.version,
    standardId: standard.id,
  });
  assert.equal(filed.statusCode, 200, filed.body);
  const dispatched = await b.t.post(await b.t.as('dispatcher'), `/api/cases/${c.caseNo}/dispatch`, {
    version: filed.json<{ version: number }>().version,
    mode: 'auto',
  });
  assert.equal(dispatched.statusCode, 200, dispatched.body);
}

async function waitForPoints(page: Page): Promise<void> {
  await page.locator('[data-testid="case-map"] canvas').waitFor();
  await page.locator('[data-testid="case-map"][data-points]').waitFor({ timeout: 30_000 });
}

interface Measured {
  count: number;
  firstRenderMs: number;
  setDataToIdleMs: number;
  frames: ReturnType<typeof frameStats>;
}

/** After the page's map drew its points: when that was, then the frame times of the camera moves. */
async function measure(page: Page): Promise<Measured> {
  const rendered = await page.evaluate<{ count: number; ms: number; at: number }>(`window.__czRendered[0]`);
  const frames = frameStats(await page.evaluate<number[]>(MEASURE_FRAMES));
  return {
    count: rendered.count,
    firstRenderMs: Math.round(rendered.at),
    setDataToIdleMs: rendered.ms,
    frames,
  };
}

const row = (m: Measured) =>
  `| ${m.count} | ${m.firstRenderMs} | ${m.setDataToIdleMs} | ${m.frames.frames} | ${m.frames.medianMs} | ${m.frames.p95Ms} | ${m.frames.maxMs} |`;

describe('the command center in Chromium', () => {
  let b: BrowserApp;
  let baseline: Measured | null = null;
  before(async () => {
    b = await startBrowserApp();
    const first = await reportCase(b, '湖滨路人行道上有暴露垃圾');
    await reportCase(b, '井盖破损');
    await fileAndDispatch(b, first);
    // `serve` runs the evaluation projector; the test app catches up by hand.
    await b.t.app.projector.catchUp(b.t.tenant.id);
  });
  after(() => b.close());

  it('shows a leader the map, the figures and the live feed, then the big screen', async () => {
    const ctx = await b.newContext({ reducedMotion: 'no-preference' });
    const page = await ctx.newPage();
    await page.addInitScript(CAPTURE_MAP);
    // "Today" and "this month" come from the browser's clock; the server's clock is fixed.
    await page.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
    await signIn(page, 'leader');
    assert.match(page.url(), /\/console\/command$/);
    // Opened afresh, so its load→first render compares with the 100,000-point page below.
    await page.goto('/console/command');
    await waitForPoints(page);
    assert.equal(await page.locator('[data-testid="case-map"]').getAttribute('data-points'), '2');
    await page.getByTestId('kpi-tiles').waitFor();
    await page.getByTestId('kpi-charts').waitFor();
    assert.match(await page.getByTestId('kpi-openCases').innerText(), /在办案件\s*2/);
    assert.equal(await page.getByTestId('legend-normal').innerText(), '2');
    assert.match(await page.getByTestId('kpi-todayReported').innerText(), /今日上报\s*2/);
    await page.getByTestId('kpi-charts').locator('[role="img"]').first().waitFor();
    // The same camera moves as with 100,000 points: the machine's own cost of drawing the map.
    baseline = await measure(page);
    console.log(`baseline (demo points): ${row(baseline)}`);

    const { caseNo } = await reportCase(b, '绿化带内有建筑垃圾');
    await page.getByTestId('live-feed').getByText(caseNo).waitFor({ timeout: 10_000 });
    assert.match(await page.getByTestId('live-feed').innerText(), /上报/);
    // The points and the figures follow the events (at most every 5 s).
    await page.locator('[data-testid="case-map"][data-points="3"]').waitFor({ timeout: 15_000 });
    await screenshot(page, 'command-center');
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.getByTestId('open-big-screen').click();
    await page.waitForURL(/\/console\/screen$/);
    await page.getByTestId('big-screen').waitFor();
    await waitForPoints(page);
    await page.getByTestId('clock').waitFor();
    await page.getByTestId('kpi-charts').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'command-big-screen');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByTestId('exit-big-screen').click();
    await page.waitForURL(/\/console\/command$/);
  });

  it('draws 100,000 case points and stays responsive while zooming and panning', async () => {
    const district = await b.t.app.inject({
      method: 'GET',
      url: '/api/geo/features?level=district&crs=wgs84&limit=1',
    });
    const bbox = bboxOf(
      district.json<{ features: { geometry: unknown }[] }>().features.map((f) => f.geometry),
    );
    assert.ok(bbox, 'the demo district has an outline');
    const body = syntheticPoints(POINTS, bbox);
    const ctx = await b.newContext({ reducedMotion: 'no-preference' });
    const page = await ctx.newPage();
    await signIn(page, 'leader');
    await page.route('**/api/cases/map*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.addInitScript(CAPTURE_MAP);
    await page.goto('/console/command');
    await waitForPoints(page);
    assert.equal(await page.locator('[data-testid="case-map"]').getAttribute('data-points'), String(POINTS));
    const m = await measure(page);
    console.log(
      [
        '',
        '| points | load→first render ms | setData→idle ms | frames | median frame ms | p95 frame ms | max frame ms |',
        '|---:|---:|---:|---:|---:|---:|---:|',
        ...(baseline ? [row(baseline)] : []),
        row(m),
        '',
      ].join('\n'),
    );
    await screenshot(page, 'command-center-100k');
    // Sanity only: headless Chromium draws with SwiftShader (software GL) on a shared 2-core machine, where even
    // the 2-point baseline above swings from 200 to 2,000 ms per frame with the load. The numbers are for the
    // record; the bounds say the page kept drawing through the moves and never froze.
    assert.ok(m.frames.frames >= 3, `only ${m.frames.frames} frames drawn`);
    assert.ok(m.frames.maxMs < 5_000, `a frame took ${m.frames.maxMs} ms`);
    assert.ok(m.firstRenderMs < 60_000, `first render after ${m.firstRenderMs} ms`);
  });
});
