import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { createSecrets, RECENT_DIGESTS } from './secrets.js';

const hmac = (key: string, value: string) => createHmac('sha256', key).update(value).digest('base64url');

test('a digest is the HMAC-SHA256 of the value under the key, however often and in whatever order asked', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), fc.array(fc.string(), { maxLength: 50 }), (key, values) => {
      const secrets = createSecrets(key);
      for (const value of [...values, ...[...values].reverse()]) {
        assert.equal(secrets.digest(value), hmac(key, value));
      }
    }),
  );
});

test('two keys give two digests of one value, also once the first is remembered', () => {
  const a = createSecrets('key-a');
  const b = createSecrets('key-b');
  assert.equal(a.digest('token'), hmac('key-a', 'token'));
  assert.equal(b.digest('token'), hmac('key-b', 'token'));
  assert.notEqual(a.digest('token'), b.digest('token'));
});

test('more secrets than are remembered still digest correctly', () => {
  const secrets = createSecrets('k');
  for (let i = 0; i < RECENT_DIGESTS * 2 + 10; i++) assert.equal(secrets.digest(`t${i}`), hmac('k', `t${i}`));
  assert.equal(secrets.digest('t0'), hmac('k', 't0'));
});
