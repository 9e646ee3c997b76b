/**
 * Writes the default dataset to data/reference/taxonomy/. Run after editing the authoring source:
 *   node --import tsx src/modules/taxonomy/dataset-source/generate.ts
 * then `npx prettier --write data/reference/taxonomy`. default-dataset.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { defaultDatasetPath } from '../default-dataset.js';
import { summariseTimeLimits } from '../domain/distribution.js';
import { buildDefaultDataset } from './build-dataset.js';

const dataset = buildDefaultDataset();
const path = defaultDatasetPath();
writeFileSync(path, `${JSON.stringify(dataset, null, 2)}\n`);
const { majors, minors, standards } = dataset.taxonomy;
console.log(`wrote ${path}: ${majors.length} majors, ${minors.length} minors, ${standards.length} standards`);
console.log(JSON.stringify(summariseTimeLimits(standards)));
