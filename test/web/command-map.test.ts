/** The command center's pure helpers: case columns → GeoJSON, the cluster colours, periods, frame-time stats. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bboxOf,
  columnsToGeoJSON,
  countByLight,
  LIGHT_COLORS,
  lightOf,
  type CaseColumns,
} from '../../src/web/pages/command/map/case-points.js';
import { frameStats } from '../../src/web/pages/command/map/frame-stats.js';
import {
  baseStyle,
  casesSource,
  clusterColor,
  LIGHT_PALETTE,
} from '../../src/web/pages/command/map/layers.js';
import { districtDay, districtMonth, stepOf } from '../../src/web/pages/command/periods.js';

const cols: CaseColumns = {
  count: 3,
  truncated: false,
  ids: ['a', 'b', 'c'],
  caseNos: ['330102-20251009-00001', '330102-20251009-00002', '330102-20251009-00003'],
  lng: [120.1, 120.2, 120.3],
  lat: [30.1, 30.2, 30.3],
  warning: [0, 3, 2],
  stage: ['handling', 'handling', 'filed'],
};

describe('command center map helpers', () => {
  it('turns columns into point features with short properties, optionally projected', () => {
    const fc = columnsToGeoJSON(cols);
    assert.equal(fc.features.length, 3);
    assert.deepEqual(fc.features[1], {
      type: 'Feature',
      id: 1,
      geometry: { type: 'Point', coordinates: [120.2, 30.2] },
      properties: { n: '330102-20251009-00002', w: 3 },
    });
    const shifted = columnsToGeoJSON(cols, (lng, lat) => [lng + 1, lat + 1]);
    assert.deepEqual(shifted.features[0]?.geometry.coordinates, [121.1, 31.1]);
  });

  it('counts the lights and clamps odd warning levels', () => {
    assert.deepEqual(countByLight(cols.warning), { normal: 1, prompt: 0, yellow: 1, red: 1 });
    assert.equal(lightOf(7), 'red');
    assert.equal(lightOf(-1), 'normal');
    assert.equal(lightOf(Number.NaN), 'normal');
  });

  it('finds the bounding box of nested coordinates', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 2],
          [3, 2],
          [3, 5],
          [1, 5],
          [1, 2],
        ],
      ],
    };
    assert.deepEqual(bboxOf([square, { type: 'Point', coordinates: [0, 9] }]), [0, 2, 3, 9]);
    assert.equal(bboxOf([]), null);
  });

  it('colours a cluster by its worst light, summed in the clusters', () => {
    const expr = clusterColor();
    assert.deepEqual(expr.slice(0, 3), ['case', ['>', ['get', 'red'], 0], LIGHT_COLORS.red]);
    assert.equal(expr[expr.length - 1], LIGHT_COLORS.normal);
    const source = casesSource();
    assert.equal(source.type, 'geojson');
    assert.ok(source.type === 'geojson' && source.cluster);
    assert.deepEqual(Object.keys(source.type === 'geojson' ? (source.clusterProperties as object) : {}), [
      'red',
      'yellow',
      'prompt',
    ]);
  });

  it('draws offline without tiles and adds the raster base layer when configured', () => {
    const offline = baseStyle(null, LIGHT_PALETTE);
    assert.equal(offline.layers[0]?.type, 'background');
    assert.ok(!offline.layers.some((l) => l.type === 'raster'));
    const online = baseStyle(
      { url: 'https://tiles.example/{z}/{x}/{y}.png', crs: 'gcj02', attribution: '©' },
      LIGHT_PALETTE,
    );
    assert.equal(online.layers[1]?.type, 'raster');
    assert.ok(online.layers.findIndex((l) => l.id === 'case-points') > 1, 'cases above the base map');
  });

  it('names today and this month in the district time zone', () => {
    // 2025-10-08 17:00 UTC is already 9 October in Hangzhou.
    assert.equal(districtDay(new Date('2025-10-08T17:00:00Z'), 'Asia/Shanghai'), '2025-10-09');
    assert.equal(districtMonth(new Date('2025-10-31T16:30:00Z'), 'Asia/Shanghai'), '2025-11');
    assert.equal(stepOf('cases.case.reportedBack'), 'reportedBack');
  });

  it('summarises frame times (nearest-rank percentiles)', () => {
    const deltas = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.deepEqual(frameStats(deltas), { frames: 100, medianMs: 50, p95Ms: 95, maxMs: 100, fps: 19.8 });
    assert.deepEqual(frameStats([]), { frames: 0, medianMs: 0, p95Ms: 0, maxMs: 0, fps: 0 });
  });
});
