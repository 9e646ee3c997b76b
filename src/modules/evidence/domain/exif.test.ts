import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exifDateTime, exifGps, exifOffset, summariseExif, takenAtOf } from './exif.js';

describe('EXIF summary', () => {
  it('reads the camera clock and refuses placeholder or impossible dates', () => {
    assert.equal(exifDateTime('2025:10:09 10:00:00'), '2025-10-09T10:00:00');
    assert.equal(exifDateTime('2024:02:29 23:59:59'), '2024-02-29T23:59:59');
    assert.equal(exifDateTime('0000:00:00 00:00:00'), null);
    assert.equal(exifDateTime('2025:02:29 10:00:00'), null);
    assert.equal(exifDateTime('2025:13:01 10:00:00'), null);
    assert.equal(exifDateTime('2025:10:09 24:00:00'), null);
    assert.equal(exifDateTime('    :  :     :  :  '), null);
    assert.equal(exifDateTime(20251009), null);
  });

  it('keeps only well-formed offsets', () => {
    assert.equal(exifOffset('+08:00'), '+08:00');
    assert.equal(exifOffset('-05:30'), '-05:30');
    assert.equal(exifOffset('+8'), null);
    assert.equal(exifOffset('+25:00'), null);
  });

  it('treats 0,0, out-of-range and non-finite coordinates as no location', () => {
    assert.deepEqual(exifGps(30.25, 120.175), { lat: 30.25, lng: 120.175 });
    assert.deepEqual(exifGps(-30.123456789, -120.5), { lat: -30.1234568, lng: -120.5 });
    assert.equal(exifGps(0, 0), null);
    assert.equal(exifGps(91, 120), null);
    assert.equal(exifGps(30, 181), null);
    assert.equal(exifGps(Number.NaN, 120), null);
    assert.equal(exifGps(30, undefined), null);
  });

  it('summarises the tags staff need and cleans NUL-padded strings', () => {
    const summary = summariseExif({
      Make: 'HUAWEI\u0000\u0000 ',
      Model: '  P60 ',
      DateTimeOriginal: '2025:10:09 10:00:00',
      OffsetTimeOriginal: '+08:00',
      latitude: 30.25,
      longitude: 120.175,
      Orientation: 6,
      ExposureTime: 0.01,
    });
    assert.deepEqual(summary, {
      make: 'HUAWEI',
      model: 'P60',
      dateTimeOriginal: '2025-10-09T10:00:00',
      offsetTimeOriginal: '+08:00',
      gps: { lat: 30.25, lng: 120.175 },
      orientation: 6,
    });
    assert.equal(takenAtOf(summary), '2025-10-09T10:00:00+08:00');
  });

  it('gives the bare camera time when no offset was recorded, and nothing for nothing', () => {
    const summary = summariseExif({ DateTimeOriginal: '2025:10:09 10:00:00', Orientation: 9 });
    assert.equal(summary?.orientation, null);
    assert.equal(takenAtOf(summary), '2025-10-09T10:00:00');
    assert.equal(summariseExif({ Orientation: 0, ExposureTime: 0.01 }), null);
    assert.equal(summariseExif(undefined), null);
    assert.equal(takenAtOf(null), null);
  });

  it('drops an offset that has no time to go with', () => {
    assert.equal(summariseExif({ OffsetTimeOriginal: '+08:00', Make: 'X' })?.offsetTimeOriginal, null);
  });
});
