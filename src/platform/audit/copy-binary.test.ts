import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCopyBinary, type CopyField } from '../../../test/helpers/copy-binary.js';
import { random } from '../random.js';
import { CopyBinaryReader } from './copy-binary.js';

type Field = CopyField;
const encode = encodeCopyBinary;

function decode(stream: Buffer, fields: number, cut: (rest: number) => number): Field[][] {
  const out: Field[][] = [];
  const reader = new CopyBinaryReader(fields, (buf, start, length) => {
    const row: Field[] = [];
    for (let i = 0; i < fields; i++) {
      const n = length[i] as number;
      row.push(n < 0 ? null : Buffer.from(buf.subarray(start[i], (start[i] as number) + n)));
    }
    out.push(row);
  });
  for (let at = 0; at < stream.length;) {
    const n = Math.max(1, Math.min(stream.length - at, cut(stream.length - at)));
    reader.push(stream.subarray(at, at + n));
    at += n;
  }
  reader.finish();
  return out;
}

describe('the binary COPY reader', () => {
  const rand = random(42);
  const someRows = (n: number): Field[][] =>
    Array.from({ length: n }, (_, r) => [
      Buffer.from(`case-${r}`),
      r % 3 === 0 ? null : Buffer.from('井盖缺失 '.repeat(r % 7)),
      Buffer.alloc(0),
      Buffer.from([r & 0xff, 0, 1]),
    ]);

  it('reads every row whole, however the stream is cut into chunks', () => {
    for (let trial = 0; trial < 200; trial++) {
      const rows = someRows(Math.floor(rand() * 30));
      const stream = encode(rows, trial % 5 === 0 ? Buffer.from('ext') : Buffer.alloc(0));
      const maxChunk = 1 + Math.floor(rand() * 40);
      assert.deepEqual(
        decode(stream, 4, () => 1 + Math.floor(rand() * maxChunk)),
        rows,
      );
    }
  });

  it('reads a stream in one chunk and byte by byte alike', () => {
    const rows = someRows(50);
    const stream = encode(rows);
    assert.deepEqual(
      decode(stream, 4, (rest) => rest),
      rows,
    );
    assert.deepEqual(
      decode(stream, 4, () => 1),
      rows,
    );
  });

  it('refuses a stream that is not binary COPY, has the wrong width, or stops early', () => {
    assert.throws(() => decode(Buffer.from('id\tname\n1\tx\n'.repeat(3)), 4, (r) => r), /not a binary COPY/);
    assert.throws(() => decode(encode(someRows(2)), 3, (r) => r), /expected 3 fields/);
    const whole = encode(someRows(5));
    assert.throws(() => decode(whole.subarray(0, whole.length - 9), 4, (r) => r), /ended early/);
  });
});
