import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config.js';
import type { Tenant } from '../auth/index.js';
import { withErrors } from './schemas.js';

/** What the web app needs before anyone signs in: whose district it is and which base map it may draw. */
export const webConfigRoutes: FastifyPluginAsyncTypebox<{
  defaultTenant: Tenant;
  mapTiles: Config['mapTiles'];
}> = async (app, opts) => {
  app.get(
    '/api/public/web-config',
    {
      config: { access: 'public' },
      schema: {
        tags: ['web'],
        summary: 'The district and the optional online base map (MAP_TILES_URL) for the web app',
        response: withErrors({
          200: Type.Object({
            tenant: Type.Object({ code: Type.String(), name: Type.String(), timeZone: Type.String() }),
            mapTiles: Type.Union([
              Type.Object({
                url: Type.String(),
                crs: Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')]),
                attribution: Type.String(),
              }),
              Type.Null(),
            ]),
          }),
        }),
      },
    },
    async () => ({
      tenant: {
        code: opts.defaultTenant.code,
        name: opts.defaultTenant.name,
        timeZone: opts.defaultTenant.timeZone,
      },
      mapTiles: opts.mapTiles,
    }),
  );
};
