import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../platform/auth/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { registerErrorMapper } from '../../platform/http/error-handler.js';
import { withErrors } from '../../platform/http/schemas.js';
import type { GeoService } from './commands.js';
import { parseComponentImport } from './domain/component-import.js';
import type { Crs } from './domain/crs.js';
import { ImportFormatError, parseGeoJsonImport, parseShapefileZipImport } from './domain/import-parse.js';
import { CrsParam, ImportResult, Level } from './route-schemas.js';

registerErrorMapper((error) =>
  error instanceof ImportFormatError
    ? new AppError(400, 'IMPORT_UNREADABLE', error.message, { field: 'body' })
    : null,
);

/** Admin imports of region layers and components; their content-type parsers stay inside this plugin. */
export const geoImportRoutes: FastifyPluginAsyncTypebox<{ geo: GeoService }> = async (app, opts) => {
  const tags = ['geo'];
  // Imports arrive as the file itself: GeoJSON or a zipped Shapefile.
  app.addContentTypeParser(
    ['application/zip', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser('application/geo+json', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
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
