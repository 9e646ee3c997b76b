import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { jsonbText, numericText } from './canonical.js';

/** jsonb refuses the NUL character; nothing else is off limits. */
const storable = (v: unknown): boolean => !JSON.stringify(v).includes('\\u0000');

describe('jsonbText reproduces PostgreSQL’s jsonb text', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.close());

  const fromDb = async (values: readonly unknown[]): Promise<string[]> => {
    const r = await sql<{ t: string }>`
      SELECT x::jsonb::text AS t FROM unnest(${values.map((v) => JSON.stringify(v))}::text[]) WITH ORDINALITY AS u(x, i)
      ORDER BY i`.execute(t.db.sql);
    return r.rows.map((row) => row.t);
  };

  it('for arbitrary JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 4 }).filter(storable), { minLength: 1, maxLength: 40 }),
        async (values) => {
          assert.deepEqual(
            values.map((v) => jsonbText(v)),
            await fromDb(values),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('for the awkward numbers and keys', async () => {
    const values = [
      1e21,
      1.5e300,
      -2.5e-7,
      5e-324,
      Number.MAX_VALUE,
      -0,
      0.1,
      123456789012345680000,
      1e-6,
      1e-7,
      { b: 1, a: 2, aa: 3, é: 4, z: 5, '': 6, ä: 7, ab: [1, { y: null, x: true }] },
      ['\u2028', '\u007f', '\u001f', 'tab\tnew\nline', '"quoted" \\ back', '中文', '😀'],
    ];
    assert.deepEqual(
      values.map((v) => jsonbText(v)),
      await fromDb(values),
    );
  });

  it('drops undefined members and converts dates as JSON.stringify does', () => {
    const d = new Date('2025-10-09T02:00:00.123Z');
    assert.equal(jsonbText({ a: undefined, d }), '{"d": "2025-10-09T02:00:00.123Z"}');
    assert.equal(jsonbText([undefined]), '[null]');
    assert.equal(numericText(1e21), '1000000000000000000000');
    assert.equal(numericText(-1.25e-3), '-0.00125');
    assert.throws(() => numericText(Number.NaN));
  });
});
