import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, type Role, type Tenant } from '../../platform/auth/index.js';
import { errors } from '../../platform/http/app-error.js';
import { withErrors } from '../../platform/http/schemas.js';
import type { OrgService } from '../org/index.js';
import type { OversightService } from './commands.js';
import type { PowerListVersion } from './domain/types.js';
import {
  DiffView,
  DraftView,
  HistoryView,
  ItemCode,
  ItemInForceView,
  ListView,
  LocalDate,
  PowerItemSchema,
  Revision,
  TenantQuery,
} from './schemas.js';

const tags = ['oversight'];
/** Who may prepare and publish a new version of the power list. */
const EDITORS: Role[] = ['admin', 'leader'];
const strict = { additionalProperties: false } as const;

export interface OversightRouteOptions {
  oversight: OversightService;
  org: OrgService;
  resolveTenant(code: string | undefined): Promise<Tenant | null>;
}

export const oversightRoutes: FastifyPluginAsyncTypebox<OversightRouteOptions> = async (app, opts) => {
  const { oversight, org } = opts;

  const tenantOf = async (code: string | undefined) => {
    const tenant = await opts.resolveTenant(code);
    if (!tenant) throw errors.validation('tenant', `unknown tenant ${code ?? ''}`);
    return tenant.id;
  };

  /** A version as shown to anyone: the items and the names of the units they name; no account ids. */
  async function present(tenantId: number, v: PowerListVersion | null) {
    if (!v) throw errors.notFound('power list');
    const named = new Set(
      v.items.flatMap((i) => [
        i.implementingUnitCode,
        i.acceptingUnitCode,
        i.decidingUnitCode,
        ...i.delegations.map((d) => d.unitCode),
      ]),
    );
    const units = Object.fromEntries(
      (await org.listUnits(tenantId)).filter((u) => named.has(u.code)).map((u) => [u.code, u.name]),
    );
    return { ...v, units };
  }

  const history = async (tenantId: number) => {
    const h = await oversight.history(tenantId);
    return { today: h.today, items: h.versions };
  };

  const diff = (tenantId: number, from: number, to: number) => oversight.diff(tenantId, from, to);

  // ---- public: 权力清单公示 (no login, nothing personal) ----

  app.get(
    '/api/public/power-list',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The power and responsibility list in force today (权力清单 / 责任清单 公示)',
        querystring: TenantQuery,
        response: withErrors({ 200: ListView }, 404),
      },
    },
    async (request) => {
      const tenantId = await tenantOf(request.query.tenant);
      return present(tenantId, await oversight.versionOn(tenantId));
    },
  );

  app.get(
    '/api/public/power-list/versions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The change history of the power list: every published version with its period and reason',
        querystring: TenantQuery,
        response: withErrors({ 200: HistoryView }),
      },
    },
    async (request) => history(await tenantOf(request.query.tenant)),
  );

  app.get(
    '/api/public/power-list/versions/:version',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One published version of the power list (past versions stay readable)',
        params: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
        querystring: TenantQuery,
        response: withErrors({ 200: ListView }, 404),
      },
    },
    async (request) => {
      const tenantId = await tenantOf(request.query.tenant);
      return present(tenantId, await oversight.readVersion(tenantId, request.params.version));
    },
  );

  app.get(
    '/api/public/power-list/versions/:from/diff/:to',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'What changed between two versions (动态调整): added, removed and changed items, field by field',
        params: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
        querystring: TenantQuery,
        response: withErrors({ 200: DiffView }, 404),
      },
    },
    async (request) => diff(await tenantOf(request.query.tenant), request.params.from, request.params.to),
  );

  // ---- staff reads ----

  app.get(
    '/api/oversight/power-list',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The power list in force on a date (default today, tenant-local)',
        querystring: Type.Object({ on: Type.Optional(LocalDate) }, strict),
        response: withErrors({ 200: ListView }, 401, 404),
      },
    },
    async (request) => {
      const tenantId = principalOf(request).actor.tenantId;
      return present(tenantId, await oversight.versionOn(tenantId, request.query.on));
    },
  );

  app.get(
    '/api/oversight/power-list/items/:code',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One item as in force on a date (default today), with the version it comes from',
        params: Type.Object({ code: ItemCode }),
        querystring: Type.Object({ on: Type.Optional(LocalDate) }, strict),
        response: withErrors({ 200: ItemInForceView }, 401, 404),
      },
    },
    async (request) => {
      const found = await oversight.itemInForce(
        principalOf(request).actor.tenantId,
        request.params.code,
        request.query.on,
      );
      if (!found) throw errors.notFound(`power item ${request.params.code}`);
      return found;
    },
  );

  app.get(
    '/api/oversight/power-list/versions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Published versions with their periods (superseded, in force, scheduled)',
        response: withErrors({ 200: HistoryView }, 401),
      },
    },
    async (request) => history(principalOf(request).actor.tenantId),
  );

  app.get(
    '/api/oversight/power-list/versions/:version',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One published version of the power list',
        params: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
        response: withErrors({ 200: ListView }, 401, 404),
      },
    },
    async (request) => {
      const tenantId = principalOf(request).actor.tenantId;
      return present(tenantId, await oversight.readVersion(tenantId, request.params.version));
    },
  );

  app.get(
    '/api/oversight/power-list/versions/:from/diff/:to',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'What changed between two published versions',
        params: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
        response: withErrors({ 200: DiffView }, 401, 404),
      },
    },
    async (request) => diff(principalOf(request).actor.tenantId, request.params.from, request.params.to),
  );

  // ---- the draft of the next version (admin, leader) ----

  app.get(
    '/api/oversight/power-list/draft',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'The open draft of the next version',
        response: withErrors({ 200: DraftView }, 401, 403, 404),
      },
    },
    async (request) => {
      const draft = await oversight.readDraft(principalOf(request).actor.tenantId);
      if (!draft) throw errors.notFound('power-list draft');
      return draft;
    },
  );

  app.post(
    '/api/oversight/power-list/draft',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary:
          'Open a draft of the next version, copied from the newest published one (409 DRAFT_OPEN if one is open)',
        body: Type.Object({ note: Type.String({ maxLength: 500, default: '' }) }, strict),
        response: withErrors({ 201: DraftView }, 401, 403, 409),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await oversight.openDraft(principalOf(request).actor, { note: request.body.note })),
  );

  app.put(
    '/api/oversight/power-list/draft',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'Change the draft’s note and case-loop item, or replace all its items at once',
        body: Type.Object(
          {
            revision: Revision,
            note: Type.Optional(Type.String({ maxLength: 500 })),
            caseLoopItemCode: Type.Optional(Type.Union([ItemCode, Type.Null()])),
            items: Type.Optional(Type.Array(PowerItemSchema, { maxItems: 2000 })),
          },
          strict,
        ),
        response: withErrors({ 200: DraftView }, 401, 403, 404, 409),
      },
    },
    async (request) => {
      const b = request.body;
      return oversight.updateDraft(principalOf(request).actor, {
        revision: b.revision,
        ...(b.note !== undefined ? { note: b.note } : {}),
        ...(b.caseLoopItemCode !== undefined ? { caseLoopItemCode: b.caseLoopItemCode } : {}),
        ...(b.items ? { items: b.items } : {}),
      });
    },
  );

  app.delete(
    '/api/oversight/power-list/draft',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'Discard the draft',
        querystring: Type.Object({ revision: Revision }, strict),
        response: withErrors({ 204: Type.Null() }, 401, 403, 404, 409),
      },
    },
    async (request, reply) => {
      await oversight.discardDraft(principalOf(request).actor, request.query.revision);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/oversight/power-list/draft/items/:code',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary:
          'Add or replace one item of the draft; every field is checked (units exist, limits, stages …)',
        params: Type.Object({ code: ItemCode }),
        body: Type.Object({ revision: Revision, item: PowerItemSchema }, strict),
        response: withErrors({ 200: DraftView }, 401, 403, 404, 409),
      },
    },
    async (request) => {
      if (request.body.item.code !== request.params.code) {
        throw errors.validation(
          'item.code',
          `the item's code must be ${request.params.code}, as in the path`,
        );
      }
      return oversight.saveItem(principalOf(request).actor, {
        revision: request.body.revision,
        item: request.body.item,
      });
    },
  );

  app.delete(
    '/api/oversight/power-list/draft/items/:code',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'Remove one item from the draft',
        params: Type.Object({ code: ItemCode }),
        querystring: Type.Object({ revision: Revision }, strict),
        response: withErrors({ 200: DraftView }, 401, 403, 404, 409),
      },
    },
    async (request) =>
      oversight.removeItem(principalOf(request).actor, {
        revision: request.query.revision,
        code: request.params.code,
      }),
  );

  app.get(
    '/api/oversight/power-list/draft/diff',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'What publishing the draft would change, against the newest published version',
        response: withErrors({ 200: DiffView }, 401, 403, 404),
      },
    },
    async (request) => oversight.draftDiff(principalOf(request).actor.tenantId),
  );

  app.post(
    '/api/oversight/power-list/draft/publish',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary:
          'Publish the draft as the next version, in force from effectiveFrom (today or later, never before the newest version); 422 with every problem of the list',
        body: Type.Object(
          {
            revision: Revision,
            effectiveFrom: LocalDate,
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          strict,
        ),
        response: withErrors(
          { 201: Type.Object({ version: Type.Integer(), effectiveFrom: LocalDate, diff: DiffView }) },
          401,
          403,
          404,
          409,
          422,
        ),
      },
    },
    async (request, reply) => {
      const { version, diff: changes } = await oversight.publishDraft(principalOf(request).actor, {
        revision: request.body.revision,
        effectiveFrom: request.body.effectiveFrom,
        ...(request.body.note !== undefined ? { note: request.body.note } : {}),
      });
      return reply
        .status(201)
        .send({ version: version.version, effectiveFrom: version.effectiveFrom, diff: changes });
    },
  );
};
