/**
 * Synthetic street and community areas: Voronoi partitions clipped to the enclosing region.
 *
 * Streets: one Voronoi cell per street anchor (the hand-placed points of shangcheng-street-anchors),
 * clipped to the district outline. Communities: as many seeds as the code table lists, drawn uniformly
 * inside the street, spread by a few Lloyd iterations (so communities come out of similar size rather
 * than random slivers), then Voronoi cells clipped to the street.
 *
 * Clipping uses polyclip-ts, so cells that share a Voronoi edge share it exactly after clipping.
 * Where the enclosing region is concave a convex cell can be cut into several pieces; the smaller
 * pieces are then handed to the neighbouring area they touch along the longest boundary, so every
 * area comes out as one connected polygon whenever possible (consolidateParts).
 */
import { geometryAreaM2, ringPerimeterM } from '../area.js';
import { geometryBbox } from '../bbox.js';
import { pointInPolygonal } from '../point-in-polygon.js';
import { intersection, union } from '../polygon-clipping.js';
import type { LocalProjection } from '../projection.js';
import type { MultiPolygonCoordinates, PolygonalGeometry, PolygonCoordinates, Position } from '../types.js';
import type { Random } from './prng.js';
import { lloydRelax, regionRingsM, ringToDegrees, voronoiCellsM } from './voronoi.js';

type Point = [number, number];

function boundsM(
  region: PolygonalGeometry,
  projection: LocalProjection,
  marginM: number,
): [number, number, number, number] {
  const [minX, minY, maxX, maxY] = geometryBbox(region);
  return [
    projection.x(minX) - marginM,
    projection.y(minY) - marginM,
    projection.x(maxX) + marginM,
    projection.y(maxY) + marginM,
  ];
}

/** Clips Voronoi cells (metres) to the region (degrees); one MultiPolygon per cell, maybe empty. */
function clipCells(
  cells: Point[][],
  region: PolygonalGeometry,
  projection: LocalProjection,
): MultiPolygonCoordinates[] {
  return cells.map((cell) =>
    cell.length < 4 ? [] : intersection([ringToDegrees(cell, projection)], region),
  );
}

/** One area per anchor: the anchor's Voronoi cell within the region. */
export function partitionByAnchors(
  region: PolygonalGeometry,
  anchors: readonly Position[],
  projection: LocalProjection,
): MultiPolygonCoordinates[] {
  const seeds = anchors.map((a) => projection.forward(a));
  const cells = voronoiCellsM(seeds, boundsM(region, projection, 1000));
  return consolidateParts(clipCells(cells, region, projection), projection);
}

/** `count` seeds drawn uniformly inside the region (rejection sampling on its bounding box). */
export function seedsInside(region: PolygonalGeometry, count: number, random: Random): Position[] {
  const [minX, minY, maxX, maxY] = geometryBbox(region);
  const seeds: Position[] = [];
  let attempts = 0;
  while (seeds.length < count) {
    if (++attempts > count * 10_000) throw new Error('could not place seeds inside the region');
    const x = random.range(minX, maxX);
    const y = random.range(minY, maxY);
    if (pointInPolygonal(region, x, y)) seeds.push([x, y]);
  }
  return seeds;
}

/** `count` areas of similar size tiling the region. Empty pieces are impossible: each seed keeps its cell. */
export function partitionEvenly(
  region: PolygonalGeometry,
  count: number,
  random: Random,
  projection: LocalProjection,
  lloydIterations: number,
): MultiPolygonCoordinates[] {
  if (count === 1) {
    return [region.type === 'Polygon' ? [region.coordinates] : region.coordinates];
  }
  const bounds = boundsM(region, projection, 1000);
  const seeds = seedsInside(region, count, random).map((p) => projection.forward(p));
  const relaxed = lloydRelax(seeds, regionRingsM(region, projection), bounds, lloydIterations);
  const pieces = consolidateParts(clipCells(voronoiCellsM(relaxed, bounds), region, projection), projection);
  for (const piece of pieces) {
    if (piece.length === 0 || !(geometryAreaM2({ type: 'MultiPolygon', coordinates: piece }) > 0)) {
      throw new Error('a Voronoi cell came out empty; choose another seed');
    }
  }
  return pieces;
}

function partArea(part: PolygonCoordinates, projection: LocalProjection): number {
  return geometryAreaM2({ type: 'Polygon', coordinates: part }, projection);
}

function boundaryLength(parts: MultiPolygonCoordinates, projection: LocalProjection): number {
  let length = 0;
  for (const part of parts) for (const ring of part) length += ringPerimeterM(ring, projection);
  return length;
}

/**
 * Gives every piece but the largest of a multi-part area to the neighbouring area it shares the longest
 * boundary with, when their union is connected. Areas are processed in input order and pieces from
 * largest to smallest, so the result is deterministic.
 */
export function consolidateParts(
  areas: MultiPolygonCoordinates[],
  projection: LocalProjection,
): MultiPolygonCoordinates[] {
  const result = areas.map((parts) => parts.slice());
  result.forEach((parts, index) => {
    if (parts.length < 2) return;
    const sorted = parts
      .map((part) => ({ part, area: partArea(part, projection) }))
      .sort((a, b) => b.area - a.area)
      .map((entry) => entry.part);
    const keep: PolygonCoordinates[] = [sorted[0] as PolygonCoordinates];
    for (const part of sorted.slice(1)) {
      let best: { other: number; merged: MultiPolygonCoordinates; shared: number } | null = null;
      const partLength = boundaryLength([part], projection);
      result.forEach((otherParts, other) => {
        if (other === index || otherParts.length === 0) return;
        const merged = union(otherParts, [part]);
        if (merged.length !== otherParts.length) return; // not connected to any of its pieces
        const shared =
          (boundaryLength(otherParts, projection) + partLength - boundaryLength(merged, projection)) / 2;
        if (shared > 1e-6 && (best === null || shared > best.shared)) best = { other, merged, shared };
      });
      const chosen = best as { other: number; merged: MultiPolygonCoordinates; shared: number } | null;
      if (chosen) result[chosen.other] = chosen.merged;
      else keep.push(part);
    }
    result[index] = keep;
  });
  return result;
}
