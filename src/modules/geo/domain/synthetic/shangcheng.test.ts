/**
 * The 上城区 synthetic demo district: generated once for this file (≈3 s), then checked for counts,
 * nesting, validity, coverage and determinism; components are generated over it.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { loadShangchengInputs } from '../../reference-data.js';
import { geometryBbox } from '../bbox.js';
import { GridGeocoder } from '../geocoder.js';
import { pointInPolygonal } from '../point-in-polygon.js';
import type { PolygonalGeometry } from '../types.js';
import { validateRegions } from '../validate.js';
import type { ComponentCategory } from './components.js';
import { generateComponents } from './components.js';
import { generateSyntheticDistrict } from './district.js';
import { componentsToFeatureCollection, syntheticDistrictToGeoJson } from './geojson.js';
import { createRandom } from './prng.js';
import type { RegionRecord } from './records.js';
import { toGeocoderGrid } from './records.js';

const inputs = loadShangchengInputs();
const started = performance.now();
const district = generateSyntheticDistrict(inputs);
const generationMs = performance.now() - started;

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * The published demo data's fingerprint. It changes only when the generator or its inputs change on
 * purpose; then print the new value (`fingerprint(district)`) and update it here and in docs/geo.md.
 */
const EXPECTED_FINGERPRINT = 'a26eb9cda6f85c8ceac44d4899dcff44784830e43fdbb2cc3d027b25743f98b3';

const geocoder = GridGeocoder.build(district.grids.map(toGeocoderGrid));

describe('synthetic 上城区: counts and codes', () => {
  it('has the 14 streets and 203 communities of the code table, and about 12,000 unit grids', (t) => {
    t.diagnostic(`generated in ${Math.round(generationMs)} ms: ${JSON.stringify(district.stats)}`);
    assert.equal(district.streets.length, 14);
    assert.equal(district.communities.length, 203);
    assert.ok(
      district.grids.length > 11_000 && district.grids.length < 13_000,
      `${district.grids.length} grids`,
    );
    const perStreet = new Map<string, number>();
    for (const c of district.communities) {
      perStreet.set(c.parentCode ?? '', (perStreet.get(c.parentCode ?? '') ?? 0) + 1);
    }
    assert.equal(perStreet.get('330102001'), 5, '清波 has 5 communities');
    assert.equal(perStreet.get('330102017'), 26, '丁兰 has 26 communities');
  });

  it('codes nest by prefix, are unique and well formed; grids are numbered 001… per community', () => {
    const all: RegionRecord[] = [
      district.district,
      ...district.streets,
      ...district.communities,
      ...district.grids,
    ];
    assert.equal(new Set(all.map((r) => r.code)).size, all.length);
    for (const r of all) {
      if (r.parentCode !== null) assert.ok(r.code.startsWith(r.parentCode), r.code);
    }
    for (const g of district.grids) assert.match(g.code, /^330102\d{9}$/);
    const byCommunity = new Map<string, string[]>();
    for (const g of district.grids) {
      byCommunity.set(g.parentCode ?? '', [...(byCommunity.get(g.parentCode ?? '') ?? []), g.code]);
    }
    assert.equal(byCommunity.size, 203, 'every community has grids');
    for (const [community, codes] of byCommunity) {
      const sequences = codes.map((c) => Number(c.slice(12))).sort((a, b) => a - b);
      assert.deepEqual(
        sequences,
        Array.from({ length: codes.length }, (_, i) => i + 1),
        community,
      );
    }
  });

  it('marks every generated feature synthetic (the district outline is reference data)', () => {
    assert.equal(district.district.synthetic, false);
    for (const r of [...district.streets, ...district.communities, ...district.grids]) {
      assert.equal(r.synthetic, true);
    }
    const geojson = syntheticDistrictToGeoJson(district);
    assert.ok(geojson.grids.features.every((f) => f.properties.synthetic));
    assert.equal(geojson.grids.features.length, district.grids.length);
    assert.equal(geojson.streets.features[0]?.id, district.streets[0]?.code);
  });

  it('streets are not absurd: each between 1 and 30 km²', () => {
    for (const s of district.streets) assert.ok(s.areaM2 > 1e6 && s.areaM2 < 30e6, `${s.name} ${s.areaM2}`);
  });
});

describe('synthetic 上城区: geometry', () => {
  const byCode = (records: RegionRecord[]): Map<string, PolygonalGeometry> =>
    new Map(records.map((r) => [r.code, r.geometry]));
  const strict = { outsideToleranceM2: 0.01, overlapToleranceM2: 0.01 };

  it('streets lie inside the outline without overlapping (validator, 0.01 m² tolerance)', () => {
    const report = validateRegions(district.streets, {
      level: 'street',
      parents: byCode([district.district]),
      ...strict,
    });
    assert.deepEqual(report.problems, []);
  });

  it('communities lie inside their streets without overlapping', () => {
    const report = validateRegions(district.communities, {
      level: 'community',
      parents: byCode(district.streets),
      ...strict,
    });
    assert.deepEqual(report.problems, []);
  });

  it('grids lie inside their communities without overlapping, and are valid polygons', () => {
    const report = validateRegions(district.grids, {
      level: 'grid',
      parents: byCode(district.communities),
      ...strict,
    });
    assert.deepEqual(report.problems.slice(0, 5), []);
  });

  it('grid areas are about a hectare and add up to the outline', () => {
    const areas = district.grids.map((g) => g.areaM2);
    assert.ok(Math.min(...areas) >= 5000 - 1e-6, 'slivers were merged');
    assert.ok(Math.max(...areas) < 25_000);
    const total = areas.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total - district.stats.districtAreaM2) / district.stats.districtAreaM2 < 0.001);
  });

  it('random points in the outline locate to a grid (coverage ≥ 99.9 %), in the right community, never two grids', (t) => {
    const outline = district.district.geometry;
    const [x0, y0, x1, y1] = geometryBbox(outline);
    const random = createRandom('coverage');
    const communities = byCode(district.communities);
    let inside = 0;
    let located = 0;
    let doubleChecked = 0;
    while (inside < 20_000) {
      const x = random.range(x0, x1);
      const y = random.range(y0, y1);
      if (!pointInPolygonal(outline, x, y)) continue;
      inside++;
      const index = geocoder.locate(x, y);
      if (index < 0) continue;
      located++;
      const grid = district.grids[index]!;
      assert.ok(
        pointInPolygonal(communities.get(grid.parentCode ?? '')!, x, y),
        'the grid is in the point’s community',
      );
      if (doubleChecked < 1000) {
        doubleChecked++;
        const owners = district.grids.filter((g) => pointInPolygonal(g.geometry, x, y)).length;
        assert.equal(owners, 1);
      }
    }
    const coverage = located / inside;
    t.diagnostic(`coverage ${(coverage * 100).toFixed(3)} % of ${inside} points`);
    assert.ok(coverage >= 0.999, `coverage ${coverage}`);
  });

  it('is deterministic: the published fingerprint, and the same output twice', (t) => {
    const print = fingerprint(district);
    t.diagnostic(`fingerprint ${print}`);
    assert.equal(print, EXPECTED_FINGERPRINT);
    // Two more runs on a coarse lattice (cheap): same inputs, same bytes.
    const a = generateSyntheticDistrict(inputs, { gridSizeM: 500 });
    const b = generateSyntheticDistrict(inputs, { gridSizeM: 500 });
    assert.equal(fingerprint(a), fingerprint(b));
    assert.notEqual(
      fingerprint(generateSyntheticDistrict(inputs, { gridSizeM: 500, seed: 'other' })),
      fingerprint(a),
    );
  });
});

/** A few categories from urban-management.md §6 (部件 大类/小类 codes as in the 运城 table). */
const CATEGORIES: ComponentCategory[] = [
  { majorCode: '01', minorCode: '01', name: '上水井盖', count: 60_000 },
  { majorCode: '01', minorCode: '02', name: '污水井盖', count: 50_000 },
  { majorCode: '01', minorCode: '03', name: '雨水井盖', count: 50_000 },
  { majorCode: '01', minorCode: '10', name: '路灯', count: 60_000, maintainerUnitCode: 'U-LIGHTING' },
  { majorCode: '02', minorCode: '01', name: '公交站亭', count: 5_000, ownerUnitCode: 'U-TRANSIT' },
  { majorCode: '03', minorCode: '01', name: '公共厕所', count: 1_000 },
  { majorCode: '03', minorCode: '02', name: '垃圾箱', count: 60_000 },
  { majorCode: '04', minorCode: '01', name: '古树名木', count: 14_000 },
];

describe('synthetic components (部件)', () => {
  const options = {
    districtCode: '330102',
    categories: CATEGORIES,
    geocoder,
    ownerUnitCode: 'U-OWNER',
    maintainerUnitCode: 'U-MAINT',
  };
  const t0 = performance.now();
  const components = generateComponents(options);
  const componentMs = performance.now() - t0;

  it('makes 300,000 components with 16-digit IDs, in a few seconds', (t) => {
    t.diagnostic(`${components.length} components in ${Math.round(componentMs)} ms`);
    assert.equal(components.length, 300_000);
    assert.equal(new Set(components.map((c) => c.id)).size, components.length);
    for (const c of components) assert.match(c.id, /^330102\d{10}$/);
    const first = components[0]!;
    assert.equal(first.id, '3301020101000001');
    assert.equal(first.categoryCode, '0101');
    assert.equal(first.name, '上水井盖');
    const last = components[components.length - 1]!;
    assert.equal(last.id, '3301020401014000');
  });

  it('assigns each component the grid that contains it, and the unit codes', () => {
    for (const c of components.slice(0, 20_000)) {
      const [lng, lat] = c.location.coordinates;
      const index = geocoder.locate(lng, lat);
      assert.equal(district.grids[index]?.code, c.gridCode);
      assert.equal(c.communityCode, c.gridCode.slice(0, 12));
      assert.equal(c.streetCode, c.gridCode.slice(0, 9));
      assert.ok(c.synthetic);
    }
    const light = components.find((c) => c.categoryCode === '0110')!;
    assert.deepEqual([light.ownerUnitCode, light.maintainerUnitCode], ['U-OWNER', 'U-LIGHTING']);
    const stop = components.find((c) => c.categoryCode === '0201')!;
    assert.deepEqual([stop.ownerUnitCode, stop.maintainerUnitCode], ['U-TRANSIT', 'U-MAINT']);
  });

  it('is deterministic, and one category’s count does not move another’s points', () => {
    const small = CATEGORIES.map((c) => ({ ...c, count: 200 }));
    const a = generateComponents({ ...options, categories: small });
    const b = generateComponents({ ...options, categories: small });
    assert.equal(fingerprint(a), fingerprint(b));
    const more = generateComponents({
      ...options,
      categories: small.map((c, i) => (i === 0 ? { ...c, count: 300 } : c)),
    });
    const tail = (list: typeof a): unknown => list.filter((c) => c.categoryCode !== '0101');
    assert.equal(fingerprint(tail(more)), fingerprint(tail(a)));
  });

  it('rejects bad category codes and counts', () => {
    const bad =
      (category: ComponentCategory): (() => unknown) =>
      () =>
        generateComponents({ ...options, categories: [category] });
    assert.throws(bad({ majorCode: '1', minorCode: '01', name: 'x', count: 1 }), /2 digits/);
    assert.throws(bad({ majorCode: '01', minorCode: '01', name: 'x', count: 1_000_000 }), RangeError);
    assert.throws(() => generateComponents({ ...options, districtCode: '33010' }), /6 digits/);
  });

  it('exports as a GeoJSON FeatureCollection of points', () => {
    const collection = componentsToFeatureCollection(components.slice(0, 3));
    assert.equal(collection.features.length, 3);
    assert.equal(collection.features[0]?.geometry.type, 'Point');
    assert.equal(collection.features[0]?.properties.synthetic, true);
  });
});
