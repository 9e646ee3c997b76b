/**
 * Boolean operations on polygons through polyclip-ts (exact BigNumber arithmetic; robust on shared and
 * collinear edges, but ≈0.2 ms for two small polygons and ≈1 ms for a 60-vertex one, so callers filter
 * candidates cheaply first). Inputs are GeoJSON Polygon/MultiPolygon geometries in degrees; outputs are
 * MultiPolygon coordinates with closed rings.
 */
import * as polyclip from 'polyclip-ts';
import type { MultiPolygonCoordinates, PolygonalGeometry, PolygonCoordinates } from './types.js';

type Operand = PolygonalGeometry | PolygonCoordinates | MultiPolygonCoordinates;

function toGeom(operand: Operand): polyclip.Geom {
  if (Array.isArray(operand)) return operand;
  return operand.coordinates;
}

export function intersection(a: Operand, ...others: Operand[]): MultiPolygonCoordinates {
  return polyclip.intersection(toGeom(a), ...others.map(toGeom));
}

export function difference(a: Operand, ...others: Operand[]): MultiPolygonCoordinates {
  return polyclip.difference(toGeom(a), ...others.map(toGeom));
}

export function union(a: Operand, ...others: Operand[]): MultiPolygonCoordinates {
  return polyclip.union(toGeom(a), ...others.map(toGeom));
}
