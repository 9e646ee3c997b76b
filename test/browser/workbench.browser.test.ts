/**
 * The workbench in Chromium: a case reported by an inspector goes through the loop from the web pages —
 * the operator finds it in the 待立案 queue and files it, the dispatcher dispatches it automatically (with the
 * "why here?" trace), the handler accepts it and reports back with a photo, the inspector checks it and the
 * operator closes it. Screenshots: workbench-queue, case-detail, case-detail-trace.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { LAKESIDE } from '../../src/modules/cases/test-helpers.js';
import {
  BROWSER_TEST_NOW,
  screenshot,
  seriousA11yViolations,
  signIn,
  startBrowserApp,
  type BrowserApp,
} from './harness.js';

/** 公共厕所: the demo dispatch rules send it to SANITATION, the demo handler's unit. */
const STANDARD_ID = 'C-0301-1';

describe('the workbench in Chromium', () => {
  let b: BrowserApp;
  let caseNo = '';
  before(async () => {
    b = await startBrowserApp();
    const inspector = await b.t.as('inspector');
    const created = await b.t.post(inspector, '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '湖滨公共厕所门口洗手池损坏（浏览器测试）',
      category: { categoryType: 'component', majorCode: '03', minorCode: '01' },
      standardId: STANDARD_ID,
    });
    assert.equal(created.statusCode, 201, created.body);
    caseNo = created.json<{ caseNo: string }>().caseNo;
  });
  after(() => b.close());

  async function pageAs(username: string): Promise<Page> {
    const ctx = await b.newContext({ serviceWorkers: 'block' });
    // The server's clock is fixed; the browser's countdowns must read the same time.
    await ctx.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
    const page = await ctx.newPage();
    await signIn(page, username);
    return page;
  }

  async function openCase(page: Page): Promise<void> {
    await page.goto(`/console/work/cases/${caseNo}`);
    await page.getByTestId('case-stage').waitFor();
  }

  /** Clicks an action button, then the modal's button of the same name; waits for the new stage. */
  async function step(page: Page, action: RegExp, stage: string, fill?: () => Promise<void>): Promise<void> {
    await page.getByTestId('case-header').waitFor();
    await page.locator('main').getByRole('button', { name: action }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill();
    await dialog.getByRole('button', { name: action }).click();
    await page.getByTestId('case-stage').filter({ hasText: stage }).waitFor();
  }

  it('runs the loop from the queues and the case page, role by role', async () => {
    const operator = await pageAs('operator');
    assert.match(operator.url(), /\/console\/work/);
    await operator.getByTestId('tab-reported').click();
    const row = operator.getByRole('row').filter({ hasText: caseNo });
    await row.waitFor();
    assert.match(await operator.getByTestId('tab-reported').innerText(), /待立案\s*[1-9]/);
    await screenshot(operator, 'workbench-queue');
    assert.deepEqual(await seriousA11yViolations(operator), []);
    await row.getByRole('link', { name: caseNo }).click();
    await operator.getByTestId('standard-row').getByText(STANDARD_ID).waitFor();
    await step(operator, /立\s*案/, '待派遣');

    const dispatcher = await pageAs('dispatcher');
    await openCase(dispatcher);
    await step(dispatcher, /派\s*遣/, '待签收');
    const trace = dispatcher.getByTestId('dispatch-trace');
    await trace.getByText('上城区环境卫生管理中心').first().waitFor();
    await trace.getByText('采用').first().waitFor();
    await dispatcher.locator('[data-testid=case-map][data-ready=true]').waitFor();
    await screenshot(dispatcher, 'case-detail');
    assert.deepEqual(await seriousA11yViolations(dispatcher), []);
    await trace.scrollIntoViewIfNeeded();
    await screenshot(dispatcher, 'case-detail-trace');

    const handler = await pageAs('handler');
    await openCase(handler);
    await step(handler, /签\s*收/, '处置中');
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
    await step(handler, /处置反馈/, '待核查', async () => {
      await handler
        .getByRole('dialog')
        .locator('input[type=file]')
        .setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: photo });
      await handler.getByRole('dialog').locator('.ant-upload-list-item-done').waitFor();
    });
    await handler.getByTestId('photos').getByRole('img').first().waitFor();

    const inspector = await pageAs('inspector');
    await openCase(inspector);
    await step(inspector, /核\s*查/, '待结案');

    await openCase(operator);
    await step(operator, /结\s*案/, '已结案');
    await operator.getByTestId('event-closed').waitFor();
    assert.equal(
      await operator
        .locator('main')
        .getByRole('button', { name: /立\s*案|结\s*案/ })
        .count(),
      0,
    );
  });
});
