import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, type Tenant } from '../../platform/auth/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { registerErrorMapper } from '../../platform/http/error-handler.js';
import { withErrors } from '../../platform/http/schemas.js';
import type { GeoService } from './commands.js';
import { convertPosition, CRS_VALUES, type Crs } from './domain/crs.js';
import { parseComponentImport } from './domain/component-import.js';
import { ImportFormatError, parseGeoJsonImport, parseShapefileZipImport } from './domain/import-parse.js';
import { REGION_LEVELS } from './domain/region-codes.js';
import type { Bbox } from './domain/types.js';
import {
  presentComponentFeature,
  presentLocated,
  presentRegionFeature,
  presentRegionSummary,
} from './presenters.js';

export interface GeoRouteOptions {
  geo: GeoService;
  resolveTenant(code: string | undefined): Promise<Tenant | null>;
}

registerErrorMapper((error) =>
  error instanceof ImportFormatError
    ? new AppError(400, 'IMPORT_UNREADABLE', error.message, { field: 'body' })
    : null,
);

const CrsParam = Type.Union(
  CRS_VALUES.map((c) => Type.Literal(c)),
  {
    default: 'wgs84',
    description:
      'coordinate system of the input and output: wgs84 (GPS), gcj02 (AMap, Tencent), bd09 (Baidu)',
  },
);
const Level = Type.Union(REGION_LEVELS.map((l) => Type.Literal(l)));
const TenantCode = Type.Optional(Type.String({ minLength: 1, maxLength: 32 }));
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const BboxParam = Type.String({
  pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$',
  description: 'minLng,minLat,maxLng,maxLat in the request’s crs',
  examples: ['120.16,30.24,120.18,30.26'],
});
const RegionBrief = Type.Object({ code: Type.String(), name: Type.String(), synthetic: Type.Boolean() });
const RegionProps = Type.Object({
  code: Type.String(),
  level: Level,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  areaM2: Type.Number(),
  synthetic: Type.Boolean({ description: 'generated demo geometry, not surveyed' }),
  source: Type.Union([Type.String(), Type.Null()]),
});
const Feature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  properties: Type.Record(Type.String(), Type.Unknown()),
  geometry: Type.Unknown(),
});
const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  crs: Type.String(),
  truncated: Type.Boolean(),
  features: Type.Array(Feature),
});
const ImportResult = Type.Object({
  imported: Type.Integer(),
  replaced: Type.Optional(Type.Integer()),
  dryRun: Type.Boolean(),
});

const MAX_FEATURES = 20_000;

function parseBbox(text: string, crs: Crs): Bbox {
  const [a, b, c, d] = text.split(',').map(Number) as [number, number, number, number];
  if (a >= c || b >= d) {
    throw errors.validation('bbox', 'bbox must be minLng,minLat,maxLng,maxLat with min < max');
  }
  // Converting the corners is exact enough for a viewport filter (the shift is ~500 m, nearly uniform here).
  const [minLng, minLat] = convertPosition([a, b], crs, 'wgs84');
  const [maxLng, maxLat] = convertPosition([c, d], crs, 'wgs84');
  return [minLng, minLat, maxLng, maxLat];
}

export const geoRoutes: FastifyPluginAsyncTypebox<GeoRouteOptions> = async (app, opts) => {
  const tags = ['geo'];
  const tenantOf = async (code: string | undefined) => {
    const tenant = await opts.resolveTenant(code);
    if (!tenant) throw errors.validation('tenant', `unknown tenant ${code ?? ''}`);
    return tenant;
  };

  // Imports arrive as the file itself: GeoJSON or a zipped Shapefile.
  app.addContentTypeParser(
    ['application/zip', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser('application/geo+json', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/geo/locate',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Point → unit grid, community, street, district',
        querystring: Type.Object(
          { lng: Lng, lat: Lat, crs: CrsParam, tenant: TenantCode },
          { additionalProperties: false },
        ),
        response: withErrors(
          {
            200: Type.Object({
              position: Type.Tuple([Type.Number(), Type.Number()]),
              crs: Type.String(),
              grid: RegionBrief,
              community: Type.Union([RegionBrief, Type.Null()]),
              street: Type.Union([RegionBrief, Type.Null()]),
              district: Type.Union([RegionBrief, Type.Null()]),
            }),
          },
          404,
        ),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const crs = request.query.crs as Crs;
      const located = await opts.geo.locate(tenant.id, request.query.lng, request.query.lat, crs);
      if (!located) {
        throw new AppError(404, 'OUTSIDE_GRIDS', 'the point lies outside every unit grid of this tenant', {
          field: 'lng',
        });
      }
      return presentLocated(located, crs);
    },
  );

  app.get(
    '/api/geo/regions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The region tree without geometry: district, streets, communities (grids are counted, not listed)',
        querystring: Type.Object({ tenant: TenantCode }, { additionalProperties: false }),
        response: withErrors({
          200: Type.Object({
            items: Type.Array(Type.Intersect([RegionProps, Type.Object({ gridCount: Type.Integer() })])),
          }),
        }),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const { regions } = await opts.geo.regionIndex(tenant.id);
      const gridCount = new Map<string, number>();
      for (const r of regions.values()) {
        if (r.level !== 'grid') continue;
        for (let code: string | null = r.parentCode; code; code = regions.get(code)?.parentCode ?? null) {
          gridCount.set(code, (gridCount.get(code) ?? 0) + 1);
        }
      }
      const items = [...regions.values()]
        .filter((r) => r.level !== 'grid')
        .map((r) => ({ ...presentRegionSummary(r), gridCount: gridCount.get(r.code) ?? 0 }));
      return { items };
    },
  );

  app.get(
    '/api/geo/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One region as a GeoJSON Feature',
        params: Type.Object({ code: Type.String({ pattern: '^\\d{6,15}$' }) }),
        querystring: Type.Object({ crs: CrsParam, tenant: TenantCode }, { additionalProperties: false }),
        response: withErrors({ 200: Feature }, 404),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const region = await opts.geo.findRegion(tenant.id, request.params.code);
      if (!region) throw errors.notFound('region');
      return presentRegionFeature(region, request.query.crs);
    },
  );

  app.get(
    '/api/geo/features',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Regions of one level inside a bounding box, as a GeoJSON FeatureCollection (for the map)',
        querystring: Type.Object(
          {
            level: Level,
            bbox: Type.Optional(BboxParam),
            crs: CrsParam,
            limit: Type.Integer({ minimum: 1, maximum: MAX_FEATURES, default: 5_000 }),
            tenant: TenantCode,
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: FeatureCollection }),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const crs = request.query.crs as Crs;
      const bbox = request.query.bbox ? parseBbox(request.query.bbox, crs) : ([-180, -90, 180, 90] as Bbox);
      const rows = await opts.geo.regionsInBbox(
        tenant.id,
        request.query.level,
        bbox,
        request.query.limit + 1,
      );
      const truncated = rows.length > request.query.limit;
      return {
        type: 'FeatureCollection' as const,
        crs,
        truncated,
        features: rows.slice(0, request.query.limit).map((r) => presentRegionFeature(r, crs)),
      };
    },
  );

  app.get(
    '/api/geo/components',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Components (部件) inside a bounding box, as GeoJSON points',
        querystring: Type.Object(
          {
            bbox: BboxParam,
            crs: CrsParam,
            limit: Type.Integer({ minimum: 1, maximum: MAX_FEATURES, default: 5_000 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: FeatureCollection }, 401, 403),
      },
    },
    async (request) => {
      const tenantId = principalOf(request).actor.tenantId;
      const crs = request.query.crs as Crs;
      const rows = await opts.geo.componentsInBbox(
        tenantId,
        parseBbox(request.query.bbox, crs),
        request.query.limit + 1,
      );
      return {
        type: 'FeatureCollection' as const,
        crs,
        truncated: rows.length > request.query.limit,
        features: rows.slice(0, request.query.limit).map((c) => presentComponentFeature(c, crs)),
      };
    },
  );

  app.get(
    '/api/geo/components/nearest',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The components nearest to a point (to pick the one a report is about)',
        querystring: Type.Object(
          {
            lng: Lng,
            lat: Lat,
            crs: CrsParam,
            limit: Type.Integer({ minimum: 1, maximum: 50, default: 5 }),
            maxDistanceM: Type.Number({ exclusiveMinimum: 0, maximum: 5_000, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: FeatureCollection }, 401, 403),
      },
    },
    async (request) => {
      const q = request.query;
      const crs = q.crs as Crs;
      const hits = await opts.geo.nearestComponents(
        principalOf(request).actor.tenantId,
        q.lng,
        q.lat,
        crs,
        q.limit,
        q.maxDistanceM,
      );
      return {
        type: 'FeatureCollection' as const,
        crs,
        truncated: false,
        features: hits.map((h) => presentComponentFeature(h.component, crs, h.distanceM)),
      };
    },
  );

  app.post(
    '/api/geo/imports/regions',
    {
      config: { access: { roles: ['admin'] } },
      bodyLimit: 256 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Replace a region layer from GeoJSON (application/geo+json or application/json) or a zipped Shapefile (application/zip); all or nothing, 422 with a per-feature report on problems',
        querystring: Type.Object(
          {
            level: Level,
            crs: CrsParam,
            codeField: Type.String({ minLength: 1, maxLength: 64, default: 'code' }),
            nameField: Type.String({ minLength: 1, maxLength: 64, default: 'name' }),
            parentField: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            layer: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
            synthetic: Type.Boolean({ default: false }),
            dryRun: Type.Boolean({ default: false }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: ImportResult }, 401, 403, 422),
      },
    },
    async (request) => {
      const q = request.query;
      const options = {
        crs: q.crs as Crs,
        fields: {
          code: q.codeField,
          name: q.nameField,
          ...(q.parentField ? { parentCode: q.parentField } : {}),
        },
        ...(q.layer ? { layer: q.layer } : {}),
      };
      const body: unknown = request.body;
      const isZip =
        (request.headers['content-type'] ?? '').startsWith('application/zip') ||
        (request.headers['content-type'] ?? '').startsWith('application/octet-stream');
      if (body === undefined || body === null) {
        throw errors.validation('body', 'send the GeoJSON or zipped Shapefile as the request body');
      }
      const parsed = isZip
        ? await parseShapefileZipImport(body as Buffer, options)
        : parseGeoJsonImport(Buffer.isBuffer(body) ? body : body, options);
      return opts.geo.importRegions(principalOf(request).actor, {
        level: q.level,
        parsed,
        synthetic: q.synthetic,
        source: `import by ${principalOf(request).account.username}`,
        dryRun: q.dryRun,
      });
    },
  );

  app.post(
    '/api/geo/imports/components',
    {
      config: { access: { roles: ['admin'] } },
      bodyLimit: 256 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Add or replace components (部件) from a GeoJSON FeatureCollection of points (properties: id, name, ownerUnit?, maintainerUnit?, status?); all or nothing',
        querystring: Type.Object(
          { crs: CrsParam, dryRun: Type.Boolean({ default: false }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: ImportResult }, 401, 403, 422),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const body: unknown = request.body;
      const value: unknown = Buffer.isBuffer(body) ? parseJsonBody(body) : body;
      const parsed = parseComponentImport(
        value,
        request.query.crs,
        `import by ${principal.account.username}`,
      );
      return opts.geo.importComponents(principal.actor, { ...parsed, dryRun: request.query.dryRun });
    },
  );
};

function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new AppError(400, 'MALFORMED_JSON', 'the request body is not valid JSON', { field: 'body' });
  }
}
