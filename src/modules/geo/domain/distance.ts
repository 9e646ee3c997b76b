/**
 * Great-circle distance in metres (haversine on a sphere with the IUGG mean Earth radius).
 * The sphere is within about 0.3 % of the WGS-84 ellipsoid, which is far below GPS error at the
 * distances we measure (a component near a reported point, an inspector near a case).
 */
export const MEAN_EARTH_RADIUS_M = 6371008.8;

const DEG = Math.PI / 180;

export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLng = (lng2 - lng1) * DEG;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLng / 2);
  const h = s1 * s1 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * s2 * s2;
  return 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
