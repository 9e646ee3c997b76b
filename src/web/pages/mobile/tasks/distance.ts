/** Distances on the WGS-84 sphere, good to a few metres at city scale (enough to order tasks). */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in metres between two [lng, lat] points. */
export function distanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Items nearest first from `here`; without a position (or a point) the original order is kept. */
export function nearestFirst<T>(
  items: readonly T[],
  pointOf: (item: T) => readonly [number, number] | null,
  here: readonly [number, number] | null,
): { item: T; distance: number | null }[] {
  const withDistance = items.map((item, i) => {
    const p = pointOf(item);
    return { item, i, distance: here && p ? distanceM(here, p) : null };
  });
  withDistance.sort(
    (a, b) =>
      (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) || a.i - b.i,
  );
  return withDistance.map(({ item, distance }) => ({ item, distance }));
}
