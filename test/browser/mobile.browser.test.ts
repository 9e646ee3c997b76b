/**
 * The inspector's phone app in Chromium (390×844, touch, GPS at 西湖边): a report with a photo online, a report
 * made offline that is sent by itself when the connection returns (once, also when an answer is lost), and the
 * 核实 tasks nearest first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from './harness.js';

const HERE = { longitude: 120.168, latitude: 30.257 };

async function casesWith(b: BrowserApp, description: string): Promise<{ case_no: string; stage: string }[]> {
  const r = await sql<{
    case_no: string;
    stage: string;
  }>`SELECT case_no, stage FROM cases WHERE description = ${description}`.execute(b.t.testDb.db.sql);
  return r.rows;
}

async function publicReport(b: BrowserApp, dLng: number, description: string): Promise<string> {
  const res = await b.t.post({}, '/api/public/reports', {
    location: { lng: HERE.longitude + dLng, lat: HERE.latitude, crs: 'wgs84' },
    description,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ caseNo: string }>().caseNo;
}

/** Picks the first major, minor and standard row in the Ant Design selects. */
async function pickFirstCategory(page: Page): Promise<void> {
  for (const label of ['大类', '小类']) {
    await page.getByLabel(label, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
  }
  const rows = page.getByTestId('standard-rows').locator('.ant-radio-wrapper');
  if ((await rows.count()) > 0) await rows.first().click();
}

async function photo(name: string) {
  const buffer = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 90, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  geolocation: HERE,
  permissions: ['geolocation'],
};

describe('the inspector mobile app in Chromium', () => {
  let b: BrowserApp;
  let ctx: BrowserContext;
  let page: Page;
  let near = '';
  let far = '';
  before(async () => {
    b = await startBrowserApp();
    // The far one is reported first, so "nearest first" is not the report order.
    far = await publicReport(b, 0.008, '远处：人行道积水');
    near = await publicReport(b, 0.0015, '近处：路灯不亮');
    ctx = await b.newContext(PHONE);
    page = await ctx.newPage();
    await signIn(page, 'inspector');
  });
  after(() => b.close());

  it('reports online with a photo and shows the case number', async () => {
    assert.match(page.url(), /\/m$/);
    await page.getByTestId('photo-input').setInputFiles(await photo('site.jpg'));
    await page.getByAltText('现场照片 1').waitFor();
    await page.getByText(/精度约/).waitFor();
    await page.getByTestId('located').filter({ hasText: '·' }).waitFor();
    await pickFirstCategory(page);
    await page.getByLabel('问题描述').fill('在线上报：井盖破损');
    await screenshot(page, 'mobile-report');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByRole('button', { name: /上\s*报/ }).click();
    const receipt = await page.getByTestId('receipt-case-no').innerText();
    const rows = await casesWith(b, '在线上报：井盖破损');
    assert.equal(rows.length, 1);
    assert.ok(receipt.includes(rows[0]!.case_no), receipt);
  });

  it('queues a report offline and sends it once when the connection returns', async () => {
    await page.getByRole('button', { name: '继续上报' }).click();
    await ctx.setOffline(true);
    await page.getByTestId('network-state').filter({ hasText: '离线' }).waitFor();
    await page.getByTestId('photo-input').setInputFiles(await photo('offline.jpg'));
    // The category used a moment ago is offered first.
    await page.getByRole('region', { name: '最近使用' }).getByRole('button').first().click();
    await page.getByLabel('问题描述').fill('离线上报：垃圾满溢');
    await page.getByRole('button', { name: /上\s*报/ }).click();
    await page.getByTestId('report-queued').waitFor();
    await page
      .getByRole('link', { name: /待发送/ })
      .first()
      .click();
    await page.locator('[data-testid="outbox-item"][data-state="queued"]').waitFor();
    await screenshot(page, 'mobile-outbox');
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(await casesWith(b, '离线上报：垃圾满溢'), []);

    await ctx.setOffline(false);
    await page.getByTestId('outbox-item').waitFor({ state: 'detached' });
    await page.getByTestId('sent-item').first().waitFor();
    const rows = await casesWith(b, '离线上报：垃圾满溢');
    assert.equal(rows.length, 1, 'sent exactly once');
    assert.match(await page.getByTestId('sent-item').first().innerText(), new RegExp(rows[0]!.case_no));
  });

  it('resends with the same key when answers are lost (send now, then on app start): still one case', async () => {
    // A phone of its own without the service worker: requests a service worker passes on are not reliably
    // seen by the browser's request routing, and this test must lose exactly the answers it means to.
    const lossy = await b.newContext({ ...PHONE, serviceWorkers: 'block' });
    const phone = await lossy.newPage();
    await signIn(phone, 'inspector');
    let lose = 2;
    await lossy.route('**/api/cases/intake/inspector', async (route) => {
      if (lose === 0) return route.continue();
      lose -= 1;
      await route.fetch(); // the server answers…
      await route.abort('connectionreset'); // …and the phone never hears of it
    });
    await phone.getByTestId('photo-input').waitFor();
    await pickFirstCategory(phone);
    await phone.getByLabel('问题描述').fill('应答丢失：护栏损坏');
    await phone.getByRole('button', { name: /上\s*报/ }).click();
    await phone.getByTestId('report-queued').waitFor();
    assert.equal((await casesWith(b, '应答丢失：护栏损坏')).length, 1, 'the server did open it');
    await phone
      .getByRole('link', { name: /待发送/ })
      .first()
      .click();
    await phone.getByRole('button', { name: /立即发送/ }).click();
    await phone.getByTestId('outbox-item').filter({ hasText: '已尝试 2 次' }).waitFor();
    // A new start of the app sends what waits.
    await phone.reload();
    await phone.getByRole('heading', { name: '待发送' }).waitFor();
    await phone.getByTestId('outbox-item').waitFor({ state: 'detached' });
    assert.equal(lose, 0);
    assert.equal((await casesWith(b, '应答丢失：护栏损坏')).length, 1, 'the resends opened no second case');
    await lossy.close();
  });

  it('lists 核实 tasks nearest first and verifies one', async () => {
    // A fresh fix for the new page's watcher (Chromium's emulation only reports when told a position).
    await ctx.setGeolocation(HERE);
    await page.getByRole('link', { name: /我的任务/ }).click();
    await page.getByTestId('task-item').first().waitFor();
    await page.getByText('按距离由近到远排列').waitFor();
    const items = await page.getByTestId('task-item').all();
    const order = await Promise.all(items.map((i) => i.getAttribute('data-case-no')));
    assert.deepEqual(order.slice(0, 2), [near, far]);
    assert.match(await page.getByTestId('task-distance').first().innerText(), /米/);
    await screenshot(page, 'mobile-tasks');
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.getByTestId('task-item').first().getByRole('link').click();
    await page.getByText('近处：路灯不亮').waitFor();
    await page.getByRole('button', { name: /属实，确认/ }).click();
    await page.waitForURL(/\/m\/tasks$/);
    await page.getByTestId('task-item').first().waitFor();
    assert.deepEqual(
      (await casesWith(b, '近处：路灯不亮')).map((r) => r.stage),
      ['reported'],
    );
    assert.equal(await page.locator(`[data-case-no="${near}"]`).count(), 0);
  });

  it('opens offline after a reload: the shell and the app come from the service worker', async () => {
    assert.equal(
      await page.evaluate('!!navigator.serviceWorker.controller'),
      true,
      'the service worker is active',
    );
    await ctx.setOffline(true);
    await page.reload();
    // Debian's Chromium 150 leaves navigator.onLine true in a document loaded after Playwright's setOffline,
    // as a Wi-Fi without internet does: the app says 离线 because its requests get no answer.
    assert.equal(await page.evaluate('fetch("/healthz").then(() => "reached", () => "offline")'), 'offline');
    await page.getByTestId('network-state').filter({ hasText: '离线' }).waitFor();
    await page
      .getByRole('link', { name: /待发送/ })
      .first()
      .click();
    await page.getByRole('heading', { name: '待发送' }).waitFor();
    assert.doesNotMatch(page.url(), /\/login/);
    await ctx.setOffline(false);
  });

  it('offers the language switch and sign-out in the "me" tab', async () => {
    await page.getByRole('link', { name: /我的$/ }).click();
    await page.getByTestId('language-switch').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
  });
});
