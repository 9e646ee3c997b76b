/**
 * Turns the reference files of data/reference/ (passed in as text and parsed JSON; reading them is the
 * caller's job) into the generator's inputs: the district outline in WGS-84, each street with its anchor
 * converted from GCJ-02 to WGS-84, and the communities per street.
 */
import { convertPosition } from '../crs.js';
import { readPolygonalGeometry } from '../geometry-checks.js';
import type { PolygonalGeometry, Position } from '../types.js';

export interface DistrictInputs {
  district: { code: string; name: string; outline: PolygonalGeometry };
  streets: { code: string; name: string; anchor: Position }[];
  communities: { code: string; name: string; streetCode: string }[];
}

export interface ReferenceTexts {
  /** Parsed `shangcheng-330102-datav-wgs84-derived.geojson` (a FeatureCollection with one feature). */
  outlineWgs84: unknown;
  /** `shangcheng-street-anchors-gcj02.csv` */
  streetAnchorsCsv: string;
  /** `shangcheng-330102-streets.csv` */
  streetsCsv: string;
  /** `shangcheng-330102-communities.csv` */
  communitiesCsv: string;
}

/** Rows of a simple CSV (no quoted commas in these files) as objects keyed by the header. */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0);
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
  return lines.map((line) => {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      row[name] = (cells[i] ?? '').trim();
    });
    return row;
  });
}

function required(row: Record<string, string>, column: string): string {
  const value = row[column];
  if (value === undefined || value === '') throw new Error(`reference CSV: column ${column} is empty`);
  return value;
}

export function districtInputsFromReference(texts: ReferenceTexts): DistrictInputs {
  const collection = texts.outlineWgs84 as {
    features?: { properties?: Record<string, unknown>; geometry?: unknown }[];
  };
  const feature = collection.features?.[0];
  if (!feature) throw new Error('district outline: no feature');
  const read = readPolygonalGeometry(feature.geometry);
  if ('issue' in read) throw new Error(`district outline: ${read.issue.message}`);
  const properties = feature.properties ?? {};
  const adcode = properties.adcode;
  const code = typeof adcode === 'number' || typeof adcode === 'string' ? String(adcode) : '';
  if (code === '') throw new Error('district outline: no adcode property');
  const name = typeof properties.name === 'string' ? properties.name : code;

  const anchors = new Map<string, Position>();
  for (const row of parseSimpleCsv(texts.streetAnchorsCsv)) {
    const lng = Number(required(row, 'anchor_lon_gcj02'));
    const lat = Number(required(row, 'anchor_lat_gcj02'));
    anchors.set(required(row, 'street_code'), convertPosition([lng, lat], 'gcj02', 'wgs84'));
  }
  const streets = parseSimpleCsv(texts.streetsCsv)
    .filter((row) => row.areaCode === code)
    .map((row) => {
      const streetCode = required(row, 'code');
      const anchor = anchors.get(streetCode);
      if (!anchor) throw new Error(`street ${streetCode} has no anchor point`);
      return { code: streetCode, name: required(row, 'name'), anchor };
    });
  const streetCodes = new Set(streets.map((s) => s.code));
  const communities = parseSimpleCsv(texts.communitiesCsv)
    .filter((row) => streetCodes.has(row.streetCode ?? ''))
    .map((row) => ({
      code: required(row, 'code'),
      name: required(row, 'name'),
      streetCode: required(row, 'streetCode'),
    }));
  return { district: { code, name, outline: read.geometry }, streets, communities };
}
