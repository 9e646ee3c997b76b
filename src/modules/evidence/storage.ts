/**
 * Content-addressed files on disk: `<dir>/<tenantId>/<sha[0..2]>/<sha>` for the original, `<sha>-thumb.webp`
 * and `<sha>-public.jpg` beside it. Every file is written to a temporary name in the same folder, flushed
 * (fsync), renamed into place and the folder flushed too, so after a crash a file is either whole or absent —
 * never half-written under its final name. A file already in place is content-addressed, so it is kept.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Variant } from './types.js';

export const SHA256 = /^[0-9a-f]{64}$/;

const SUFFIX: Record<Variant, string> = { original: '', thumbnail: '-thumb.webp', public: '-public.jpg' };

export interface FileStorage {
  readonly dir: string;
  pathOf(tenantId: number, sha256: string, variant: Variant): string;
  /** Writes the given variants durably; those already present are left alone. */
  write(tenantId: number, sha256: string, files: Partial<Record<Variant, Buffer>>): Promise<void>;
  /** The size of a stored variant, or null when it is not on disk. */
  sizeOf(tenantId: number, sha256: string, variant: Variant): Promise<number | null>;
}

async function fsyncPath(p: string): Promise<void> {
  const handle = await open(p, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Windows cannot fsync a directory; the rename there is as durable as the platform makes it.
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle.close();
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function writeAtomically(target: string, bytes: Buffer): Promise<void> {
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o640);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export function createFileStorage(dir: string): FileStorage {
  const root = path.resolve(dir);

  function pathOf(tenantId: number, sha256: string, variant: Variant): string {
    // The hash comes from our own digest or a checked route parameter; this keeps any other value from
    // ever becoming a path.
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    if (!Number.isSafeInteger(tenantId) || tenantId < 0) throw new Error(`bad tenant id ${tenantId}`);
    return path.join(root, String(tenantId), sha256.slice(0, 2), sha256 + SUFFIX[variant]);
  }

  async function write(
    tenantId: number,
    sha256: string,
    files: Partial<Record<Variant, Buffer>>,
  ): Promise<void> {
    const folder = path.dirname(pathOf(tenantId, sha256, 'original'));
    const created = await mkdir(folder, { recursive: true });
    let wrote = false;
    for (const [variant, bytes] of Object.entries(files) as [Variant, Buffer][]) {
      const target = pathOf(tenantId, sha256, variant);
      if (await exists(target)) continue;
      await writeAtomically(target, bytes);
      wrote = true;
    }
    if (wrote) await fsyncPath(folder);
    if (created !== undefined) {
      // New folders must themselves be recorded in their parents, up to the parent of the first one made.
      const top = path.dirname(path.resolve(created));
      for (let p = path.dirname(folder); ; p = path.dirname(p)) {
        await fsyncPath(p);
        if (p === top || p === path.dirname(p)) break;
      }
    }
  }

  async function sizeOf(tenantId: number, sha256: string, variant: Variant): Promise<number | null> {
    try {
      return (await stat(pathOf(tenantId, sha256, variant))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  return { dir: root, pathOf, write, sizeOf };
}
