import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import type { Actor } from '../actor.js';
import { ensureTenant } from '../tenancy/bootstrap.js';
import { appendEvents, type NewEvent } from './append.js';
import { createEventFeed, type EventFeed, type SubscribeOptions } from './feed.js';
import { FEED_START, readCommitted, type FeedEvent } from './horizon.js';

const now = new Date('2025-10-09T02:00:00Z');
const POLL_MS = 20;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lets the poller run a few more times, so anything it was going to deliver has arrived. */
async function settle(feed: EventFeed, polls = 3): Promise<void> {
  const target = feed.stats().polls + polls;
  await waitFor(() => feed.stats().polls >= target, `${polls} more polls`);
}

describe('the event feed', () => {
  let t: TestDb;
  let actor: Actor;
  let other: Actor;
  let counter = 0;
  const feeds: EventFeed[] = [];

  before(async () => {
    t = await createTestDb();
    const tenant = await ensureTenant(t.db, { code: '330102', name: '上城区', timeZone: 'Asia/Shanghai' });
    const second = await ensureTenant(t.db, { code: '330105', name: '拱墅区', timeZone: 'Asia/Shanghai' });
    actor = { kind: 'system', tenantId: tenant.id, accountId: null, roles: [], requestId: null };
    other = { ...actor, tenantId: second.id };
  });
  after(async () => {
    await Promise.all(feeds.map((f) => f.close()));
    await t.close();
  });

  function feed(options: { batchSize?: number } = {}): EventFeed {
    const f = createEventFeed({ db: t.db, pollIntervalMs: POLL_MS, ...options });
    feeds.push(f);
    return f;
  }

  /** One transaction appending `n` events, to the given actor's tenant; returns their seqs. */
  async function append(n: number, by: Actor = actor, extra: Partial<NewEvent> = {}): Promise<number[]> {
    const events: NewEvent[] = Array.from({ length: n }, () => ({
      streamType: 'case',
      streamId: `F${++counter}`,
      name: 'cases.case.reported',
      payload: { n: counter },
      ...extra,
    }));
    const stored = await t.db.transaction((tx) => appendEvents(tx, by, now, events));
    return stored.map((e) => e.seq);
  }

  /** Subscribes from now; resolves (with the unsubscribe) once the starting position is fixed. */
  function listen(
    f: EventFeed,
    visible: (e: FeedEvent) => boolean,
    onEvent: (e: FeedEvent) => void,
    options: SubscribeOptions = {},
    afterSeq: number | null = null,
  ): Promise<() => void> {
    return new Promise((resolve) => {
      const stop = f.subscribe(actor.tenantId, afterSeq, visible, onEvent, {
        ...options,
        onStart: () => resolve(stop),
      });
    });
  }

  async function allSeqs(): Promise<number[]> {
    return (await readCommitted(t.db.sql, actor.tenantId, FEED_START, 100_000)).map((e) => e.seq);
  }

  it('starts from now without a last id, and delivers new events in order, once', async () => {
    await append(3);
    const f = feed();
    const got: FeedEvent[] = [];
    let started = false;
    const unsubscribe = f.subscribe(
      actor.tenantId,
      null,
      () => true,
      (e) => got.push(e),
      { onStart: () => (started = true) },
    );
    // Once started, every event committed afterwards is delivered, whether or not the poller has run yet.
    await waitFor(() => started, 'the start');
    const a = await append(2);
    const b = await append(1);
    await append(2, other);
    await waitFor(() => got.length >= 3, 'three events');
    await settle(f);
    // Nothing from before the subscription was replayed.
    assert.deepEqual(
      got.map((e) => e.seq),
      [...a, ...b],
    );
    assert.ok(got.every((e) => e.tenantId === actor.tenantId && e.streamType === 'case'));
    assert.equal(got[0]!.name, 'cases.case.reported');
    assert.deepEqual(got[0]!.payload, { n: counter - 4 });
    unsubscribe();
  });

  it('catches a subscriber up from the table in batches, then live, with no gap and no duplicate', async () => {
    const f = feed({ batchSize: 3 });
    const liveFromNow: number[] = [];
    let started = false;
    const stopLive = f.subscribe(
      actor.tenantId,
      null,
      () => true,
      (e) => liveFromNow.push(e.seq),
      { onStart: () => (started = true) },
    );
    await waitFor(() => started, 'the live subscriber to start');
    // A backlog of many pages, so the catch-up runs while the poller moves the live head on.
    for (let i = 0; i < 10; i++) await append(4);
    const before = await allSeqs();
    assert.ok(before.length >= 46);
    const middle = before[2]!;

    // While the writer keeps appending, subscribers replay from the beginning and from the middle.
    const writing = (async () => {
      const written: number[] = [];
      for (let i = 0; i < 15; i++) {
        written.push(...(await append(1 + (i % 3))));
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      return written;
    })();
    const fromStart: number[] = [];
    const fromMiddle: number[] = [];
    const stopStart = f.subscribe(
      actor.tenantId,
      0,
      () => true,
      (e) => fromStart.push(e.seq),
    );
    await new Promise((resolve) => setTimeout(resolve, 15));
    const stopMiddle = f.subscribe(
      actor.tenantId,
      middle,
      () => true,
      (e) => fromMiddle.push(e.seq),
    );
    const written = await writing;
    const all = await allSeqs();
    await waitFor(
      () => fromStart.length >= all.length && fromMiddle.length >= all.length - 3,
      'the catch-up to finish',
    );
    await settle(f);
    assert.deepEqual(fromStart, all);
    assert.deepEqual(fromMiddle, all.slice(3));
    const backlog = before.slice(-40);
    assert.deepEqual(liveFromNow, [...backlog, ...written]);
    assert.equal(f.stats().subscribers, 3);
    stopLive();
    stopStart();
    stopMiddle();
    assert.equal(f.stats().subscribers, 0);
  });

  it('never hands a subscriber that caught up past the live head the same events again', async () => {
    // A slow poller: the events below are committed after its head was read and before its first poll.
    const f = createEventFeed({ db: t.db, pollIntervalMs: 1000 });
    feeds.push(f);
    const live: number[] = [];
    const stopLive = await listen(
      f,
      () => true,
      (e) => live.push(e.seq),
    );
    const fresh = await append(5);
    const replayed: number[] = [];
    const stopReplay = f.subscribe(
      actor.tenantId,
      0,
      () => true,
      (e) => replayed.push(e.seq),
    );
    await waitFor(() => live.length >= 5 && replayed.length >= fresh.length, 'the next poll', 5000);
    await settle(f, 1);
    const all = await allSeqs();
    assert.deepEqual(replayed, all);
    assert.deepEqual(live, fresh);
    stopLive();
    stopReplay();
  });

  it('passes only what the subscriber may see, and still moves past the rest', async () => {
    const f = feed();
    const got: FeedEvent[] = [];
    const unsubscribe = await listen(
      f,
      (e) => e.payload.secret !== true,
      (e) => got.push(e),
    );
    const hidden = await append(2, actor, { payload: { secret: true } });
    const shown = await append(2);
    await waitFor(() => got.length >= 2, 'the visible events');
    await settle(f);
    assert.deepEqual(
      got.map((e) => e.seq),
      shown,
    );
    assert.ok(hidden.every((seq) => seq < shown[0]!));
    unsubscribe();
  });

  it('resumes after a last id with exactly the events after it, visible or not', async () => {
    const seqs = await append(6);
    const f = feed();
    const got: number[] = [];
    const unsubscribe = f.subscribe(
      actor.tenantId,
      seqs[1]!,
      (e) => e.seq !== seqs[3],
      (e) => got.push(e.seq),
    );
    await waitFor(() => got.length >= 3, 'the replay');
    await settle(f);
    assert.deepEqual(got, [seqs[2], seqs[4], seqs[5]]);
    unsubscribe();
  });

  it('treats a last id from another tenant or from nowhere as now', async () => {
    const foreign = await append(1, other);
    const f = feed();
    const got: number[] = [];
    const stops = await Promise.all(
      [foreign[0]!, 999_999_999].map((afterSeq) =>
        listen(
          f,
          () => true,
          (e) => got.push(e.seq),
          {},
          afterSeq,
        ),
      ),
    );
    await settle(f);
    assert.equal(got.length, 0);
    const fresh = await append(1);
    await waitFor(() => got.length >= 2, 'the new event, once per subscriber');
    assert.deepEqual(got, [fresh[0], fresh[0]]);
    for (const stop of stops) stop();
  });

  it('stops delivering once unsubscribed, and polls only while someone listens', async () => {
    const f = feed();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));
    assert.deepEqual(f.stats(), { subscribers: 0, tenants: 0, polling: false, polls: 0 });

    const got: number[] = [];
    const unsubscribe = await listen(
      f,
      () => true,
      (e) => got.push(e.seq),
    );
    assert.equal(f.stats().polling, true);
    const first = await append(1);
    await waitFor(() => got.length === 1, 'the first event');
    unsubscribe();
    assert.equal(f.stats().subscribers, 0);
    await waitFor(() => !f.stats().polling, 'the poller to stop');
    const polls = f.stats().polls;
    await append(2);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 5));
    assert.equal(f.stats().polls, polls, 'no poll without subscribers');
    assert.deepEqual(got, first);

    // A new subscriber restarts the poller.
    const again: number[] = [];
    const stop = await listen(
      f,
      () => true,
      (e) => again.push(e.seq),
    );
    const later = await append(1);
    await waitFor(() => again.length === 1, 'an event after the restart');
    assert.deepEqual(again, later);
    stop();
  });

  it('reads once per poll for a tenant, however many subscribers it has', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const f = createEventFeed({
      db: { ...t.db, sql: t.db.sql.withPlugin(counting) },
      pollIntervalMs: POLL_MS,
    });
    feeds.push(f);
    const counts = [0, 0, 0, 0];
    const stops = await Promise.all(
      counts.map((_, i) =>
        listen(
          f,
          () => true,
          () => counts[i]!++,
        ),
      ),
    );
    await settle(f, 2);
    const [queries0, polls0] = [queries, f.stats().polls];
    await append(4);
    await waitFor(() => counts.every((c) => c === 4), 'every subscriber to get the events');
    await settle(f, 3);
    assert.equal(queries - queries0, f.stats().polls - polls0);
    for (const stop of stops) stop();
  });

  it('ends a subscription whose handler throws, reporting the error, without disturbing others', async () => {
    const f = feed();
    const errors: unknown[] = [];
    const good: number[] = [];
    await listen(
      f,
      () => true,
      () => {
        throw new Error('client gone');
      },
      { onError: (e) => errors.push(e) },
    );
    const stop = await listen(
      f,
      () => true,
      (e) => good.push(e.seq),
    );
    const seqs = await append(2);
    await waitFor(() => good.length === 2, 'the healthy subscriber');
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /client gone/);
    assert.equal(f.stats().subscribers, 1);
    assert.deepEqual(good, seqs);
    stop();
  });

  it('reports a failing poll once, keeps polling, and carries on where it stopped', async () => {
    let broken = false;
    const breaker: KyselyPlugin = {
      transformQuery: (args) => {
        if (broken) throw new Error('connection lost');
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const f = createEventFeed({
      db: { ...t.db, sql: t.db.sql.withPlugin(breaker) },
      pollIntervalMs: POLL_MS,
    });
    feeds.push(f);
    const reported: unknown[] = [];
    f.onPollError((error) => reported.push(error));
    const got: number[] = [];
    const stop = await listen(
      f,
      () => true,
      (e) => got.push(e.seq),
    );
    broken = true;
    await settle(f, 4);
    assert.equal(reported.length, 1);
    assert.match(String(reported[0]), /connection lost/);
    const seqs = await append(2);
    await settle(f, 2);
    assert.equal(got.length, 0);
    broken = false;
    await waitFor(() => got.length === 2, 'the events after recovery');
    assert.deepEqual(got, seqs);
    stop();
  });

  it('waits for the subscriber to drain between catch-up pages', async () => {
    const previous = (await allSeqs()).at(-1)!;
    const seqs = await append(5);
    const f = feed({ batchSize: 2 });
    const got: number[] = [];
    let release: () => void = () => undefined;
    let waits = 0;
    const unsubscribe = f.subscribe(
      actor.tenantId,
      previous,
      () => true,
      (e) => got.push(e.seq),
      {
        drained: () => {
          waits++;
          return new Promise<void>((resolve) => (release = resolve));
        },
      },
    );
    await waitFor(() => waits === 1, 'the first page');
    await settle(f);
    assert.equal(got.length, 2, 'the next page waits until the subscriber has drained');
    release();
    await waitFor(() => waits === 2, 'the second page');
    assert.equal(got.length, 4);
    release();
    await waitFor(() => got.length >= 5, 'the rest');
    release();
    assert.deepEqual(got.slice(0, 5), seqs);
    unsubscribe();
  });

  it('refuses subscriptions after close and stops polling', async () => {
    const f = feed();
    f.subscribe(
      actor.tenantId,
      null,
      () => true,
      () => undefined,
    );
    await settle(f, 1);
    await f.close();
    assert.deepEqual(
      { subscribers: f.stats().subscribers, polling: f.stats().polling },
      { subscribers: 0, polling: false },
    );
    assert.throws(
      () =>
        f.subscribe(
          actor.tenantId,
          null,
          () => true,
          () => undefined,
        ),
      /closed/,
    );
  });
});
