/**
 * The inspector's offline outbox with a fake storage and a fake fetch: order kept, the Idempotency-Key stable
 * across retries, a 4xx kept as failed with the server's message, a network error or 5xx retried later.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createOutbox,
  type IntakeBody,
  type OutboxItem,
  type OutboxStorage,
} from '../../src/web/pages/mobile/outbox/outbox.js';

function memoryStorage(): OutboxStorage & { saved: OutboxItem[][] } {
  const saved: OutboxItem[][] = [];
  return {
    saved,
    load: async () => structuredClone(saved.at(-1) ?? []),
    save: async (items) => {
      saved.push(structuredClone(items));
    },
  };
}

interface Call {
  url: string;
  key: string | null;
  body: unknown;
}

type Script = (call: Call, n: number) => Response | Error;

function fakeFetch(script: Script) {
  const calls: Call[] = [];
  const fn = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : '<blob>';
    const call = { url, key: headers.get('idempotency-key'), body };
    calls.push(call);
    const answer = script(call, calls.length);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fn, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server that stores files and opens one case per new key (a repeated key answers the first case). */
function server(fail: (call: Call, n: number) => Response | Error | null = () => null): Script {
  const byKey = new Map<string, unknown>();
  let files = 0;
  return (call, n) => {
    const f = fail(call, n);
    if (f) return f;
    if (call.url === '/api/files') return json(201, { sha256: `sha-${++files}` });
    const known = byKey.get(call.key ?? '');
    if (known) return json(201, known);
    const desc = (call.body as IntakeBody).description;
    const receipt = {
      id: `id-${byKey.size + 1}`,
      caseNo: `CASE-${byKey.size + 1}-${desc}`,
      stage: 'reported',
      version: 1,
    };
    byKey.set(call.key ?? '', receipt);
    return json(201, receipt);
  };
}

const body = (description: string): IntakeBody => ({
  category: { categoryType: 'event', majorCode: '01', minorCode: '02' },
  standardId: 'E-0102-1',
  description,
  location: { lng: 120.168, lat: 30.257, crs: 'wgs84' },
});

const photo = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

let keys = 0;
const newKey = () => `key-${String(++keys).padStart(4, '0')}`;

describe('the inspector outbox', () => {
  it('sends queued reports in order: photos first, then the intake with its key', async () => {
    const storage = memoryStorage();
    const http = fakeFetch(server());
    const box = createOutbox({ storage, fetch: http.fn, newKey });
    const a = await box.enqueue(body('a'), [photo(), photo()]);
    const b = await box.enqueue(body('b'), []);
    assert.equal(storage.saved.at(-1)?.length, 2, 'queued items are stored');
    const result = await box.flush();
    assert.deepEqual(
      result.sent.map((s) => s.caseNo),
      ['CASE-1-a', 'CASE-2-b'],
    );
    assert.deepEqual(
      http.calls.map((c) => c.url),
      ['/api/files', '/api/files', '/api/cases/intake/inspector', '/api/cases/intake/inspector'],
    );
    assert.equal(http.calls[2]?.key, a.idempotencyKey);
    assert.equal(http.calls[3]?.key, b.idempotencyKey);
    assert.deepEqual((http.calls[2]?.body as { photos: string[] }).photos, ['sha-1', 'sha-2']);
    assert.deepEqual(box.snapshot(), [], 'the queue is empty');
    assert.deepEqual(storage.saved.at(-1), []);
  });

  it('keeps the key across retries after a network error and does not upload a photo twice', async () => {
    const storage = memoryStorage();
    let down = true;
    const http = fakeFetch(
      server((call) => (down && call.url !== '/api/files' ? new TypeError('Failed to fetch') : null)),
    );
    const box = createOutbox({ storage, fetch: http.fn, newKey });
    const a = await box.enqueue(body('a'), [photo()]);
    await box.enqueue(body('b'), []);
    const first = await box.flush();
    assert.equal(first.interrupted, true);
    assert.deepEqual(first.sent, []);
    assert.deepEqual(
      box.snapshot().map((i) => [i.state, i.attempts]),
      [
        ['queued', 1],
        ['queued', 0],
      ],
      'the later item waits its turn',
    );
    assert.equal(box.snapshot()[0]?.photos[0]?.sha256, 'sha-1', 'the uploaded photo is remembered');
    assert.match(box.snapshot()[0]?.error ?? '', /Failed to fetch/);

    // A fresh page (reload) reads the stored queue; the answer of the next attempt is "lost" once.
    let lose = true;
    down = false;
    const again = fakeFetch(
      server((call) => {
        if (call.url.endsWith('/inspector') && lose) {
          lose = false;
          return new TypeError('network changed');
        }
        return null;
      }),
    );
    const reopened = createOutbox({ storage, fetch: again.fn, newKey });
    await reopened.load();
    assert.equal(reopened.snapshot().length, 2);
    await reopened.flush();
    const second = await reopened.flush();
    assert.deepEqual(
      second.sent.map((s) => s.caseNo),
      ['CASE-1-a', 'CASE-2-b'],
    );
    const intakes = again.calls.filter((c) => c.url.endsWith('/inspector'));
    assert.deepEqual(
      intakes.map((c) => c.key),
      [a.idempotencyKey, a.idempotencyKey, intakes[2]?.key],
      'the resend carries the same key',
    );
    assert.equal(again.calls.filter((c) => c.url === '/api/files').length, 0, 'no second upload');
  });

  it('marks a 4xx as failed with the server message, keeps it, and goes on with the next', async () => {
    const storage = memoryStorage();
    const http = fakeFetch(
      server((call) =>
        (call.body as IntakeBody | string) !== '<blob>' && (call.body as IntakeBody).description === 'bad'
          ? json(400, { error: { code: 'VALIDATION', message: '描述过短', field: 'description' } })
          : null,
      ),
    );
    const box = createOutbox({ storage, fetch: http.fn, newKey });
    const bad = await box.enqueue(body('bad'), []);
    await box.enqueue(body('good'), []);
    const result = await box.flush();
    assert.deepEqual(result.failed, [bad.id]);
    assert.deepEqual(
      result.sent.map((s) => s.caseNo),
      ['CASE-1-good'],
    );
    assert.deepEqual(
      box.snapshot().map((i) => [i.id, i.state, i.error]),
      [[bad.id, 'failed', '描述过短']],
    );
    const later = await box.flush();
    assert.deepEqual(
      later,
      { sent: [], failed: [], interrupted: false },
      'a failed item is not retried by itself',
    );
    assert.equal(http.calls.filter((c) => c.key === bad.idempotencyKey).length, 1);
  });

  it('retries a 5xx later and an item on demand', async () => {
    const storage = memoryStorage();
    let status = 503;
    const http = fakeFetch(
      server((call) => (call.url.endsWith('/inspector') && status >= 500 ? json(status, {}) : null)),
    );
    const box = createOutbox({ storage, fetch: http.fn, newKey });
    const a = await box.enqueue(body('a'), []);
    const first = await box.flush();
    assert.equal(first.interrupted, true);
    assert.equal(box.snapshot()[0]?.state, 'queued');
    assert.equal(box.snapshot()[0]?.error, 'HTTP 503');
    status = 200;
    const [x, y] = await Promise.all([box.flush(a.id), box.flush()]);
    assert.equal(x.sent.length + y.sent.length, 1, 'two overlapping flushes send the item once');
    assert.equal(http.calls.filter((c) => c.url.endsWith('/inspector')).length, 2);
  });

  it('treats an ApiError-like rejection (rawFetch) by its status', async () => {
    const storage = memoryStorage();
    const box = createOutbox({
      storage,
      newKey,
      fetch: async () => {
        throw Object.assign(new Error('标准不存在'), { status: 422 });
      },
    });
    await box.enqueue(body('x'), []);
    const result = await box.flush();
    assert.equal(result.failed.length, 1);
    assert.equal(box.snapshot()[0]?.error, '标准不存在');
  });
});
