import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

describe('case numbers under concurrent intake', () => {
  let t: CaseTestApp;
  before(async () => {
    t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z' });
    await t.createUser('hotline-bot', ['integration']);
  });
  after(() => t.close());

  it('are unique and consecutive; a report that fails its batch leaves at most its own gap', async () => {
    const inspector = await t.as('inspector');
    const integration = (await t.login('hotline-bot')).headers;
    const s = await t.standard('event');
    const category = { categoryType: s.kind, majorCode: s.majorCode, minorCode: s.minorCode };
    const hotline = {
      location: LAKESIDE,
      description: '市民来电：同一张工单转了两次',
      category,
      ticketId: 'HZ12345-20251009-0042',
      appealType: 'complaint',
      caller: { name: '王先生', phone: '13900003333' },
    };
    // 40 inspector reports and one 12345 ticket sent twice, all at once: they share batches, and the second
    // ticket fails whichever batch it is in (the unique index), so that batch is retried report by report.
    const answers = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        t.post(inspector, '/api/cases/intake/inspector', {
          location: { ...LAKESIDE, lng: LAKESIDE.lng + i * 0.00001 },
          description: `巡查发现暴露垃圾 ${i}`,
          category,
          standardId: s.id,
        }),
      ),
      t.post(integration, '/api/cases/intake/hotline', hotline),
      t.post(integration, '/api/cases/intake/hotline', hotline),
    ]);
    const refused = answers.filter((a) => a.statusCode === 409);
    assert.equal(refused.length, 1, answers.map((a) => a.statusCode).join(','));
    assert.equal(
      refused[0]?.json<{ error: { code: string } }>().error.code,
      'TICKET_EXISTS',
      refused[0]?.body,
    );
    const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json<{ caseNo: string }>());
    assert.equal(created.length, 41);

    const seqs = created
      .map((c) => Number(/^330102-20251009-(\d{5})$/.exec(c.caseNo)?.[1]))
      .sort((a, b) => a - b);
    assert.equal(new Set(seqs).size, 41, 'no number twice');
    const span = (seqs.at(-1) ?? 0) - (seqs[0] ?? 0) + 1;
    assert.ok(span === 41 || span === 42, `numbers ${seqs.join(',')}`);

    const stored = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cases WHERE tenant_id = ${t.tenant.id}`.execute(t.testDb.db.sql);
    assert.equal(stored.rows[0]?.n, 41);
    const counter = await sql<{ last: number }>`
      SELECT last FROM case_numbers WHERE tenant_id = ${t.tenant.id} AND day = '2025-10-09'`.execute(
      t.testDb.db.sql,
    );
    assert.ok((counter.rows[0]?.last ?? 0) >= (seqs.at(-1) ?? 0), 'the counter is past every number given');
  });
});
