import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { STANDARDS_SHEET_NAME } from './xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Table {
  version: number;
  minors: unknown[];
  standards: { id: string; timeLimit: { amount: number; unit: string } }[];
}

/** Edits one cell of the standards sheet, found by its header and by the 标准编号 of the row. */
async function editCell(bytes: Buffer, standardId: string, header: string, value: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(STANDARDS_SHEET_NAME);
  assert.ok(sheet);
  let headerRow = 0;
  const columnOf = new Map<string, number>();
  sheet.eachRow((row, number) => {
    if (headerRow) return;
    row.eachCell((cell, col) => {
      if (cell.text === '标准编号') headerRow = number;
      columnOf.set(cell.text, col);
    });
  });
  const idColumn = columnOf.get('标准编号')!;
  let edited = false;
  sheet.eachRow((row) => {
    if (row.getCell(idColumn).text === standardId) {
      row.getCell(columnOf.get(header)!).value = value;
      edited = true;
    }
  });
  assert.ok(edited, `row ${standardId} found`);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('taxonomy over HTTP', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  before(async () => {
    t = await createTestApp();
    await t.createUser('root', ['admin']);
    await t.createUser('chen', ['dispatcher']);
    admin = (await t.login('root')).headers;
  });
  after(() => t.close());

  it('serves the default 立结案标准 table as version 1 to anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/taxonomy' });
    assert.equal(res.statusCode, 200, res.body);
    const table = res.json<Table>();
    assert.equal(table.version, 1);
    assert.ok(table.minors.length >= 150, `${table.minors.length} minors`);
    assert.ok(table.standards.length >= 300, `${table.standards.length} standard rows`);
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/taxonomy/standards/${table.standards[0]!.id}`,
    });
    assert.equal(one.statusCode, 200);
  });

  it('exports to Excel and re-imports to an identical table', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/taxonomy/export.xlsx', headers: admin });
    assert.equal(exported.statusCode, 200);
    assert.equal(exported.headers['content-type'], XLSX);
    const dry = await t.app.inject({
      method: 'POST',
      url: '/api/taxonomy/import?dryRun=true',
      headers: { ...admin, 'content-type': XLSX },
      payload: exported.rawPayload,
    });
    assert.equal(dry.statusCode, 200, dry.body);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/taxonomy/import',
      headers: { ...admin, 'content-type': XLSX },
      payload: exported.rawPayload,
    });
    assert.equal(same.statusCode, 409, 'an identical table publishes nothing');
    assert.equal(same.json<{ error: { code: string } }>().error.code, 'NO_CHANGES');
  });

  it('publishes an edited workbook as a new version and keeps the old one for cases filed under it', async () => {
    const v1 = (await t.app.inject({ method: 'GET', url: '/api/taxonomy' })).json<Table>();
    const target = v1.standards.find((s) => s.timeLimit.unit === 'work_day' && s.timeLimit.amount !== 7)!;
    const exported = await t.app.inject({ method: 'GET', url: '/api/taxonomy/export.xlsx', headers: admin });
    const edited = await editCell(exported.rawPayload, target.id, '处置时限', '7工作日');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/taxonomy/import?note=' + encodeURIComponent('2026 年修订'),
      headers: { ...admin, 'content-type': XLSX },
      payload: edited,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ version: number }>().version, 2);
    const v2 = (await t.app.inject({ method: 'GET', url: '/api/taxonomy' })).json<Table>();
    assert.deepEqual(v2.standards.find((s) => s.id === target.id)?.timeLimit, {
      amount: 7,
      unit: 'work_day',
    });
    const old = await t.app.inject({ method: 'GET', url: `/api/taxonomy/standards/${target.id}?version=1` });
    assert.deepEqual(old.json<{ standard: { timeLimit: unknown } }>().standard.timeLimit, target.timeLimit);
    const diff = await t.app.inject({
      method: 'GET',
      url: '/api/taxonomy/versions/1/diff/2',
      headers: admin,
    });
    assert.equal(diff.json<{ standards: { changed: unknown[] } }>().standards.changed.length, 1);
  });

  it('refuses a workbook with a bad row, naming row and column, and applies nothing', async () => {
    const current = (await t.app.inject({ method: 'GET', url: '/api/taxonomy' })).json<Table>();
    const exported = await t.app.inject({ method: 'GET', url: '/api/taxonomy/export.xlsx', headers: admin });
    const broken = await editCell(exported.rawPayload, current.standards[3]!.id, '处置时限', '尽快');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/taxonomy/import',
      headers: { ...admin, 'content-type': XLSX },
      payload: broken,
    });
    assert.equal(res.statusCode, 422, res.body);
    const body = res.json<{
      error: { code: string; details: { errors: { row: number; column: string }[] } };
    }>();
    assert.equal(body.error.code, 'XLSX_INVALID');
    assert.equal(body.error.details.errors[0]?.column, '处置时限');
    assert.ok((body.error.details.errors[0]?.row ?? 0) > 1);
    const after = (await t.app.inject({ method: 'GET', url: '/api/taxonomy' })).json<Table>();
    assert.equal(after.version, current.version);
  });

  it('lets only admins import and change the order, and checks the order', async () => {
    const chen = (await t.login('chen')).headers;
    const exported = await t.app.inject({ method: 'GET', url: '/api/taxonomy/export.xlsx', headers: chen });
    assert.equal(exported.statusCode, 200);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/taxonomy/import',
      headers: { ...chen, 'content-type': XLSX },
      payload: exported.rawPayload,
    });
    assert.equal(refused.statusCode, 403);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/taxonomy/order',
      headers: admin,
      payload: { component: [], event: ['77'] },
    });
    assert.equal(bad.statusCode, 400);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/taxonomy/order',
      headers: admin,
      payload: { component: [], event: ['05', '01'] },
    });
    assert.equal(ok.statusCode, 204, ok.body);
  });

  it('publishes a whole table sent as JSON, and refuses an invalid one with every issue', async () => {
    const current = (await t.app.inject({ method: 'GET', url: '/api/taxonomy' })).json<
      Table & { majors: unknown[]; note: string }
    >();
    const standards = current.standards.map((s, i) => (i === 0 ? { ...s, closingCondition: '' } : s));
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/taxonomy/versions',
      headers: admin,
      payload: { note: '测试', majors: current.majors, minors: current.minors, standards },
    });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'TAXONOMY_INVALID');
    // Retire the last row of a minor that has several rows.
    const perMinor = new Map<string, number>();
    for (const st of current.standards) {
      perMinor.set(st.id.replace(/-\d+$/, ''), (perMinor.get(st.id.replace(/-\d+$/, '')) ?? 0) + 1);
    }
    const minorKey = [...perMinor].find(([, n]) => n > 1)![0];
    const retired = current.standards.filter((st) => st.id.startsWith(minorKey + '-')).at(-1)!;
    const fewer = current.standards.filter((st) => st.id !== retired.id);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/taxonomy/versions',
      headers: admin,
      payload: { note: '删除一条标准', majors: current.majors, minors: current.minors, standards: fewer },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual(
      ok
        .json<{ diff: { standards: { removed: { id: string }[] } } }>()
        .diff.standards.removed.map((r) => r.id),
      [retired.id],
    );
  });
});
