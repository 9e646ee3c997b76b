/**
 * Unit-grid sequence numbers inside a community: "在一个社区(村)内按从西向东、由北至南的顺序编码"
 * (Beijing DB11/T; urban-management.md §5) — rows from the north, and within a row from the west.
 *
 * Rows: each grid is represented by one anchor point (the lattice cell's centre for generated grids,
 * the centroid for imported ones). Anchors are put into bands of the grid size measured southwards
 * from the northernmost anchor, rounding to the nearest band: anchors of one lattice row (same centre
 * latitude) always share a band, and irregular grids join the row their anchor is closest to.
 * Within a band: west to east by anchor longitude; exact ties by latitude (north first), then by input
 * order, so the numbering is a pure function of its input.
 */
import { LocalProjection } from './projection.js';
import { gridCode } from './region-codes.js';
import type { Position } from './types.js';

export interface NumberingOptions {
  /** Row height in metres: the grid size (default 100 m, the ≈1 ha unit grid). */
  rowHeightM?: number;
}

export interface GridAnchor {
  anchor: Position;
}

export const MAX_GRIDS_PER_COMMUNITY = 999;

/** 1-based sequence numbers, in input order. */
export function gridSequenceNumbers(grids: readonly GridAnchor[], options: NumberingOptions = {}): number[] {
  if (grids.length === 0) return [];
  if (grids.length > MAX_GRIDS_PER_COMMUNITY) {
    throw new RangeError(
      `a community holds at most ${MAX_GRIDS_PER_COMMUNITY} unit grids, got ${grids.length}`,
    );
  }
  const rowHeightM = options.rowHeightM ?? 100;
  let north = -Infinity;
  let sumLng = 0;
  for (const { anchor } of grids) {
    if (anchor[1] > north) north = anchor[1];
    sumLng += anchor[0];
  }
  const projection = new LocalProjection(sumLng / grids.length, north);
  const keyed = grids.map(({ anchor }, index) => ({
    index,
    row: Math.round((projection.y(north) - projection.y(anchor[1])) / rowHeightM),
    lng: anchor[0],
    lat: anchor[1],
  }));
  keyed.sort((a, b) => a.row - b.row || a.lng - b.lng || b.lat - a.lat || a.index - b.index);
  const sequence = new Array<number>(grids.length);
  keyed.forEach((k, position) => {
    sequence[k.index] = position + 1;
  });
  return sequence;
}

/** Full 15-digit codes (community code + 3-digit sequence), in input order. */
export function assignGridCodes(
  communityCode: string,
  grids: readonly GridAnchor[],
  options: NumberingOptions = {},
): string[] {
  return gridSequenceNumbers(grids, options).map((sequence) => gridCode(communityCode, sequence));
}
