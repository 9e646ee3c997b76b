import { checkCategoryOrder } from './ordering.js';
import type { CategoryOrder, TaxonomyVersion } from './types.js';
import type { TableIssue } from './validate-table.js';
import { validateTaxonomyTable } from './validate-table.js';

/**
 * The JSON file format of a shipped taxonomy (data/reference/taxonomy/): a tenant's version of the table plus
 * its display order. The file holds exactly the domain types, so a seeder can insert it as is.
 */
export const TAXONOMY_DATASET_SCHEMA = 'chengzhi.taxonomy/1';

export interface TaxonomyDataset {
  schema: typeof TAXONOMY_DATASET_SCHEMA;
  /** The tenant the dataset was written for (GB/T 2260 code and name). */
  tenant: { code: string; name: string };
  order: CategoryOrder;
  taxonomy: TaxonomyVersion;
}

export class TaxonomyDatasetError extends Error {
  constructor(readonly issues: TableIssue[]) {
    super(
      `invalid taxonomy dataset: ${issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`,
    );
    this.name = 'TaxonomyDatasetError';
  }
}

type Shape = Record<string, 'string' | 'number' | 'string|null' | 'object' | 'array'>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that `value` is an object with exactly the fields of `shape`, of the right JSON types. */
function checkShape(
  value: unknown,
  shape: Shape,
  path: string,
  issues: TableIssue[],
): value is Record<string, unknown> {
  if (!isRecord(value)) {
    issues.push({ path, code: 'INVALID_SHAPE', message: 'expected an object' });
    return false;
  }
  const before = issues.length;
  for (const [field, type] of Object.entries(shape)) {
    const v = value[field];
    const ok =
      type === 'array'
        ? Array.isArray(v)
        : type === 'object'
          ? isRecord(v)
          : type === 'string|null'
            ? v === null || typeof v === 'string'
            : typeof v === type;
    if (!ok) issues.push({ path: `${path}.${field}`, code: 'INVALID_SHAPE', message: `expected ${type}` });
  }
  for (const field of Object.keys(value)) {
    if (!(field in shape)) {
      issues.push({ path: `${path}.${field}`, code: 'INVALID_SHAPE', message: 'unexpected field' });
    }
  }
  return issues.length === before;
}

const MAJOR_SHAPE: Shape = { kind: 'string', code: 'string', name: 'string' };
const MINOR_SHAPE: Shape = {
  kind: 'string',
  majorCode: 'string',
  code: 'string',
  name: 'string',
  legalBasis: 'string',
  collectionRequirements: 'string',
  supervisingUnitKind: 'string|null',
  responsibleUnitKind: 'string|null',
};
const STANDARD_SHAPE: Shape = {
  id: 'string',
  kind: 'string',
  majorCode: 'string',
  minorCode: 'string',
  seq: 'number',
  filingCondition: 'string',
  timeLimit: 'object',
  closingCondition: 'string',
};

function checkList(value: unknown, shape: Shape, path: string, issues: TableIssue[]): void {
  if (!Array.isArray(value)) return;
  value.forEach((entry, i) => {
    if (checkShape(entry, shape, `${path}[${i}]`, issues) && path.endsWith('standards')) {
      checkShape(entry.timeLimit, { amount: 'number', unit: 'string' }, `${path}[${i}].timeLimit`, issues);
    }
  });
}

/** Parses and fully validates a dataset file's JSON; throws TaxonomyDatasetError listing every problem. */
export function parseTaxonomyDataset(json: unknown): TaxonomyDataset {
  const issues: TableIssue[] = [];
  if (
    !checkShape(
      json,
      { schema: 'string', tenant: 'object', order: 'object', taxonomy: 'object' },
      '$',
      issues,
    )
  ) {
    throw new TaxonomyDatasetError(issues);
  }
  if (json.schema !== TAXONOMY_DATASET_SCHEMA) {
    issues.push({ path: '$.schema', code: 'UNKNOWN_SCHEMA', message: `expected ${TAXONOMY_DATASET_SCHEMA}` });
  }
  checkShape(json.tenant, { code: 'string', name: 'string' }, '$.tenant', issues);
  if (checkShape(json.order, { component: 'array', event: 'array' }, '$.order', issues)) {
    for (const kind of ['component', 'event'] as const) {
      const codes = json.order[kind] as unknown[];
      if (!codes.every((code) => typeof code === 'string')) {
        issues.push({ path: `$.order.${kind}`, code: 'INVALID_SHAPE', message: 'expected major codes' });
      }
    }
  }
  const taxonomy = json.taxonomy;
  const taxonomyShape: Shape = {
    version: 'number',
    effectiveFrom: 'string|null',
    note: 'string',
    majors: 'array',
    minors: 'array',
    standards: 'array',
  };
  if (checkShape(taxonomy, taxonomyShape, '$.taxonomy', issues)) {
    checkList(taxonomy.majors, MAJOR_SHAPE, '$.taxonomy.majors', issues);
    checkList(taxonomy.minors, MINOR_SHAPE, '$.taxonomy.minors', issues);
    checkList(taxonomy.standards, STANDARD_SHAPE, '$.taxonomy.standards', issues);
    if (!Number.isInteger(taxonomy.version) || (taxonomy.version as number) < 1) {
      issues.push({
        path: '$.taxonomy.version',
        code: 'INVALID_VERSION',
        message: 'expected a whole number ≥ 1',
      });
    }
  }
  if (issues.length > 0) throw new TaxonomyDatasetError(issues);

  // The shape checks above make these casts sound.
  const version = taxonomy as TaxonomyVersion;
  const table = {
    majors: version.majors,
    minors: version.minors,
    standards: version.standards,
  };
  issues.push(...validateTaxonomyTable(table).map((i) => ({ ...i, path: `$.taxonomy.${i.path}` })));
  const order = json.order as CategoryOrder;
  for (const problem of checkCategoryOrder(order, table.majors)) {
    issues.push({
      path: `$.order.${problem.kind}`,
      code: 'INVALID_ORDER',
      message: `${problem.code}: ${problem.problem}`,
    });
  }
  if (issues.length > 0) throw new TaxonomyDatasetError(issues);
  return json as unknown as TaxonomyDataset;
}
