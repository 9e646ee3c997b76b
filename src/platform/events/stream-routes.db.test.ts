/**
 * GET /api/events/stream over a real socket (app.inject cannot stream): the server listens on a loopback port
 * and node's fetch reads the stream as a browser's EventSource would. The plugin's behaviour is tested on a
 * small Fastify app whose viewers and visibility rules the test defines; the real app is tested for its
 * wiring (authentication, the rules the modules registered, shutdown).
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql, type KyselyPlugin } from 'kysely';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import type { Actor } from '../actor.js';
import type { Principal } from '../auth/index.js';
import { installErrorHandling } from '../http/error-handler.js';
import { ErrorBody } from '../http/schemas.js';
import { ensureTenant } from '../tenancy/bootstrap.js';
import { appendEvents, type NewEvent } from './append.js';
import { createEventFeed, type EventFeed } from './feed.js';
import { eventStreamRoutes, type StreamedEvent } from './stream-routes.js';
import { createVisibilityRegistry } from './visibility.js';

const data = (frame: Frame) => JSON.parse(frame.data!) as StreamedEvent;

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Reads server-sent events frame by frame from a fetch response. */
class SseReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  private constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    assert.ok(response.body);
    this.reader = response.body.getReader();
  }

  /** Opens the stream; fails unless the answer is 200. */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const controller = new AbortController();
    const res = await fetch(url, { headers, signal: controller.signal });
    if (res.status !== 200) assert.fail(`${res.status}: ${await res.text()}`);
    return new SseReader(res, controller);
  }

  /** The next frame, or null when the server ended the stream. */
  async next(timeoutMs = 5000): Promise<Frame | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const text = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const frame: Frame = {};
        for (const line of text.split('\n')) {
          if (line.startsWith(':')) {
            frame.comment = line.slice(1).trim();
          } else {
            const colon = line.indexOf(':');
            const field = line.slice(0, colon) as 'id' | 'event' | 'data' | 'retry';
            frame[field] = line.slice(colon + 1).replace(/^ /, '');
          }
        }
        return frame;
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no frame within the time limit')), timeoutMs);
      });
      try {
        const chunk = await Promise.race([this.reader.read(), timeout]);
        if (chunk.done) return null;
        this.buffer += this.decoder.decode(chunk.value, { stream: true });
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** The next `n` events, skipping comments and the retry hint. */
  async events(n: number, timeoutMs = 5000): Promise<Frame[]> {
    const out: Frame[] = [];
    while (out.length < n) {
      const frame = await this.next(timeoutMs);
      if (!frame) throw new Error(`the stream ended after ${out.length} of ${n} events`);
      if (frame.event) out.push(frame);
    }
    return out;
  }

  /** Asserts that no event arrives for a while (comments may). */
  async quiet(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return;
      const frame = await this.next(left).catch(() => undefined);
      if (frame === undefined) return;
      assert.ok(frame !== null && !frame.event, `unexpected: ${JSON.stringify(frame)}`);
    }
  }

  /** Hangs up, as a browser tab that goes away does. */
  close(): void {
    this.controller.abort();
  }
}

describe('the event stream plugin', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  let feed: EventFeed;
  let base: string;
  let actor: Actor;
  let counter = 0;
  const readers: SseReader[] = [];

  before(async () => {
    testDb = await createTestDb();
    const tenant = await ensureTenant(testDb.db, {
      code: '330102',
      name: '上城区',
      timeZone: 'Asia/Shanghai',
    });
    actor = { kind: 'system', tenantId: tenant.id, accountId: null, roles: [], requestId: null };
    feed = createEventFeed({ db: testDb.db, pollIntervalMs: 20 });
    // The test's rule for the 'case' stream type: dispatchers see every event; inspectors only those marked
    // public, with the phone masked; other roles nothing. No rule for any other stream type.
    const visibility = createVisibilityRegistry();
    visibility.register<Principal>(
      'case',
      (viewer) => {
        if (viewer.account.roles.includes('dispatcher')) return () => true;
        if (viewer.account.roles.includes('inspector')) return (event) => event.payload.public === true;
        return null;
      },
      {
        present: (viewer, event) =>
          viewer.account.roles.includes('dispatcher') ? event.payload : { ...event.payload, phone: '***' },
      },
    );
    app = Fastify({ ajv: { customOptions: { removeAdditional: false } } });
    installErrorHandling(app);
    app.addSchema(ErrorBody);
    // Stands in for the access control: the principal has the roles named in X-Test-Roles.
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      const roles = String(request.headers['x-test-roles'] ?? '').split(',');
      request.principal = { actor, account: { roles }, session: null } as unknown as Principal;
    });
    app.addHook('onClose', () => feed.close());
    await app.register(eventStreamRoutes, {
      feed,
      viewerOf: async (request) => request.principal,
      visibility,
      heartbeatMs: 50,
      retryMs: 1234,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const reader of readers) reader.close();
    await app.close();
    await testDb.close();
  });

  async function open(roles: string, query = '', headers: Record<string, string> = {}): Promise<SseReader> {
    const reader = await SseReader.open(`${base}/api/events/stream${query}`, {
      'x-test-roles': roles,
      ...headers,
    });
    readers.push(reader);
    assert.deepEqual(await reader.next(), { retry: '1234' });
    return reader;
  }

  async function append(events: Partial<NewEvent>[]): Promise<number[]> {
    const stored = await testDb.db.transaction((tx) =>
      appendEvents(
        tx,
        actor,
        new Date('2025-10-09T02:00:00Z'),
        events.map((e) => ({
          streamType: 'case',
          streamId: `C${++counter}`,
          name: 'cases.case.reported',
          payload: {},
          ...e,
        })),
      ),
    );
    return stored.map((e) => e.seq);
  }

  it('answers with an event stream: a retry hint first, then a heartbeat comment while nothing happens', async () => {
    const reader = await SseReader.open(`${base}/api/events/stream`, { 'x-test-roles': 'dispatcher' });
    readers.push(reader);
    assert.match(reader.response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(reader.response.headers.get('cache-control'), 'no-cache, no-transform');
    assert.ok(reader.response.headers.get('x-request-id'));
    assert.deepEqual(await reader.next(), { retry: '1234' });
    assert.deepEqual(await reader.next(500), { comment: 'heartbeat' });
    assert.deepEqual(await reader.next(500), { comment: 'heartbeat' });
    reader.close();
  });

  it('streams each viewer what it may see, named and numbered, masked where the rule says so', async () => {
    const dispatcher = await open('dispatcher');
    const inspector = await open('inspector');
    const nobody = await open('leader');
    const [internal, shown, filed] = await append([
      { payload: { phone: '13800000000' } },
      { payload: { public: true, phone: '13900000000' } },
      { name: 'cases.case.filed', payload: { public: true } },
    ]);
    await append([{ streamType: 'account', name: 'auth.account.created', payload: { public: true } }]);
    const seen = await dispatcher.events(3);
    assert.deepEqual(
      seen.map((f) => [f.id, f.event]),
      [
        [String(internal), 'cases.case.reported'],
        [String(shown), 'cases.case.reported'],
        [String(filed), 'cases.case.filed'],
      ],
    );
    assert.deepEqual(data(seen[1]!), {
      seq: shown,
      name: 'cases.case.reported',
      streamType: 'case',
      streamId: `C${counter - 2}`,
      streamVersion: 1,
      occurredAt: '2025-10-09T02:00:00.000Z',
      payload: { public: true, phone: '13900000000' },
    });
    const forInspector = await inspector.events(2);
    assert.deepEqual(
      forInspector.map((f) => Number(f.id)),
      [shown, filed],
    );
    assert.deepEqual(data(forInspector[0]!).payload, { public: true, phone: '***' });
    // Nothing for a viewer no rule admits, and the 'account' event (no rule at all) reached no one.
    await Promise.all([dispatcher.quiet(300), inspector.quiet(300), nobody.quiet(300)]);
  });

  it('resumes after a disconnect from Last-Event-ID with nothing missed and nothing repeated', async () => {
    const first = await open('dispatcher');
    const [a, b] = await append([{}, {}]);
    assert.deepEqual(
      (await first.events(2)).map((f) => Number(f.id)),
      [a, b],
    );
    first.close();

    const missed = await append([{}, { name: 'cases.case.filed' }, {}]);
    const resumed = await open('dispatcher', `?lastEventId=${a}`, { 'last-event-id': String(b) });
    assert.deepEqual(
      (await resumed.events(3)).map((f) => Number(f.id)),
      missed,
      'the header wins over the query parameter',
    );
    const live = await append([{}]);
    assert.deepEqual(
      (await resumed.events(1)).map((f) => Number(f.id)),
      live,
    );
    await resumed.quiet(200);
    resumed.close();

    const byQuery = await open('dispatcher', `?lastEventId=${missed[1]}`);
    assert.deepEqual(
      (await byQuery.events(2)).map((f) => Number(f.id)),
      [missed[2], live[0]],
    );
    byQuery.close();
  });

  it('filters by event-name prefixes', async () => {
    const filtered = await open('dispatcher', '?types=cases.case.filed,cases.case.voided');
    const [, filed, , voided] = await append([
      {},
      { name: 'cases.case.filed' },
      { name: 'cases.case.dispatched' },
      { name: 'cases.case.voided' },
    ]);
    assert.deepEqual(
      (await filtered.events(2)).map((f) => [Number(f.id), f.event]),
      [
        [filed, 'cases.case.filed'],
        [voided, 'cases.case.voided'],
      ],
    );
    await filtered.quiet(300);
    filtered.close();
  });

  it('unsubscribes when the client goes away', async () => {
    for (const reader of readers) reader.close();
    await waitFor(() => feed.stats().subscribers === 0);
    const reader = await open('dispatcher');
    assert.equal(feed.stats().subscribers, 1);
    reader.close();
    await waitFor(() => feed.stats().subscribers === 0);
    await waitFor(() => !feed.stats().polling);
  });

  it('refuses a malformed last id or an unknown parameter before streaming', async () => {
    const headers = { 'x-test-roles': 'dispatcher' };
    const malformed = await fetch(`${base}/api/events/stream`, {
      headers: { ...headers, 'last-event-id': 'abc' },
    });
    assert.equal(malformed.status, 400);
    assert.deepEqual(((await malformed.json()) as { error: { field: string } }).error.field, 'last-event-id');
    const unknown = await fetch(`${base}/api/events/stream?since=1`, { headers });
    assert.equal(unknown.status, 400);
    assert.deepEqual(((await unknown.json()) as { error: { field: string } }).error.field, 'since');
  });

  it('answers 503, in the error model, when the stream cannot start', async () => {
    const failing: KyselyPlugin = {
      transformQuery: () => {
        throw new Error('the database is gone');
      },
      transformResult: async (args) => args.result,
    };
    const brokenFeed = createEventFeed({ db: { ...testDb.db, sql: testDb.db.sql.withPlugin(failing) } });
    const closedFeed = createEventFeed({ db: testDb.db });
    await closedFeed.close();
    for (const broken of [brokenFeed, closedFeed]) {
      const other = Fastify();
      installErrorHandling(other);
      other.addSchema(ErrorBody);
      other.decorateRequest('principal', null);
      other.addHook('onRequest', async (request) => {
        request.principal = { actor, account: { roles: [] }, session: null } as unknown as Principal;
      });
      await other.register(eventStreamRoutes, { feed: broken, viewerOf: async () => null });
      try {
        const res = await other.inject({ method: 'GET', url: '/api/events/stream' });
        assert.equal(res.statusCode, 503);
        assert.equal(res.json<{ error: { code: string } }>().error.code, 'SERVICE_UNAVAILABLE');
        assert.equal(broken.stats().subscribers, 0);
      } finally {
        await other.close();
      }
    }
    await brokenFeed.close();
  });
});

describe('the event stream in the app', () => {
  let t: TestApp;
  let base: string;
  let closed = false;
  const readers: SseReader[] = [];

  before(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const reader of readers) reader.close();
    if (!closed) await t.close();
  });

  it('is for authenticated callers only, and refuses a malformed last id as a validation error', async () => {
    const anonymous = await fetch(`${base}/api/events/stream`);
    assert.equal(anonymous.status, 401);
    assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
    await t.createUser('watcher', ['leader']);
    const { headers } = await t.login('watcher');
    const malformed = await fetch(`${base}/api/events/stream`, {
      headers: { ...headers, 'last-event-id': '1x' },
    });
    assert.equal(malformed.status, 400);
    const body = (await malformed.json()) as { error: { code: string; field?: string } };
    assert.equal(body.error.code, 'VALIDATION_FAILED');
  });

  it('delivers the events the modules’ rules admit, and never a stream type without a rule', async () => {
    // Logins wrote 'account' events, which no module shows on the stream. Case events are shown by the cases
    // module's rule, which lets a leader see every case of the tenant (see modules/cases/stream-visibility.ts).
    await t.createUser('watcher2', ['leader']);
    const { headers } = await t.login('watcher2');
    const accounts = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM events WHERE stream_type = 'account'`.execute(t.testDb.db.sql);
    assert.ok(accounts.rows[0]!.n > 0);
    const reader = await SseReader.open(`${base}/api/events/stream?lastEventId=0`, headers);
    readers.push(reader);
    assert.deepEqual(await reader.next(), { retry: '3000' });
    const actor: Actor = {
      kind: 'system',
      tenantId: t.tenant.id,
      accountId: null,
      roles: [],
      requestId: null,
    };
    const [stored] = await t.testDb.db.transaction((tx) =>
      appendEvents(tx, actor, t.clock.now(), [
        { streamType: 'case', streamId: 'STREAM-TEST', name: 'cases.case.reported', payload: {} },
      ]),
    );
    const [frame] = await reader.events(1);
    assert.equal(frame!.id, String(stored!.seq));
    assert.equal(data(frame!).streamType, 'case');
    await reader.quiet(300);
    reader.close();
  });

  it('ends open streams when the app closes', async () => {
    await t.createUser('watcher3', ['leader']);
    const { headers } = await t.login('watcher3');
    const reader = await SseReader.open(`${base}/api/events/stream`, headers);
    assert.deepEqual(await reader.next(), { retry: '3000' });
    closed = true;
    // The stream ends while the app closes (a lingering stream would hold the close up indefinitely).
    const closing = t.close();
    assert.equal(await reader.next(2000), null);
    await closing;
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
