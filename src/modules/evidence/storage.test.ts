import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createFileStorage } from './storage.js';

const SHA = 'ab' + 'c'.repeat(62);

async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('content-addressed storage', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'chengzhi-storage-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('lays files out as <tenant>/<sha[0..2]>/<sha>[-thumb.webp|-public.jpg]', () => {
    const storage = createFileStorage(dir);
    assert.equal(storage.pathOf(7, SHA, 'original'), path.join(dir, '7', 'ab', SHA));
    assert.equal(storage.pathOf(7, SHA, 'thumbnail'), path.join(dir, '7', 'ab', `${SHA}-thumb.webp`));
    assert.equal(storage.pathOf(7, SHA, 'public'), path.join(dir, '7', 'ab', `${SHA}-public.jpg`));
  });

  it('never turns anything but a hex digest into a path', () => {
    const storage = createFileStorage(dir);
    for (const bad of ['../../etc/passwd', SHA.toUpperCase(), SHA.slice(1), `${SHA}/x`]) {
      assert.throws(() => storage.pathOf(1, bad, 'original'), /SHA-256/);
    }
    assert.throws(() => storage.pathOf(-1, SHA, 'original'), /tenant/);
  });

  it('writes every variant whole, leaves no temporary files, and keeps what is already there', async () => {
    const storage = createFileStorage(dir);
    await storage.write(1, SHA, {
      original: Buffer.from('original'),
      thumbnail: Buffer.from('thumb'),
      public: Buffer.from('public'),
    });
    assert.deepEqual(await listAll(dir), [
      path.join('1', 'ab', SHA),
      path.join('1', 'ab', `${SHA}-public.jpg`),
      path.join('1', 'ab', `${SHA}-thumb.webp`),
    ]);
    assert.equal(await storage.sizeOf(1, SHA, 'original'), 8);
    // A second write of the same hash is a no-op for files in place, and fills in a missing one.
    await rm(storage.pathOf(1, SHA, 'thumbnail'));
    await storage.write(1, SHA, {
      original: Buffer.from('other bytes'),
      thumbnail: Buffer.from('thumb2'),
    });
    assert.equal(await readFile(storage.pathOf(1, SHA, 'original'), 'utf8'), 'original');
    assert.equal(await readFile(storage.pathOf(1, SHA, 'thumbnail'), 'utf8'), 'thumb2');
    assert.equal((await listAll(dir)).filter((f) => f.endsWith('.tmp')).length, 0);
    assert.equal(await storage.sizeOf(2, SHA, 'original'), null);
  });

  it('fails when the directory cannot be made', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await writeFile(blocker, 'x');
    const storage = createFileStorage(blocker);
    await assert.rejects(storage.write(1, SHA, { original: Buffer.from('x') }), /ENOTDIR|EEXIST/);
  });
});
