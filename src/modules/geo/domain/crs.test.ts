import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromPackageRoot } from '../../../platform/paths.js';
import { CANONICAL_CRS, convertGeometry, convertPosition, fromCanonical, isCrs, toCanonical } from './crs.js';
import type { Crs } from './crs.js';
import { haversineM } from './distance.js';
import type { Geometry, MultiPolygonGeometry, Position } from './types.js';

const china = {
  lng: fc.double({ min: 100, max: 125, noNaN: true }),
  lat: fc.double({ min: 20, max: 45, noNaN: true }),
};

function metres(a: Position, b: Position): number {
  return haversineM(a[0], a[1], b[0], b[1]);
}

describe('CRS conversions', () => {
  it('WGS-84 is canonical', () => {
    assert.equal(CANONICAL_CRS, 'wgs84');
    assert.equal(isCrs('gcj02'), true);
    assert.equal(isCrs('GCJ-02'), false);
  });

  it('gcj02 → wgs84 → gcj02 comes back within 1 m', () => {
    fc.assert(
      fc.property(china.lng, china.lat, (lng, lat) => {
        const start: Position = [lng, lat];
        const back = convertPosition(convertPosition(start, 'gcj02', 'wgs84'), 'wgs84', 'gcj02');
        assert.ok(metres(start, back) < 1, `${metres(start, back)} m`);
      }),
      { numRuns: 2000 },
    );
  });

  it('round trips between every pair of systems stay within 1 m', () => {
    const systems: Crs[] = ['wgs84', 'gcj02', 'bd09'];
    fc.assert(
      fc.property(
        china.lng,
        china.lat,
        fc.constantFrom(...systems),
        fc.constantFrom(...systems),
        (lng, lat, a, b) => {
          const start: Position = [lng, lat];
          const back = convertPosition(convertPosition(start, a, b), b, a);
          assert.ok(metres(start, back) < 1);
        },
      ),
    );
  });

  it('the GCJ-02 offset in Hangzhou is the documented ≈450 m east and ≈260 m south', () => {
    const wgs: Position = [120.2, 30.25];
    const gcj = convertPosition(wgs, 'wgs84', 'gcj02');
    const east = haversineM(wgs[0], wgs[1], gcj[0], wgs[1]) * Math.sign(gcj[0] - wgs[0]);
    const north = haversineM(wgs[0], wgs[1], wgs[0], gcj[1]) * Math.sign(gcj[1] - wgs[1]);
    assert.ok(east > 400 && east < 500, `east ${east}`);
    assert.ok(north < -200 && north > -320, `north ${north}`);
  });

  it('converting the shipped GCJ-02 outline reproduces the shipped WGS-84 outline within 2 m per vertex', () => {
    const load = (name: string): MultiPolygonGeometry => {
      const text = readFileSync(fromPackageRoot('data', 'reference', 'boundaries', name), 'utf8');
      return (JSON.parse(text) as { features: { geometry: MultiPolygonGeometry }[] }).features[0]!.geometry;
    };
    const gcj = load('shangcheng-330102-datav-gcj02.geojson');
    const wgs = load('shangcheng-330102-datav-wgs84-derived.geojson');
    const converted = toCanonical(gcj, 'gcj02');
    const ours = converted.coordinates[0]![0]!;
    const theirs = wgs.coordinates[0]![0]!;
    assert.equal(ours.length, theirs.length);
    let worst = 0;
    ours.forEach((p, i) => (worst = Math.max(worst, metres(p, theirs[i]!))));
    assert.ok(worst < 2, `worst vertex ${worst} m`);
  });

  it('converts every geometry type and leaves the input untouched', () => {
    const geometry: Geometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [120.2, 30.25] },
        { type: 'MultiPoint', coordinates: [[120.2, 30.25]] },
        {
          type: 'LineString',
          coordinates: [
            [120.2, 30.25],
            [120.21, 30.26],
          ],
        },
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [120.2, 30.25],
              [120.21, 30.26],
            ],
          ],
        },
        {
          type: 'Polygon',
          coordinates: [
            [
              [120.2, 30.25],
              [120.21, 30.25],
              [120.21, 30.26],
              [120.2, 30.25],
            ],
          ],
        },
        {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [120.2, 30.25],
                [120.21, 30.25],
                [120.21, 30.26],
                [120.2, 30.25],
              ],
            ],
          ],
        },
      ],
    };
    const snapshot = JSON.stringify(geometry);
    const converted = fromCanonical(geometry, 'gcj02');
    assert.equal(JSON.stringify(geometry), snapshot, 'input unchanged');
    assert.equal(converted.type, 'GeometryCollection');
    const point = converted.type === 'GeometryCollection' ? converted.geometries[0] : undefined;
    assert.ok(point?.type === 'Point');
    assert.deepEqual(point.coordinates, convertPosition([120.2, 30.25], 'wgs84', 'gcj02'));
    assert.notDeepEqual(point.coordinates, [120.2, 30.25]);
  });

  it('same-system conversion copies; outside China WGS-84 and GCJ-02 coincide', () => {
    const p: Position = [120.2, 30.25];
    const copy = convertPosition(p, 'wgs84', 'wgs84');
    assert.deepEqual(copy, p);
    assert.notEqual(copy, p);
    assert.deepEqual(convertPosition([2.35, 48.85], 'wgs84', 'gcj02'), [2.35, 48.85]);
    const poly = {
      type: 'Polygon' as const,
      coordinates: [[[1, 1] as Position, [2, 1] as Position, [1, 2] as Position, [1, 1] as Position]],
    };
    assert.deepEqual(convertGeometry(poly, 'gcj02', 'wgs84'), poly);
  });
});
