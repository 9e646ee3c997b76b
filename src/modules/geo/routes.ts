import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, type Tenant } from '../../platform/auth/index.js';
import { geoImportRoutes } from './import-routes.js';
import {
  BboxParam,
  CrsParam,
  Feature,
  FeatureCollection,
  Lat,
  Level,
  Lng,
  RegionBrief,
  RegionProps,
  TenantCode,
} from './route-schemas.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { withErrors } from '../../platform/http/schemas.js';
import type { GeoService } from './commands.js';
import { convertPosition, type Crs } from './domain/crs.js';
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
  await app.register(geoImportRoutes, { geo: opts.geo });
};
