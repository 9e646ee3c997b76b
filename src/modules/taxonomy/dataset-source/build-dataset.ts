import { standardId } from '../domain/codes.js';
import type { TaxonomyDataset } from '../domain/dataset-file.js';
import { TAXONOMY_DATASET_SCHEMA } from '../domain/dataset-file.js';
import { codeOrder, sortTableCanonically } from '../domain/ordering.js';
import { parseTimeLimit } from '../domain/time-limit-text.js';
import type { CategoryKind, MajorCategory, MinorCategory, Standard } from '../domain/types.js';
import { validateTaxonomyTable } from '../domain/validate-table.js';
import { COMPONENT_MAJORS } from './components.js';
import { EVENT_MAJORS } from './events.js';
import type { MajorSource } from './source-types.js';

/**
 * Builds the shipped default dataset (杭州市上城区, version 1) from the authoring source. Pure; generate.ts writes
 * the result to data/reference/taxonomy/, and a test checks that the file and the source agree.
 */
export const DEFAULT_DATASET_TENANT = { code: '330102', name: '杭州市上城区' } as const;

const NOTE =
  '城治默认立结案标准第1版（杭州市上城区演示租户）：依据数字城管通行做法为本项目编写，启用前请结合本地权责清单核定。';

function flatten(kind: CategoryKind, sources: readonly MajorSource[]) {
  const majors: MajorCategory[] = [];
  const minors: MinorCategory[] = [];
  const standards: Standard[] = [];
  for (const major of sources) {
    majors.push({ kind, code: major.code, name: major.name });
    for (const minor of major.minors) {
      const [supervisingUnitKind, responsibleUnitKind] = minor.units;
      minors.push({
        kind,
        majorCode: major.code,
        code: minor.code,
        name: minor.name,
        legalBasis: minor.legalBasis,
        collectionRequirements: minor.collection,
        supervisingUnitKind,
        responsibleUnitKind,
      });
      minor.rows.forEach(([filingCondition, limitText, closingCondition], index) => {
        const seq = index + 1;
        const id = standardId(kind, major.code, minor.code, seq);
        const limit = parseTimeLimit(limitText);
        // The shipped table uses canonical unit words only, so its export reads back without warnings.
        if (!limit.ok || limit.alias !== null) throw new Error(`${id}: bad time limit "${limitText}"`);
        standards.push({
          id,
          kind,
          majorCode: major.code,
          minorCode: minor.code,
          seq,
          filingCondition,
          timeLimit: limit.value,
          closingCondition,
        });
      });
    }
  }
  return { majors, minors, standards };
}

export function buildDefaultDataset(): TaxonomyDataset {
  const components = flatten('component', COMPONENT_MAJORS);
  const events = flatten('event', EVENT_MAJORS);
  const table = sortTableCanonically({
    majors: [...components.majors, ...events.majors],
    minors: [...components.minors, ...events.minors],
    standards: [...components.standards, ...events.standards],
  });
  const issues = validateTaxonomyTable(table);
  if (issues.length > 0) {
    throw new Error(`default dataset is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  return {
    schema: TAXONOMY_DATASET_SCHEMA,
    tenant: { ...DEFAULT_DATASET_TENANT },
    order: codeOrder(table.majors),
    taxonomy: { version: 1, effectiveFrom: null, note: NOTE, ...table },
  };
}
