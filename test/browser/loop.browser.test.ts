/**
 * The whole loop across roles, every step in the browser: a citizen reports on the portal (with a photo), the
 * inspector verifies it on the phone, the operator files it, the dispatcher dispatches it, the handler accepts
 * and reports back with an after-photo, the inspector checks it on the phone, the operator closes it, and the
 * citizen rates it with the ticket number and code from the receipt.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { BROWSER_TEST_NOW, screenshot, signIn, startBrowserApp, type BrowserApp } from './harness.js';

/** Near 湖滨 (wgs84): the demo dispatch rules send public toilets (部件 03/01) there to SANITATION. */
const HERE = { longitude: 120.168, latitude: 30.257 };
const STANDARD_ID = 'C-0301-1';
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  geolocation: HERE,
  permissions: ['geolocation'],
};

const jpeg = (background: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .jpeg()
    .toBuffer();

describe('the closed loop in the browser, role by role', () => {
  let b: BrowserApp;
  before(async () => {
    b = await startBrowserApp();
  });
  after(() => b.close());

  async function staffPage(username: string, phone = false): Promise<Page> {
    const ctx = await b.newContext(phone ? PHONE : { serviceWorkers: 'block' });
    // Countdowns in the pages read the browser's clock; the server's is fixed.
    await ctx.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
    const page = await ctx.newPage();
    await signIn(page, username);
    return page;
  }

  async function workbenchStep(
    page: Page,
    caseNo: string,
    action: RegExp,
    stage: string,
    fill?: () => Promise<void>,
  ) {
    await page.goto(`/console/work/cases/${caseNo}`);
    await page.getByTestId('case-header').waitFor();
    await page.locator('main').getByRole('button', { name: action }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill();
    await dialog.getByRole('button', { name: action }).click();
    await page.getByTestId('case-stage').filter({ hasText: stage }).waitFor();
  }

  async function inspectorTask(page: Page, caseNo: string, button: RegExp) {
    await page.goto('/m/tasks');
    await page.locator(`[data-testid="task-item"][data-case-no="${caseNo}"]`).getByRole('link').click();
    await page.getByRole('button', { name: button }).click();
    await page.waitForURL(/\/m\/tasks$/);
  }

  it('goes from a citizen report to the citizen’s rating', async () => {
    const taxonomy = (await b.t.app.inject({ method: 'GET', url: '/api/taxonomy' })).json<{
      majors: { kind: string; code: string; name: string }[];
      minors: { kind: string; majorCode: string; code: string; name: string }[];
    }>();
    const major = taxonomy.majors.find((m) => m.kind === 'component' && m.code === '03');
    const minor = taxonomy.minors.find(
      (m) => m.kind === 'component' && m.majorCode === '03' && m.code === '01',
    );
    assert.ok(major && minor);

    // 1. The citizen reports on the portal (at a desk: the phone layout is citizen.browser.test.ts's).
    const citizen = await (await b.newContext({ geolocation: HERE, permissions: ['geolocation'] })).newPage();
    await citizen.goto('/report');
    await citizen.getByRole('button', { name: /使用我的位置/ }).click();
    await citizen.getByTestId('located-place').filter({ hasText: '湖滨街道' }).waitFor();
    // Typed, not clicked through: the cascader expands on hover, and 事件 and 部件 share major names.
    await citizen.getByLabel('问题类别').fill(minor.name);
    await citizen
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: `部件 / ${major.name} / ${minor.name}` })
      .click();
    await citizen.getByLabel('问题描述').fill('湖滨公厕洗手池坏了，一直漏水');
    await citizen
      .getByTestId('photo-input')
      .setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#a0522d') });
    await citizen.getByAltText('已上传的照片 1').waitFor();
    await citizen.getByRole('button', { name: '提交举报' }).click();
    await citizen.getByTestId('receipt').waitFor();
    const caseNo = (await citizen.getByTestId('receipt-case-no').innerText()).trim();
    const code = (await citizen.getByTestId('receipt-code').innerText()).trim();
    assert.match(caseNo, /^330102-\d{8}-\d{5}$/);

    // 2. The inspector verifies it on site, on the phone.
    const inspector = await staffPage('inspector', true);
    await inspectorTask(inspector, caseNo, /属实，确认/);

    // 3. The operator files it against the standard row (a citizen names no row).
    const operator = await staffPage('operator');
    await workbenchStep(operator, caseNo, /立\s*案/, '待派遣', async () => {
      const select = operator.getByRole('dialog').getByLabel('立结案标准');
      await select.click();
      await select.fill(STANDARD_ID);
      await operator
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .first()
        .click();
    });

    // 4. The dispatcher sends it where the rules say, 5. the handler takes it and reports back.
    const dispatcher = await staffPage('dispatcher');
    await workbenchStep(dispatcher, caseNo, /派\s*遣/, '待签收');
    const handler = await staffPage('handler');
    await workbenchStep(handler, caseNo, /签\s*收/, '处置中');
    const after = await jpeg('#33aa77');
    await workbenchStep(handler, caseNo, /处置反馈/, '待核查', async () => {
      await handler
        .getByRole('dialog')
        .locator('input[type=file]')
        .setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: after });
      await handler.getByRole('dialog').locator('.ant-upload-list-item-done').waitFor();
    });

    // 6. The inspector checks the fix on the phone, 7. the operator closes the case.
    await inspectorTask(inspector, caseNo, /核查通过/);
    await workbenchStep(operator, caseNo, /结\s*案/, '已结案');
    await screenshot(operator, 'loop-closed-case');

    // 8. The citizen tracks it with the receipt's number and code, and rates it.
    await citizen.goto('/track');
    await citizen.getByLabel('案件编号').fill(caseNo);
    await citizen.getByLabel('查询码').fill(code);
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    await citizen.getByTestId('rating-form').waitFor();
    assert.equal((await citizen.getByTestId('track-stage').innerText()).trim(), '已结案');
    await citizen.getByTestId('rating-form').getByText('满意', { exact: true }).click();
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByTestId('track-history').filter({ hasText: '已评价' }).waitFor();
    await screenshot(citizen, 'loop-citizen-rated');

    const history = (await b.t.get(await b.t.as('monitor'), `/api/cases/${caseNo}/history`)).json<{
      items: { name: string; actor: { role?: string } | null }[];
    }>();
    const steps = history.items.map((e) => e.name.replace('cases.case.', ''));
    for (const step of [
      'reported',
      'verified',
      'filed',
      'dispatched',
      'accepted',
      'reportedBack',
      'checked',
      'closed',
      'rated',
    ]) {
      assert.ok(steps.includes(step), `${step} in ${steps.join(', ')}`);
    }
  });
});
