import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('keeps the district in Asia/Shanghai even on a server whose TZ is UTC', () => {
    assert.equal(loadConfig({ TZ: 'UTC' }).timeZone, 'Asia/Shanghai');
    assert.equal(loadConfig({ CHENGZHI_TIME_ZONE: 'Asia/Urumqi' }).timeZone, 'Asia/Urumqi');
  });

  it('runs with no variables at all, on embedded PGlite under ./data', () => {
    const config = loadConfig({}, '/srv/cz');
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, null);
    assert.equal(config.dataDir, '/srv/cz/data');
    assert.equal(config.timeZone, 'Asia/Shanghai');
    assert.equal(config.demo, true);
  });

  it('names every bad variable at once instead of stopping at the first', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'abc',
          LOG_LEVEL: 'loud',
          DATABASE_URL: 'mysql://x',
          SESSION_SECRET: 'short',
          COOKIE_SECURE: 'maybe',
          CHENGZHI_TIME_ZONE: 'Mars/Olympus',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.problems.map((p) => p.variable),
          ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SESSION_SECRET', 'COOKIE_SECURE', 'CHENGZHI_TIME_ZONE'],
        );
        assert.match(error.message, /PORT: must be a whole number from 0 to 65535, got "abc"/);
        return true;
      },
    );
  });

  it('refuses a port out of range and accepts a PostgreSQL URL', () => {
    assert.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@localhost:5432/cz',
      PORT: '8080',
      CHENGZHI_DEMO: 'false',
    });
    assert.equal(config.databaseUrl, 'postgres://u:p@localhost:5432/cz');
    assert.equal(config.port, 8080);
    assert.equal(config.demo, false);
  });
});
