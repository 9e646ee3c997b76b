import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.js';

async function countEvents(t: TestApp, name?: string): Promise<number> {
  const r = name
    ? await sql<{ n: number }>`SELECT count(*)::int AS n FROM events WHERE name = ${name}`.execute(
        t.testDb.db.sql,
      )
    : await sql<{ n: number }>`SELECT count(*)::int AS n FROM events`.execute(t.testDb.db.sql);
  return r.rows[0]?.n ?? 0;
}

describe('login, sessions and API tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.createUser('wang', ['inspector']);
    await t.createUser('chen', ['dispatcher']);
  });
  after(() => t.close());

  it('401s a wrong password with the error model and never echoes the password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wang', password: 'not-the-password-42' },
    });
    assert.equal(res.statusCode, 401);
    const body = res.json<{ error: { code: string; message: string } }>();
    assert.equal(body.error.code, 'INVALID_CREDENTIALS');
    assert.equal(body.error.message, '用户名或密码错误');
    assert.ok(!res.body.includes('not-the-password-42'));
    assert.equal(res.cookies.length, 0);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'whatever-password' },
    });
    assert.equal(res.statusCode, 401);
    assert.equal(
      res.json<{ error: { code: string; message: string } }>().error.message,
      'wrong username or password',
    );
  });

  it('logs in with an httpOnly, SameSite session cookie and returns a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'WANG', password: TEST_PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'cz_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const body = res.json<{ account: { username: string; roles: string[] }; csrfToken: string }>();
    assert.equal(body.account.username, 'wang');
    assert.deepEqual(body.account.roles, ['inspector']);
    assert.ok(body.csrfToken.length >= 20);
    assert.ok(!res.body.includes('password'));
  });

  it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
    await t.createUser('zhao', ['operator']);
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zhao', password: `guess-number-${i}` },
      });
      assert.equal(res.statusCode, 401, `attempt ${i}`);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhao', password: TEST_PASSWORD },
    });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json<{ error: { code: string } }>().error.code, 'RATE_LIMITED');
    assert.equal(locked.headers['retry-after'], '60');
    t.clock.advance(61_000);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhao', password: TEST_PASSWORD },
    });
    assert.equal(after.statusCode, 200);
    assert.ok((await countEvents(t, 'auth.login.failed')) >= 5);
  });

  it('tells who is logged in, and 401s without a session', async () => {
    const { cookie } = await t.login('chen');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json<{ account: { username: string } }>().account.username, 'chen');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json<{ error: { code: string } }>().error.code, 'UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const { cookie, csrf } = await t.login('chen');
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'CSRF_FAILED');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf + 'x' },
    });
    assert.equal(wrong.statusCode, 403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    assert.equal(ok.statusCode, 204);
    const gone = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    assert.equal(gone.statusCode, 401);
  });

  it('expires sessions after their lifetime', async () => {
    const { cookie } = await t.login('chen');
    t.clock.advance(13 * 3_600_000);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    assert.equal(res.statusCode, 401);
  });

  it('issues API tokens shown once, usable as Bearer without CSRF, and revocable', async () => {
    const { headers } = await t.login('chen');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: '12345 hotline bridge' },
    });
    assert.equal(created.statusCode, 201);
    const { token, item } = created.json<{ token: string; item: { id: number } }>();
    assert.match(token, /^czt_\d+_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json<{ csrfToken: string | null }>().csrfToken, null);
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers });
    assert.ok(!list.body.includes(token.slice(-20)), 'the secret is never listed');
    const stored = await sql<{ token_digest: string }>`SELECT token_digest FROM api_tokens`.execute(
      t.testDb.db.sql,
    );
    assert.ok(
      stored.rows.every((r) => !token.includes(r.token_digest)),
      'only a digest is stored',
    );
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${item.id}`,
      headers: bearer,
    });
    assert.equal(revoked.statusCode, 204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer });
    assert.equal(after.statusCode, 401);
  });

  it('401s a malformed or unknown bearer token rather than treating it as anonymous', async () => {
    for (const authorization of [
      'Bearer nonsense',
      'Basic abc',
      'Bearer czt_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { authorization } });
      assert.equal(res.statusCode, 401, authorization);
    }
  });

  it('forbids a non-admin from minting tokens for another account', async () => {
    const other = await t.createUser('bridge', ['integration']);
    const { headers } = await t.login('chen');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'x', accountId: other.id },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'FORBIDDEN');
  });

  it('holds a one-time password account to changing it first, then ends its other sessions', async () => {
    await t.createUser('newadmin', ['admin'], { mustChangePassword: true });
    const first = await t.login('newadmin');
    const other = await t.login('newadmin');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: first.headers });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json<{ error: { code: string } }>().error.code, 'PASSWORD_CHANGE_REQUIRED');
    const changePassword = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: first.headers,
        payload: { currentPassword, newPassword },
      });
    const weak = await changePassword(TEST_PASSWORD, 'short');
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json<{ error: { field: string } }>().error.field, 'newPassword');
    const changed = await changePassword(TEST_PASSWORD, 'a-much-better-passphrase');
    assert.equal(changed.statusCode, 204);
    // The old password no longer counts as the current one (the hash is read afresh, not from the session).
    const stale = await changePassword(TEST_PASSWORD, 'yet-another-passphrase');
    assert.equal(stale.statusCode, 403);
    assert.deepEqual(
      [
        stale.json<{ error: { code: string } }>().error.code,
        stale.json<{ error: { field: string } }>().error.field,
      ],
      ['INVALID_CREDENTIALS', 'currentPassword'],
    );
    const now = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: first.headers });
    assert.equal(now.statusCode, 200);
    const otherSession = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: other.headers,
    });
    assert.equal(otherSession.statusCode, 401);
    await t.login('newadmin', 'a-much-better-passphrase');
  });
});

describe('the error model on bad input', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('404s an unknown route in the error model', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no/such/thing' });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(Object.keys(res.json<{ error: object }>().error).sort(), ['code', 'message']);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'ROUTE_NOT_FOUND');
  });

  it('400s malformed JSON and writes nothing', async () => {
    const before = await countEvents(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "x", ',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ error: { code: string; field: string } }>().error.code, 'MALFORMED_JSON');
    assert.equal(await countEvents(t), before);
  });

  it('names the missing field and the unexpected field', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x' },
    });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(
      {
        code: missing.json<{ error: { code: string; field: string } }>().error.code,
        field: missing.json<{ error: { field: string } }>().error.field,
      },
      { code: 'VALIDATION_FAILED', field: 'password' },
    );
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y', admin: true },
    });
    assert.equal(extra.json<{ error: { field: string } }>().error.field, 'admin');
  });

  it('carries the caller’s request id, or makes one', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    assert.equal(given.headers['x-request-id'], 'abc-123');
    const made = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    assert.match(String(made.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('answers liveness and readiness', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json<{ status: string }>().status, 'ready');
  });
});
