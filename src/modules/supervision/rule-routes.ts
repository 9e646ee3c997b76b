/** HTTP API of the supervision rules' settings and the quarterly grading. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../platform/auth/index.js';
import { IsoDateTime, withErrors } from '../../platform/http/schemas.js';
import type { OrgService } from '../org/index.js';
import { GRADING_READERS, SUPERVISORS } from './policies.js';
import { presentRule } from './presenters.js';
import { Graded, Json, Nullable, RuleView, Scheme, SeverityT, tags } from './route-schemas.js';
import { namesFor } from './route-names.js';
import type { SupervisionService } from './service.js';

export const ruleRoutes: FastifyPluginAsyncTypebox<{
  supervision: SupervisionService;
  org: OrgService;
}> = async (app, { supervision, org }) => {
  // ----------------------------------------------------------------------------------------------- rules

  app.get(
    '/api/supervision/rules',
    {
      config: { access: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: 'Rule kinds with their defaults and the tenant’s configuration',
        response: withErrors({ 200: Type.Object({ items: Type.Array(RuleView) }) }, 401, 403),
      },
    },
    async (request) => ({
      items: (await supervision.rules(principalOf(request).actor.tenantId)).map(presentRule),
    }),
  );

  app.put(
    '/api/supervision/rules/:ruleId',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Configure a rule, tenant-wide or for one power-list item (version 0 for a first override)',
        params: Type.Object({ ruleId: Type.String({ pattern: '^[a-z]+\\.[a-z-]+$', maxLength: 80 }) }),
        body: Type.Object(
          {
            powerItemCode: Type.Union([Type.String({ minLength: 1, maxLength: 80 }), Type.Null()], {
              default: null,
            }),
            enabled: Type.Boolean(),
            severity: SeverityT,
            respondWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
            params: Json,
            version: Type.Integer({ minimum: 0 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          { 200: Type.Object({ ruleId: Type.String(), version: Type.Integer() }) },
          401,
          403,
          404,
          409,
        ),
      },
    },
    async (request) => {
      const version = await supervision.configureRule(
        principalOf(request).actor,
        request.params.ruleId,
        request.body,
      );
      return { ruleId: request.params.ruleId, version };
    },
  );

  // --------------------------------------------------------------------------------------------- grading

  app.get(
    '/api/supervision/grading/scheme',
    {
      config: { access: { roles: GRADING_READERS } },
      schema: {
        tags,
        summary: 'The grading scheme: indicator weights and grade thresholds (fine totals are never one)',
        response: withErrors({ 200: Type.Object({ scheme: Scheme, version: Type.Integer() }) }, 401, 403),
      },
    },
    async (request) => supervision.gradingScheme(principalOf(request).actor.tenantId),
  );

  app.put(
    '/api/supervision/grading/scheme',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Change the grading scheme (version 0 for a first change)',
        body: Type.Object(
          { ...Scheme.properties, version: Type.Integer({ minimum: 0 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ version: Type.Integer() }) }, 401, 403, 409, 422),
      },
    },
    async (request) => ({
      version: await supervision.configureGrading(principalOf(request).actor, request.body),
    }),
  );

  app.get(
    '/api/supervision/grading',
    {
      config: { access: { roles: GRADING_READERS } },
      schema: {
        tags,
        summary: 'Quarterly grading of units and officers (优秀 / 良好 / 合格 / 不合格)',
        querystring: Type.Object(
          { quarter: Type.String({ pattern: '^\\d{4}Q[1-4]$' }) },
          { additionalProperties: false },
        ),
        response: withErrors(
          {
            200: Type.Object({
              quarter: Type.String(),
              from: IsoDateTime,
              to: IsoDateTime,
              schemeVersion: Type.Integer(),
              scheme: Scheme,
              units: Type.Array(Type.Object({ unitCode: Type.String(), ...Graded })),
              officers: Type.Array(
                Type.Object({ accountId: Type.Integer(), name: Nullable(Type.String()), ...Graded }),
              ),
            }),
          },
          401,
          403,
        ),
      },
    },
    async (request) => {
      const g = await supervision.grading(principalOf(request).actor.tenantId, request.query.quarter);
      const names = await namesFor(
        org,
        request,
        g.officers.map((o) => o.accountId),
      );
      return {
        ...g,
        officers: g.officers.map((o) => ({ ...o, name: names.get(o.accountId) ?? null })),
        from: g.from.toISOString(),
        to: g.to.toISOString(),
      };
    },
  );
};
