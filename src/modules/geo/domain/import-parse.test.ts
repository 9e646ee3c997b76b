import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import { convertPosition } from './crs.js';
import {
  ImportFormatError,
  parseGeoJsonImport,
  parseShapefileZipImport,
  validateParsedImport,
} from './import-parse.js';
import type { Position, Ring } from './types.js';

// ---------------------------------------------------------------------------------------------------
// A minimal shapefile writer (polygons, .shp + .dbf + .cpg + optional .prj) and a stored (uncompressed)
// zip writer, so the Shapefile path is tested on real bytes without fixture files.

function shpPolygons(polygons: Ring[][]): Uint8Array {
  const records = polygons.map((rings) => {
    // Shapefile winding: outer rings clockwise, holes counter-clockwise.
    const signedArea = (ring: Ring): number =>
      ring.reduce((sum, p, i) => sum + (i > 0 ? ring[i - 1]![0] * p[1] - p[0] * ring[i - 1]![1] : 0), 0);
    const parts = rings.map((ring, i) => (signedArea(ring) > 0 === (i === 0) ? [...ring].reverse() : ring));
    const points = parts.flat();
    const content = 44 + 4 * parts.length + 16 * points.length;
    const buffer = new DataView(new ArrayBuffer(8 + content));
    buffer.setInt32(4, content / 2); // content length in 16-bit words, big-endian
    buffer.setInt32(8, 5, true); // polygon
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) =>
      buffer.setFloat64(12 + 8 * i, v, true),
    );
    buffer.setInt32(44, parts.length, true);
    buffer.setInt32(48, points.length, true);
    let offset = 52;
    let start = 0;
    for (const part of parts) {
      buffer.setInt32(offset, start, true);
      offset += 4;
      start += part.length;
    }
    for (const [x, y] of points) {
      buffer.setFloat64(offset, x, true);
      buffer.setFloat64(offset + 8, y, true);
      offset += 16;
    }
    return new Uint8Array(buffer.buffer);
  });
  const header = new DataView(new ArrayBuffer(100));
  const total = 100 + records.reduce((sum, r) => sum + r.length, 0);
  header.setInt32(0, 9994);
  header.setInt32(24, total / 2);
  header.setInt32(28, 1000, true);
  header.setInt32(32, 5, true);
  const out = new Uint8Array(total);
  out.set(new Uint8Array(header.buffer), 0);
  let offset = 100;
  records.forEach((record, i) => {
    new DataView(record.buffer).setInt32(0, i + 1); // record number, big-endian
    out.set(record, offset);
    offset += record.length;
  });
  return out;
}

function dbf(
  fields: { name: string; type: 'C' | 'N'; length: number }[],
  rows: (string | number)[][],
): Uint8Array {
  const encoder = new TextEncoder();
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, f) => sum + f.length, 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((field, i) => {
    const at = 32 + 32 * i;
    out.set(encoder.encode(field.name), at);
    out[at + 11] = field.type.charCodeAt(0);
    out[at + 16] = field.length;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    out[at++] = 0x20;
    fields.forEach((field, i) => {
      const text = String(row[i] ?? '');
      const bytes = encoder.encode(field.type === 'N' ? text.padStart(field.length) : text);
      const cell = new Uint8Array(field.length).fill(0x20);
      cell.set(bytes.subarray(0, field.length));
      out.set(cell, at);
      at += field.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

function storedZip(files: Record<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30 + nameBytes.length));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    new Uint8Array(local.buffer).set(nameBytes, 30);
    const central = new DataView(new ArrayBuffer(46 + nameBytes.length));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, data.length, true);
    central.setUint32(24, data.length, true);
    central.setUint16(28, nameBytes.length, true);
    central.setUint32(42, offset, true);
    new Uint8Array(central.buffer).set(nameBytes, 46);
    locals.push(new Uint8Array(local.buffer), data);
    centrals.push(new Uint8Array(central.buffer));
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, centrals.length, true);
  end.setUint16(10, centrals.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

// ---------------------------------------------------------------------------------------------------

const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('parseGeoJsonImport', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { WGBM: '330102001051001', MC: ' 一号网格 ', SQBM: 330102001051 },
        geometry: { type: 'Polygon', coordinates: [square(120.2, 30.25, 0.001)] },
      },
      {
        type: 'Feature',
        properties: { MC: '无编码' },
        geometry: { type: 'Polygon', coordinates: [square(120.3, 30.25, 0.001)] },
      },
      {
        type: 'Feature',
        properties: { WGBM: 330102001051003 },
        geometry: { type: 'Point', coordinates: [120.2, 30.25] },
      },
      { type: 'Feature', properties: { WGBM: '330102001051004' }, geometry: null },
    ],
  };
  const options = { crs: 'gcj02' as const, fields: { code: 'WGBM', name: 'MC', parentCode: 'SQBM' } };

  it('maps fields, converts GCJ-02 to WGS-84 and reports per-feature problems', () => {
    const result = parseGeoJsonImport(collection, options);
    assert.equal(result.features.length, 4);
    const first = result.features[0]!;
    assert.equal(first.code, '330102001051001');
    assert.equal(first.name, '一号网格');
    assert.equal(first.parentCode, '330102001051', 'numeric attributes become code text');
    const corner = first.geometry?.type === 'Polygon' ? first.geometry.coordinates[0]![0]! : undefined;
    assert.deepEqual(corner, convertPosition([120.2, 30.25], 'gcj02', 'wgs84'));
    assert.equal(result.features[2]?.code, '330102001051003');
    assert.deepEqual(
      result.problems.map((p) => [p.featureIndex, p.problem]),
      [
        [1, 'BAD_CODE'],
        [2, 'INVALID_GEOMETRY'],
        [3, 'INVALID_GEOMETRY'],
      ],
    );
  });

  it('accepts bytes (with a BOM) and text, and refuses what is not GeoJSON', () => {
    const text = JSON.stringify(collection);
    const bytes = new TextEncoder().encode('\uFEFF' + text);
    assert.equal(parseGeoJsonImport(bytes, options).features.length, 4);
    assert.equal(parseGeoJsonImport(text, options).features.length, 4);
    assert.throws(() => parseGeoJsonImport('{not json', options), ImportFormatError);
    assert.throws(() => parseGeoJsonImport({ type: 'Polygon', coordinates: [] }, options), ImportFormatError);
  });

  it('validateParsedImport adds validation without repeating parse problems', () => {
    const withOverlap = {
      type: 'FeatureCollection',
      features: [
        ...collection.features,
        {
          type: 'Feature',
          properties: { WGBM: '330102001051001' },
          geometry: { type: 'Polygon', coordinates: [square(120.2005, 30.2505, 0.001)] },
        },
      ],
    };
    const parsed = parseGeoJsonImport(withOverlap, { crs: 'wgs84', fields: { code: 'WGBM' } });
    const report = validateParsedImport(parsed, { level: 'grid' });
    assert.deepEqual(
      report.problems.map((p) => [p.featureIndex, p.problem]),
      [
        [0, 'DUPLICATE_CODE'],
        [0, 'SIBLING_OVERLAP'],
        [1, 'BAD_CODE'],
        [2, 'INVALID_GEOMETRY'],
        [3, 'INVALID_GEOMETRY'],
        [4, 'DUPLICATE_CODE'],
        [4, 'SIBLING_OVERLAP'],
      ],
    );
    assert.deepEqual(report.invalidFeatureIndexes, [0, 1, 2, 3, 4]);
  });
});

describe('parseShapefileZipImport', () => {
  const grids: Ring[][] = [
    [square(120.2, 30.25, 0.001)],
    // A grid with a hole.
    [square(120.201, 30.25, 0.001), square(120.2013, 30.2503, 0.0003)],
  ];
  const fields = [
    { name: 'WGBM', type: 'C' as const, length: 15 },
    { name: 'MC', type: 'C' as const, length: 40 },
    { name: 'SQBM', type: 'N' as const, length: 12 },
  ];
  const rows = [
    ['330102001051001', '清波门社区001号网格', 330102001051],
    ['330102001051002', '清波门社区002号网格', 330102001051],
  ];

  it('reads polygons with holes and UTF-8 attributes, mapped and converted', async () => {
    const zip = storedZip({
      'grids.shp': shpPolygons(grids),
      'grids.dbf': dbf(fields, rows),
      'grids.cpg': new TextEncoder().encode('UTF-8'),
      'grids.prj': new TextEncoder().encode(WGS84_PRJ),
    });
    const result = await parseShapefileZipImport(zip, {
      crs: 'wgs84',
      fields: { code: 'WGBM', name: 'MC', parentCode: 'SQBM' },
    });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.features.map((f) => [f.code, f.name, f.parentCode]),
      [
        ['330102001051001', '清波门社区001号网格', '330102001051'],
        ['330102001051002', '清波门社区002号网格', '330102001051'],
      ],
    );
    const second = result.features[1]?.geometry;
    assert.ok(second?.type === 'Polygon');
    assert.equal(second.coordinates.length, 2, 'the hole survives');
    const xs = second.coordinates[0]!.map((p: Position) => p[0]);
    assert.ok(Math.abs(Math.min(...xs) - 120.201) < 1e-9);
    const report = validateParsedImport(result, { level: 'grid' });
    assert.deepEqual(report.problems, []);
  });

  it('converts from GCJ-02 when told so', async () => {
    const zip = storedZip({
      'g.shp': shpPolygons(grids.slice(0, 1)),
      'g.dbf': dbf(fields, rows.slice(0, 1)),
    });
    const result = await parseShapefileZipImport(zip, { crs: 'gcj02', fields: { code: 'WGBM' } });
    const ring =
      result.features[0]?.geometry?.type === 'Polygon' ? result.features[0].geometry.coordinates[0]! : [];
    const expected = convertPosition([120.2, 30.25], 'gcj02', 'wgs84');
    assert.ok(ring.some((p) => Math.abs(p[0] - expected[0]) < 1e-12 && Math.abs(p[1] - expected[1]) < 1e-12));
  });

  it('asks which layer when the zip holds several, and refuses garbage', async () => {
    const zip = storedZip({
      'a.shp': shpPolygons(grids.slice(0, 1)),
      'a.dbf': dbf(fields, rows.slice(0, 1)),
      'b.shp': shpPolygons(grids),
      'b.dbf': dbf(fields, rows),
    });
    await assert.rejects(
      parseShapefileZipImport(zip, { crs: 'wgs84', fields: { code: 'WGBM' } }),
      /2 layers/,
    );
    const b = await parseShapefileZipImport(zip, { crs: 'wgs84', fields: { code: 'WGBM' }, layer: 'b' });
    assert.equal(b.features.length, 2);
    await assert.rejects(
      parseShapefileZipImport(new TextEncoder().encode('not a zip'), {
        crs: 'wgs84',
        fields: { code: 'WGBM' },
      }),
      ImportFormatError,
    );
  });
});
