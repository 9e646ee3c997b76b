/**
 * Several writes sent as one statement: every write but the last becomes a data-modifying WITH clause of the
 * last. PostgreSQL runs each of them once and to completion, all on one snapshot, so they must not touch the
 * same rows (the caller's contract) and none can see another's changes. It saves a round trip, a parse and a
 * plan per write, which is most of what a small write costs.
 *
 * A write given here must be one plain INSERT / UPDATE / DELETE: PostgreSQL refuses a data-modifying WITH
 * that is not at the top level, so a write with a WITH clause of its own cannot be nested.
 */
import { sql, type RawBuilder } from 'kysely';

export function oneStatement<R>(writes: readonly RawBuilder<unknown>[], last: RawBuilder<R>): RawBuilder<R> {
  if (writes.length === 0) return last;
  return sql<R>`WITH ${sql.join(withClauses(writes), sql`, `)} ${last}`;
}

/** The writes as WITH clauses (`w0 AS (…)`, …), for a last statement that has WITH clauses of its own. */
export function withClauses(writes: readonly RawBuilder<unknown>[]): RawBuilder<unknown>[] {
  return writes.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`);
}
