import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

/** Reads server-sent events from a live response until `count` events with data have arrived. */
async function collect(url: string, headers: Record<string, string>, count: number, ms = 5_000) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: { id: string; event: string; data: Record<string, unknown> }[] = [];
  const reader = res.body?.getReader();
  let text = '';
  try {
    while (reader && events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value as Uint8Array);
      let cut: number;
      while ((cut = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, cut);
        text = text.slice(cut + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${name}:`))
            ?.slice(name.length + 1)
            .trim();
        const data = field('data');
        if (data) events.push({ id: field('id') ?? '', event: field('event') ?? '', data: JSON.parse(data) });
      }
    }
  } catch {
    // the deadline passed: return what arrived
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return events;
}

describe('case events on the live stream', () => {
  let t: CaseTestApp;
  let base: string;
  before(async () => {
    t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(() => t.close());

  it('sends each viewer the events of the cases in their scope, in order, resumable by last id', async () => {
    const s = await t.standard('event');
    const category = { categoryType: s.kind, majorCode: s.majorCode, minorCode: s.minorCode };
    const created = (
      await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
        location: LAKESIDE,
        description: '实时流测试',
        category,
        standardId: s.id,
      })
    ).json<{ id: string }>();
    await t.post(await t.as('operator'), `/api/cases/${created.id}/file`, { version: 1, standardId: s.id });
    const sent = await t.post(await t.as('dispatcher'), `/api/cases/${created.id}/dispatch`, {
      version: 2,
      mode: 'auto',
    });
    const unit = sent.json<{ unitCode: string }>().unitCode;
    const other = unit === 'SANITATION' ? 'GREENING' : 'SANITATION';

    const all = await collect(`${base}/api/events/stream?lastEventId=0`, await t.as('operator'), 3);
    assert.deepEqual(
      all.map((e) => e.event),
      ['cases.case.reported', 'cases.case.filed', 'cases.case.dispatched'],
    );
    assert.ok(Number(all[0]?.id) < Number(all[1]?.id) && Number(all[1]?.id) < Number(all[2]?.id));
    const resumed = await collect(
      `${base}/api/events/stream`,
      { ...(await t.as('operator')), 'last-event-id': all[0]?.id ?? '' },
      2,
    );
    assert.deepEqual(
      resumed.map((e) => e.id),
      [all[1]?.id, all[2]?.id],
    );

    // The handling unit sees the case from its dispatch on; another unit sees nothing of it.
    const mine = await collect(
      `${base}/api/events/stream?lastEventId=0`,
      await t.staff(`h-${unit}`, ['handler'], unit),
      1,
      2_000,
    );
    assert.deepEqual(
      mine.map((e) => e.event),
      ['cases.case.dispatched'],
    );
    const theirs = await collect(
      `${base}/api/events/stream?lastEventId=0`,
      await t.staff(`h-${other}`, ['handler'], other),
      1,
      1_500,
    );
    assert.deepEqual(theirs, []);
  });

  it('sends supervision cards to those who may see them', async () => {
    const s = await t.standard('event');
    const created = (
      await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
        location: LAKESIDE,
        description: '卡片实时流',
        category: { categoryType: s.kind, majorCode: s.majorCode, minorCode: s.minorCode },
        standardId: s.id,
      })
    ).json<{ id: string; version: number }>();
    // A void with a boilerplate reason raises a card (supervision rule case.void-reason).
    const voided = await t.post(await t.as('operator'), `/api/cases/${created.id}/void`, {
      version: created.version,
      reason: '重复上报',
    });
    assert.equal(voided.statusCode, 200, voided.body);
    await t.app.projector.catchUp(t.tenant.id);

    const cards = '/api/events/stream?lastEventId=0&types=supervision.card.';
    const seen = await collect(`${base}${cards}`, await t.as('monitor'), 1);
    assert.equal(seen[0]?.event, 'supervision.card.raised');
    assert.equal(seen[0]?.data.streamType, 'supervisionCard');
    assert.equal((seen[0]?.data.payload as { caseId?: string }).caseId, created.id);
    // A unit's handler sees no card of a case that never reached the unit; an inspector reads no cards.
    assert.deepEqual(
      await collect(`${base}${cards}`, await t.staff('h-cards', ['handler'], 'SANITATION'), 1, 1_500),
      [],
    );
    assert.deepEqual(await collect(`${base}${cards}`, await t.as('inspector'), 1, 1_500), []);
  });
});
