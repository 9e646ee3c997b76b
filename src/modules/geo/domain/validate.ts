/**
 * Validation of a batch of region features of one level (an import, or generated demo data) before it
 * is stored. Every problem found is reported against the feature it concerns; nothing is repaired.
 *
 * Checks, per feature: geometry shape (INVALID_GEOMETRY), closed rings (OPEN_RING), enough points,
 * self-crossings (SELF_CROSSING), code format and prefix (BAD_CODE), duplicates (DUPLICATE_CODE), area
 * outside the parent beyond a tolerance (OUTSIDE_PARENT, when parents are given) and overlap with any
 * other feature of the batch beyond a tolerance (SIBLING_OVERLAP — all features of a batch are of one
 * level, so any overlap between them is wrong, whether or not they share a parent).
 *
 * Containment and overlap are only evaluated for features whose own geometry passed, because the
 * boolean operations are not meaningful on broken rings.
 */
import Flatbush from 'flatbush';
import { bboxesOverlap, geometryBbox } from './bbox.js';
import type { GeometryIssue } from './geometry-checks.js';
import { readPolygonalGeometry, ringIssues, selfCrossingIssue, zeroAreaIssue } from './geometry-checks.js';
import type { RegionLevel } from './region-codes.js';
import { CODE_LENGTH, codeFormatError, impliedParentCode, parentLevel } from './region-codes.js';
import type { PreparedRegion } from './region-topology.js';
import { areaOutsideM2, overlapAreaM2, prepareRegion } from './region-topology.js';
import type { Bbox, PolygonalGeometry } from './types.js';
import type { ValidationProblem } from './validation-types.js';

export interface RegionFeatureInput {
  code?: string | null;
  /** When absent, the parent is the code's prefix. */
  parentCode?: string | null;
  /** Untrusted: checked before anything else. WGS-84. */
  geometry: unknown;
}

export interface ValidateRegionsOptions {
  level: RegionLevel;
  /** Parent regions by code (WGS-84). Without it, OUTSIDE_PARENT is not checked. */
  parents?: ReadonlyMap<string, PolygonalGeometry>;
  /** Area a feature may have outside its parent, m² (default 1). */
  outsideToleranceM2?: number;
  /** Area two features may share, m² (default 1). */
  overlapToleranceM2?: number;
}

export interface ValidationReport {
  featureCount: number;
  problems: ValidationProblem[];
  /** Sorted indices of the features with at least one problem. */
  invalidFeatureIndexes: number[];
}

export const DEFAULT_OUTSIDE_TOLERANCE_M2 = 1;
export const DEFAULT_OVERLAP_TOLERANCE_M2 = 1;

interface Checked {
  index: number;
  code: string | undefined;
  geometry: PolygonalGeometry | null;
  /** Geometry passed its own checks, so topology can be evaluated. */
  sound: boolean;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function validateRegions(
  features: readonly RegionFeatureInput[],
  options: ValidateRegionsOptions,
): ValidationReport {
  const problems: ValidationProblem[] = [];
  const report = (item: { index: number; code: string | undefined }, issue: GeometryIssue): void => {
    const problem: ValidationProblem = {
      featureIndex: item.index,
      problem: issue.problem,
      message: issue.message,
    };
    if (item.code !== undefined) problem.code = item.code;
    if (issue.details !== undefined) problem.details = issue.details;
    problems.push(problem);
  };

  const checked: Checked[] = features.map((feature, index) => {
    const code = typeof feature.code === 'string' && feature.code.length > 0 ? feature.code : undefined;
    const item: Checked = { index, code, geometry: null, sound: false };
    const read = readPolygonalGeometry(feature.geometry);
    if ('issue' in read) {
      report(item, read.issue);
      return item;
    }
    item.geometry = read.geometry;
    const issues = ringIssues(read.geometry);
    if (issues.length === 0) {
      const crossing = zeroAreaIssue(read.geometry) ?? selfCrossingIssue(read.geometry);
      if (crossing) issues.push(crossing);
    }
    for (const issue of issues) report(item, issue);
    item.sound = issues.length === 0;
    return item;
  });

  checkCodes(features, checked, options.level, report);
  checkDuplicates(checked, report);
  if (options.parents) {
    checkContainment(features, checked, options, report);
  }
  checkOverlaps(checked, options.overlapToleranceM2 ?? DEFAULT_OVERLAP_TOLERANCE_M2, report);

  problems.sort((a, b) => a.featureIndex - b.featureIndex);
  const invalid = [...new Set(problems.map((p) => p.featureIndex))].sort((a, b) => a - b);
  return { featureCount: features.length, problems, invalidFeatureIndexes: invalid };
}

type Reporter = (item: { index: number; code: string | undefined }, issue: GeometryIssue) => void;

function checkCodes(
  features: readonly RegionFeatureInput[],
  checked: Checked[],
  level: RegionLevel,
  report: Reporter,
): void {
  const parent = parentLevel(level);
  for (const item of checked) {
    if (item.code === undefined) {
      report(item, {
        problem: 'BAD_CODE',
        message: 'the feature has no code',
        details: { reason: 'MISSING' },
      });
      continue;
    }
    const formatError = codeFormatError(item.code, level);
    if (formatError !== null) {
      report(item, { problem: 'BAD_CODE', message: formatError, details: { reason: 'FORMAT', level } });
      continue;
    }
    const parentCode = features[item.index]?.parentCode;
    if (parent !== null && typeof parentCode === 'string' && parentCode.length > 0) {
      const parentError = codeFormatError(parentCode, parent);
      if (parentError !== null) {
        report(item, {
          problem: 'BAD_CODE',
          message: `parent code ${parentCode}: ${parentError}`,
          details: { reason: 'PARENT_FORMAT', parentCode },
        });
      } else if (item.code.slice(0, CODE_LENGTH[parent]) !== parentCode) {
        report(item, {
          problem: 'BAD_CODE',
          message: `code ${item.code} does not begin with its parent's code ${parentCode}`,
          details: { reason: 'PREFIX', parentCode },
        });
      }
    }
  }
}

function checkDuplicates(checked: Checked[], report: Reporter): void {
  const byCode = new Map<string, number[]>();
  for (const item of checked) {
    if (item.code === undefined) continue;
    const list = byCode.get(item.code);
    if (list) list.push(item.index);
    else byCode.set(item.code, [item.index]);
  }
  for (const [code, indexes] of byCode) {
    if (indexes.length < 2) continue;
    for (const index of indexes) {
      report(
        { index, code },
        {
          problem: 'DUPLICATE_CODE',
          message: `code ${code} is used by ${indexes.length} features`,
          details: { otherFeatureIndexes: indexes.filter((i) => i !== index) },
        },
      );
    }
  }
}

function checkContainment(
  features: readonly RegionFeatureInput[],
  checked: Checked[],
  options: ValidateRegionsOptions,
  report: Reporter,
): void {
  const parents = options.parents;
  if (!parents || parentLevel(options.level) === null) return;
  const tolerance = options.outsideToleranceM2 ?? DEFAULT_OUTSIDE_TOLERANCE_M2;
  const prepared = new Map<string, PreparedRegion>();
  for (const item of checked) {
    const declared = features[item.index]?.parentCode;
    const parentCode =
      typeof declared === 'string' && declared.length > 0
        ? declared
        : item.code !== undefined && codeFormatError(item.code, options.level) === null
          ? impliedParentCode(item.code, options.level)
          : null;
    if (parentCode === null) continue; // BAD_CODE already says why
    let parent = prepared.get(parentCode);
    if (!parent) {
      const geometry = parents.get(parentCode);
      if (!geometry) {
        report(item, {
          problem: 'BAD_CODE',
          message: `parent region ${parentCode} is unknown`,
          details: { reason: 'UNKNOWN_PARENT', parentCode },
        });
        continue;
      }
      parent = prepareRegion(geometry);
      prepared.set(parentCode, parent);
    }
    if (!item.sound || item.geometry === null) continue;
    const outside = areaOutsideM2(item.geometry, parent);
    if (outside > tolerance) {
      report(item, {
        problem: 'OUTSIDE_PARENT',
        message: `${round(outside)} m² lies outside parent region ${parentCode} (tolerance ${tolerance} m²)`,
        details: { parentCode, outsideAreaM2: round(outside), toleranceM2: tolerance },
      });
    }
  }
}

function checkOverlaps(checked: Checked[], tolerance: number, report: Reporter): void {
  const sound = checked.filter((item) => item.sound && item.geometry !== null);
  if (sound.length < 2) return;
  const boxes: Bbox[] = sound.map((item) => geometryBbox(item.geometry as PolygonalGeometry));
  const tree = new Flatbush(sound.length, 16, Float64Array);
  for (const [minX, minY, maxX, maxY] of boxes) tree.add(minX, minY, maxX, maxY);
  tree.finish();
  sound.forEach((a, i) => {
    const box = boxes[i] as Bbox;
    const candidates = tree
      .search(box[0], box[1], box[2], box[3])
      .filter((j) => j > i)
      .sort((x, y) => x - y);
    for (const j of candidates) {
      // Boxes that only touch (neighbours in a lattice) cannot hide an overlap of positive area.
      if (!bboxesOverlap(box, boxes[j] as Bbox)) continue;
      const b = sound[j] as Checked;
      const shared = overlapAreaM2(a.geometry as PolygonalGeometry, b.geometry as PolygonalGeometry);
      if (shared <= tolerance) continue;
      for (const [self, other] of [
        [a, b],
        [b, a],
      ] as const) {
        report(self, {
          problem: 'SIBLING_OVERLAP',
          message: `overlaps feature ${other.code ?? `#${other.index}`} by ${round(shared)} m² (tolerance ${tolerance} m²)`,
          details: {
            otherFeatureIndex: other.index,
            otherCode: other.code,
            overlapAreaM2: round(shared),
            toleranceM2: tolerance,
          },
        });
      }
    }
  });
}
