import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, type Role } from '../../platform/auth/index.js';
import { withErrors } from '../../platform/http/schemas.js';
import { CRS_VALUES, type Crs } from '../geo/index.js';
import type { DispatchService } from './commands.js';
import type { Rule, RuleMatch } from './domain/types.js';

const tags = ['dispatch'];
const Json = Type.Unknown();
const RuleId = Type.String({ pattern: '^[A-Za-z0-9._:-]{1,80}$' });
const READERS: readonly Role[] = [
  'admin',
  'dispatcher',
  'operator',
  'shiftLead',
  'leader',
  'head',
  'monitor',
];
const RuleView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  priority: Type.Integer(),
  enabled: Type.Boolean(),
  match: Json,
  target: Json,
  version: Type.Integer(),
});

export const dispatchRoutes: FastifyPluginAsyncTypebox<{ dispatch: DispatchService }> = async (
  app,
  { dispatch },
) => {
  app.post(
    '/api/dispatch/resolve',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary:
          '"Why here?": the handling unit for a case’s category, place and component, with the rules tried and passed over',
        body: Type.Object(
          {
            categoryType: Type.Union([Type.Literal('component'), Type.Literal('event')]),
            majorCode: Type.String({ pattern: '^\\d{2}$' }),
            minorCode: Type.String({ pattern: '^\\d{2}$' }),
            standardId: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
            location: Type.Optional(
              Type.Union([
                Type.Object(
                  {
                    lng: Type.Number({ minimum: -180, maximum: 180 }),
                    lat: Type.Number({ minimum: -90, maximum: 90 }),
                    crs: Type.Optional(
                      Type.Union(
                        CRS_VALUES.map((c) => Type.Literal(c)),
                        { description: 'wgs84 when omitted' },
                      ),
                    ),
                  },
                  { additionalProperties: false },
                ),
                Type.Null(),
              ]),
            ),
            componentId: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{16}$' }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          {
            200: Type.Object({
              unit: Json,
              rule: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
              principle: Type.String(),
              via: Type.String(),
              trace: Type.Array(Json),
              omittedSteps: Type.Integer(),
              explanation: Type.Array(Type.String()),
              regions: Json,
            }),
          },
          401,
          403,
        ),
      },
    },
    async (request) => {
      const b = request.body;
      const { resolution, explanation, facts } = await dispatch.resolveCase(
        principalOf(request).actor.tenantId,
        {
          categoryType: b.categoryType,
          majorCode: b.majorCode,
          minorCode: b.minorCode,
          standardId: b.standardId ?? null,
          location: b.location
            ? { lng: b.location.lng, lat: b.location.lat, crs: (b.location.crs ?? 'wgs84') as Crs }
            : null,
          componentId: b.componentId ?? null,
        },
      );
      return {
        unit: resolution.unit,
        rule: resolution.rule,
        principle: resolution.principle,
        via: resolution.via,
        trace: resolution.trace,
        omittedSteps: resolution.omittedSteps,
        explanation,
        regions: facts.regions,
      };
    },
  );

  app.get(
    '/api/dispatch/rules',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary:
          'The responsibility rules, highest priority first, with the problems found when compiling them',
        response: withErrors(
          {
            200: Type.Object({
              items: Type.Array(RuleView),
              fallbackUnitCode: Type.Union([Type.String(), Type.Null()]),
              territoryLevel: Type.Union([Type.String(), Type.Null()]),
              problems: Type.Array(Json),
            }),
          },
          401,
          403,
        ),
      },
    },
    async (request) => {
      const tenantId = principalOf(request).actor.tenantId;
      const [items, settings, compiled] = await Promise.all([
        dispatch.listRules(tenantId),
        dispatch.readSettings(tenantId),
        dispatch.compiled(tenantId),
      ]);
      return {
        items,
        fallbackUnitCode: settings?.fallbackUnitCode ?? null,
        territoryLevel: settings?.territoryLevel ?? null,
        problems: [...compiled.problems],
      };
    },
  );

  app.put(
    '/api/dispatch/rules/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary:
          'Create or replace a rule; refused with 422 RULE_INVALID when it names an unknown unit, a broken polygon …',
        params: Type.Object({ id: RuleId }),
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            priority: Type.Integer({ minimum: -100000, maximum: 100000 }),
            enabled: Type.Boolean({ default: true }),
            match: Type.Object(
              {
                categoryType: Type.Optional(Type.Union([Type.Literal('component'), Type.Literal('event')])),
                majorCode: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
                minorCode: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
                standardId: Type.Optional(Type.String({ maxLength: 20 })),
                regionCodes: Type.Optional(
                  Type.Array(Type.String({ pattern: '^\\d{6,15}$' }), { maxItems: 500 }),
                ),
                polygon: Type.Optional(Json),
                componentOwner: Type.Optional(
                  Type.Union([Type.Literal('owner'), Type.Literal('maintainer')]),
                ),
                componentUnitCodes: Type.Optional(
                  Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 }),
                ),
              },
              { additionalProperties: false },
            ),
            target: Type.Union([
              Type.Object(
                { unitCode: Type.String({ minLength: 1, maxLength: 40 }) },
                { additionalProperties: false },
              ),
              Type.Object(
                {
                  principle: Type.Union([
                    Type.Literal('owner'),
                    Type.Literal('maintainer'),
                    Type.Literal('territory'),
                  ]),
                },
                { additionalProperties: false },
              ),
            ]),
            version: Type.Optional(
              Type.Integer({
                minimum: 0,
                description: 'the version read (0 for a new rule); omitted = last write wins',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: RuleView }, 401, 403, 409, 422),
      },
    },
    async (request) => {
      const b = request.body;
      const rule: Rule = {
        id: request.params.id,
        name: b.name,
        priority: b.priority,
        enabled: b.enabled,
        match: b.match as RuleMatch,
        target: b.target,
      };
      return dispatch.saveRule(principalOf(request).actor, rule, b.version ?? null);
    },
  );

  app.delete(
    '/api/dispatch/rules/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Remove a rule',
        params: Type.Object({ id: RuleId }),
        response: withErrors({ 204: Type.Null() }, 401, 403, 404),
      },
    },
    async (request, reply) => {
      await dispatch.removeRule(principalOf(request).actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/dispatch/settings',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary:
          'The 属地兜底 unit (every case always has a candidate) and whether territory means the street office or the community',
        body: Type.Object(
          {
            fallbackUnitCode: Type.String({ minLength: 1, maxLength: 40 }),
            territoryLevel: Type.Union([Type.Literal('street'), Type.Literal('community')]),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 204: Type.Null() }, 401, 403),
      },
    },
    async (request, reply) => {
      await dispatch.saveSettings(principalOf(request).actor, request.body);
      return reply.status(204).send(null);
    },
  );
};
