/**
 * Coordinate reference systems and conversions between them.
 *
 * Canonical storage is WGS-84 (EPSG:4326 longitude/latitude). Why:
 *   - GPS receivers in phones and field devices report WGS-84;
 *   - Open311 (GeoReport v2) and most international tiles and tools (OSM, MapLibre styles, PostGIS
 *     EPSG:4326) assume it; Tianditu's CGCS2000 coincides with it within centimetres;
 *   - GCJ-02 (AMap/Gaode, Tencent) and BD-09 (Baidu) are obfuscated offsets of WGS-84 used only to draw
 *     over those vendors' tiles. Converting once at the API edge (the `crs` parameter in CONVENTIONS.md)
 *     keeps every stored geometry, distance and index in one system, and conversions never compound.
 *
 * The transforms are gcoord's (a maintained library); we do not hand-write them. GCJ-02 → WGS-84 has no
 * closed form; gcoord inverts it iteratively to 1e-6° (about 0.1 m). Outside mainland China's bounding
 * box gcoord leaves WGS-84 ↔ GCJ-02 positions unchanged, as the vendors do.
 */
import gcoordImport from 'gcoord';
import type { Geometry, Position } from './types.js';

// gcoord is CommonJS with typings that declare an ES default export. Under Node the default import is
// the API object itself; TypeScript (NodeNext) sees that object one level down, under `.default`.
// Accept both so the module works under Node, tsx and bundlers alike.
type GcoordApi = typeof gcoordImport.default;
const gcoord: GcoordApi =
  'transform' in gcoordImport ? (gcoordImport as unknown as GcoordApi) : gcoordImport.default;

export type Crs = 'wgs84' | 'gcj02' | 'bd09';

/** The system every geometry is stored and indexed in. */
export const CANONICAL_CRS: Crs = 'wgs84';

export const CRS_VALUES: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

export function isCrs(value: unknown): value is Crs {
  return value === 'wgs84' || value === 'gcj02' || value === 'bd09';
}

type GcoordCrs = typeof gcoord.WGS84 | typeof gcoord.GCJ02 | typeof gcoord.BD09;

function gcoordCrs(crs: Crs): GcoordCrs {
  switch (crs) {
    case 'wgs84':
      return gcoord.WGS84;
    case 'gcj02':
      return gcoord.GCJ02;
    case 'bd09':
      return gcoord.BD09;
  }
}

/** Converts one `[lng, lat]` position. Returns a new array; the input is not modified. */
export function convertPosition(position: readonly [number, number], from: Crs, to: Crs): Position {
  if (from === to) return [position[0], position[1]];
  const out = gcoord.transform([position[0], position[1]], gcoordCrs(from), gcoordCrs(to));
  return [out[0], out[1]];
}

function convertPositions(positions: readonly Position[], from: Crs, to: Crs): Position[] {
  return positions.map((p) => convertPosition(p, from, to));
}

/**
 * Converts every position of a GeoJSON geometry. Returns a new geometry (gcoord's own GeoJSON mode
 * mutates its input, so we walk the structure ourselves). Extra dimensions (altitude) are dropped.
 */
export function convertGeometry<G extends Geometry>(geometry: G, from: Crs, to: Crs): G {
  return convertAny(geometry, from, to) as G;
}

function convertAny(geometry: Geometry, from: Crs, to: Crs): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: convertPosition(geometry.coordinates, from, to) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: convertPositions(geometry.coordinates, from, to) };
    case 'LineString':
      return { type: 'LineString', coordinates: convertPositions(geometry.coordinates, from, to) };
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: geometry.coordinates.map((line) => convertPositions(line, from, to)),
      };
    case 'Polygon':
      return {
        type: 'Polygon',
        coordinates: geometry.coordinates.map((ring) => convertPositions(ring, from, to)),
      };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) =>
          polygon.map((ring) => convertPositions(ring, from, to)),
        ),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((g) => convertAny(g, from, to)),
      };
  }
}

/** Input edge: whatever the client sent, into the canonical system. */
export function toCanonical<G extends Geometry>(geometry: G, from: Crs): G {
  return convertGeometry(geometry, from, CANONICAL_CRS);
}

/** Output edge: from the canonical system into what the client asked for. */
export function fromCanonical<G extends Geometry>(geometry: G, to: Crs): G {
  return convertGeometry(geometry, CANONICAL_CRS, to);
}
