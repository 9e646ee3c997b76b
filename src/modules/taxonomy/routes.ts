import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, type Tenant } from '../../platform/auth/index.js';
import { errors } from '../../platform/http/app-error.js';
import { IsoDateTime, withErrors } from '../../platform/http/schemas.js';
import type { TaxonomyService } from './commands.js';
import { diffTaxonomyVersions } from './domain/versioning.js';
import { findStandard } from './domain/queries.js';
import type { TaxonomyTable } from './domain/types.js';

const tags = ['taxonomy'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Json = Type.Unknown({ description: 'see the taxonomy types in docs/taxonomy.md' });
const TableView = Type.Object({
  version: Type.Integer(),
  effectiveFrom: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
  order: Json,
  majors: Type.Array(Json),
  minors: Type.Array(Json),
  standards: Type.Array(Json),
});
const Code2 = Type.String({ pattern: '^\\d{2}$' });

export interface TaxonomyRouteOptions {
  taxonomy: TaxonomyService;
  resolveTenant(code: string | undefined): Promise<Tenant | null>;
}

export const taxonomyRoutes: FastifyPluginAsyncTypebox<TaxonomyRouteOptions> = async (app, opts) => {
  const { taxonomy } = opts;
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  const tenantOf = async (code: string | undefined) => {
    const tenant = await opts.resolveTenant(code);
    if (!tenant) throw errors.validation('tenant', `unknown tenant ${code ?? ''}`);
    return tenant;
  };

  app.get(
    '/api/taxonomy',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The current 部件/事件 categories and 立结案标准 (the version new cases are filed under), in the tenant’s order',
        querystring: Type.Object(
          { tenant: Type.Optional(Type.String({ maxLength: 32 })) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: TableView }),
      },
    },
    async (request) => {
      const { version, order } = await taxonomy.current((await tenantOf(request.query.tenant)).id);
      return { ...version, order };
    },
  );

  app.get(
    '/api/taxonomy/standards/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One standard row (立案条件, 处置时限, 结案条件) by id, in the current or a given version',
        params: Type.Object({ id: Type.String({ pattern: '^[CE]-\\d{4}-\\d{1,2}$' }) }),
        querystring: Type.Object(
          {
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            tenant: Type.Optional(Type.String({ maxLength: 32 })),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          { 200: Type.Object({ version: Type.Integer(), standard: Json, minor: Json }) },
          404,
        ),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const table = request.query.version
        ? await taxonomy.readVersion(tenant.id, request.query.version)
        : (await taxonomy.current(tenant.id)).version;
      if (!table) throw errors.notFound('taxonomy version');
      const standard = findStandard(table, request.params.id);
      if (!standard) throw errors.notFound('standard');
      const minor =
        table.minors.find(
          (m) =>
            m.kind === standard.kind && m.majorCode === standard.majorCode && m.code === standard.minorCode,
        ) ?? null;
      return { version: table.version, standard, minor };
    },
  );

  app.get(
    '/api/taxonomy/versions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Published versions of the taxonomy',
        response: withErrors(
          {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  version: Type.Integer(),
                  effectiveFrom: Type.Union([Type.String(), Type.Null()]),
                  note: Type.String(),
                  standardCount: Type.Integer(),
                  publishedAt: IsoDateTime,
                  publishedBy: Type.Union([Type.Integer(), Type.Null()]),
                }),
              ),
            }),
          },
          401,
        ),
      },
    },
    async (request) => ({
      items: (await taxonomy.listVersions(principalOf(request).actor.tenantId)).map((v) => ({
        ...v,
        publishedAt: v.publishedAt.toISOString(),
      })),
    }),
  );

  app.post(
    '/api/taxonomy/versions',
    {
      config: { access: { roles: ['admin'] } },
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Publish a new version from a whole table (majors, minors, standards as in GET /api/taxonomy); validated as a whole, 422 with every issue',
        body: Type.Object(
          {
            note: Type.String({ minLength: 1, maxLength: 200 }),
            effectiveFrom: Type.Optional(LocalDate),
            majors: Type.Array(Json, { maxItems: 200 }),
            minors: Type.Array(Json, { maxItems: 5000 }),
            standards: Type.Array(Json, { maxItems: 20000 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          { 201: Type.Object({ version: Type.Integer(), diff: Json }) },
          401,
          403,
          409,
          422,
        ),
      },
    },
    async (request, reply) => {
      const b = request.body;
      // The domain validates every entry (validateTaxonomyTable) before anything is stored.
      const table = {
        majors: b.majors,
        minors: b.minors,
        standards: b.standards,
      } as unknown as TaxonomyTable;
      const { version, diff } = await taxonomy.publish(principalOf(request).actor, {
        table,
        note: b.note,
        effectiveFrom: b.effectiveFrom ?? null,
      });
      return reply.status(201).send({ version: version.version, diff });
    },
  );

  app.get(
    '/api/taxonomy/versions/:from/diff/:to',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'What changed between two versions (added, removed, changed majors, minors and standard rows)',
        params: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
        response: withErrors({ 200: Json }, 401, 404),
      },
    },
    async (request) => {
      const tenantId = principalOf(request).actor.tenantId;
      const [a, b] = await Promise.all([
        taxonomy.readVersion(tenantId, request.params.from),
        taxonomy.readVersion(tenantId, request.params.to),
      ]);
      if (!a || !b) throw errors.notFound('taxonomy version');
      return diffTaxonomyVersions(a, b);
    },
  );

  app.get(
    '/api/taxonomy/export.xlsx',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'The table as an Excel workbook (大类 / 小类 / 立案条件 / 处置时限 / 结案条件 / 法律依据 / 采集要求 …)',
        querystring: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        produces: [XLSX],
        response: withErrors({ 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) }, 401, 404),
      },
    },
    async (request, reply) => {
      const bytes = await taxonomy.exportXlsx(
        principalOf(request).actor.tenantId,
        request.query.version ?? null,
      );
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="taxonomy-v${request.query.version ?? 'current'}.xlsx"`,
        )
        .send(bytes);
    },
  );

  app.post(
    '/api/taxonomy/import',
    {
      config: { access: { roles: ['admin'] } },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Publish a new version from an Excel workbook (the body is the .xlsx file); every row is validated and nothing is applied on any error (422 with row/column errors)',
        querystring: Type.Object(
          {
            note: Type.String({ minLength: 1, maxLength: 200, default: 'Excel 导入' }),
            effectiveFrom: Type.Optional(LocalDate),
            dryRun: Type.Boolean({ default: false }),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          {
            200: Type.Object({
              version: Type.Union([Type.Integer(), Type.Null()]),
              standardCount: Type.Integer(),
              warnings: Type.Array(Json),
              dryRun: Type.Boolean(),
            }),
          },
          401,
          403,
          409,
          422,
        ),
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) {
        throw errors.validation('body', `send the workbook as the body with content-type ${XLSX}`);
      }
      return taxonomy.importXlsx(principalOf(request).actor, {
        bytes: request.body,
        note: request.query.note,
        effectiveFrom: request.query.effectiveFrom ?? null,
        dryRun: request.query.dryRun,
      });
    },
  );

  app.put(
    '/api/taxonomy/order',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'The tenant’s order of major categories per kind',
        body: Type.Object(
          { component: Type.Array(Code2, { maxItems: 40 }), event: Type.Array(Code2, { maxItems: 40 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 204: Type.Null() }, 401, 403),
      },
    },
    async (request, reply) => {
      await taxonomy.setOrder(principalOf(request).actor, request.body);
      return reply.status(204).send(null);
    },
  );
};
