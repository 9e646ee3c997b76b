import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import exifr from 'exifr';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { heicHeader, minimalPdf, photo } from './test-helpers.js';

const HANGZHOU = { lat: 30.2489, lng: 120.1694 };
const MiB = 1024 * 1024;

interface FileJson {
  sha256: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  takenAt: string | null;
  hasLocation: boolean;
  createdAt: string;
}
interface ErrorBody {
  error: { code: string; field?: string; message: string };
}

describe('evidence over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let gpsPhoto: Buffer;
  let sha: string;

  before(async () => {
    t = await createTestApp();
    await t.createUser('inspector', ['inspector']);
    staff = (await t.login('inspector')).headers;
    gpsPhoto = await photo({
      gps: HANGZHOU,
      make: 'TestCam',
      model: 'Z9',
      dateTimeOriginal: '2025:10:09 09:30:00',
      offsetTimeOriginal: '+08:00',
      orientation: 6,
    });
  });
  after(() => t.close());

  const upload = (bytes: Buffer, contentType = 'image/jpeg', headers = staff, url = '/api/files') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': contentType },
      payload: bytes,
    });

  it('takes a staff upload: 201 with the record, 200 with the same record the second time', async () => {
    const res = await upload(gpsPhoto);
    assert.equal(res.statusCode, 201, res.body);
    const file = res.json<FileJson>();
    sha = file.sha256;
    assert.match(sha, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      { ...file, sha256: undefined },
      {
        sha256: undefined,
        mime: 'image/jpeg',
        bytes: gpsPhoto.length,
        width: 200,
        height: 400,
        takenAt: '2025-10-09T09:30:00+08:00',
        hasLocation: true,
        createdAt: '2025-10-09T02:00:00.000Z',
      },
    );
    // The claimed type does not matter: the same bytes as octet-stream are the same file.
    const again = await upload(gpsPhoto, 'application/octet-stream');
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), file);
  });

  it('serves the original to staff with its EXIF, type, ETag and caching', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/files/${sha}`, headers: staff });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'image/jpeg');
    assert.equal(res.headers.etag, `"${sha}"`);
    assert.match(String(res.headers['cache-control']), /^private, max-age=\d+, immutable$/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /sandbox/);
    assert.equal(Number(res.headers['content-length']), gpsPhoto.length);
    assert.deepEqual(res.rawPayload, gpsPhoto);
    assert.ok((await exifr.gps(res.rawPayload))?.latitude, 'the original keeps its location');

    const notModified = await t.app.inject({
      method: 'GET',
      url: `/api/files/${sha}`,
      headers: { ...staff, 'if-none-match': `"${sha}"` },
    });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.rawPayload.length, 0);
  });

  it('serves a WebP thumbnail and the staff description with camera and GPS', async () => {
    const thumb = await t.app.inject({ method: 'GET', url: `/api/files/${sha}/thumbnail`, headers: staff });
    assert.equal(thumb.statusCode, 200);
    assert.equal(thumb.headers['content-type'], 'image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 160, 320]);

    const described = await t.app.inject({ method: 'GET', url: `/api/files/${sha}/meta`, headers: staff });
    assert.equal(described.statusCode, 200, described.body);
    const view = described.json<{
      exif: { make: string; model: string; gps: { lat: number; lng: number }; orientation: number };
      origin: string;
      uploadedBy: number;
    }>();
    assert.equal(view.exif.make, 'TestCam');
    assert.equal(view.exif.orientation, 6);
    assert.ok(Math.abs(view.exif.gps.lat - HANGZHOU.lat) < 1e-4);
    assert.equal(view.origin, 'staff');
    assert.equal(typeof view.uploadedBy, 'number');
  });

  it('serves the public copy to anyone: upright JPEG, no EXIF, no GPS', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/files/${sha}` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'image/jpeg');
    assert.equal(res.headers.etag, `"${sha}.public"`);
    assert.equal(await exifr.parse(res.rawPayload, true), undefined);
    assert.equal(await exifr.gps(res.rawPayload), undefined);
    const meta = await sharp(res.rawPayload).metadata();
    assert.deepEqual(
      [meta.width, meta.height, meta.exif, meta.orientation],
      [200, 400, undefined, undefined],
    );
  });

  it('takes anonymous citizen uploads and answers without camera, time or location', async () => {
    const bytes = await photo({ gps: HANGZHOU, make: 'Phone', width: 500 });
    const res = await upload(bytes, 'image/jpeg', {}, '/api/public/files');
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json<Record<string, unknown>>();
    assert.deepEqual(Object.keys(body).sort(), ['bytes', 'height', 'mime', 'sha256', 'width']);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/files/${String(body.sha256)}` });
    assert.equal(pub.statusCode, 200);
    assert.equal(await exifr.gps(pub.rawPayload), undefined);
    // Staff see where it was taken.
    const meta = await t.app.inject({
      method: 'GET',
      url: `/api/files/${String(body.sha256)}/meta`,
      headers: staff,
    });
    assert.equal(meta.json<{ origin: string; hasLocation: boolean }>().origin, 'public');
    assert.equal(meta.json<{ hasLocation: boolean }>().hasLocation, true);
    const unknownTenant = await upload(bytes, 'image/jpeg', {}, '/api/public/files?tenant=999999');
    assert.equal(unknownTenant.statusCode, 400);
    assert.equal(unknownTenant.json<ErrorBody>().error.field, 'tenant');
  });

  it('keeps PDFs from the public and offers them to staff as downloads', async () => {
    const res = await upload(minimalPdf(), 'application/pdf');
    assert.equal(res.statusCode, 201, res.body);
    const pdf = res.json<FileJson>();
    assert.deepEqual([pdf.mime, pdf.width, pdf.height], ['application/pdf', null, null]);
    const original = await t.app.inject({ method: 'GET', url: `/api/files/${pdf.sha256}`, headers: staff });
    assert.equal(original.headers['content-type'], 'application/pdf');
    assert.match(
      String(original.headers['content-disposition']),
      /^attachment; filename="[0-9a-f]{64}\.pdf"$/,
    );
    const thumb = await t.app.inject({
      method: 'GET',
      url: `/api/files/${pdf.sha256}/thumbnail`,
      headers: staff,
    });
    assert.equal(thumb.statusCode, 404);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/files/${pdf.sha256}` });
    assert.equal(pub.statusCode, 404);
    assert.equal(pub.json<ErrorBody>().error.code, 'NOT_FOUND');
  });

  it('refuses by content, size and emptiness with the error model', async () => {
    const heic = await upload(heicHeader(), 'image/heic');
    assert.equal(heic.statusCode, 415, heic.body);
    assert.deepEqual(
      [heic.json<ErrorBody>().error.code, heic.json<ErrorBody>().error.field],
      ['UNSUPPORTED_MEDIA_TYPE', 'file'],
    );
    // A script labelled as a JPEG is still a script.
    const disguised = await upload(Buffer.from('<script>alert(1)</script>'.repeat(20)), 'image/jpeg');
    assert.equal(disguised.statusCode, 415);
    assert.equal(disguised.json<ErrorBody>().error.field, 'file');

    const json = await t.app.inject({ method: 'POST', url: '/api/files', headers: staff, payload: { a: 1 } });
    assert.equal(json.statusCode, 415);
    assert.equal(json.json<ErrorBody>().error.field, 'content-type');

    const empty = await upload(Buffer.alloc(0));
    assert.equal(empty.statusCode, 400, empty.body);
    assert.deepEqual(
      [empty.json<ErrorBody>().error.code, empty.json<ErrorBody>().error.field],
      ['VALIDATION_FAILED', 'file'],
    );

    const overPublic = await upload(Buffer.alloc(8 * MiB + 1, 1), 'image/jpeg', {}, '/api/public/files');
    assert.equal(overPublic.statusCode, 413);
    assert.equal(overPublic.json<ErrorBody>().error.code, 'PAYLOAD_TOO_LARGE');
    const overStaff = await upload(Buffer.alloc(10 * MiB + 1, 1));
    assert.equal(overStaff.statusCode, 413);
    // 9 MiB: above the public limit, within the staff one (refused for its content, not its size).
    const nine = await upload(Buffer.alloc(9 * MiB, 1));
    assert.equal(nine.statusCode, 415);

    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...staff, 'content-type': 'image/jpeg' },
      payload: (await photo()).subarray(0, 300),
    });
    assert.equal(zh.statusCode, 422);
    assert.equal(zh.json<ErrorBody>().error.code, 'FILE_UNREADABLE');
    assert.equal(zh.json<ErrorBody>().error.message, '文件已损坏或无法识别为图片');
  });

  it('keeps staff routes to staff and uploads behind CSRF', async () => {
    for (const url of [`/api/files/${sha}`, `/api/files/${sha}/thumbnail`, `/api/files/${sha}/meta`]) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401, url);
    }
    const anonymous = await upload(gpsPhoto, 'image/jpeg', {});
    assert.equal(anonymous.statusCode, 401);
    const noCsrf = await upload(gpsPhoto, 'image/jpeg', { cookie: staff.cookie! });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json<ErrorBody>().error.code, 'CSRF_FAILED');
  });

  it('answers 404 for unknown files and 400 for malformed hashes', async () => {
    const unknown = 'e'.repeat(64);
    for (const url of [
      `/api/files/${unknown}`,
      `/api/files/${unknown}/meta`,
      `/api/public/files/${unknown}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: staff });
      assert.equal(res.statusCode, 404, url);
    }
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/files/..%2F..%2Fetc%2Fpasswd',
      headers: staff,
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<ErrorBody>().error.code, 'VALIDATION_FAILED');
  });
});
