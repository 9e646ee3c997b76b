/** Area-weighted centroids, computed in the local projection and returned in degrees. */
import { geometryBbox } from './bbox.js';
import { projectionForBbox } from './area.js';
import type { LocalProjection } from './projection.js';
import type { PolygonalGeometry, Position, Ring } from './types.js';
import { polygonsOf } from './types.js';

interface Moments {
  area: number; // signed, m²
  mx: number; // first moment about the y axis, signed
  my: number;
}

function ringMoments(ring: Ring, projection: LocalProjection): Moments {
  let a = 0;
  let mx = 0;
  let my = 0;
  const n = ring.length;
  const last = ring[n - 1];
  if (n < 3 || last === undefined) return { area: 0, mx: 0, my: 0 };
  let px = projection.x(last[0]);
  let py = projection.y(last[1]);
  for (const [lng, lat] of ring) {
    const x = projection.x(lng);
    const y = projection.y(lat);
    const cross = px * y - x * py;
    a += cross;
    mx += (px + x) * cross;
    my += (py + y) * cross;
    px = x;
    py = y;
  }
  return { area: a / 2, mx: mx / 6, my: my / 6 };
}

/**
 * Centroid of a Polygon or MultiPolygon (holes subtracted). Falls back to the mean of the exterior
 * vertices when the area is zero, so degenerate input still gets a deterministic point.
 */
export function geometryCentroid(geometry: PolygonalGeometry, projection?: LocalProjection): Position {
  const proj = projection ?? projectionForBbox(geometryBbox(geometry));
  let area = 0;
  let mx = 0;
  let my = 0;
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, index) => {
      const m = ringMoments(ring, proj);
      // Exterior counts positive and holes negative whatever their winding.
      const sign = (index === 0 ? 1 : -1) * (m.area < 0 ? -1 : 1);
      area += sign * m.area;
      mx += sign * m.mx;
      my += sign * m.my;
      if (index === 0) {
        for (const [lng, lat] of ring) {
          sumX += proj.x(lng);
          sumY += proj.y(lat);
          count++;
        }
      }
    });
  }
  if (Math.abs(area) > 1e-9) return [proj.lng(mx / area), proj.lat(my / area)];
  if (count === 0) return [NaN, NaN];
  return [proj.lng(sumX / count), proj.lat(sumY / count)];
}
