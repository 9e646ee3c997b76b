import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import exifr from 'exifr';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { systemActor } from '../../platform/actor.js';
import { createAuthCommands, createSecrets, type Tenant } from '../../platform/auth/index.js';
import { fixedClock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/app-error.js';
import { ensureTenant } from '../../platform/tenancy/bootstrap.js';
import { createEvidenceService, type EvidenceService } from './commands.js';
import { heicHeader, minimalPdf, photo } from './test-helpers.js';

const HANGZHOU = { lat: 30.2489, lng: 120.1694 };

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

function appError(status: number, code: string, field?: string) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, status);
    assert.equal(e.code, code);
    if (field) assert.equal(e.options.field, field);
    return true;
  };
}

describe('evidence service', () => {
  let t: TestDb;
  let dir: string;
  let tenant: Tenant;
  let other: Tenant;
  let staffId: number;
  let evidence: EvidenceService;
  const clock = fixedClock('2025-10-09T02:00:00Z');

  before(async () => {
    t = await createTestDb();
    dir = await mkdtemp(path.join(os.tmpdir(), 'chengzhi-evidence-'));
    tenant = await ensureTenant(t.db, { code: '330102', name: '上城区', timeZone: 'Asia/Shanghai' });
    other = await ensureTenant(t.db, { code: '330106', name: '西湖区', timeZone: 'Asia/Shanghai' });
    const auth = createAuthCommands({
      db: t.db,
      clock,
      secrets: createSecrets('test-secret-test-secret-test-secret-0123'),
      sessionTtlHours: 12,
    });
    staffId = (
      await auth.createAccount(systemActor(tenant.id), {
        username: 'inspector',
        displayName: 'inspector',
        password: 'correct-horse-battery-staple',
        roles: ['inspector'],
        mustChangePassword: false,
      })
    ).id;
    evidence = createEvidenceService({ db: t.db, clock, dir, maxBytes: 200_000, maxPublicBytes: 100_000 });
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a photo once: same content, same record, nothing written the second time', async () => {
    const bytes = await photo({
      gps: HANGZHOU,
      make: 'TestCam',
      dateTimeOriginal: '2025:10:09 09:30:00',
      offsetTimeOriginal: '+08:00',
    });
    const first = await evidence.put(tenant.id, { bytes, origin: 'staff', accountId: staffId });
    assert.equal(first.created, true);
    assert.match(first.file.sha256, /^[0-9a-f]{64}$/);
    assert.equal(first.file.mime, 'image/jpeg');
    assert.equal(first.file.bytes, bytes.length);
    assert.deepEqual([first.file.width, first.file.height], [400, 200]);
    assert.equal(first.file.takenAt, '2025-10-09T09:30:00+08:00');
    assert.equal(first.file.hasLocation, true);
    assert.equal(first.file.createdAt.toISOString(), '2025-10-09T02:00:00.000Z');

    const sha = first.file.sha256;
    const folder = path.join(dir, String(tenant.id), sha.slice(0, 2));
    assert.deepEqual((await readdir(folder)).sort(), [sha, `${sha}-public.jpg`, `${sha}-thumb.webp`]);
    assert.deepEqual(await readFile(path.join(folder, sha)), bytes);

    const inode = (await stat(path.join(folder, sha))).ino;
    clock.advance(60_000);
    const again = await evidence.put(tenant.id, { bytes, origin: 'public', accountId: null });
    assert.equal((await stat(path.join(folder, sha))).ino, inode, 'the original was not rewritten');
    assert.equal(again.created, false);
    assert.deepEqual(again.file, first.file);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM files`.execute(t.db.sql);
    assert.equal(rows.rows[0]?.n, 1);
    const events = await sql<{ name: string; payload: Record<string, unknown>; actor_id: number | null }>`
      SELECT name, payload, actor_id FROM events WHERE stream_type = 'file' AND stream_id = ${sha}`.execute(
      t.db.sql,
    );
    assert.equal(events.rows.length, 1, 'one event for one file');
    assert.equal(events.rows[0]?.name, 'evidence.file.uploaded');
    assert.equal(events.rows[0]?.actor_id, staffId);
    assert.deepEqual(Object.keys(events.rows[0].payload).sort(), ['bytes', 'mime', 'origin', 'sha256']);
  });

  it('keeps the EXIF for staff and serves a public copy without it', async () => {
    const bytes = await photo({ gps: HANGZHOU, make: 'StaffCam', width: 300 });
    const { file } = await evidence.put(tenant.id, { bytes, origin: 'public', accountId: null });
    const view = await evidence.describe(tenant.id, file.sha256);
    assert.equal(view?.exif?.make, 'StaffCam');
    assert.ok(view?.exif?.gps && Math.abs(view.exif.gps.lat - HANGZHOU.lat) < 1e-4);
    assert.equal(view?.origin, 'public');
    assert.equal(view?.uploadedBy, null);

    const original = await evidence.get(tenant.id, file.sha256, 'original');
    const pub = await evidence.get(tenant.id, file.sha256, 'public');
    const thumb = await evidence.get(tenant.id, file.sha256, 'thumbnail');
    assert.equal(original?.mime, 'image/jpeg');
    assert.equal(pub?.mime, 'image/jpeg');
    assert.equal(thumb?.mime, 'image/webp');
    assert.ok((await exifr.gps(await readFile(original.path)))?.latitude);
    assert.equal(await exifr.parse(await readFile(pub.path), true), undefined);
  });

  it('stores PDFs without thumbnail or public copy', async () => {
    const { file, created } = await evidence.put(tenant.id, {
      bytes: minimalPdf(),
      origin: 'staff',
      accountId: staffId,
    });
    assert.equal(created, true);
    assert.deepEqual(
      [file.mime, file.width, file.height, file.hasLocation],
      ['application/pdf', null, null, false],
    );
    assert.equal((await evidence.get(tenant.id, file.sha256, 'original'))?.mime, 'application/pdf');
    assert.equal(await evidence.get(tenant.id, file.sha256, 'thumbnail'), null);
    assert.equal(await evidence.get(tenant.id, file.sha256, 'public'), null);
    assert.equal((await evidence.describe(tenant.id, file.sha256))?.exif, null);
  });

  it('refuses empty, oversized (per origin) and unsupported uploads, storing nothing', async () => {
    const before = await filesUnder(dir);
    await assert.rejects(
      evidence.put(tenant.id, { bytes: Buffer.alloc(0), origin: 'staff', accountId: staffId }),
      appError(400, 'VALIDATION_FAILED', 'file'),
    );
    await assert.rejects(
      evidence.put(tenant.id, { bytes: Buffer.alloc(200_001, 1), origin: 'staff', accountId: staffId }),
      appError(413, 'PAYLOAD_TOO_LARGE', 'file'),
    );
    // Within the staff limit but above the public one.
    const large = Buffer.concat([minimalPdf(), Buffer.alloc(150_000, 0x20)]);
    await assert.rejects(
      evidence.put(tenant.id, { bytes: large, origin: 'public', accountId: null }),
      appError(413, 'PAYLOAD_TOO_LARGE', 'file'),
    );
    await assert.rejects(
      evidence.put(tenant.id, { bytes: heicHeader(), origin: 'staff', accountId: staffId }),
      appError(415, 'UNSUPPORTED_MEDIA_TYPE', 'file'),
    );
    await assert.rejects(
      evidence.put(tenant.id, {
        bytes: (await photo()).subarray(0, 300),
        origin: 'staff',
        accountId: staffId,
      }),
      appError(422, 'FILE_UNREADABLE', 'file'),
    );
    assert.deepEqual(await filesUnder(dir), before);
    // The staff limit does take the large PDF.
    assert.equal(
      (await evidence.put(tenant.id, { bytes: large, origin: 'staff', accountId: staffId })).created,
      true,
    );
  });

  it('keeps tenants apart', async () => {
    const { file } = await evidence.put(tenant.id, {
      bytes: await photo({ width: 260 }),
      origin: 'staff',
      accountId: staffId,
    });
    assert.equal(await evidence.get(other.id, file.sha256, 'original'), null);
    assert.equal(await evidence.describe(other.id, file.sha256), null);
    assert.deepEqual(await evidence.existing(other.id, [file.sha256]), []);
    // The same content in another tenant is that tenant's own file.
    const theirs = await evidence.put(other.id, {
      bytes: await photo({ width: 260 }),
      origin: 'public',
      accountId: null,
    });
    assert.equal(theirs.created, true);
    assert.equal(theirs.file.sha256, file.sha256);
    assert.notEqual(
      (await evidence.get(other.id, file.sha256, 'original'))?.path,
      (await evidence.get(tenant.id, file.sha256, 'original'))?.path,
    );
  });

  it('tells which of a list of hashes exist, ignoring malformed ones', async () => {
    const a = (
      await evidence.put(tenant.id, {
        bytes: await photo({ width: 210 }),
        origin: 'staff',
        accountId: staffId,
      })
    ).file.sha256;
    const b = (
      await evidence.put(tenant.id, {
        bytes: await photo({ width: 220 }),
        origin: 'staff',
        accountId: staffId,
      })
    ).file.sha256;
    const unknown = 'f'.repeat(64);
    assert.deepEqual(await evidence.existing(tenant.id, [b, unknown, 'not-a-hash', a, b]), [b, a]);
    assert.deepEqual(await evidence.existing(tenant.id, []), []);
    assert.equal(await evidence.get(tenant.id, unknown, 'original'), null);
    assert.equal(await evidence.get(tenant.id, '../../etc/passwd', 'original'), null);
  });

  it('inserts no row when the files cannot be written', async () => {
    const blocker = path.join(dir, 'blocker');
    await writeFile(blocker, 'x');
    const broken = createEvidenceService({ db: t.db, clock, dir: blocker });
    const bytes = await photo({ width: 230 });
    await assert.rejects(
      broken.put(tenant.id, { bytes, origin: 'staff', accountId: staffId }),
      /ENOTDIR|EEXIST/,
    );
    const sha = createHash('sha256').update(bytes).digest('hex');
    assert.equal(await evidence.describe(tenant.id, sha), null);
    // The same upload where the disk works is a new file, not a half-stored one.
    assert.equal(
      (await evidence.put(tenant.id, { bytes, origin: 'staff', accountId: staffId })).created,
      true,
    );
  });

  it('says so when a known file is missing on disk, and a new upload of it restores the files', async () => {
    const bytes = await photo({ width: 240 });
    const { file } = await evidence.put(tenant.id, { bytes, origin: 'staff', accountId: staffId });
    const pub = await evidence.get(tenant.id, file.sha256, 'public');
    await rm(pub!.path);
    await assert.rejects(evidence.get(tenant.id, file.sha256, 'public'), /missing from the files directory/);
    const again = await evidence.put(tenant.id, { bytes, origin: 'staff', accountId: staffId });
    assert.equal(again.created, false);
    assert.ok((await evidence.get(tenant.id, file.sha256, 'public'))?.size);
  });
});
