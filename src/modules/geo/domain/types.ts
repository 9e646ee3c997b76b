/**
 * The geometry shapes the geo module works with. They follow GeoJSON (RFC 7946): positions are
 * `[lng, lat]` in degrees, rings are closed (first position equals the last), exterior rings first.
 * Our own small types keep the domain free of a GeoJSON typing dependency.
 */

/** `[longitude, latitude]` in degrees. */
export type Position = [lng: number, lat: number];

/** A closed ring: at least four positions, the last equal to the first. */
export type Ring = Position[];

/** Exterior ring first, then holes. */
export type PolygonCoordinates = Ring[];

export type MultiPolygonCoordinates = PolygonCoordinates[];

export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}

export interface MultiPointGeometry {
  type: 'MultiPoint';
  coordinates: Position[];
}

export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}

export interface MultiLineStringGeometry {
  type: 'MultiLineString';
  coordinates: Position[][];
}

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: PolygonCoordinates;
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: MultiPolygonCoordinates;
}

export interface GeometryCollection {
  type: 'GeometryCollection';
  geometries: Geometry[];
}

export type Geometry =
  | PointGeometry
  | MultiPointGeometry
  | LineStringGeometry
  | MultiLineStringGeometry
  | PolygonGeometry
  | MultiPolygonGeometry
  | GeometryCollection;

/** The geometries a region (district, street, community, grid) may have. */
export type PolygonalGeometry = PolygonGeometry | MultiPolygonGeometry;

/** `[minLng, minLat, maxLng, maxLat]`. */
export type Bbox = [minX: number, minY: number, maxX: number, maxY: number];

/** The polygons of a polygonal geometry as one list, so callers need not switch on the type. */
export function polygonsOf(geometry: PolygonalGeometry): PolygonCoordinates[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A Polygon when there is exactly one part, otherwise a MultiPolygon. */
export function polygonalFromParts(parts: PolygonCoordinates[]): PolygonalGeometry {
  if (parts.length === 1 && parts[0] !== undefined) return { type: 'Polygon', coordinates: parts[0] };
  return { type: 'MultiPolygon', coordinates: parts };
}
