/**
 * The geo module's public face: other modules import only from here.
 *
 * Regions (district → street → community → unit grid) with their codes, the canonical CRS (WGS-84) and
 * conversions, geometry measures, the in-memory point → grid geocoder, nearest components, validation
 * and parsing of region imports, grid numbering, and the synthetic demo data generators.
 * (Store and routes come with the platform layer.)
 */

// Geometry types
export type {
  Bbox,
  Geometry,
  GeometryCollection,
  LineStringGeometry,
  MultiLineStringGeometry,
  MultiPointGeometry,
  MultiPolygonCoordinates,
  MultiPolygonGeometry,
  PointGeometry,
  PolygonCoordinates,
  PolygonGeometry,
  PolygonalGeometry,
  Position,
  Ring,
} from './domain/types.js';
export { polygonalFromParts, polygonsOf } from './domain/types.js';

// Coordinate reference systems
export type { Crs } from './domain/crs.js';
export {
  CANONICAL_CRS,
  CRS_VALUES,
  convertGeometry,
  convertPosition,
  fromCanonical,
  isCrs,
  toCanonical,
} from './domain/crs.js';

// Measures
export {
  geometryAreaM2,
  polygonAreaM2,
  projectionForBbox,
  ringAreaM2,
  ringPerimeterM,
} from './domain/area.js';
export { bboxContainsPoint, bboxesOverlap, geometryBbox, ringBbox } from './domain/bbox.js';
export { geometryCentroid } from './domain/centroid.js';
export { haversineM, MEAN_EARTH_RADIUS_M } from './domain/distance.js';
export { LocalProjection, metresPerDegree } from './domain/projection.js';
export { pointInPolygonal, pointInRing } from './domain/point-in-polygon.js';

// Point → grid, nearest points
export type { GeocoderGrid, GeocoderMemory, GeocoderOptions, RegionMatch } from './domain/geocoder.js';
export { GridGeocoder } from './domain/geocoder.js';
export type { NearestHit } from './domain/nearest.js';
export { buildPointIndex, nearestPoints, PointIndex } from './domain/nearest.js';

// Region codes and grid numbering
export type { RegionLevel } from './domain/region-codes.js';
export {
  CODE_LENGTH,
  codeFormatError,
  gridCode,
  impliedParentCode,
  isRegionCode,
  parentLevel,
  REGION_LEVELS,
} from './domain/region-codes.js';
export type { GridAnchor, NumberingOptions } from './domain/grid-codes.js';
export { assignGridCodes, gridSequenceNumbers, MAX_GRIDS_PER_COMMUNITY } from './domain/grid-codes.js';

// Validation and import
export type { ValidationProblem, ValidationProblemCode } from './domain/validation-types.js';
export { VALIDATION_PROBLEM_CODES } from './domain/validation-types.js';
export type { RegionFeatureInput, ValidateRegionsOptions, ValidationReport } from './domain/validate.js';
export {
  DEFAULT_OUTSIDE_TOLERANCE_M2,
  DEFAULT_OVERLAP_TOLERANCE_M2,
  validateRegions,
} from './domain/validate.js';
export type {
  ImportFieldMapping,
  ImportParseOptions,
  ImportParseResult,
  ParsedRegionFeature,
} from './domain/import-parse.js';
export {
  ImportFormatError,
  parseGeoJsonImport,
  parseShapefileZipImport,
  validateParsedImport,
} from './domain/import-parse.js';

// Synthetic demo data
export type { ComponentRecord, RegionRecord } from './domain/synthetic/records.js';
export { DATAV_SOURCE, SYNTHETIC_SOURCE, toGeocoderGrid } from './domain/synthetic/records.js';
export type { DistrictInputs, ReferenceTexts } from './domain/synthetic/reference-inputs.js';
export { districtInputsFromReference } from './domain/synthetic/reference-inputs.js';
export type {
  SyntheticDistrict,
  SyntheticDistrictOptions,
  SyntheticDistrictStats,
} from './domain/synthetic/district.js';
export { DEFAULT_SYNTHETIC_SEED, generateSyntheticDistrict } from './domain/synthetic/district.js';
export type { ComponentCategory, ComponentGenerationOptions } from './domain/synthetic/components.js';
export { generateComponents } from './domain/synthetic/components.js';
export type {
  ComponentProperties,
  Feature,
  FeatureCollection,
  RegionProperties,
} from './domain/synthetic/geojson.js';
export {
  componentsToFeatureCollection,
  regionsToFeatureCollection,
  syntheticDistrictToGeoJson,
} from './domain/synthetic/geojson.js';
export type { JitteredLattice, JitteredLatticeOptions } from './domain/synthetic/jittered-lattice.js';
export { jitteredLattice } from './domain/synthetic/jittered-lattice.js';
export type { Random } from './domain/synthetic/prng.js';
export { createRandom } from './domain/synthetic/prng.js';

// Reference files (reads data/reference/)
export { loadShangchengInputs } from './reference-data.js';

// Service, routes and seeding (platform side)
export { createGeoService, ImportRejectedError, type GeoService, type LocatedPoint } from './commands.js';
export { geoRoutes } from './routes.js';
export { createGeoDemoSeeder, DEMO_COMPONENT_CATEGORIES } from './demo-seeder.js';
export { parseComponentImport, type ParsedComponent } from './domain/component-import.js';
