import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type pg from 'pg';
import { copyOut } from './copy-out.js';

/** A protocol message: type byte, 32-bit length (itself included), body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** A connection whose socket is fed by the test, with node-postgres's own data listener as a recorder. */
function fakeClient() {
  const socket = Object.assign(new EventEmitter(), {
    destroyed: false,
    destroy: () => (socket.destroyed = true),
  });
  const toPg: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => toPg.push(Buffer.from(chunk)));
  const queries: string[] = [];
  let active: { handleReadyForQuery(): void; handleError(e: Error): void } | null = null;
  const client = {
    query(q: { submit(c: unknown): void } & NonNullable<typeof active>) {
      active = q;
      q.submit({ stream: socket, query: (text: string) => queries.push(text) });
      return q;
    },
  } as unknown as pg.Client;
  return { client, socket, toPg, queries, active: () => active };
}

/** `stream` cut at the given points (as a socket may deliver it). */
function cut(stream: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((p) => p % (stream.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...at, stream.length]) {
    if (p > from) chunks.push(Buffer.from(stream.subarray(from, p)));
    from = Math.max(from, p);
  }
  return chunks;
}

const bytes = fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a));
const splits = fc.array(fc.nat(), { maxLength: 40 });

describe('reading COPY … TO STDOUT off the socket', () => {
  it('hands over each CopyData message whole, however the socket cuts the stream, and the rest to node-postgres', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 4, arbitrary: bytes.map((b) => ['d', b] as const) },
            bytes.map((b) => ['N', b] as const),
          ),
          {
            maxLength: 30,
          },
        ),
        bytes,
        splits,
        fc.boolean(),
        async (messages, tail, points, oneByteChunks) => {
          const f = fakeClient();
          const got: Buffer[] = [];
          const done = copyOut(f.client, 'COPY x TO STDOUT', (buf, s, e) =>
            got.push(Buffer.from(buf.subarray(s, e))),
          );
          const after = Buffer.concat([
            message('C', Buffer.from('COPY 1\0')),
            message('Z', Buffer.from('I')),
            tail,
          ]);
          const stream = Buffer.concat([
            message('H', Buffer.from([1, 0, 0])),
            ...messages.map(([type, body]) => message(type, body)),
            message('c', Buffer.alloc(0)),
            after,
          ]);
          const chunks = oneByteChunks ? cut(stream, [...stream.keys()]) : cut(stream, points);
          for (const chunk of chunks) f.socket.emit('data', chunk);
          f.active()?.handleReadyForQuery();
          await done;
          assert.deepEqual(f.queries, ['COPY x TO STDOUT']);
          assert.deepEqual(
            got,
            messages.filter(([type]) => type === 'd').map(([, body]) => body),
          );
          assert.deepEqual(Buffer.concat(f.toPg), after);
          assert.equal(f.socket.listenerCount('data'), 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives an error message back to node-postgres whole, header and all, and rejects with its error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bytes, { maxLength: 10 }), bytes, splits, async (rows, tail, points) => {
        const f = fakeClient();
        const got: Buffer[] = [];
        const done = copyOut(f.client, 'COPY x TO STDOUT', (buf, s, e) =>
          got.push(Buffer.from(buf.subarray(s, e))),
        );
        const error = Buffer.concat([message('E', Buffer.from('SERROR\0Mboom\0\0')), tail]);
        const stream = Buffer.concat([
          message('H', Buffer.alloc(3)),
          ...rows.map((r) => message('d', r)),
          error,
        ]);
        for (const chunk of cut(stream, points)) f.socket.emit('data', chunk);
        assert.deepEqual(got, rows);
        assert.deepEqual(Buffer.concat(f.toPg), error);
        f.active()?.handleError(new Error('boom'));
        await assert.rejects(done, /boom/);
      }),
      { numRuns: 200 },
    );
  });

  it('closes the connection and rejects on a message with an impossible length', async () => {
    const f = fakeClient();
    const done = copyOut(f.client, 'COPY x TO STDOUT', () => undefined);
    const broken = Buffer.from([0x64, 0, 0, 0, 2]);
    f.socket.emit('data', Buffer.concat([message('H', Buffer.alloc(3)), broken]));
    await assert.rejects(done, /impossible length/);
    assert.equal(f.socket.destroyed, true);
  });

  it('closes the connection and rejects when the rows cannot be read', async () => {
    const f = fakeClient();
    const done = copyOut(f.client, 'COPY x TO STDOUT', () => {
      throw new Error('not a binary COPY stream');
    });
    f.socket.emit('data', Buffer.concat([message('H', Buffer.alloc(3)), message('d', Buffer.from('x'))]));
    await assert.rejects(done, /not a binary COPY stream/);
    assert.equal(f.socket.destroyed, true);
  });
});
