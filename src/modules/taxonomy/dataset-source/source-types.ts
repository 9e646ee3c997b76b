import type { UnitKind } from '../domain/unit-kinds.js';

/**
 * The authoring form of the default dataset: majors with their minors and, per minor, its rows as
 * [立案条件, 处置时限 text, 结案条件]. build-dataset.ts turns it into the flat, versioned JSON that ships in
 * data/reference/taxonomy/ — a row's seq is its position in `rows`, so append new rows at the end.
 */
export type RowSource = readonly [filingCondition: string, timeLimit: string, closingCondition: string];

export interface MinorSource {
  code: string;
  name: string;
  /** [监管主体, 责任主体] unit kinds. */
  units: readonly [supervising: UnitKind | null, responsible: UnitKind | null];
  legalBasis: string;
  collection: string;
  rows: readonly RowSource[];
}

export interface MajorSource {
  code: string;
  name: string;
  minors: readonly MinorSource[];
}
