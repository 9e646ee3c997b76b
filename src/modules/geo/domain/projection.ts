/**
 * A local projection from degrees to metres around a reference point, used for areas, the unit-grid
 * lattice and Voronoi partitions.
 *
 * It is the equirectangular (plate carrée) projection scaled by the WGS-84 ellipsoid's radii of
 * curvature at the reference latitude: east–west metres per degree use the prime-vertical radius N·cos φ0,
 * north–south metres per degree use the meridional radius M. At the reference point the scale is exact.
 * Away from it the east–west scale drifts by about tan φ0 · Δφ (relative): 0.2 % at 0.2° (22 km) north
 * or south of φ0 at Hangzhou's latitude. For areas the drift largely cancels across a polygon centred on
 * φ0, leaving a relative error of the order of (Δφ)², about 1e-5 for a whole district: fine at district
 * scale, not meant for provinces.
 */

const WGS84_A = 6378137; // semi-major axis, m
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const DEG = Math.PI / 180;

/** Metres per degree of longitude and latitude at a latitude on the WGS-84 ellipsoid. */
export function metresPerDegree(latDeg: number): { x: number; y: number } {
  const phi = latDeg * DEG;
  const s = Math.sin(phi);
  const w = Math.sqrt(1 - WGS84_E2 * s * s);
  const n = WGS84_A / w; // prime vertical radius of curvature
  const m = (WGS84_A * (1 - WGS84_E2)) / (w * w * w); // meridional radius of curvature
  return { x: n * Math.cos(phi) * DEG, y: m * DEG };
}

export class LocalProjection {
  readonly lng0: number;
  readonly lat0: number;
  /** Metres per degree of longitude at lat0. */
  readonly kx: number;
  /** Metres per degree of latitude at lat0. */
  readonly ky: number;

  constructor(lng0: number, lat0: number) {
    this.lng0 = lng0;
    this.lat0 = lat0;
    const k = metresPerDegree(lat0);
    this.kx = k.x;
    this.ky = k.y;
  }

  /** Metres east of the reference point. */
  x(lng: number): number {
    return (lng - this.lng0) * this.kx;
  }

  /** Metres north of the reference point. */
  y(lat: number): number {
    return (lat - this.lat0) * this.ky;
  }

  lng(x: number): number {
    return this.lng0 + x / this.kx;
  }

  lat(y: number): number {
    return this.lat0 + y / this.ky;
  }

  forward(position: readonly [number, number]): [number, number] {
    return [this.x(position[0]), this.y(position[1])];
  }

  inverse(point: readonly [number, number]): [number, number] {
    return [this.lng(point[0]), this.lat(point[1])];
  }
}
