import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'cz-lock-'));

describe('data directory lock', () => {
  it('refuses a second owner while the first holds the lock, and frees it on release', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    release();
    assert.equal(existsSync(path.join(dir, 'chengzhi.lock')), false);
    lockDataDir(dir)();
  });

  it('refuses when another live process holds the lock', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'chengzhi.lock'), String(process.ppid));
    assert.throws(
      () => lockDataDir(dir),
      (e: unknown) => e instanceof DataDirLockedError && e.pid === process.ppid,
    );
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'chengzhi.lock'), '999999999');
    const release = lockDataDir(dir);
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    release();
  });
});
