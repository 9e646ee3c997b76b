import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromPackageRoot } from '../../../platform/paths.js';
import { geometryAreaM2, polygonAreaM2, ringAreaM2 } from './area.js';
import { geometryBbox } from './bbox.js';
import { geometryCentroid } from './centroid.js';
import { haversineM, MEAN_EARTH_RADIUS_M } from './distance.js';
import { readPolygonalGeometry } from './geometry-checks.js';
import { LocalProjection } from './projection.js';
import type { Ring } from './types.js';

const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/** Exact area of a longitude/latitude rectangle on the WGS-84 ellipsoid (authalic formula). */
function ellipsoidRectArea(lng0: number, lat0: number, lng1: number, lat1: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const F = (latDeg: number): number => {
    const s = Math.sin((latDeg * Math.PI) / 180);
    return s / (1 - e2 * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
  };
  return ((a * a * (1 - e2)) / 2) * (((lng1 - lng0) * Math.PI) / 180) * (F(lat1) - F(lat0));
}

describe('areas', () => {
  it('a one-hectare cell at Hangzhou matches the exact ellipsoidal area to 1e-6', () => {
    const projection = new LocalProjection(120.2, 30.25);
    const dLng = 100 / projection.kx;
    const dLat = 100 / projection.ky;
    const ring = rect(120.2, 30.25, 120.2 + dLng, 30.25 + dLat);
    const exact = ellipsoidRectArea(120.2, 30.25, 120.2 + dLng, 30.25 + dLat);
    assert.ok(Math.abs(ringAreaM2(ring) - exact) / exact < 1e-6, `${ringAreaM2(ring)} vs ${exact}`);
    assert.ok(Math.abs(exact - 10_000) < 1, 'the cell is one hectare');
  });

  it('a district-sized rectangle (0.2° × 0.2°) is within 1e-4 of the exact area', () => {
    const exact = ellipsoidRectArea(120.1, 30.2, 120.3, 30.4);
    const local = ringAreaM2(rect(120.1, 30.2, 120.3, 30.4));
    assert.ok(Math.abs(local - exact) / exact < 1e-4, `${local} vs ${exact}`);
  });

  it('the Shangcheng outline measures about 120 km², as its provenance says', () => {
    const collection = JSON.parse(
      readFileSync(
        fromPackageRoot('data', 'reference', 'boundaries', 'shangcheng-330102-datav-wgs84-derived.geojson'),
        'utf8',
      ),
    ) as { features: { geometry: unknown }[] };
    const read = readPolygonalGeometry(collection.features[0]?.geometry);
    assert.ok('geometry' in read);
    const km2 = geometryAreaM2(read.geometry) / 1e6;
    assert.ok(km2 > 119 && km2 < 122, `${km2} km²`);
  });

  it('subtracts holes and ignores winding', () => {
    const outer = rect(120, 30, 120.01, 30.01);
    const hole = rect(120.002, 30.002, 120.004, 30.004);
    const withHole = polygonAreaM2([outer, hole]);
    // Each ring measured on its own uses its own projection centre: agreement to ~1e-6 relative.
    assert.ok(Math.abs(withHole - (ringAreaM2(outer) - ringAreaM2(hole))) / withHole < 1e-6);
    assert.ok(Math.abs(polygonAreaM2([[...outer].reverse(), [...hole].reverse()]) - withHole) < 1e-6);
    assert.ok(withHole < ringAreaM2(outer));
  });

  it('MultiPolygon area is the sum of its parts', () => {
    const a = rect(120, 30, 120.01, 30.01);
    const b = rect(120.02, 30, 120.03, 30.01);
    const total = geometryAreaM2({ type: 'MultiPolygon', coordinates: [[a], [b]] });
    assert.ok(Math.abs(total - ringAreaM2(a) - ringAreaM2(b)) / total < 1e-6);
  });
});

describe('bbox and centroid', () => {
  it('bbox covers the exterior rings', () => {
    assert.deepEqual(
      geometryBbox({ type: 'Polygon', coordinates: [rect(120, 30, 121, 31)] }),
      [120, 30, 121, 31],
    );
  });

  it('centroid of a rectangle is its centre; of an L-shape, inside the heavier arm', () => {
    const [x, y] = geometryCentroid({ type: 'Polygon', coordinates: [rect(120, 30, 120.02, 30.01)] });
    assert.ok(Math.abs(x - 120.01) < 1e-9 && Math.abs(y - 30.005) < 1e-9);
    const l = geometryCentroid({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.03, 0],
          [0.03, 0.01],
          [0.01, 0.01],
          [0.01, 0.03],
          [0, 0.03],
          [0, 0],
        ],
      ],
    });
    // Area-weighted: (2 · (0.02, 0.005) + 3 · (0.005, ...)) — both coordinates equal by symmetry.
    assert.ok(Math.abs(l[0] - l[1]) < 1e-6 && l[0] > 0.005 && l[0] < 0.015);
  });
});

describe('distances', () => {
  it('one degree along the equator is R·π/180', () => {
    assert.ok(Math.abs(haversineM(0, 0, 1, 0) - (MEAN_EARTH_RADIUS_M * Math.PI) / 180) < 1e-6);
  });

  it('is symmetric, zero on the diagonal and obeys the triangle inequality', () => {
    const lng = fc.double({ min: 119.5, max: 121, noNaN: true });
    const lat = fc.double({ min: 29.5, max: 31, noNaN: true });
    fc.assert(
      fc.property(lng, lat, lng, lat, lng, lat, (x1, y1, x2, y2, x3, y3) => {
        const d12 = haversineM(x1, y1, x2, y2);
        assert.ok(Math.abs(d12 - haversineM(x2, y2, x1, y1)) < 1e-6);
        assert.equal(haversineM(x1, y1, x1, y1), 0);
        assert.ok(haversineM(x1, y1, x3, y3) <= d12 + haversineM(x2, y2, x3, y3) + 1e-6);
      }),
    );
  });

  it('agrees with the local projection within 0.5 % over a few kilometres', () => {
    const p = new LocalProjection(120.2, 30.25);
    const d = haversineM(120.2, 30.25, 120.23, 30.27);
    const planar = Math.hypot(p.x(120.23), p.y(30.27));
    assert.ok(Math.abs(d - planar) / d < 0.005, `${d} vs ${planar}`);
  });
});

describe('LocalProjection', () => {
  it('round-trips degrees → metres → degrees', () => {
    const p = new LocalProjection(120.2, 30.25);
    fc.assert(
      fc.property(
        fc.double({ min: 119, max: 121, noNaN: true }),
        fc.double({ min: 29, max: 31, noNaN: true }),
        (lng, lat) => {
          const [x, y] = p.forward([lng, lat]);
          const [lng2, lat2] = p.inverse([x, y]);
          assert.ok(Math.abs(lng2 - lng) < 1e-12 && Math.abs(lat2 - lat) < 1e-12);
        },
      ),
    );
  });
});
