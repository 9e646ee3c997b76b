/**
 * Region levels read from code lengths (urban-management.md §5): district 6 digits (GB/T 2260), street 9,
 * community 12, unit grid 15 (Beijing DB11/T, the project's layout) or 14 (legacy CJ/T 213). The geo module
 * has the same table; it is repeated here because dispatch's domain must load nothing that does I/O, and the
 * geo module's public face brings its store and routes with it.
 */
import type { CaseRegions } from './types.js';

export type RegionLevel = 'grid' | 'community' | 'street' | 'district';

/** Finest first: the order in which a case's regions are compared and territory is looked up. */
export const REGION_LEVELS_FINE_TO_COARSE: readonly RegionLevel[] = [
  'grid',
  'community',
  'street',
  'district',
];

export function regionLevelOfCode(code: string): RegionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  switch (code.length) {
    case 6:
      return 'district';
    case 9:
      return 'street';
    case 12:
      return 'community';
    case 14:
    case 15:
      return 'grid';
    default:
      return null;
  }
}

/** The case's code at a level, or undefined when the caller did not give it. */
export function caseRegionCode(regions: CaseRegions, level: RegionLevel): string | undefined {
  let code: string | null | undefined;
  switch (level) {
    case 'grid':
      code = regions.gridCode;
      break;
    case 'community':
      code = regions.communityCode;
      break;
    case 'street':
      code = regions.streetCode;
      break;
    case 'district':
      code = regions.districtCode;
      break;
  }
  return code == null || code === '' ? undefined : code;
}

export const REGION_LEVEL_LABELS: Readonly<Record<RegionLevel, string>> = {
  grid: '单元网格',
  community: '社区',
  street: '街道',
  district: '区',
};
