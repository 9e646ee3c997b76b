import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createGeoDemoSeeder } from '../geo/index.js';
import { createOrgDemoSeeder, createOrgService } from '../org/index.js';
import { createOversightService } from './commands.js';
import { CASE_LOOP_ITEM_CODE, DEMO_EFFECTIVE_FROM } from './demo-list.js';
import type { PowerItem } from './domain/types.js';
import { createOversightDemoSeeder } from './seeder.js';

interface ListBody {
  version: number;
  effectiveFrom: string;
  caseLoopItemCode: string | null;
  items: PowerItem[];
  units: Record<string, string>;
}
interface DraftBody {
  baseVersion: number | null;
  revision: number;
  items: PowerItem[];
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

describe('power list over HTTP', () => {
  let t: TestApp;
  let leader: Record<string, string>;
  let admin: Record<string, string>;
  let dispatcher: Record<string, string>;
  let streetOffices: string[];

  before(async () => {
    // 2025-10-09 10:00 in Hangzhou.
    t = await createTestApp({ now: '2025-10-09T02:00:00Z' });
    const ctx = { db: t.testDb.db, tenant: t.tenant, now: t.clock.now(), log: () => undefined };
    await createGeoDemoSeeder({ componentScale: 0.002 }).run(ctx);
    await createOrgDemoSeeder().run(ctx);
    await createOversightDemoSeeder().run(ctx);
    await t.createUser('root', ['admin']);
    await t.createUser('lead', ['leader']);
    await t.createUser('chen', ['dispatcher']);
    await signIn();
    const units = await createOrgService({ db: t.testDb.db, clock: t.clock }).listUnits(t.tenant.id);
    streetOffices = units.filter((u) => u.kind === 'street_office').map((u) => u.code);
  });
  after(() => t.close());

  /** Sessions last 12 h of the fixed clock: sign in again after moving it. */
  async function signIn() {
    admin = (await t.login('root')).headers;
    leader = (await t.login('lead')).headers;
    dispatcher = (await t.login('chen')).headers;
  }

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const send = (
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('publishes the demo list to anyone, with unit names and street delegations, and nothing personal', async () => {
    const res = await get('/api/public/power-list');
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json<ListBody>();
    assert.equal(list.version, 1);
    assert.equal(list.effectiveFrom, DEMO_EFFECTIVE_FROM);
    assert.equal(list.caseLoopItemCode, CASE_LOOP_ITEM_CODE);
    assert.ok(list.items.length >= 10, `${list.items.length} items`);
    assert.equal(list.units['UM-ENFORCEMENT'], '上城区综合行政执法局');
    assert.ok(streetOffices.length > 0);
    const stalls = list.items.find((i) => i.code === 'SC-CF-0016');
    assert.deepEqual(stalls?.delegations.map((d) => d.unitCode).sort(), [...streetOffices].sort());
    for (const code of streetOffices) assert.ok(list.units[code], `name of ${code}`);
    assert.doesNotMatch(res.body, /publishedBy|published_by|accountId/);

    const history = await get('/api/public/power-list/versions');
    assert.equal(history.statusCode, 200);
    assert.deepEqual(
      history
        .json<{ items: { version: number; status: string }[] }>()
        .items.map((v) => [v.version, v.status]),
      [[1, 'inForce']],
    );
    assert.equal((await get('/api/public/power-list?tenant=999999')).statusCode, 400);
  });

  it('lets only admins and leaders edit, and any staff read', async () => {
    assert.equal((await send('POST', '/api/oversight/power-list/draft', {}, {})).statusCode, 401);
    assert.equal((await send('POST', '/api/oversight/power-list/draft', dispatcher, {})).statusCode, 403);
    assert.equal((await get('/api/oversight/power-list/draft', dispatcher)).statusCode, 403);
    assert.equal((await get('/api/oversight/power-list')).statusCode, 401);
    assert.equal((await get('/api/oversight/power-list', dispatcher)).statusCode, 200);
    const item = await get(`/api/oversight/power-list/items/${CASE_LOOP_ITEM_CODE}`, dispatcher);
    assert.equal(item.statusCode, 200, item.body);
    assert.equal(item.json<{ version: number }>().version, 1);
    assert.equal((await get('/api/oversight/power-list/items/SC-NOPE-1', dispatcher)).statusCode, 404);
    const badDate = await get('/api/oversight/power-list?on=2025-02-30', dispatcher);
    assert.equal(badDate.statusCode, 400);
    assert.equal(badDate.json<ErrorBody>().error.field, 'on');
  });

  it('drafts, edits with revisions, refuses bad input with the field, publishes with an effective date', async () => {
    const opened = await send('POST', '/api/oversight/power-list/draft', leader, {
      note: '2025 年第四季度调整',
    });
    assert.equal(opened.statusCode, 201, opened.body);
    let draft = opened.json<DraftBody>();
    assert.equal(draft.baseVersion, 1);
    assert.equal(draft.revision, 1);
    const again = await send('POST', '/api/oversight/power-list/draft', admin, {});
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<ErrorBody>().error.code, 'DRAFT_OPEN');

    // Change one item's promised limit.
    const stalls = structuredClone(draft.items.find((i) => i.code === 'SC-CF-0016')!);
    stalls.promisedLimit = { value: 30, unit: 'calendar_day' };
    let res = await send('PUT', '/api/oversight/power-list/draft/items/SC-CF-0016', leader, {
      revision: draft.revision,
      item: stalls,
    });
    assert.equal(res.statusCode, 200, res.body);
    draft = res.json<DraftBody>();
    assert.equal(draft.revision, 2);

    // A stale revision is refused.
    res = await send('PUT', '/api/oversight/power-list/draft/items/SC-CF-0016', leader, {
      revision: 1,
      item: stalls,
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json<ErrorBody>().error.code, 'VERSION_CONFLICT');

    // Semantic problems name the field.
    const bad = { ...structuredClone(stalls), code: 'SC-CF-0999', implementingUnitCode: 'NO-SUCH-UNIT' };
    res = await send('PUT', '/api/oversight/power-list/draft/items/SC-CF-0999', leader, {
      revision: draft.revision,
      item: bad,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(
      [res.json<ErrorBody>().error.code, res.json<ErrorBody>().error.field],
      ['VALIDATION_FAILED', 'item.implementingUnitCode'],
    );
    const longer = { ...structuredClone(stalls), promisedLimit: { value: 120, unit: 'calendar_day' } };
    res = await send('PUT', '/api/oversight/power-list/draft/items/SC-CF-0016', leader, {
      revision: draft.revision,
      item: longer,
    });
    assert.equal(res.json<ErrorBody>().error.field, 'item.promisedLimit.value');
    res = await send('PUT', '/api/oversight/power-list/draft/items/SC-CF-0017', leader, {
      revision: draft.revision,
      item: stalls,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<ErrorBody>().error.field, 'item.code');
    res = await send('PUT', '/api/oversight/power-list/draft/items/SC-CF-0016', leader, {
      revision: draft.revision,
      item: { ...stalls, type: '行政处罚' },
    });
    assert.equal(res.statusCode, 400);

    // Add an item, remove another.
    const added: PowerItem = {
      ...structuredClone(stalls),
      code: 'SC-CF-0401',
      name: '对擅自占用城市道路堆放物料逾期不清除的行政处罚（演示）',
      delegations: [],
    };
    res = await send('PUT', '/api/oversight/power-list/draft/items/SC-CF-0401', leader, {
      revision: draft.revision,
      item: added,
    });
    assert.equal(res.statusCode, 200, res.body);
    draft = res.json<DraftBody>();
    res = await send(
      'DELETE',
      `/api/oversight/power-list/draft/items/SC-CF-0301?revision=${draft.revision}`,
      leader,
    );
    assert.equal(res.statusCode, 200, res.body);
    draft = res.json<DraftBody>();

    const preview = await get('/api/oversight/power-list/draft/diff', leader);
    assert.equal(preview.statusCode, 200, preview.body);

    // The effective date cannot be in the past once a list exists.
    res = await send('POST', '/api/oversight/power-list/draft/publish', leader, {
      revision: draft.revision,
      effectiveFrom: '2025-10-08',
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(
      [res.json<ErrorBody>().error.code, res.json<ErrorBody>().error.field],
      ['EFFECTIVE_DATE_IN_PAST', 'effectiveFrom'],
    );

    res = await send('POST', '/api/oversight/power-list/draft/publish', leader, {
      revision: draft.revision,
      effectiveFrom: '2025-11-01',
    });
    assert.equal(res.statusCode, 201, res.body);
    const published = res.json<{
      version: number;
      diff: {
        added: PowerItem[];
        removed: PowerItem[];
        changed: { code: string; changes: { field: string }[] }[];
      };
    }>();
    assert.equal(published.version, 2);
    assert.deepEqual(
      published.diff.added.map((i) => i.code),
      ['SC-CF-0401'],
    );
    assert.deepEqual(
      published.diff.removed.map((i) => i.code),
      ['SC-CF-0301'],
    );
    assert.deepEqual(
      published.diff.changed.map((c) => [c.code, c.changes.map((x) => x.field)]),
      [['SC-CF-0016', ['promisedLimit']]],
    );
    assert.deepEqual(await preview.json(), { ...published.diff, toVersion: null });
    assert.equal((await get('/api/oversight/power-list/draft', leader)).statusCode, 404);

    // The public diff says the same.
    const pub = await get('/api/public/power-list/versions/1/diff/2');
    assert.equal(pub.statusCode, 200);
    assert.deepEqual(pub.json(), published.diff);
    assert.equal((await get('/api/public/power-list/versions/1/diff/9')).statusCode, 404);
  });

  it('keeps version 1 in force until version 2’s date, then switches; both stay readable', async () => {
    const history = await get('/api/public/power-list/versions');
    assert.deepEqual(
      history
        .json<{ items: { version: number; status: string; effectiveTo: string | null }[] }>()
        .items.map((v) => [v.version, v.status, v.effectiveTo]),
      [
        [1, 'inForce', '2025-10-31'],
        [2, 'scheduled', null],
      ],
    );
    assert.equal((await get('/api/public/power-list')).json<ListBody>().version, 1);
    const before = await get('/api/oversight/power-list/items/SC-CF-0016?on=2025-10-31', dispatcher);
    assert.deepEqual(before.json<{ version: number; item: PowerItem }>().item.promisedLimit, {
      value: 60,
      unit: 'calendar_day',
    });
    const on = await get('/api/oversight/power-list/items/SC-CF-0016?on=2025-11-01', dispatcher);
    assert.equal(on.json<{ version: number }>().version, 2);
    assert.equal(
      (await get('/api/oversight/power-list/items/SC-CF-0301?on=2025-11-01', dispatcher)).statusCode,
      404,
    );
    assert.equal(
      (await get('/api/oversight/power-list/items/SC-CF-0301?on=2025-10-31', dispatcher)).statusCode,
      200,
    );

    // The look-up other modules use, from a second service (another process's cache), with instants.
    const other = createOversightService({
      db: t.testDb.db,
      clock: t.clock,
      org: createOrgService({ db: t.testDb.db, clock: t.clock }),
    });
    // 2025-10-31 23:59 in Hangzhou is still October there; 16:00 UTC is already November 1st.
    assert.equal(
      (await other.itemInForce(t.tenant.id, 'SC-CF-0016', new Date('2025-10-31T15:59:00Z')))?.version,
      1,
    );
    assert.equal(
      (await other.itemInForce(t.tenant.id, 'SC-CF-0016', new Date('2025-10-31T16:00:00Z')))?.version,
      2,
    );
    const loop = await other.caseLoopItem(t.tenant.id);
    assert.equal(loop?.item.code, CASE_LOOP_ITEM_CODE);
    assert.equal(loop?.version, 1);
    assert.equal(await other.itemInForce(t.tenant.id, 'SC-CF-0016', '2024-12-31'), null);

    // Midnight in Hangzhou on November 1st: version 2 is the list in force.
    t.clock.set('2025-10-31T16:00:00Z');
    await signIn();
    assert.equal((await get('/api/public/power-list')).json<ListBody>().version, 2);
    assert.equal((await other.caseLoopItem(t.tenant.id))?.version, 2);
    const old = await get('/api/public/power-list/versions/1');
    assert.equal(old.statusCode, 200);
    assert.ok(old.json<ListBody>().items.some((i) => i.code === 'SC-CF-0301'));
    const statuses = (await get('/api/oversight/power-list/versions', dispatcher)).json<{
      items: { status: string }[];
    }>();
    assert.deepEqual(
      statuses.items.map((v) => v.status),
      ['superseded', 'inForce'],
    );
    t.clock.set('2025-10-09T02:00:00Z');
    await signIn();
  });

  it('refuses an unchanged version, discards a draft, and records every write as an attributed event', async () => {
    let res = await send('POST', '/api/oversight/power-list/draft', admin, { note: '无变化' });
    let draft = res.json<DraftBody>();
    res = await send('POST', '/api/oversight/power-list/draft/publish', admin, {
      revision: draft.revision,
      effectiveFrom: '2025-12-01',
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json<ErrorBody>().error.code, 'NO_CHANGES');
    // The case-loop mark must name an item of the draft.
    res = await send('PUT', '/api/oversight/power-list/draft', admin, {
      revision: draft.revision,
      caseLoopItemCode: 'SC-XX-0000',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<ErrorBody>().error.field, 'caseLoopItemCode');
    // A date before the newest version (2025-11-01) is refused even though it is in the future.
    res = await send('PUT', '/api/oversight/power-list/draft', admin, {
      revision: draft.revision,
      note: '改说明',
    });
    draft = res.json<DraftBody>();
    res = await send('POST', '/api/oversight/power-list/draft/publish', admin, {
      revision: draft.revision,
      effectiveFrom: '2025-10-20',
    });
    assert.equal(res.json<ErrorBody>().error.code, 'EFFECTIVE_DATE_BEFORE_PREVIOUS');
    res = await send('DELETE', `/api/oversight/power-list/draft?revision=${draft.revision}`, admin);
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await get('/api/oversight/power-list/draft', admin)).statusCode, 404);

    const events = await sql<{ name: string; actor_kind: string; actor_id: string | null }>`
      SELECT name, actor_kind, actor_id::text AS actor_id FROM events
      WHERE tenant_id = ${t.tenant.id} AND stream_type = 'powerList' ORDER BY stream_version`.execute(
      t.testDb.db.sql,
    );
    assert.deepEqual(
      events.rows.map((e) => e.name),
      [
        'oversight.powerList.published',
        'oversight.draft.opened',
        'oversight.draftItem.saved',
        'oversight.draftItem.saved',
        'oversight.draftItem.removed',
        'oversight.powerList.published',
        'oversight.draft.opened',
        'oversight.draft.changed',
        'oversight.draft.discarded',
      ],
    );
    assert.equal(events.rows[0]?.actor_kind, 'system');
    const ids = await sql<{ username: string; id: string }>`
      SELECT username, id::text AS id FROM accounts WHERE tenant_id = ${t.tenant.id}`.execute(
      t.testDb.db.sql,
    );
    const idOf = new Map(ids.rows.map((r) => [r.username, r.id]));
    assert.equal(events.rows[5]?.actor_id, idOf.get('lead'));
    assert.equal(events.rows[8]?.actor_id, idOf.get('root'));
  });

  it('never changes a published version in the database', async () => {
    await assert.rejects(
      sql`UPDATE power_list_versions SET note = 'x' WHERE tenant_id = ${t.tenant.id}`.execute(
        t.testDb.db.sql,
      ),
      /never changed/,
    );
    await assert.rejects(
      sql`DELETE FROM power_list_versions WHERE tenant_id = ${t.tenant.id}`.execute(t.testDb.db.sql),
      /never changed/,
    );
  });
  it('lets one of two concurrent editors win: one draft, one change per revision', async () => {
    const opens = await Promise.all([
      send('POST', '/api/oversight/power-list/draft', admin, { note: 'a' }),
      send('POST', '/api/oversight/power-list/draft', leader, { note: 'b' }),
    ]);
    assert.deepEqual(opens.map((r) => r.statusCode).sort(), [201, 409]);
    const draft = opens.find((r) => r.statusCode === 201)!.json<DraftBody>();
    const item = structuredClone(draft.items.find((i) => i.code === 'SC-CF-0017')!);
    const edits = await Promise.all(
      ['甲', '乙'].map((suffix) =>
        send('PUT', '/api/oversight/power-list/draft/items/SC-CF-0017', leader, {
          revision: draft.revision,
          item: { ...item, name: `${item.name}${suffix}` },
        }),
      ),
    );
    assert.deepEqual(edits.map((r) => r.statusCode).sort(), [200, 409]);
    const current = (await get('/api/oversight/power-list/draft', admin)).json<DraftBody>();
    assert.equal(current.revision, draft.revision + 1);
    const res = await send('DELETE', `/api/oversight/power-list/draft?revision=${current.revision}`, admin);
    assert.equal(res.statusCode, 204);
  });
});
