import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  sql,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  DummyDriver,
} from 'kysely';
import { prepared, preparedName, PREPARED_MARK } from './prepared.js';

const compiler = new Kysely<object>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('prepared statements', () => {
  it('marks a statement so it gets a stable name from its text', () => {
    const a = prepared(sql`SELECT ${1}::int AS x`).compile(compiler);
    const b = prepared(sql`SELECT ${2}::int AS x`).compile(compiler);
    assert.ok(a.sql.startsWith(PREPARED_MARK), a.sql);
    assert.deepEqual(a.parameters, [1]);
    const name = preparedName(a.sql);
    assert.match(name ?? '', /^cz_[0-9a-f]{32}$/);
    assert.equal(preparedName(b.sql), name, 'other values, same statement');
    assert.notEqual(preparedName(prepared(sql`SELECT ${1}::bigint AS x`).compile(compiler).sql), name);
  });

  it('leaves unmarked statements alone', () => {
    assert.equal(preparedName(sql`SELECT ${1}::int AS x`.compile(compiler).sql), null);
  });
});
