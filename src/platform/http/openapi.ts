import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from './schemas.js';

/**
 * The OpenAPI 3.1 document is generated from the route schemas (nothing undocumented), served at
 * /api/openapi.json, with a browsable reference at /api/docs served from local assets (no CDN).
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Chengzhi (城治) API',
        version,
        description:
          'Smart urban-governance platform. Errors always have the shape { error: { code, message, field?, details? } }; ' +
          'messages follow Accept-Language (zh-CN by default, en).',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'cz_session',
            description: 'browser session; writes also need X-CSRF-Token',
          },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token for machines (czt_…)' },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, () => app.swagger());
}
