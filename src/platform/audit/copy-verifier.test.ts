import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeCopyBinary, type CopyField } from '../../../test/helpers/copy-binary.js';
import { jsonbText } from './canonical.js';
import { bodyDigest, chainHash } from './chain.js';
import { ChainChecker, ProblemList } from './chain-checker.js';
import { CopyBinaryReader } from './copy-binary.js';
import { rowVerifier } from './copy-verifier.js';

const PG_EPOCH_US = 946_684_800_000_000n;
const TENANT = 7;

// Text as PostgreSQL stores it (never a NUL), with the characters JSON must escape over-represented.
const text = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0001', '井', '😀', 'a'), maxLength: 40 }),
  )
  .filter((s) => !s.includes('\u0000'));

const content = fc.record({
  type: text.filter((s) => s.length > 0),
  id: text.filter((s) => s.length > 0),
  name: text,
  atUs: fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
  kind: text,
  actorId: fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
  role: fc.option(text),
  requestId: fc.option(text),
  payload: fc.jsonValue({ maxDepth: 3 }).map((v) => jsonbText(v)),
});
type Content = typeof content extends fc.Arbitrary<infer T> ? T : never;

// A few values of one length per field: rows often repeat their neighbours' key and actor fields, which the
// verifier then does not write again, or differ from them in one byte only, which it must notice.
const repetitive: fc.Arbitrary<Content> = fc.record({
  type: fc.constantFrom('case', 'cast'),
  id: fc.constantFrom('a', 'b'),
  name: fc.constantFrom('x', 'y'),
  atUs: fc.constantFrom(0n, 1n),
  kind: fc.constantFrom('staff', 'stuff'),
  actorId: fc.constantFrom(null, 1n, 2n),
  role: fc.constantFrom(null, 'r1', 'r2'),
  requestId: fc.constantFrom(null, 'q1', 'q2'),
  payload: fc.constantFrom('{"a":1}', '{"a":2}'),
});
const event = fc.oneof({ arbitrary: content, weight: 1 }, { arbitrary: repetitive, weight: 3 });

/** Record r's events chained as appendEvents chains them, as binary COPY rows. */
function rows(events: readonly Content[], r: number): CopyField[][] {
  let prev: Buffer | null = null;
  return events.map((e, i) => {
    const digest = bodyDigest({
      actorKind: e.kind,
      actorId: e.actorId === null ? null : String(e.actorId),
      actorRole: e.role,
      requestId: e.requestId,
      payloadText: e.payload,
    });
    const header = {
      tenantId: TENANT,
      streamType: events[0]?.type as string,
      streamId: recordId(events, r),
      streamVersion: i + 1,
      name: e.name,
      occurredAtUs: String(e.atUs + PG_EPOCH_US),
    };
    const hash = chainHash(prev, digest, header);
    const int = (bytes: number, v: bigint | number): Buffer => {
      const b = Buffer.alloc(bytes);
      if (bytes === 4) b.writeInt32BE(Number(v));
      else b.writeBigInt64BE(BigInt(v));
      return b;
    };
    const row: CopyField[] = [
      Buffer.from(header.streamType),
      Buffer.from(header.streamId),
      int(4, i + 1),
      Buffer.from(e.name),
      int(8, e.atUs),
      Buffer.from(e.kind),
      e.actorId === null ? null : int(8, e.actorId),
      e.role === null ? null : Buffer.from(e.role),
      e.requestId === null ? null : Buffer.from(e.requestId),
      Buffer.from(e.payload),
      prev,
      hash,
    ];
    prev = hash;
    return row;
  });
}

/** Records of the same type may have drawn the same id: the index keeps them apart. */
const recordId = (events: readonly Content[], r: number): string => `${events[0]?.id as string}#${r}`;

function verify(stream: Buffer, chunk: number): { problems: string[]; events: number } {
  const list = new ProblemList(100);
  const checker = new ChainChecker(list.report);
  const reader = new CopyBinaryReader(12, rowVerifier(TENANT, checker));
  for (let at = 0; at < stream.length; at += chunk) reader.push(Buffer.from(stream.subarray(at, at + chunk)));
  reader.finish();
  checker.finish();
  return { problems: list.problems.map((p) => `${p.kind} ${p.streamId}`), events: checker.events };
}

describe('verifying binary COPY rows', () => {
  const records = fc.array(fc.array(event, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });

  it('recomputes the hashes chain.ts gives, for any text, number or null in any field', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 1, max: 300 }), (recs, chunk) => {
        const stream = encodeCopyBinary(recs.flatMap((events, r) => rows(events, r)));
        const r = verify(stream, chunk);
        assert.deepEqual(r.problems, []);
        assert.equal(r.events, recs.flat().length);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a changed byte in any hashed field and names its record', () => {
    fc.assert(
      fc.property(records, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (recs, pick, at, delta) => {
        const all = recs.flatMap((events, r) =>
          rows(events, r).map((row) => ({ row, id: recordId(events, r) })),
        );
        const target = all[pick % all.length] as (typeof all)[number];
        // Every field but the record's own name (type, id: a changed one is another record) and prev_hash.
        const fields = [2, 3, 4, 5, 6, 7, 8, 9, 11].filter((i) => (target.row[i]?.length ?? 0) > 0);
        const field = target.row[fields[at % fields.length] as number] as Buffer;
        const i = at % field.length;
        field[i] = ((field[i] as number) + delta) & 0xff;
        const r = verify(encodeCopyBinary(all.map((x) => x.row)), 4096);
        assert.ok(r.problems.length > 0);
        assert.ok(
          r.problems.every((p) => p.endsWith(` ${target.id}`)),
          r.problems.join('; '),
        );
      }),
      { numRuns: 500 },
    );
  });
});
