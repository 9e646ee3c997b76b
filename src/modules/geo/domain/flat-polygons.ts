/**
 * Polygons packed into flat typed arrays for allocation-free point-in-polygon tests.
 *
 * Layout: all rings of all polygons, one after another, as `[x0, y0, x1, y1, …]` pairs in one
 * Float64Array, each ring closed (its last pair repeats its first, so the edge loop needs no modulo).
 * `ringStart[r]` is the pair index where ring r begins (`ringStart[ringCount]` = total pairs), and
 * `itemRingStart[i]` the first ring of item i (`itemRingStart[itemCount]` = ringCount). Holes and
 * MultiPolygon parts are just more rings: the even-odd rule over all of an item's rings gives the
 * right answer when parts do not overlap.
 *
 * Coordinates are kept as the original doubles (no quantisation), so shared vertices stay
 * bit-identical between neighbouring grids and the edge rule stays exact. The geocoder's look-up loop
 * reads these arrays directly (inlined, for speed).
 */
import type { PolygonalGeometry, Ring } from './types.js';
import { polygonsOf } from './types.js';

export interface FlatPolygons {
  coords: Float64Array;
  ringStart: Uint32Array;
  itemRingStart: Uint32Array;
}

function isClosed(ring: Ring): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

/** Packs geometries in the given order. Open rings are closed on the fly (validation reports them). */
export function packPolygons(geometries: readonly PolygonalGeometry[]): FlatPolygons {
  let pairCount = 0;
  let ringCount = 0;
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon) {
        if (ring.length === 0) continue;
        ringCount++;
        pairCount += ring.length + (isClosed(ring) ? 0 : 1);
      }
    }
  }
  const coords = new Float64Array(pairCount * 2);
  const ringStart = new Uint32Array(ringCount + 1);
  const itemRingStart = new Uint32Array(geometries.length + 1);
  let pair = 0;
  let ring = 0;
  geometries.forEach((geometry, item) => {
    itemRingStart[item] = ring;
    for (const polygon of polygonsOf(geometry)) {
      for (const positions of polygon) {
        if (positions.length === 0) continue;
        ringStart[ring++] = pair;
        for (const [x, y] of positions) {
          coords[pair * 2] = x;
          coords[pair * 2 + 1] = y;
          pair++;
        }
        if (!isClosed(positions)) {
          const first = positions[0];
          if (first) {
            coords[pair * 2] = first[0];
            coords[pair * 2 + 1] = first[1];
            pair++;
          }
        }
      }
    }
  });
  itemRingStart[geometries.length] = ring;
  ringStart[ringCount] = pair;
  return { coords, ringStart, itemRingStart };
}

export function flatPolygonsBytes(flat: FlatPolygons): number {
  return flat.coords.byteLength + flat.ringStart.byteLength + flat.itemRingStart.byteLength;
}
