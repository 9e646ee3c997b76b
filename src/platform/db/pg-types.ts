import pg from 'pg';

const INT8_OID = 20;

/**
 * bigint columns (ids, counts) come back as numbers: every id and count in this system stays far below
 * 2^53, and a string where a number is expected leaks into JSON and comparisons.
 */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') {
      return (value: string) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} exceeds the safe integer range`);
        return n;
      };
    }
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
} as const;
