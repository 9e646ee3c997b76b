import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { LOG_REDACT } from '../http/log-redaction.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.js';

describe('what reaches the logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The production redaction settings with the most verbose level.
    const logger = pino({ level: 'trace', redact: LOG_REDACT }, sink);
    t = await createTestApp({ loggerInstance: logger });
    await t.createUser('sun', ['leader']);
  });
  after(() => t.close());

  it('never carries a password, a session cookie or a token, whether the login works or not', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sun', password: 'wrong-secret-value-77' },
    });
    const { cookie, headers } = await t.login('sun');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'bot' },
    });
    const token = created.json<{ token: string }>().token;
    await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { authorization: `Bearer ${token}` },
    });
    const all = lines.join('');
    assert.ok(lines.length > 5, 'the requests were logged at all');
    for (const secret of [
      'wrong-secret-value-77',
      TEST_PASSWORD,
      cookie.split('=')[1] as string,
      token,
      headers['x-csrf-token'] as string,
    ]) {
      assert.ok(!all.includes(secret), `a secret reached the logs: ${secret.slice(0, 6)}…`);
    }
  });
});
