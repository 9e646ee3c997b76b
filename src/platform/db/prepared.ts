/**
 * Hot statements run as named prepared statements on PostgreSQL: each connection parses and plans one of
 * them once, then only binds and executes it. For the intake's batch write that saves a parse and a plan of
 * a long multi-table statement per batch, and sending its text (ARCHITECTURE §8).
 *
 * A statement opts in by starting with `PREPARED_MARK` (`prepared(...)` below); only statements whose text
 * takes a bounded number of shapes may, since every connection keeps each shape it saw until it closes. The
 * mark is an SQL comment, so PGlite, which runs every statement as it comes, just ignores it.
 */
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';

export const PREPARED_MARK = '/*prepared*/';

/** Marks a statement to run as a named prepared statement (on PostgreSQL). */
export function prepared<R>(statement: RawBuilder<R>): RawBuilder<R> {
  // The mark is literal text of the template (not a parameter), so it stays the statement's first fragment.
  return sql<R>`/*prepared*/ ${statement}`;
}

/** The name a marked statement is prepared under: the same text gets the same name on every connection. */
export function preparedName(text: string): string | null {
  if (!text.startsWith(PREPARED_MARK)) return null;
  return 'cz_' + createHash('sha256').update(text).digest('hex').slice(0, 32);
}
