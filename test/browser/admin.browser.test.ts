/**
 * 系统管理 in Chromium: the Excel import of the taxonomy (a valid change → dry run report → confirm → new
 * version with its diff; an invalid workbook → the row error, nothing imported), the units and staff pages.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../helpers/app.js';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from './harness.js';

const CHANGED_TEXT = '井盖缺失或破损（浏览器测试修订）';

/** The current workbook from the API, with one edit applied to its first standard row. */
async function editedWorkbook(
  b: BrowserApp,
  edit: (row: ExcelJS.Row, col: (header: string) => number) => void,
): Promise<Buffer> {
  const { headers } = await b.t.login('admin1');
  const res = await b.t.app.inject({ method: 'GET', url: '/api/taxonomy/export.xlsx', headers });
  assert.equal(res.statusCode, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('立结案标准') ?? book.worksheets[0];
  assert.ok(sheet);
  let headerRow = 1;
  for (let r = 1; r <= 5; r++) {
    if ((sheet.getRow(r).values as unknown[]).includes('立案条件')) headerRow = r;
  }
  const headerValues = sheet.getRow(headerRow).values as unknown[];
  const col = (header: string) => {
    const i = headerValues.indexOf(header);
    assert.ok(i > 0, `column ${header}`);
    return i;
  };
  edit(sheet.getRow(headerRow + 1), col);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function heading(page: Page, name: RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('administration in Chromium', () => {
  let b: BrowserApp;
  let page: Page;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengzhi-admin-'));

  before(async () => {
    b = await startBrowserApp();
    await b.t.createUser('admin1', ['admin']);
    page = await (await b.newContext()).newPage();
    await signIn(page, 'admin1', TEST_PASSWORD);
  });
  after(() => b.close());

  it('imports an edited taxonomy workbook after a dry run, and shows the row errors of a broken one', async () => {
    const valid = path.join(dir, 'taxonomy-edited.xlsx');
    writeFileSync(
      valid,
      await editedWorkbook(b, (row, col) => {
        row.getCell(col('立案条件')).value = CHANGED_TEXT;
        row.getCell(col('处置时限')).value = '3工作日';
      }),
    );
    const invalid = path.join(dir, 'taxonomy-broken.xlsx');
    let brokenRow = 0;
    writeFileSync(
      invalid,
      await editedWorkbook(b, (row, col) => {
        row.getCell(col('立案条件')).value = null;
        brokenRow = row.number;
      }),
    );

    await page.goto('/console/admin/taxonomy');
    await heading(page, /分类与立结案标准/);
    await page.getByTestId('taxonomy-version').filter({ hasText: '第 1 版' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.getByTestId('taxonomy-file').setInputFiles(valid);
    await page.getByRole('button', { name: '校验（试导入）' }).click();
    const report = page.getByTestId('taxonomy-import-report');
    await report.getByText(/校验通过/).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await report.getByText(/已发布第 2 版/).waitFor();
    await report.getByTestId('taxonomy-diff').getByText(CHANGED_TEXT).waitFor();
    await page.getByTestId('taxonomy-version').filter({ hasText: '第 2 版' }).waitFor();
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-taxonomy-import');

    await page.getByTestId('taxonomy-file').setInputFiles(invalid);
    await page.getByRole('button', { name: '校验（试导入）' }).click();
    await report
      .getByText(/校验未通过/)
      .first()
      .waitFor();
    const errors = report.getByTestId('sheet-errors');
    await errors.getByText('EMPTY_VALUE').waitFor();
    assert.match(await errors.innerText(), new RegExp(`\\b${brokenRow}\\b[\\s\\S]*立案条件`));
    assert.equal(await page.getByRole('button', { name: '确认导入' }).count(), 0);
    const current = await b.t.app.inject({ method: 'GET', url: '/api/taxonomy' });
    assert.equal(current.json<{ version: number }>().version, 2, 'a broken workbook changes nothing');
    await page.mouse.move(0, 0);
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('lists units, staff, dispatch rules, the calendar and the grid import', async () => {
    await page.getByRole('link', { name: '单位' }).click();
    await heading(page, /单位管理/);
    await page.getByRole('cell', { name: /街道/ }).first().waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'admin-units');

    await page.getByRole('link', { name: '人员与角色' }).click();
    await heading(page, /人员与角色/);
    await page.getByRole('cell', { name: 'dispatcher', exact: true }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'admin-staff');

    for (const [link, title] of [
      ['派遣规则', /派遣规则/],
      ['工作日历', /工作日历与节假日/],
      ['网格导入', /网格与区域导入/],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await heading(page, title);
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      assert.deepEqual(await seriousA11yViolations(page), [], link);
    }
  });
});
