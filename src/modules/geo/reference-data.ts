/**
 * Reads the geo reference files shipped in data/reference/ (I/O lives here, outside domain/) and turns
 * them into the synthetic generator's inputs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromPackageRoot } from '../../platform/paths.js';
import type { DistrictInputs } from './domain/synthetic/reference-inputs.js';
import { districtInputsFromReference } from './domain/synthetic/reference-inputs.js';

/** Inputs for the 上城区 (330102) demo district. `referenceDir` defaults to the package's data/reference. */
export function loadShangchengInputs(
  referenceDir: string = fromPackageRoot('data', 'reference'),
): DistrictInputs {
  const read = (...segments: string[]): string => readFileSync(path.join(referenceDir, ...segments), 'utf8');
  return districtInputsFromReference({
    outlineWgs84: JSON.parse(read('boundaries', 'shangcheng-330102-datav-wgs84-derived.geojson')) as unknown,
    streetAnchorsCsv: read('boundaries', 'shangcheng-street-anchors-gcj02.csv'),
    streetsCsv: read('admin-codes', 'shangcheng-330102-streets.csv'),
    communitiesCsv: read('admin-codes', 'shangcheng-330102-communities.csv'),
  });
}
