/** The taxonomy as GET /api/taxonomy answers it (docs/taxonomy.md); the OpenAPI types leave it as unknown. */
export type CategoryKind = 'component' | 'event';

export interface MajorCategory {
  kind: CategoryKind;
  code: string;
  name: string;
}

export interface MinorCategory {
  kind: CategoryKind;
  majorCode: string;
  code: string;
  name: string;
}

export interface Standard {
  id: string;
  kind: CategoryKind;
  majorCode: string;
  minorCode: string;
  seq: number;
  filingCondition: string;
  timeLimit: { amount: number; unit: string };
  closingCondition: string;
}

export interface TaxonomyView {
  version: number;
  effectiveFrom: string | null;
  note: string;
  majors: MajorCategory[];
  minors: MinorCategory[];
  standards: Standard[];
}

export interface SheetError {
  row: number;
  column: string;
  code: string;
  message: string;
  cell?: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface EntryDiff<T> {
  added: T[];
  removed: T[];
  changed: { key: string; changes: FieldChange[] }[];
}

export interface TaxonomyDiff {
  majors: EntryDiff<MajorCategory>;
  minors: EntryDiff<MinorCategory>;
  standards: EntryDiff<Standard>;
}
