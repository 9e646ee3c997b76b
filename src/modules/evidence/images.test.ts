import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import exifr from 'exifr';
import sharp from 'sharp';
import { AppError } from '../../platform/http/app-error.js';
import { processImage } from './images.js';
import { XMP_WITH_GPS, photo } from './test-helpers.js';

const HANGZHOU = { lat: 30.2489, lng: 120.1694 };

/** The colour of one pixel, as [r, g, b]. */
async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

const reddish = (c: number[]) => c[0]! > 200 && c[1]! < 60 && c[2]! < 60;
const bluish = (c: number[]) => c[2]! > 200 && c[0]! < 60 && c[1]! < 60;

describe('photos: EXIF for staff, nothing but pixels for the public', () => {
  it('reads camera, time and GPS, and the public copy has no EXIF, GPS, XMP or ICC left', async () => {
    const original = await photo({
      gps: HANGZHOU,
      make: 'TestCam',
      model: 'Z9',
      dateTimeOriginal: '2025:10:09 10:00:00',
      offsetTimeOriginal: '+08:00',
      xmp: XMP_WITH_GPS,
    });
    // The input really carries a location, or the rest would prove nothing.
    const before = await exifr.gps(original);
    assert.ok(Math.abs(before.latitude - HANGZHOU.lat) < 1e-4, JSON.stringify(before));
    assert.ok((await sharp(original).metadata()).xmp, 'the input has an XMP packet');

    const result = await processImage(original);
    assert.deepEqual(result.exif?.make, 'TestCam');
    assert.equal(result.exif?.model, 'Z9');
    assert.equal(result.exif?.dateTimeOriginal, '2025-10-09T10:00:00');
    assert.equal(result.exif?.offsetTimeOriginal, '+08:00');
    assert.ok(result.exif?.gps);
    assert.ok(Math.abs(result.exif.gps.lat - HANGZHOU.lat) < 1e-4);
    assert.ok(Math.abs(result.exif.gps.lng - HANGZHOU.lng) < 1e-4);

    for (const copy of [result.publicCopy, result.thumbnail]) {
      const meta = await sharp(copy).metadata();
      assert.equal(meta.exif, undefined, 'no EXIF block');
      assert.equal(meta.xmp, undefined, 'no XMP packet');
      assert.equal(meta.iptc, undefined, 'no IPTC');
      assert.equal(meta.icc, undefined, 'no ICC profile');
      assert.equal(copy.includes('Exif\0\0'), false, 'no EXIF marker in the bytes');
      assert.equal(copy.includes('xmpmeta'), false, 'no XMP in the bytes');
      assert.equal(copy.includes('GPSLatitude'), false);
    }
    // exifr reads JPEG (not WebP): nothing at all in the public copy.
    assert.equal(await exifr.parse(result.publicCopy, true), undefined);
    assert.equal((await sharp(result.publicCopy).metadata()).format, 'jpeg');
    assert.equal((await sharp(result.thumbnail).metadata()).format, 'webp');
    // The original is untouched by all this.
    assert.ok(await exifr.gps(original));
  });

  it('reads EXIF from WebP and PNG too (exifr alone cannot read WebP)', async () => {
    for (const format of ['webp', 'png'] as const) {
      const result = await processImage(await photo({ format, gps: HANGZHOU, make: 'W' }));
      assert.equal(result.exif?.make, 'W', format);
      assert.ok(result.exif?.gps, `${format} GPS`);
      assert.equal((await sharp(result.publicCopy).metadata()).exif, undefined);
    }
  });

  it('turns the copies upright by the EXIF orientation and reports the displayed size', async () => {
    // Stored 400×200, left red / right blue; orientation 6 means "turn 90° clockwise to show".
    const original = await photo({ width: 400, height: 200, orientation: 6 });
    assert.equal((await sharp(original).metadata()).orientation, 6);
    const result = await processImage(original);
    assert.equal(result.width, 200);
    assert.equal(result.height, 400);
    assert.equal(result.exif?.orientation, 6);
    const pub = await sharp(result.publicCopy).metadata();
    assert.deepEqual([pub.width, pub.height, pub.orientation], [200, 400, undefined]);
    // Turned clockwise, the left (red) half is now on top.
    assert.ok(reddish(await pixel(result.publicCopy, 100, 50)));
    assert.ok(bluish(await pixel(result.publicCopy, 100, 350)));
    const thumb = await sharp(result.thumbnail).metadata();
    assert.deepEqual([thumb.width, thumb.height], [160, 320]);
  });

  it('bounds the thumbnail to 320 px and the public copy to 2048 px, never enlarging', async () => {
    const big = await processImage(await photo({ width: 4000, height: 3000 }));
    assert.deepEqual([big.width, big.height], [4000, 3000]);
    const thumb = await sharp(big.thumbnail).metadata();
    assert.deepEqual([thumb.width, thumb.height], [320, 240]);
    const pub = await sharp(big.publicCopy).metadata();
    assert.deepEqual([pub.width, pub.height], [2048, 1536]);

    const small = await processImage(await photo({ width: 100, height: 50 }));
    const smallThumb = await sharp(small.thumbnail).metadata();
    assert.deepEqual([smallThumb.width, smallThumb.height], [100, 50]);
  });

  it('flattens transparency onto white in the public JPEG', async () => {
    const result = await processImage(await photo({ format: 'png', alpha: true }));
    const pub = await sharp(result.publicCopy).metadata();
    assert.equal(pub.channels, 3);
    assert.equal(pub.hasAlpha, false);
    // Half-transparent blue over white is light blue, not dark blue over black.
    const c = await pixel(result.publicCopy, 300, 100);
    assert.ok(c[0]! > 100 && c[2]! > 200, JSON.stringify(c));
  });

  it('has no EXIF summary for a photo without EXIF', async () => {
    assert.equal((await processImage(await photo())).exif, null);
  });

  it('refuses a damaged image with 422 FILE_UNREADABLE', async () => {
    const original = await photo();
    await assert.rejects(processImage(original.subarray(0, 300)), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.status, 422);
      assert.equal(e.code, 'FILE_UNREADABLE');
      assert.equal(e.options.field, 'file');
      return true;
    });
  });
});
