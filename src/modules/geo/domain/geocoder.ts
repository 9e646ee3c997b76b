/**
 * Point → unit grid look-up in memory.
 *
 * Design (see docs/geo.md and stack-measurements.md §7): a static packed Hilbert R-tree (flatbush) over
 * the grids' bounding boxes, and the grids' rings in flat Float64Arrays. A look-up walks the tree with
 * its own preallocated stack (no arrays, closures or objects per call), checks each leaf's box, then
 * runs the exact even-odd ray test with the half-open edge rule (point-in-polygon.ts) on the few
 * candidates. Rings are stored in the tree's leaf order (Hilbert order), so the candidate's rings sit
 * next to its box's neighbours in memory.
 *
 * Determinism: with valid grids (no overlaps) at most one grid contains a point, and the edge rule
 * makes that true on shared edges and vertices too, so the look-up stops at the first grid that
 * contains the point (≈25 % faster than testing every candidate). Should grids overlap (invalid data,
 * which validation rejects as SIBLING_OVERLAP), the answer is one of the containing grids: always the
 * same one for the same build list, but which one depends on the tree layout.
 *
 * The index is immutable: rebuild it when the grids change (≈0.2 s for 100,000 grids).
 */
import Flatbush from 'flatbush';
import { geometryBbox } from './bbox.js';
import type { FlatPolygons } from './flat-polygons.js';
import { flatPolygonsBytes, packPolygons } from './flat-polygons.js';
import { edgeCrossesRay } from './point-in-polygon.js';
import type { Bbox, PolygonalGeometry } from './types.js';

/** What the geocoder needs to know about one unit grid (WGS-84 geometry). */
export interface GeocoderGrid {
  /** 15-character unit-grid code. */
  code: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  geometry: PolygonalGeometry;
}

export interface RegionMatch {
  /** Position of the grid in the list the geocoder was built from. */
  index: number;
  grid: string;
  community: string;
  street: string;
  district: string;
}

export interface GeocoderMemory {
  /** flatbush's tree: boxes and indices. */
  treeBytes: number;
  /** Ring coordinates and ring offsets. */
  ringBytes: number;
  /** Working arrays of the look-up (stack, leaf → input map, level bounds). */
  auxiliaryBytes: number;
  totalBytes: number;
}

export interface GeocoderOptions {
  /** Children per tree node (default 4). flatbush's own default is 16; point queries prefer small nodes. */
  nodeSize?: number;
}

// Point queries favour small nodes: 4 measured ≈8 % faster than 8 and ≈15 % faster than flatbush's 16
// on 100,000 grids, for 0.7 MB more tree.
const DEFAULT_NODE_SIZE = 4;

export class GridGeocoder {
  readonly size: number;
  private readonly grids: readonly GeocoderGrid[];
  private readonly tree: Flatbush | null;
  private readonly boxes: Float64Array;
  /** For a leaf slot: the input index. For an inner node: the position of its first child's box. */
  private readonly links: Uint32Array;
  private readonly levelBounds: Uint32Array;
  private readonly nodeSize4: number;
  private readonly leafEnd: number;
  private readonly rootPos: number;
  private readonly rootLevel: number;
  private readonly stack: Int32Array;
  private readonly rings: FlatPolygons;
  // A uniform bucket grid over the leaf boxes: a look-up reads one bucket (a handful of candidates) instead of
  // walking the tree, which with random points is mostly cache misses. CSR layout: bucket b's leaf slots are
  // cellItems[cellStart[b] .. cellStart[b + 1]).
  private cellStart: Uint32Array = new Uint32Array(1);
  private cellItems: Uint32Array = new Uint32Array(0);
  private cols = 0;
  private rows = 0;
  private cellMinX = 0;
  private cellMinY = 0;
  private invCellW = 0;
  private invCellH = 0;

  private constructor(grids: readonly GeocoderGrid[], nodeSize: number) {
    this.grids = grids;
    this.size = grids.length;
    if (grids.length === 0) {
      this.tree = null;
      this.boxes = new Float64Array(0);
      this.links = new Uint32Array(0);
      this.levelBounds = new Uint32Array(0);
      this.nodeSize4 = 0;
      this.leafEnd = 0;
      this.rootPos = 0;
      this.rootLevel = 0;
      this.stack = new Int32Array(0);
      this.rings = packPolygons([]);
      return;
    }
    const tree = new Flatbush(grids.length, nodeSize, Float64Array);
    for (const grid of grids) {
      const [minX, minY, maxX, maxY] = geometryBbox(grid.geometry);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    // We walk flatbush's packed arrays ourselves; fail loudly if a future version changes them.
    const levelBounds = tree._levelBounds;
    if (
      !(tree._boxes instanceof Float64Array) ||
      levelBounds[levelBounds.length - 1] !== tree._boxes.length
    ) {
      throw new Error('unexpected flatbush memory layout; check the flatbush version');
    }
    this.tree = tree;
    this.boxes = tree._boxes;
    this.links = Uint32Array.from(tree._indices);
    this.levelBounds = Uint32Array.from(levelBounds);
    this.nodeSize4 = tree.nodeSize * 4;
    this.leafEnd = grids.length * 4;
    this.rootPos = tree._boxes.length - 4;
    this.rootLevel = levelBounds.length - 1;
    // Each visited node pushes at most nodeSize children (pos, level) per level.
    this.stack = new Int32Array((levelBounds.length + 1) * tree.nodeSize * 2);
    const leafOrder: PolygonalGeometry[] = [];
    for (let slot = 0; slot < grids.length; slot++) {
      leafOrder.push((grids[this.links[slot] as number] as GeocoderGrid).geometry);
    }
    this.rings = packPolygons(leafOrder);
    this.buildBuckets(tree.minX, tree.minY, tree.maxX, tree.maxY);
  }

  private buildBuckets(minX: number, minY: number, maxX: number, maxY: number): void {
    const n = this.size;
    const width = Math.max(maxX - minX, 1e-12);
    const height = Math.max(maxY - minY, 1e-12);
    // About one bucket per grid, shaped like the area, so a bucket holds a few candidates.
    const cols = Math.max(1, Math.round(Math.sqrt((n * width) / height)));
    const rows = Math.max(1, Math.round(n / cols));
    this.cols = cols;
    this.rows = rows;
    this.cellMinX = minX;
    this.cellMinY = minY;
    this.invCellW = cols / width;
    this.invCellH = rows / height;
    const boxes = this.boxes;
    const cellOf = (v: number, min: number, inv: number, count: number) => {
      const c = Math.floor((v - min) * inv);
      return c < 0 ? 0 : c >= count ? count - 1 : c;
    };
    const counts = new Uint32Array(cols * rows + 1);
    const ranges = new Int32Array(n * 4);
    for (let slot = 0; slot < n; slot++) {
      const pos = slot * 4;
      const x0 = cellOf(boxes[pos] as number, minX, this.invCellW, cols);
      const y0 = cellOf(boxes[pos + 1] as number, minY, this.invCellH, rows);
      const x1 = cellOf(boxes[pos + 2] as number, minX, this.invCellW, cols);
      const y1 = cellOf(boxes[pos + 3] as number, minY, this.invCellH, rows);
      ranges[pos] = x0;
      ranges[pos + 1] = y0;
      ranges[pos + 2] = x1;
      ranges[pos + 3] = y1;
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) counts[y * cols + x + 1] = (counts[y * cols + x + 1] as number) + 1;
      }
    }
    for (let b = 1; b < counts.length; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    const items = new Uint32Array(counts[counts.length - 1] as number);
    const fill = counts.slice(0, counts.length - 1);
    for (let slot = 0; slot < n; slot++) {
      const pos = slot * 4;
      for (let y = ranges[pos + 1] as number; y <= (ranges[pos + 3] as number); y++) {
        for (let x = ranges[pos] as number; x <= (ranges[pos + 2] as number); x++) {
          const b = y * cols + x;
          items[fill[b] as number] = slot;
          fill[b] = (fill[b] as number) + 1;
        }
      }
    }
    this.cellStart = counts;
    this.cellItems = items;
  }

  static build(grids: readonly GeocoderGrid[], options: GeocoderOptions = {}): GridGeocoder {
    return new GridGeocoder(grids, options.nodeSize ?? DEFAULT_NODE_SIZE);
  }

  /** Index (in the build list) of the grid containing the point, or -1. Allocation-free. */
  locate(lng: number, lat: number): number {
    const tree = this.tree;
    // The negated test also rejects NaN.
    if (tree === null || !(lng >= tree.minX && lng <= tree.maxX && lat >= tree.minY && lat <= tree.maxY)) {
      return -1;
    }
    let cx = Math.floor((lng - this.cellMinX) * this.invCellW);
    let cy = Math.floor((lat - this.cellMinY) * this.invCellH);
    if (cx >= this.cols) cx = this.cols - 1;
    if (cy >= this.rows) cy = this.rows - 1;
    const bucket = cy * this.cols + cx;
    const boxes = this.boxes;
    const items = this.cellItems;
    const { coords, ringStart, itemRingStart } = this.rings;
    const last = this.cellStart[bucket + 1] as number;
    for (let k = this.cellStart[bucket] as number; k < last; k++) {
      const slot = items[k] as number;
      const pos = slot << 2;
      if (
        lng < (boxes[pos] as number) ||
        lat < (boxes[pos + 1] as number) ||
        lng > (boxes[pos + 2] as number) ||
        lat > (boxes[pos + 3] as number)
      ) {
        continue;
      }
      // Even-odd over the candidate's rings (flat-polygons.ts layout), inlined for speed.
      let inside = false;
      const ringEnd = itemRingStart[slot + 1] as number;
      for (let r = itemRingStart[slot] as number; r < ringEnd; r++) {
        let i = (ringStart[r] as number) << 1;
        const iEnd = (ringStart[r + 1] as number) << 1;
        let ax = coords[i] as number;
        let ay = coords[i + 1] as number;
        for (i += 2; i < iEnd; i += 2) {
          const bx = coords[i] as number;
          const by = coords[i + 1] as number;
          if (ay > lat !== by > lat && edgeCrossesRay(ax, ay, bx, by, lng, lat)) inside = !inside;
          ax = bx;
          ay = by;
        }
      }
      if (inside) return this.links[slot] as number;
    }
    return -1;
  }

  /** The grid containing the point with its community, street and district codes, or null. */
  locateRegion(lng: number, lat: number): RegionMatch | null {
    const index = this.locate(lng, lat);
    if (index < 0) return null;
    const grid = this.grids[index] as GeocoderGrid;
    return {
      index,
      grid: grid.code,
      community: grid.communityCode,
      street: grid.streetCode,
      district: grid.districtCode,
    };
  }

  /** The box around all grids, or null when there are none. */
  bounds(): Bbox | null {
    const tree = this.tree;
    return tree === null ? null : [tree.minX, tree.minY, tree.maxX, tree.maxY];
  }

  /** The grid at a build-list index (as returned by `locate`). */
  gridAt(index: number): GeocoderGrid | undefined {
    return this.grids[index];
  }

  /** Bytes held in typed arrays (the geometries and codes of the input list are not counted). */
  memory(): GeocoderMemory {
    const treeBytes = this.tree ? this.tree.data.byteLength : 0;
    const ringBytes = flatPolygonsBytes(this.rings);
    const auxiliaryBytes =
      this.links.byteLength +
      this.levelBounds.byteLength +
      this.stack.byteLength +
      this.cellStart.byteLength +
      this.cellItems.byteLength;
    return { treeBytes, ringBytes, auxiliaryBytes, totalBytes: treeBytes + ringBytes + auxiliaryBytes };
  }
}
