/**
 * The synthetic demo district: streets, communities and ≈1 ha unit grids generated inside a real
 * district outline (上城区 330102 for the demo), with the real street and community codes and names.
 *
 * The geometry below the district is invented — a Voronoi partition of the street anchors, Lloyd-spread
 * community seeds, a lattice clipped to communities — and every record says so (`synthetic: true`).
 * It exists so demos and tests have plausible, fully nested, non-overlapping regions to work with.
 *
 * Deterministic: all randomness comes from a seeded generator forked per street, so the same inputs
 * and options give the same output, bit for bit, on every run.
 */
import { geometryAreaM2, projectionForBbox } from '../area.js';
import { geometryBbox } from '../bbox.js';
import { geometryCentroid } from '../centroid.js';
import { gridSequenceNumbers } from '../grid-codes.js';
import { gridCode } from '../region-codes.js';
import type { MultiPolygonCoordinates, PolygonalGeometry } from '../types.js';
import { polygonalFromParts } from '../types.js';
import { partitionByAnchors, partitionEvenly } from './partitions.js';
import { createRandom } from './prng.js';
import type { RegionRecord } from './records.js';
import { DATAV_SOURCE, SYNTHETIC_SOURCE } from './records.js';
import type { DistrictInputs } from './reference-inputs.js';
import type { CutStats } from './unit-grids.js';
import { cutIntoGrids, latticeFor } from './unit-grids.js';

export interface SyntheticDistrictOptions {
  /** Any text or number; the default reproduces the published demo data. */
  seed?: string | number;
  /** Lattice cell size in metres (default 100: 1 ha grids). */
  gridSizeM?: number;
  /** Clipped pieces smaller than this are merged into a neighbour (default 5,000 m², half a cell). */
  minGridAreaM2?: number;
  /** Lloyd iterations for community seeds (default 4). */
  lloydIterations?: number;
}

export interface SyntheticDistrictStats {
  streetCount: number;
  communityCount: number;
  gridCount: number;
  districtAreaM2: number;
  gridAreaM2: number;
  mergedSlivers: number;
  droppedSlivers: number;
  droppedAreaM2: number;
  /** Cells that needed the general (slow) clipping path. */
  polyclipCells: number;
  largestCommunityGridCount: number;
}

export interface SyntheticDistrict {
  district: RegionRecord;
  /** Ordered by code. */
  streets: RegionRecord[];
  communities: RegionRecord[];
  grids: RegionRecord[];
  stats: SyntheticDistrictStats;
}

export const DEFAULT_SYNTHETIC_SEED = 'chengzhi-demo-v1';

function asGeometry(parts: MultiPolygonCoordinates): PolygonalGeometry {
  return polygonalFromParts(parts);
}

export function generateSyntheticDistrict(
  inputs: DistrictInputs,
  options: SyntheticDistrictOptions = {},
): SyntheticDistrict {
  const gridSizeM = options.gridSizeM ?? 100;
  const minGridAreaM2 = options.minGridAreaM2 ?? (gridSizeM * gridSizeM) / 2;
  const lloydIterations = options.lloydIterations ?? 4;
  const random = createRandom(options.seed ?? DEFAULT_SYNTHETIC_SEED);
  const { district: source } = inputs;
  const outlineBox = geometryBbox(source.outline);
  const projection = projectionForBbox(outlineBox);
  const districtAreaM2 = geometryAreaM2(source.outline, projection);

  const district: RegionRecord = {
    level: 'district',
    code: source.code,
    name: source.name,
    parentCode: null,
    districtCode: source.code,
    streetCode: null,
    communityCode: null,
    geometry: source.outline,
    areaM2: districtAreaM2,
    synthetic: false,
    source: DATAV_SOURCE,
  };

  const streetInputs = [...inputs.streets].sort((a, b) => a.code.localeCompare(b.code));
  const streetParts = partitionByAnchors(
    source.outline,
    streetInputs.map((s) => s.anchor),
    projection,
  );
  const streets: RegionRecord[] = streetInputs.map((street, index) => {
    const parts = streetParts[index] ?? [];
    if (parts.length === 0) throw new Error(`street ${street.code} got no area; check its anchor`);
    const geometry = asGeometry(parts);
    return {
      level: 'street',
      code: street.code,
      name: street.name,
      parentCode: source.code,
      districtCode: source.code,
      streetCode: street.code,
      communityCode: null,
      geometry,
      areaM2: geometryAreaM2(geometry, projection),
      synthetic: true,
      source: SYNTHETIC_SOURCE,
    };
  });

  const communities: RegionRecord[] = [];
  for (const street of streets) {
    const members = inputs.communities
      .filter((c) => c.streetCode === street.code)
      .sort((a, b) => a.code.localeCompare(b.code));
    if (members.length === 0) continue;
    const pieces = partitionEvenly(
      street.geometry,
      members.length,
      random.fork(street.code),
      projection,
      lloydIterations,
    ).map(asGeometry);
    // Hand out codes in the order the pieces are read on a map (north to south, west to east), so
    // neighbouring codes are neighbouring communities.
    const typicalSizeM = Math.sqrt(street.areaM2 / members.length);
    const order = gridSequenceNumbers(
      pieces.map((geometry) => ({ anchor: geometryCentroid(geometry, projection) })),
      { rowHeightM: typicalSizeM },
    );
    pieces.forEach((geometry, index) => {
      const member = members[(order[index] as number) - 1];
      if (!member) throw new Error('community numbering out of range');
      communities.push({
        level: 'community',
        code: member.code,
        name: member.name,
        parentCode: street.code,
        districtCode: source.code,
        streetCode: street.code,
        communityCode: member.code,
        geometry,
        areaM2: geometryAreaM2(geometry, projection),
        synthetic: true,
        source: SYNTHETIC_SOURCE,
      });
    });
  }
  communities.sort((a, b) => a.code.localeCompare(b.code));

  const lattice = latticeFor(outlineBox, projection, gridSizeM);
  const totals: CutStats = { mergedSlivers: 0, droppedSlivers: 0, droppedAreaM2: 0, polyclipCells: 0 };
  const grids: RegionRecord[] = [];
  let largestCommunityGridCount = 0;
  for (const community of communities) {
    const { grids: cut, stats } = cutIntoGrids(community.geometry, lattice, projection, minGridAreaM2);
    totals.mergedSlivers += stats.mergedSlivers;
    totals.droppedSlivers += stats.droppedSlivers;
    totals.droppedAreaM2 += stats.droppedAreaM2;
    totals.polyclipCells += stats.polyclipCells;
    largestCommunityGridCount = Math.max(largestCommunityGridCount, cut.length);
    const sequence = gridSequenceNumbers(cut, { rowHeightM: gridSizeM });
    const records = cut.map((grid, index): RegionRecord => {
      const seq = sequence[index] as number;
      return {
        level: 'grid',
        code: gridCode(community.code, seq),
        name: `${community.name}${String(seq).padStart(3, '0')}号网格`,
        parentCode: community.code,
        districtCode: source.code,
        streetCode: community.streetCode,
        communityCode: community.code,
        geometry: { type: 'Polygon', coordinates: grid.coordinates },
        areaM2: grid.areaM2,
        synthetic: true,
        source: SYNTHETIC_SOURCE,
      };
    });
    records.sort((a, b) => a.code.localeCompare(b.code));
    grids.push(...records);
  }

  return {
    district,
    streets,
    communities,
    grids,
    stats: {
      streetCount: streets.length,
      communityCount: communities.length,
      gridCount: grids.length,
      districtAreaM2,
      gridAreaM2: grids.reduce((sum, g) => sum + g.areaM2, 0),
      mergedSlivers: totals.mergedSlivers,
      droppedSlivers: totals.droppedSlivers,
      droppedAreaM2: totals.droppedAreaM2,
      polyclipCells: totals.polyclipCells,
      largestCommunityGridCount,
    },
  };
}
