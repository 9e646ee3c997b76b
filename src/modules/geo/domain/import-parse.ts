/**
 * Parsing region imports (districts, streets, communities or unit grids) from a GeoJSON FeatureCollection
 * or a zipped Shapefile. No I/O: the caller passes the bytes (or the parsed object).
 *
 * Each feature's attributes are mapped to { code, name, parentCode } through a field mapping, since
 * every source names them differently (e.g. `WGBM`, `BGID`, `CODE`). Geometries are converted from the
 * source CRS to WGS-84 (crs.ts). Per-feature problems use the validation problem codes; features are
 * kept in source order (featureIndex = position in the source) even when unusable, so a report lines
 * up with what the user uploaded. Run `validateParsedImport` next for the full validation.
 *
 * About `crs` for Shapefiles: when the zip holds a .prj, shpjs reprojects the coordinates to WGS-84
 * longitude/latitude. GCJ-02 and BD-09 have no .prj of their own (data in them usually claims WGS-84),
 * so `crs` names the system the longitude/latitude are really in after that step. Attribute tables that
 * are not UTF-8 need a .cpg file in the zip naming their encoding (e.g. GBK).
 */
import { parseZip } from 'shpjs';
import type { ShpFeatureCollection } from 'shpjs';
import type { Crs } from './crs.js';
import { toCanonical } from './crs.js';
import { readPolygonalGeometry } from './geometry-checks.js';
import type { PolygonalGeometry } from './types.js';
import type { ValidateRegionsOptions, ValidationReport } from './validate.js';
import { validateRegions } from './validate.js';
import type { ValidationProblem } from './validation-types.js';

export interface ImportFieldMapping {
  /** Attribute holding the region code. */
  code: string;
  name?: string;
  /** Attribute holding the parent's code; when absent, the parent is the code's prefix. */
  parentCode?: string;
}

export interface ImportParseOptions {
  /** The system the source coordinates are in. */
  crs: Crs;
  fields: ImportFieldMapping;
  /** For a zip with several layers: which one (file name without extension). */
  layer?: string;
}

export interface ParsedRegionFeature {
  /** Position of the feature in the source. */
  featureIndex: number;
  code: string | null;
  name: string | null;
  parentCode: string | null;
  /** WGS-84; null when the source geometry was unusable (see problems). */
  geometry: PolygonalGeometry | null;
  /** The source attributes, untouched. */
  properties: Record<string, unknown>;
}

export interface ImportParseResult {
  features: ParsedRegionFeature[];
  problems: ValidationProblem[];
}

/** The upload as a whole is unreadable (not JSON, not a FeatureCollection, not a shapefile zip). */
export class ImportFormatError extends Error {
  override readonly name = 'ImportFormatError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An attribute as a code or name: trimmed text, or an integer written out; anything else is absent. */
function attributeText(value: unknown): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return text.length > 0 ? text : null;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

function mapFeatures(rawFeatures: readonly unknown[], options: ImportParseOptions): ImportParseResult {
  const problems: ValidationProblem[] = [];
  const features = rawFeatures.map((raw, featureIndex): ParsedRegionFeature => {
    const feature = isRecord(raw) ? raw : {};
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const rawCode = properties[options.fields.code];
    const code = attributeText(rawCode);
    const parsed: ParsedRegionFeature = {
      featureIndex,
      code,
      name: options.fields.name ? attributeText(properties[options.fields.name]) : null,
      parentCode: options.fields.parentCode ? attributeText(properties[options.fields.parentCode]) : null,
      geometry: null,
      properties,
    };
    if (!isRecord(raw) || raw.type !== 'Feature') {
      problems.push({
        featureIndex,
        problem: 'INVALID_GEOMETRY',
        message: 'the item is not a GeoJSON Feature',
      });
      return parsed;
    }
    if (code === null) {
      const problem: ValidationProblem = {
        featureIndex,
        problem: 'BAD_CODE',
        message:
          rawCode === undefined || rawCode === null
            ? `attribute ${options.fields.code} is missing`
            : `attribute ${options.fields.code} is not a code`,
        details: { reason: 'MISSING', field: options.fields.code },
      };
      problems.push(problem);
    }
    const read = readPolygonalGeometry(feature.geometry);
    if ('issue' in read) {
      const problem: ValidationProblem = {
        featureIndex,
        problem: read.issue.problem,
        message: read.issue.message,
      };
      if (code !== null) problem.code = code;
      problems.push(problem);
      return parsed;
    }
    parsed.geometry = toCanonical(read.geometry, options.crs);
    return parsed;
  });
  return { features, problems };
}

function decodeJson(input: Uint8Array | string): unknown {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ImportFormatError(`not valid JSON: ${(error as Error).message}`);
  }
}

/** A GeoJSON FeatureCollection (or a single Feature) as bytes, text or an already parsed object. */
export function parseGeoJsonImport(
  input: Uint8Array | string | object,
  options: ImportParseOptions,
): ImportParseResult {
  const value =
    typeof input === 'string' || input instanceof Uint8Array ? decodeJson(input) : (input as unknown);
  if (isRecord(value) && value.type === 'FeatureCollection' && Array.isArray(value.features)) {
    return mapFeatures(value.features as unknown[], options);
  }
  if (isRecord(value) && value.type === 'Feature') return mapFeatures([value], options);
  throw new ImportFormatError('expected a GeoJSON FeatureCollection or Feature');
}

/** A zipped Shapefile (.shp, .dbf, optional .prj and .cpg). */
export async function parseShapefileZipImport(
  zip: Uint8Array | ArrayBuffer,
  options: ImportParseOptions,
): Promise<ImportParseResult> {
  let parsed: ShpFeatureCollection | ShpFeatureCollection[];
  try {
    parsed = await parseZip(zip);
  } catch (error) {
    throw new ImportFormatError(`not a readable zipped shapefile: ${(error as Error).message}`);
  }
  const layers = Array.isArray(parsed) ? parsed : [parsed];
  let layer: ShpFeatureCollection | undefined;
  if (options.layer !== undefined) {
    layer = layers.find((l) => l.fileName === options.layer);
    if (!layer) {
      throw new ImportFormatError(
        `layer ${options.layer} not found; the zip holds ${layers.map((l) => l.fileName ?? '?').join(', ')}`,
      );
    }
  } else if (layers.length === 1) {
    layer = layers[0];
  } else {
    throw new ImportFormatError(
      `the zip holds ${layers.length} layers (${layers.map((l) => l.fileName ?? '?').join(', ')}); name one`,
    );
  }
  return mapFeatures(layer?.features ?? [], options);
}

/**
 * Full validation of a parsed import: the parse problems plus validateRegions, without reporting a
 * geometry twice when parsing already rejected it.
 */
export function validateParsedImport(
  parsed: ImportParseResult,
  options: ValidateRegionsOptions,
): ValidationReport {
  const report = validateRegions(parsed.features, options);
  const unusable = new Set(parsed.features.filter((f) => f.geometry === null).map((f) => f.featureIndex));
  const codeless = new Set(
    parsed.problems.filter((p) => p.problem === 'BAD_CODE').map((p) => p.featureIndex),
  );
  const merged = [
    ...parsed.problems,
    ...report.problems.filter(
      (p) =>
        !(p.problem === 'INVALID_GEOMETRY' && unusable.has(p.featureIndex)) &&
        !(p.problem === 'BAD_CODE' && codeless.has(p.featureIndex) && p.details?.reason === 'MISSING'),
    ),
  ].sort((a, b) => a.featureIndex - b.featureIndex);
  const invalid = [...new Set(merged.map((p) => p.featureIndex))].sort((a, b) => a - b);
  return { featureCount: parsed.features.length, problems: merged, invalidFeatureIndexes: invalid };
}
