import { majorKey, minorKey } from './codes.js';
import type { MajorCategory, MinorCategory, Standard, TaxonomyTable, TaxonomyVersion } from './types.js';
import type { TableIssue } from './validate-table.js';
import { validateTaxonomyTable } from './validate-table.js';
import { sortTableCanonically } from './ordering.js';

/**
 * Versions are immutable: a case keeps the version it was filed under, so an edit to a category or a standard
 * row produces version n + 1 and leaves version n as it was. A standard row keeps its stable id across
 * versions when its text or limit changes; a row that no longer applies is dropped from the new version (its
 * id stays readable in the old one). Numbering a new row in a minor: take the next seq never used in that
 * minor, so an id never comes to mean a different condition (nextStandardSeq).
 */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangedEntry<T> {
  /** `C-01` (major), `C-0101` (minor) or a standard id. */
  key: string;
  before: T;
  after: T;
  changes: FieldChange[];
}

export interface EntryDiff<T> {
  added: T[];
  removed: T[];
  changed: ChangedEntry<T>[];
}

export interface TaxonomyDiff {
  fromVersion: number | null;
  toVersion: number | null;
  majors: EntryDiff<MajorCategory>;
  minors: EntryDiff<MinorCategory>;
  standards: EntryDiff<Standard>;
}

/** JSON with object keys sorted: a version read back from jsonb has its keys in another order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function diffEntries<T extends object>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (entry: T) => string,
  fields: readonly (keyof T & string)[],
): EntryDiff<T> {
  const beforeByKey = new Map(before.map((entry) => [keyOf(entry), entry]));
  const afterByKey = new Map(after.map((entry) => [keyOf(entry), entry]));
  const added = after.filter((entry) => !beforeByKey.has(keyOf(entry)));
  const removed = before.filter((entry) => !afterByKey.has(keyOf(entry)));
  const changed: ChangedEntry<T>[] = [];
  for (const entry of after) {
    const key = keyOf(entry);
    const old = beforeByKey.get(key);
    if (old === undefined) continue;
    const changes = fields
      .filter((field) => !sameValue(old[field], entry[field]))
      .map((field) => ({ field, before: old[field], after: entry[field] }));
    if (changes.length > 0) changed.push({ key, before: old, after: entry, changes });
  }
  return { added, removed, changed };
}

function versionOf(table: TaxonomyTable | TaxonomyVersion): number | null {
  return 'version' in table ? table.version : null;
}

/** What changed from `a` to `b`: added, removed and changed majors, minors and standard rows, field by field. */
export function diffTaxonomyVersions(
  a: TaxonomyTable | TaxonomyVersion,
  b: TaxonomyTable | TaxonomyVersion,
): TaxonomyDiff {
  const from = sortTableCanonically(a);
  const to = sortTableCanonically(b);
  return {
    fromVersion: versionOf(a),
    toVersion: versionOf(b),
    majors: diffEntries(from.majors, to.majors, (m) => majorKey(m.kind, m.code), ['name']),
    minors: diffEntries(from.minors, to.minors, (m) => minorKey(m.kind, m.majorCode, m.code), [
      'name',
      'legalBasis',
      'collectionRequirements',
      'supervisingUnitKind',
      'responsibleUnitKind',
    ]),
    standards: diffEntries(from.standards, to.standards, (s) => s.id, [
      'filingCondition',
      'timeLimit',
      'closingCondition',
    ]),
  };
}

export function isEmptyDiff(diff: TaxonomyDiff): boolean {
  return [diff.majors, diff.minors, diff.standards].every(
    (d) => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0,
  );
}

export type PublishResult =
  | { ok: true; version: TaxonomyVersion; diff: TaxonomyDiff }
  | { ok: false; code: 'INVALID_TABLE'; issues: TableIssue[] }
  | { ok: false; code: 'NO_CHANGES' };

/**
 * Freezes an edited table as the next version after `previous` (version 1 when there is none). Refuses an
 * invalid table, and a table identical to the previous version (publishing it would only add noise).
 */
export function publishVersion(
  previous: TaxonomyVersion | null,
  table: TaxonomyTable,
  meta: { note: string; effectiveFrom: string | null },
): PublishResult {
  const issues = validateTaxonomyTable(table);
  if (issues.length > 0) return { ok: false, code: 'INVALID_TABLE', issues };
  const sorted = sortTableCanonically(table);
  const version: TaxonomyVersion = {
    version: previous === null ? 1 : previous.version + 1,
    effectiveFrom: meta.effectiveFrom,
    note: meta.note,
    ...sorted,
  };
  const diff = diffTaxonomyVersions(previous ?? { majors: [], minors: [], standards: [] }, version);
  if (previous !== null && isEmptyDiff(diff)) return { ok: false, code: 'NO_CHANGES' };
  return { ok: true, version, diff };
}

/**
 * The seq for a new standard row in a minor: one more than any seq the minor has used in any of the given
 * versions, so a retired id is never reused for a different condition. Null when 99 is used up.
 */
export function nextStandardSeq(
  versions: readonly TaxonomyTable[],
  kind: Standard['kind'],
  majorCode: string,
  minorCode: string,
): number | null {
  let highest = 0;
  for (const version of versions) {
    for (const standard of version.standards) {
      if (standard.kind === kind && standard.majorCode === majorCode && standard.minorCode === minorCode) {
        highest = Math.max(highest, standard.seq);
      }
    }
  }
  return highest < 99 ? highest + 1 : null;
}
