import { Type } from 'typebox';
import { CRS_VALUES } from './domain/crs.js';
import { REGION_LEVELS } from './domain/region-codes.js';

// Schemas shared by the geo read and import routes.
export const CrsParam = Type.Union(
  CRS_VALUES.map((c) => Type.Literal(c)),
  {
    default: 'wgs84',
    description:
      'coordinate system of the input and output: wgs84 (GPS), gcj02 (AMap, Tencent), bd09 (Baidu)',
  },
);
export const Level = Type.Union(REGION_LEVELS.map((l) => Type.Literal(l)));
export const TenantCode = Type.Optional(Type.String({ minLength: 1, maxLength: 32 }));
export const Lng = Type.Number({ minimum: -180, maximum: 180 });
export const Lat = Type.Number({ minimum: -90, maximum: 90 });
export const BboxParam = Type.String({
  pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$',
  description: 'minLng,minLat,maxLng,maxLat in the request’s crs',
  examples: ['120.16,30.24,120.18,30.26'],
});
export const RegionBrief = Type.Object({
  code: Type.String(),
  name: Type.String(),
  synthetic: Type.Boolean(),
});
export const RegionProps = Type.Object({
  code: Type.String(),
  level: Level,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  areaM2: Type.Number(),
  synthetic: Type.Boolean({ description: 'generated demo geometry, not surveyed' }),
  source: Type.Union([Type.String(), Type.Null()]),
});
export const Feature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  properties: Type.Record(Type.String(), Type.Unknown()),
  geometry: Type.Unknown(),
});
export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  crs: Type.String(),
  truncated: Type.Boolean(),
  features: Type.Array(Feature),
});
export const ImportResult = Type.Object({
  imported: Type.Integer(),
  replaced: Type.Optional(Type.Integer()),
  dryRun: Type.Boolean(),
});
