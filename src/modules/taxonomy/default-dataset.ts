import { readFile } from 'node:fs/promises';
import { fromPackageRoot } from '../../platform/paths.js';
import type { TaxonomyDataset } from './domain/dataset-file.js';
import { parseTaxonomyDataset } from './domain/dataset-file.js';

/**
 * The default 部件/事件 taxonomy shipped for the demo tenant (杭州市上城区): data/reference/taxonomy/, written for
 * this project (see PROVENANCE.md there). Kept outside domain/ because it reads a file.
 */
export const DEFAULT_DATASET_FILE = 'shangcheng-330102-taxonomy-v1.json';

export function defaultDatasetPath(): string {
  return fromPackageRoot('data', 'reference', 'taxonomy', DEFAULT_DATASET_FILE);
}

/** Reads and fully validates the shipped dataset; throws TaxonomyDatasetError if the file is damaged. */
export async function loadDefaultDataset(path: string = defaultDatasetPath()): Promise<TaxonomyDataset> {
  return parseTaxonomyDataset(JSON.parse(await readFile(path, 'utf8')) as unknown);
}
