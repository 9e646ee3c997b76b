/**
 * The command line as an operator uses it: bad configuration, first start, restart with the same data, and
 * a second process refused on the same embedded data directory. Runs the TypeScript sources through tsx.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fromPackageRoot } from '../src/platform/paths.js';

const ADMIN_PASSWORD = 'cli-test-first-password';

function cli(args: string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', fromPackageRoot('src/main.ts'), ...args], {
    cwd: fromPackageRoot(),
    env: { ...process.env, LOG_LEVEL: 'warn', CHENGZHI_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return Object.assign(child, { output: () => out });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitReady(base: string, child: ChildProcess & { output: () => string }): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited early (${child.exitCode}):\n${child.output()}`);
    }
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready:\n' + child.output());
}

describe('the chengzhi command line', () => {
  it('exits non-zero on bad configuration and names every bad variable', async () => {
    const child = cli(['serve'], {
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cz-cli-')),
    });
    const code = await exitOf(child);
    assert.notEqual(code, 0);
    assert.match(child.output(), /PORT: must be a whole number/);
    assert.match(child.output(), /LOG_LEVEL: must be one of/);
  });

  it('has --help on every command', async () => {
    await Promise.all(
      ['serve', 'migrate', 'seed', 'start'].map(async (command) => {
        const child = cli([command, '--help'], {});
        assert.equal(await exitOf(child), 0);
        assert.match(child.output(), new RegExp(`Usage: chengzhi ${command}`));
      }),
    );
  });

  it('starts with demo data, stops gracefully, keeps its data across a restart, and refuses a second process', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cz-cli-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // A small demo history: the API must answer while it fills, and stopping must not wait for it.
    const env = { DATA_DIR: dataDir, PORT: String(port), CHENGZHI_SIM_DAYS: '1', CHENGZHI_SIM_PER_DAY: '40' };

    const first = cli(['start'], env);
    await waitReady(base, first);
    // A newcomer is told where to sign in and as whom.
    assert.match(first.output(), new RegExp(`sign in at http://127\\.0\\.0\\.1:${port}/login`));
    assert.match(first.output(), /password chengzhi-demo-2025[\s\S]*dispatcher/);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await fetch(`${base}/api/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'survives a restart' }),
    });
    assert.equal(created.status, 201);
    const { token } = (await created.json()) as { token: string };

    const second = cli(['serve'], { ...env, PORT: String(await freePort()) });
    assert.equal(await exitOf(second), 1);
    assert.match(second.output(), /in use by process/);

    first.kill('SIGTERM');
    assert.equal(await exitOf(first), 0);

    const again = cli(['start'], env);
    await waitReady(base, again);
    const me = await fetch(`${base}/api/auth/session`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    const demo = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: 'chengzhi-demo-2025' }),
    });
    assert.equal(demo.status, 200, 'the demo accounts were seeded');
    again.kill('SIGTERM');
    assert.equal(await exitOf(again), 0);
  });

  it('imports a region layer from a file all or nothing, printing a per-feature report on problems', async () => {
    const env = { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cz-cli-')), CHENGZHI_DEMO: 'false' };
    assert.equal(await exitOf(cli(['migrate'], env)), 0);
    const badFile = path.join(env.DATA_DIR, 'bad.geojson');
    writeFileSync(
      badFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { adcode: 330102, name: '上城区' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [120, 30],
                  [120.1, 30],
                  [120.1, 30.1],
                ],
              ],
            },
          },
        ],
      }),
    );
    const bad = cli(['import', 'regions', badFile, '--level', 'district', '--code-field', 'adcode'], env);
    assert.equal(await exitOf(bad), 1);
    assert.match(bad.output(), /validation failed: \d+ problem/);
    assert.match(bad.output(), /^0\t330102\t(OPEN_RING|INVALID_GEOMETRY)/m);

    const outline = fromPackageRoot('data/reference/boundaries/shangcheng-330102-datav-gcj02.geojson');
    const good = cli(
      ['import', 'regions', outline, '--level', 'district', '--code-field', 'adcode', '--crs', 'gcj02'],
      env,
    );
    assert.equal(await exitOf(good), 0, good.output());
    assert.match(good.output(), /imported 1 district\(s\)/);

    const deadline = cli(
      ['calendar', 'deadline', '--start', '2025-09-30T10:00:00+08:00', '--amount', '1', '--unit', 'work_day'],
      env,
    );
    assert.equal(await exitOf(deadline), 0, deadline.output());
    assert.match(deadline.output(), /"deadline":"2025-10-09T10:00:00\+08:00"/);
    const badUnit = cli(
      ['calendar', 'deadline', '--start', '2025-09-30T10:00:00+08:00', '--amount', '1', '--unit', 'week'],
      env,
    );
    assert.notEqual(await exitOf(badUnit), 0);
    assert.match(badUnit.output(), /--unit must be one of/);
  });
});
