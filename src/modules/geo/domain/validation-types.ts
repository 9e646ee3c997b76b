/** The problems an import or a generated data set can have, reported per feature. */

export type ValidationProblemCode =
  /** A ring whose first and last positions differ. */
  | 'OPEN_RING'
  /** Edges of the feature cross, overlap or touch where they must not (including spikes). */
  | 'SELF_CROSSING'
  /** More of the feature than the tolerance lies outside its parent region. */
  | 'OUTSIDE_PARENT'
  /** The feature overlaps another feature of the same level by more than the tolerance. */
  | 'SIBLING_OVERLAP'
  /** Another feature in the same batch has the same code. */
  | 'DUPLICATE_CODE'
  /** Not a Polygon/MultiPolygon, too few points, non-numeric or out-of-range coordinates, no area. */
  | 'INVALID_GEOMETRY'
  /** Missing or malformed code, or a code whose prefix does not match its parent. */
  | 'BAD_CODE'
  /** The parent region named (or implied by the code) does not exist, or existing children would lose theirs. */
  | 'MISSING_PARENT'
  /** A required attribute (e.g. the name of a street or community) is empty. */
  | 'MISSING_NAME'
  /** The import holds no feature at all. */
  | 'EMPTY_IMPORT';

export const VALIDATION_PROBLEM_CODES: readonly ValidationProblemCode[] = [
  'OPEN_RING',
  'SELF_CROSSING',
  'OUTSIDE_PARENT',
  'SIBLING_OVERLAP',
  'DUPLICATE_CODE',
  'INVALID_GEOMETRY',
  'BAD_CODE',
  'MISSING_PARENT',
  'MISSING_NAME',
  'EMPTY_IMPORT',
];

export interface ValidationProblem {
  /** Position of the feature in the input list. */
  featureIndex: number;
  /** The feature's code, when it has one. */
  code?: string;
  problem: ValidationProblemCode;
  /** English, for logs and the command line; the HTTP layer localises by `problem`. */
  message: string;
  details?: Record<string, unknown>;
}
