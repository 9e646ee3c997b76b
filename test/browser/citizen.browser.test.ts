/**
 * The citizen portal as an anonymous citizen: the home page on a phone, a report with a photo at the phone's
 * position (with the duplicate suggestion for a case already open there), the receipt, tracking, closure by
 * staff through the API, the rating and the in-browser tamper check; the public rankings and power list on a
 * desktop.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { screenshot, seriousA11yViolations, startBrowserApp, type BrowserApp } from './harness.js';

/** 湖滨街道 by the lake, as a phone's GPS gives it (WGS-84). */
const HERE = { longitude: 120.168, latitude: 30.257 };
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  geolocation: HERE,
  permissions: ['geolocation'],
};

interface Named {
  kind: string;
  code: string;
  name: string;
  majorCode?: string;
}

async function expectNoA11yViolations(page: Page) {
  // Away from any button: Ant Design's hover colour is not what the page shows at rest.
  await page.mouse.move(0, 0);
  const found = await seriousA11yViolations(page);
  if (found.length === 0) return;
  // Name the offending elements: axe's summary alone does not say where to look.
  const where = await page.evaluate<string>(
    `window.axe.run(document, { runOnly: ${JSON.stringify(found.map((v) => v.id))} })
      .then((r) => JSON.stringify(r.violations.map((v) => [v.id, v.nodes.map((n) => [n.target, n.failureSummary])])))`,
  );
  assert.deepEqual(found, [], where);
}

describe('the citizen portal in Chromium', () => {
  let b: BrowserApp;
  before(async () => {
    b = await startBrowserApp();
  });
  after(() => b.close());

  it('opens the home page on a phone, accessible, with both languages', async () => {
    const page = await (await b.newContext(PHONE)).newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    assert.ok(
      await page
        .getByRole('link', { name: /我要举报/ })
        .first()
        .isVisible(),
    );
    assert.ok(
      await page
        .getByRole('link', { name: /进度查询/ })
        .first()
        .isVisible(),
    );
    await expectNoA11yViolations(page);
    await screenshot(page, 'citizen-home');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: /Report it/ }).waitFor();
    assert.equal(await page.evaluate('document.documentElement.lang'), 'en');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: /城市问题/ }).waitFor();
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
  });

  it('reports with a photo at the phone’s position, past a duplicate, then tracks, and rates after closure', async () => {
    // A case of the same kind is already open right here.
    const standard = await b.t.standard('event');
    const category = {
      categoryType: standard.kind,
      majorCode: standard.majorCode,
      minorCode: standard.minorCode,
    };
    const existing = await b.t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: {
        location: { lng: HERE.longitude, lat: HERE.latitude, crs: 'wgs84' },
        description: '已有市民反映：路边垃圾堆放',
        category,
      },
    });
    assert.equal(existing.statusCode, 201, existing.body);
    const existingNo = existing.json<{ caseNo: string }>().caseNo;
    const taxonomy = (await b.t.app.inject({ method: 'GET', url: '/api/taxonomy' })).json<{
      majors: Named[];
      minors: Named[];
    }>();
    const major = taxonomy.majors.find((m) => m.kind === 'event' && m.code === standard.majorCode);
    const minor = taxonomy.minors.find(
      (m) => m.kind === 'event' && m.majorCode === standard.majorCode && m.code === standard.minorCode,
    );
    assert.ok(major && minor);

    const page = await (await b.newContext(PHONE)).newPage();
    await page.goto('/');
    await page
      .getByRole('link', { name: /我要举报/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: '我要举报' }).waitFor();
    await page.getByRole('button', { name: /使用我的位置/ }).click();
    await page.getByTestId('located-place').filter({ hasText: '湖滨街道' }).waitFor();

    await page.getByLabel('问题类别').click();
    await page.locator('.ant-cascader-menu-item[title="事件"]').click();
    await page.locator(`.ant-cascader-menu-item[title="${major.name}"]`).click();
    await page.locator(`.ant-cascader-menu-item[title="${minor.name}"]`).click();
    await page.getByLabel('问题描述').fill('湖边步道旁垃圾堆放，已有异味');
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a0522d' } })
      .jpeg()
      .toBuffer();
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.getByAltText('已上传的照片 1').waitFor();
    await page.getByLabel('手机号码').fill('13800001234');
    await expectNoA11yViolations(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'citizen-report');

    await page.getByRole('button', { name: '提交举报' }).click();
    const duplicates = page.getByTestId('duplicates');
    await duplicates.waitFor();
    assert.match(await duplicates.innerText(), new RegExp(existingNo));
    await page.getByTestId('submit-anyway').click();

    await page.getByTestId('receipt').waitFor();
    const caseNo = (await page.getByTestId('receipt-case-no').innerText()).trim();
    const code = (await page.getByTestId('receipt-code').innerText()).trim();
    assert.match(caseNo, /^330102-20251009-\d{5}$/);
    assert.notEqual(caseNo, existingNo);
    assert.match(code, /^\d{6}$/);
    await expectNoA11yViolations(page);
    await screenshot(page, 'citizen-receipt');

    // From the receipt to its progress: number and code travel in memory, not in the address.
    await page.getByRole('link', { name: '查询进度' }).click();
    await page.getByTestId('track-history').filter({ hasText: '已受理上报' }).waitFor();
    assert.ok(!page.url().includes(code));
    assert.equal((await page.getByTestId('track-stage').innerText()).trim(), '待核实');
    await expectNoA11yViolations(page);
    await screenshot(page, 'citizen-track');

    // Staff take it through the loop (case-loop.db.test.ts) and close it.
    await closeThroughApi(b, caseNo, standard.id);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId('rating-form').waitFor();
    assert.equal((await page.getByTestId('track-stage').innerText()).trim(), '已结案');
    await page
      .getByTestId('track-history')
      .getByAltText(/处置完毕/)
      .first()
      .waitFor();
    await page.getByTestId('rating-form').getByText('满意', { exact: true }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByTestId('track-history').filter({ hasText: '已评价' }).waitFor();
    assert.equal(await page.getByTestId('rating-form').count(), 0, 'rated once');

    // The record's tamper check, computed in the browser against a signed checkpoint.
    const signed = await b.t.post(await b.t.as('monitor'), '/api/audit/checkpoints', {});
    assert.equal(signed.statusCode, 200, signed.body);
    await page.getByRole('button', { name: '核验此记录' }).click();
    await page.getByTestId('proof-verified').waitFor();
    await expectNoA11yViolations(page);
  });

  it('shows the public rankings and the power list on a desktop', async () => {
    // The rollups behind the rankings follow the event log; bring them up to the cases made above.
    await b.t.app.projector.catchUp(b.t.tenant.id);
    const ranked = await b.t.app.inject({
      method: 'GET',
      url: '/api/public/evaluation/rankings?period=2025-10&objectType=unit',
    });
    const units = ranked.json<{ items: { name: string | null; code: string }[] }>().items;
    assert.ok(units.length > 0, ranked.body);
    const page = await (await b.newContext()).newPage();
    await page.goto('/rankings?objectType=unit&period=2025-10');
    await page.getByRole('heading', { level: 1, name: '考评公开' }).waitFor();
    await page.getByTestId('rankings-table').getByText('2025-10').waitFor();
    await page
      .getByTestId('rankings-table')
      .getByRole('cell', { name: units[0]?.name ?? units[0]?.code })
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoA11yViolations(page);
    await screenshot(page, 'citizen-rankings');

    await page.goto('/power-list');
    await page.getByRole('heading', { level: 1, name: '权力清单' }).waitFor();
    const rows = page.getByTestId('power-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const all = await rows.count();
    assert.ok(all > 1);
    await page.getByTestId('power-search').locator('input').fill('行政处罚');
    await page.waitForFunction(
      `document.querySelectorAll('[data-testid="power-table"] tbody tr.ant-table-row').length < ${all}`,
    );
    await expectNoA11yViolations(page);
  });
});

/** verify → file → dispatch → accept → report back (after-photo) → check → close, by the demo staff. */
async function closeThroughApi(b: BrowserApp, caseNo: string, standardId: string) {
  const { t } = b;
  const step = async (who: Record<string, string>, verb: string, body: Record<string, unknown>) => {
    const current = (await t.get(await t.as('operator'), `/api/cases/${caseNo}`)).json<{ version: number }>();
    const res = await t.post(who, `/api/cases/${caseNo}/${verb}`, { version: current.version, ...body });
    assert.equal(res.statusCode, 200, `${verb}: ${res.body}`);
    return res.json<{ unitCode: string | null; stage: string }>();
  };
  const inspector = await t.as('inspector');
  const operator = await t.as('operator');
  await step(inspector, 'verify', { confirmed: true });
  await step(operator, 'file', { standardId });
  const dispatched = await step(await t.as('dispatcher'), 'dispatch', { mode: 'auto' });
  assert.ok(dispatched.unitCode);
  const handler = await t.staff(`handler-${dispatched.unitCode}`, ['handler'], dispatched.unitCode);
  await step(handler, 'accept', {});
  const png = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...handler, 'content-type': 'image/png' },
    payload: await sharp({ create: { width: 32, height: 24, channels: 3, background: '#2e8b57' } })
      .png()
      .toBuffer(),
  });
  assert.ok(png.statusCode === 201 || png.statusCode === 200, png.body);
  await step(handler, 'report-back', { photos: [png.json<{ sha256: string }>().sha256], note: '已清理' });
  await step(inspector, 'check', { passed: true });
  const closed = await step(operator, 'close', {});
  assert.equal(closed.stage, 'closed');
}
