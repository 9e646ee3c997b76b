/**
 * Unit grids (单元网格) of about one hectare: a district-wide lattice of `sizeM` × `sizeM` cells (square in
 * metres through the district's local projection, so axis-aligned in degrees), clipped to each community.
 *
 * - Cells wholly inside a community stay exact rectangles.
 * - Cells on a community's edge are clipped: Sutherland–Hodgman when the edge crosses the cell cleanly
 *   (twice), which is exact there and fast; polyclip-ts otherwise (several pieces, touching vertices).
 * - Slivers: a clipped piece smaller than `minAreaM2` is merged into the neighbouring grid of the same
 *   community with which it shares the longest boundary (so no area is lost and no grid is a sliver).
 *   A piece with no such neighbour (an isolated crumb) is dropped; the stats report how many and how
 *   much area, which is why coverage of the outline is measured rather than assumed to be 100 %.
 * - A cell cut into several large pieces yields several grids (a grid is one connected polygon).
 *
 * Every lattice coordinate is computed from integer cell indices by the same expression, so neighbouring
 * cells share their sides bit for bit.
 */
import { geometryAreaM2, ringPerimeterM } from '../area.js';
import { geometryBbox } from '../bbox.js';
import { pointInPolygonal } from '../point-in-polygon.js';
import { intersection, union } from '../polygon-clipping.js';
import type { LocalProjection } from '../projection.js';
import { clipRingToRect, ringRectRelation } from '../rect-clip.js';
import type { Bbox, PolygonalGeometry, PolygonCoordinates, Position, Ring } from '../types.js';
import { polygonsOf } from '../types.js';

export interface Lattice {
  lng0: number;
  lat0: number;
  cellLng: number;
  cellLat: number;
}

/** A lattice of `sizeM` cells whose origin is the south-west corner of `box`. */
export function latticeFor(box: Bbox, projection: LocalProjection, sizeM: number): Lattice {
  return { lng0: box[0], lat0: box[1], cellLng: sizeM / projection.kx, cellLat: sizeM / projection.ky };
}

function cellRect(lattice: Lattice, i: number, j: number): Bbox {
  return [
    lattice.lng0 + i * lattice.cellLng,
    lattice.lat0 + j * lattice.cellLat,
    lattice.lng0 + (i + 1) * lattice.cellLng,
    lattice.lat0 + (j + 1) * lattice.cellLat,
  ];
}

function rectRing(rect: Bbox): Ring {
  const [x0, y0, x1, y1] = rect;
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

function strictlyInsideRect(p: Position | undefined, rect: Bbox): boolean {
  return p !== undefined && p[0] > rect[0] && p[0] < rect[2] && p[1] > rect[1] && p[1] < rect[3];
}

export interface CutGrid {
  /** One polygon (exterior ring, plus holes only if the community had holes). */
  coordinates: PolygonCoordinates;
  /** Centre of the lattice cell the grid grew from: the numbering anchor. */
  anchor: Position;
  areaM2: number;
}

export interface CutStats {
  mergedSlivers: number;
  droppedSlivers: number;
  droppedAreaM2: number;
  polyclipCells: number;
}

interface Piece {
  i: number;
  j: number;
  coordinates: PolygonCoordinates;
  areaM2: number;
  box: Bbox;
}

/** The pieces of one lattice cell inside the community. */
function clipCell(
  community: PolygonalGeometry,
  rings: Ring[],
  rect: Bbox,
  stats: CutStats,
): PolygonCoordinates[] {
  const relations = rings.map((ring) => ringRectRelation(ring, rect));
  if (relations.every((r) => r.kind === 'apart')) {
    // No ring touches the cell's sides: the cell is wholly in or out, unless a ring lies inside it.
    if (!rings.some((ring) => strictlyInsideRect(ring[0], rect))) {
      const cx = (rect[0] + rect[2]) / 2;
      const cy = (rect[1] + rect[3]) / 2;
      return pointInPolygonal(community, cx, cy) ? [[rectRing(rect)]] : [];
    }
  } else if (rings.length === 1 && relations[0]?.kind === 'simple') {
    const clipped = clipRingToRect(rings[0] as Ring, rect);
    return clipped.length > 0 ? [[clipped]] : [];
  }
  stats.polyclipCells++;
  return intersection([rectRing(rect)], community);
}

/** Cuts one community into unit grids; the result is in north-to-south, west-to-east cell order. */
export function cutIntoGrids(
  community: PolygonalGeometry,
  lattice: Lattice,
  projection: LocalProjection,
  minAreaM2: number,
): { grids: CutGrid[]; stats: CutStats } {
  const stats: CutStats = { mergedSlivers: 0, droppedSlivers: 0, droppedAreaM2: 0, polyclipCells: 0 };
  const rings = polygonsOf(community).flat();
  const [minX, minY, maxX, maxY] = geometryBbox(community);
  const i0 = Math.floor((minX - lattice.lng0) / lattice.cellLng);
  const i1 = Math.floor((maxX - lattice.lng0) / lattice.cellLng);
  const j0 = Math.floor((minY - lattice.lat0) / lattice.cellLat);
  const j1 = Math.floor((maxY - lattice.lat0) / lattice.cellLat);

  const kept: Piece[] = [];
  const slivers: Piece[] = [];
  const keptByCell = new Map<string, Piece[]>();
  for (let j = j1; j >= j0; j--) {
    for (let i = i0; i <= i1; i++) {
      for (const coordinates of clipCell(community, rings, cellRect(lattice, i, j), stats)) {
        const geometry: PolygonalGeometry = { type: 'Polygon', coordinates };
        const areaM2 = geometryAreaM2(geometry, projection);
        if (!(areaM2 > 0)) continue;
        const piece: Piece = { i, j, coordinates, areaM2, box: geometryBbox(geometry) };
        if (areaM2 < minAreaM2) {
          slivers.push(piece);
        } else {
          kept.push(piece);
          const key = `${i},${j}`;
          const list = keptByCell.get(key);
          if (list) list.push(piece);
          else keptByCell.set(key, [piece]);
        }
      }
    }
  }

  for (const sliver of slivers) {
    const target = bestNeighbour(sliver, keptByCell, projection);
    if (target === null) {
      stats.droppedSlivers++;
      stats.droppedAreaM2 += sliver.areaM2;
      continue;
    }
    target.piece.coordinates = target.merged;
    target.piece.areaM2 += sliver.areaM2;
    target.piece.box = geometryBbox({ type: 'Polygon', coordinates: target.merged });
    stats.mergedSlivers++;
  }

  const grids = kept.map((piece) => ({
    coordinates: piece.coordinates,
    anchor: [
      lattice.lng0 + (piece.i + 0.5) * lattice.cellLng,
      lattice.lat0 + (piece.j + 0.5) * lattice.cellLat,
    ] as Position,
    areaM2: piece.areaM2,
  }));
  return { grids, stats };
}

function boxesMeet(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function perimeter(coordinates: PolygonCoordinates, projection: LocalProjection): number {
  return coordinates.reduce((sum, ring) => sum + ringPerimeterM(ring, projection), 0);
}

/**
 * The kept piece in this or an adjacent cell that shares the longest boundary with the sliver and whose
 * union with it is one polygon without holes. Shared length = (perimeter A + perimeter B − perimeter of
 * the union) / 2.
 */
function bestNeighbour(
  sliver: Piece,
  keptByCell: Map<string, Piece[]>,
  projection: LocalProjection,
): { piece: Piece; merged: PolygonCoordinates } | null {
  let best: { piece: Piece; merged: PolygonCoordinates; shared: number } | null = null;
  const sliverPerimeter = perimeter(sliver.coordinates, projection);
  for (let dj = 1; dj >= -1; dj--) {
    for (let di = -1; di <= 1; di++) {
      for (const piece of keptByCell.get(`${sliver.i + di},${sliver.j + dj}`) ?? []) {
        if (!boxesMeet(piece.box, sliver.box)) continue;
        const merged = union(piece.coordinates, sliver.coordinates);
        const only = merged[0];
        if (merged.length !== 1 || only === undefined || only.length !== piece.coordinates.length) continue;
        const shared =
          (perimeter(piece.coordinates, projection) + sliverPerimeter - perimeter(only, projection)) / 2;
        // Strictly longer wins, so ties keep the first candidate in north-west-first order.
        if (shared > 1e-6 && (best === null || shared > best.shared)) best = { piece, merged: only, shared };
      }
    }
  }
  return best;
}
