/**
 * 权力阳光 in the browser: a case left unsigned raises stage-overdue cards (server side, as the supervision
 * tests do); the handler answers one (纠错) and the monitor reviews it; the power list shows its items and the
 * diff between two versions; the audit page signs a checkpoint and verifies everything.
 */
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { LAKESIDE } from '../../src/modules/cases/test-helpers.js';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from './harness.js';

interface CaseView {
  id: string;
  caseNo: string;
  version: number;
}

describe('the oversight area (权力阳光)', () => {
  let b: BrowserApp;
  let caseNo = '';
  let monitorPage: Page | undefined;

  before(async () => {
    b = await startBrowserApp();
    const t = b.t;
    // A case dispatched to the demo handler's unit that nobody signs for: the 2-work-hour accept clock warns
    // (yellow) and runs out (red); the supervision projection turns both warnings into cards.
    const s = await t.standard('component', (x) => x.timeLimit.unit === 'work_day');
    const intake = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '监察页面测试：井盖破损',
      category: { categoryType: s.kind, majorCode: s.majorCode, minorCode: s.minorCode },
      standardId: s.id,
    });
    assert.equal(intake.statusCode, 201, intake.body);
    const id = intake.json<{ id: string }>().id;
    let v = (await t.get(await t.as('operator'), `/api/cases/${id}`)).json<CaseView>();
    const step = async (user: string, verb: string, body: object) => {
      const res = await t.post(await t.as(user), `/api/cases/${id}/${verb}`, { version: v.version, ...body });
      assert.equal(res.statusCode, 200, `${verb}: ${res.body}`);
      v = res.json<CaseView>();
    };
    await step('operator', 'file', { standardId: s.id });
    await step('dispatcher', 'dispatch', {
      mode: 'manual',
      unitCode: 'SANITATION',
      reason: '人工派遣至环卫部门',
    });
    caseNo = v.caseNo;
    t.clock.advance(3 * 3_600_000);
    await t.app.cases.scheduler.runDue();
    await t.app.projector.catchUp(t.tenant.id);

    // A second version of the power list (one promised limit shortened), published by a leader today.
    const leader = await t.as('leader');
    const draft = await t.post(leader, '/api/oversight/power-list/draft', { note: '' });
    assert.equal(draft.statusCode, 201, draft.body);
    const d = draft.json<{ revision: number; items: { code: string; promisedLimit: unknown }[] }>();
    const item = d.items.find((i) => i.code === 'SC-CF-0016');
    assert.ok(item);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/oversight/power-list/draft/items/SC-CF-0016',
      headers: leader,
      payload: {
        revision: d.revision,
        item: { ...item, promisedLimit: { value: 45, unit: 'calendar_day' } },
      },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const published = await t.post(leader, '/api/oversight/power-list/draft/publish', {
      revision: saved.json<{ revision: number }>().revision,
      effectiveFrom: '2025-10-09',
      note: '承诺时限缩短',
    });
    assert.equal(published.statusCode, 201, published.body);
  });
  after(() => b.close());

  async function staffPage(username: string): Promise<Page> {
    const page = await (await b.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, username);
    return page;
  }

  /** One signed-in monitor for the monitor's pages (signing in costs seconds on a busy machine). */
  async function monitor(): Promise<Page> {
    monitorPage ??= await staffPage('monitor');
    return monitorPage;
  }

  /** Opens the yellow stage-overdue card of the test case from the filtered card list. */
  async function openYellowCard(page: Page) {
    await page.goto(`/console/oversight/cards?severity=yellow&rule=case.stage-overdue`);
    const row = page
      .getByTestId('cards-table')
      .locator('tr', { hasText: caseNo })
      .filter({ has: page.getByTestId('card-severity').filter({ hasText: '黄牌' }) })
      .first();
    await row.getByTestId('card-link').click();
    await page.getByTestId('card-facts').waitFor();
  }

  it('lets the handler answer a card (纠错)', async () => {
    const page = await staffPage('handler');
    await openYellowCard(page);
    const form = page.getByTestId('respond-form');
    await form.getByLabel('情况说明').fill('签收人员外出巡查，未及时签收');
    await form.getByLabel('整改措施').fill('已安排专人值守签收');
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2e8b57' } })
      .png()
      .toBuffer();
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: 'fixed.png', mimeType: 'image/png', buffer: photo });
    await form.locator('.ant-upload-list-item-done').waitFor();
    await form.getByRole('button', { name: '提交纠错' }).click();
    await page.getByTestId('card-response').waitFor();
    const attachment = page.getByTestId('card-response').getByRole('link', { name: '附件 1' });
    assert.match((await attachment.getAttribute('href')) ?? '', /^\/api\/files\/[0-9a-f]{64}$/);
    assert.equal(
      (await page.getByTestId('card-facts').getByTestId('card-status').innerText()).trim(),
      '已答复',
    );
    assert.equal(await page.getByTestId('review-form').count(), 0, 'a handler does not review');
    await screenshot(page, 'oversight-card-detail');
  });

  it('shows the monitor the cards, and takes the review', async () => {
    const page = await monitor();
    await page.getByRole('menuitem', { name: '权力阳光' }).click();
    const table = page.getByTestId('cards-table');
    await table.locator('tr', { hasText: caseNo }).first().waitFor();
    assert.ok((await table.getByTestId('card-severity').allInnerTexts()).some((s) => s.trim() === '红牌'));
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'oversight-cards');

    await openYellowCard(page);
    assert.equal(await page.getByTestId('respond-form').count(), 0, 'the monitor does not answer');
    const review = page.getByTestId('review-form');
    await review.getByLabel('认可纠错（关闭）').check();
    await review.getByRole('button', { name: '提交审核' }).click();
    await page.getByTestId('card-review').waitFor();
    assert.equal(
      (await page.getByTestId('card-facts').getByTestId('card-status').innerText()).trim(),
      '已纠正',
    );
    // The target links to the workbench's case detail (that page has its own tests).
    assert.equal(
      await page.getByTestId('card-case-link').first().getAttribute('href'),
      `/console/work/cases/${caseNo}`,
    );
  });

  it('shows a card on the open list as soon as it is raised', async () => {
    const page = await monitor();
    await page.goto('/console/oversight/cards?rule=case.weak-reason');
    const table = page.getByTestId('cards-table');
    // Loaded and empty first, so only the live stream can bring the card.
    await table.locator('.ant-table-placeholder').waitFor();
    // A void with a boilerplate reason, while the list is open: the card arrives over the live stream.
    const t = b.t;
    const s = await t.standard('event');
    const intake = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
      location: LAKESIDE,
      description: '监察页面测试：实时卡片',
      category: { categoryType: s.kind, majorCode: s.majorCode, minorCode: s.minorCode },
      standardId: s.id,
    });
    const created = intake.json<{ id: string; caseNo: string; version: number }>();
    const voided = await t.post(await t.as('operator'), `/api/cases/${created.id}/void`, {
      version: created.version,
      reason: '重复上报',
    });
    assert.equal(voided.statusCode, 200, voided.body);
    await t.app.projector.catchUp(t.tenant.id);
    await table.locator('tr', { hasText: created.caseNo }).first().waitFor();
  });

  it('shows the power list and the diff between its versions', async () => {
    const page = await monitor();
    await page.goto('/console/oversight/power-list');
    const items = page.getByTestId('power-items');
    await items.getByText('SC-CF-0016').waitFor();
    assert.match(await page.getByTestId('power-current').innerText(), /第 2 版/);
    await items.locator('tr', { hasText: 'SC-CF-0016' }).getByRole('button').first().click();
    await page.getByTestId('power-item-detail').getByText('法律依据').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.getByRole('tab', { name: '版本记录' }).click();
    await page.getByTestId('power-versions').getByText('承诺时限缩短').waitFor();
    await page.getByRole('button', { name: /比\s*较/ }).click();
    const diff = page.getByTestId('diff-changed');
    await diff.getByText('SC-CF-0016', { exact: false }).waitFor();
    assert.match(await diff.innerText(), /承诺时限/);
    assert.match(await diff.innerText(), /60 日/);
    assert.match(await diff.innerText(), /45 日/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'oversight-power-list');
  });

  it('records 问责 on the card, and shows the rules and the quarter’s grades', async () => {
    const page = await monitor();
    await openYellowCard(page);
    await page.getByRole('link', { name: '就此卡片新建问责' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: /单位/ }).fill('SANITATION');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await dialog.getByLabel('问责依据').fill('环节超时未签收');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-table-row', { hasText: '环节超时未签收' }).waitFor();

    // An officer is found by name, not typed as an account id (the page still has the card from the link).
    await page.getByRole('button', { name: '新建问责' }).click();
    const again = page.getByRole('dialog');
    await again.waitFor();
    await again.getByText('人员', { exact: true }).click();
    await again.getByRole('combobox', { name: '被问责人员' }).fill('周处置');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '周处置（演示）',
      })
      .click();
    await again.getByLabel('问责依据').fill('签收超时的经办人');
    await again.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .locator('.ant-table-row', { hasText: '签收超时的经办人' })
      .filter({ hasText: '周处置' })
      .waitFor();

    await page.getByRole('link', { name: '监察规则' }).click();
    await page
      .getByRole('switch', { name: /启用规则：/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: '季度等级' }).click();
    const units = page.getByTestId('grading-units');
    await units.locator('.ant-table-row', { hasText: '上城区环境卫生管理中心' }).waitFor();
    assert.match(await units.innerText(), /优秀|良好|合格|不合格/);
  });

  it('signs a checkpoint and verifies the whole record', async () => {
    const page = await monitor();
    await page.goto('/console/oversight/audit');
    await page.getByRole('heading', { level: 1, name: '存证核验' }).waitFor();
    await page.getByRole('button', { name: '立即签发检查点' }).click();
    await page.getByTestId('audit-checkpoints').locator('.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '全部核验' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'true', await result.innerText());
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'oversight-audit');
  });

  it('lets a leader edit the draft of the next version and see its diff', async () => {
    const page = await staffPage('leader');
    await page.goto('/console/oversight/power-list?tab=draft');
    await page.getByRole('button', { name: '从现行清单创建草案' }).click();
    await page.getByRole('button', { name: '编辑 事项 SC-CF-0017' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('事项名称').fill('店外经营逾期不改正（测试修改）');
    // The lists are rows of inputs: add a legal basis, and drop the last accountability situation.
    await dialog.getByRole('button', { name: '添加法律依据' }).click();
    await dialog.getByLabel('法律法规').last().fill('测试条例');
    await dialog.getByLabel('条款').last().fill('第一条');
    const situations = dialog.getByRole('button', { name: /^删除 追责情形第 \d+ 条$/ });
    const before = await situations.count();
    assert.ok(before >= 2, 'the demo item has more than one accountability situation');
    await situations.last().click();
    assert.equal(await situations.count(), before - 1);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'oversight-item-editor');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const diff = page.getByTestId('diff-changed');
    await diff.locator('ins', { hasText: '店外经营逾期不改正（测试修改）' }).waitFor();
    await diff
      .getByText(/测试条例/)
      .first()
      .waitFor();
  });
});
