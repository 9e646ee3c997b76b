import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { AppError } from '../../platform/http/app-error.js';
import { sniffType } from './sniff.js';
import { heicHeader, minimalPdf, photo } from './test-helpers.js';

async function refusal(bytes: Buffer): Promise<AppError> {
  try {
    await sniffType(bytes);
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail('the file was accepted');
}

describe('type by content', () => {
  it('recognises JPEG, PNG, WebP and PDF from their bytes', async () => {
    assert.equal(await sniffType(await photo({ format: 'jpeg' })), 'image/jpeg');
    assert.equal(await sniffType(await photo({ format: 'png' })), 'image/png');
    assert.equal(await sniffType(await photo({ format: 'webp' })), 'image/webp');
    assert.equal(await sniffType(minimalPdf()), 'application/pdf');
  });

  it('refuses text, executables and archives with 415 on the field "file"', async () => {
    for (const bytes of [
      Buffer.from('<html><script>alert(1)</script></html>'),
      Buffer.from('7f454c46020101000000000000000000', 'hex'), // ELF
      Buffer.from('504b0304140000000800', 'hex'), // zip
    ]) {
      const e = await refusal(Buffer.concat([bytes, Buffer.alloc(300)]));
      assert.equal(e.status, 415);
      assert.equal(e.code, 'UNSUPPORTED_MEDIA_TYPE');
      assert.equal(e.options.field, 'file');
    }
  });

  it('names the image types it does not take: HEIC (sharp here cannot decode HEVC), GIF, AVIF', async () => {
    const heic = await refusal(heicHeader());
    assert.equal(heic.options.details?.detected, 'image/heic');
    const gif = await refusal(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
        .gif()
        .toBuffer(),
    );
    assert.equal(gif.options.details?.detected, 'image/gif');
    const avif = await refusal(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
        .avif()
        .toBuffer(),
    );
    assert.equal(avif.options.details?.detected, 'image/avif');
  });

  it('goes by the content, not by what precedes it in a name: a PDF header inside text is not a PDF', async () => {
    const e = await refusal(Buffer.from('see attached %PDF-1.4 report'));
    assert.equal(e.options.details?.detected, null);
  });
});
