/**
 * 综合评价 in Chromium as the leader: rankings (empty state, then object type and period switched in the page,
 * a chart of the top N, the CSV download) and the monthly bulletin in its sanitised view.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { LAKESIDE } from '../../src/modules/cases/test-helpers.js';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from './harness.js';

/** Two cases reported, filed and dispatched through the API, so October 2025 has rows to rank. */
async function seedCases(b: BrowserApp): Promise<void> {
  const t = b.t;
  const standard = await t.standard('event', (s) => s.timeLimit.unit === 'work_day');
  const [inspector, operator, dispatcher] = [
    await t.as('inspector'),
    await t.as('operator'),
    await t.as('dispatcher'),
  ];
  for (let i = 0; i < 2; i++) {
    const r = await t.post(inspector, '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '湖滨路人行道上有暴露垃圾',
      category: { categoryType: standard.kind, majorCode: standard.majorCode, minorCode: standard.minorCode },
      standardId: standard.id,
    });
    assert.equal(r.statusCode, 201, r.body);
    const { caseNo, version } = r.json<{ caseNo: string; version: number }>();
    const filed = await t.post(operator, `/api/cases/${caseNo}/file`, { version, standardId: standard.id });
    assert.equal(filed.statusCode, 200, filed.body);
    const sent = await t.post(dispatcher, `/api/cases/${caseNo}/dispatch`, {
      version: filed.json<{ version: number }>().version,
      mode: 'auto',
    });
    assert.equal(sent.statusCode, 200, sent.body);
  }
  await t.app.projector.catchUp(t.tenant.id);
}

async function pick(page: Page, testId: string, option: string, search = false) {
  await page.getByTestId(testId).click();
  // Long option lists are virtual: type to bring the option into view.
  if (search) await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

describe('evaluation in Chromium', () => {
  let b: BrowserApp;
  let page: Page;
  before(async () => {
    b = await startBrowserApp();
    await seedCases(b);
    page = await (await b.newContext()).newPage();
    await signIn(page, 'leader');
  });
  after(() => b.close());

  it('ranks streets for a period chosen in the page, draws the top N and exports the CSV', async () => {
    await page.goto('/console/evaluation');
    await page.getByRole('heading', { level: 1, name: '综合评价排名' }).waitFor();
    assert.match(page.url(), /\/console\/evaluation\/rankings/);
    // The current month of the browser's clock has no cases: a clear empty state, not an error.
    await page.getByTestId('eval-empty').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    await pick(page, 'eval-object-type', '街道');
    await page.waitForURL(/type=street/);
    const period = page.getByLabel('期间');
    await period.click();
    await period.fill('2025-10');
    await period.press('Enter');
    await page.waitForURL(/period=2025-10/);
    const table = page.getByTestId('eval-rankings');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    assert.ok((await table.locator('tbody tr.ant-table-row').count()) >= 1);

    await pick(page, 'eval-sort', '立案数', true);
    await page.waitForURL(/sort=filed/);
    await page
      .getByRole('img', { name: /柱状图：立案数前/ })
      .locator('canvas')
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 CSV/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'street-2025-10.csv');
    await page.locator('.ant-btn-loading').waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'evaluation-rankings');
  });

  it('shows the monthly bulletin of the same period in a sanitised view', async () => {
    await page.getByRole('link', { name: '月度通报' }).click();
    await page.getByRole('heading', { level: 1, name: '月度通报' }).waitFor();
    assert.match(page.url(), /period=2025-10/, 'the filters travel with the section link');
    const bulletin = page.getByTestId('bulletin-view');
    await bulletin.getByRole('heading', { level: 2, name: /数字城管月度通报 2025-10/ }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'evaluation-bulletin');
  });
});
