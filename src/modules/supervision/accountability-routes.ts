/** HTTP API of 问责 records: list, record, read, change, withdraw. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../platform/auth/index.js';
import { withErrors } from '../../platform/http/schemas.js';
import type { OrgService } from '../org/index.js';
import { GRADING_READERS, SUPERVISORS } from './policies.js';
import { presentAccountability } from './presenters.js';
import { AccountabilityView, OutcomeT, tags, Uuid } from './route-schemas.js';
import { namesFor } from './route-names.js';
import type { SupervisionService } from './service.js';
import type { Accountability } from './types.js';

export const accountabilityRoutes: FastifyPluginAsyncTypebox<{
  supervision: SupervisionService;
  org: OrgService;
}> = async (app, { supervision, org }) => {
  const presentRecord = async (request: Parameters<typeof principalOf>[0], record: Accountability) =>
    presentAccountability(record, await namesFor(org, request, [record.subjectAccountId]));

  // -------------------------------------------------------------------------------------- accountability

  const AccFields = {
    outcome: OutcomeT,
    basis: Type.String({ minLength: 2, maxLength: 500 }),
    note: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { default: null }),
    cardIds: Type.Array(Uuid, { minItems: 1, maxItems: 100 }),
  };

  app.get(
    '/api/supervision/accountability',
    {
      config: { access: { roles: GRADING_READERS } },
      schema: {
        tags,
        summary: 'Accountability (问责) records',
        querystring: Type.Object(
          {
            cardId: Type.Optional(Uuid),
            subjectAccountId: Type.Optional(Type.Integer({ minimum: 1 })),
            subjectUnitCode: Type.Optional(Type.String({ maxLength: 40 })),
            includeWithdrawn: Type.Boolean({ default: false }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ items: Type.Array(AccountabilityView) }) }, 401, 403),
      },
    },
    async (request) => {
      const q = request.query;
      const items = await supervision.listAccountability(principalOf(request).actor.tenantId, {
        ...(q.cardId ? { cardId: q.cardId } : {}),
        ...(q.subjectAccountId !== undefined ? { subjectAccountId: q.subjectAccountId } : {}),
        ...(q.subjectUnitCode ? { subjectUnitCode: q.subjectUnitCode } : {}),
        includeWithdrawn: q.includeWithdrawn,
      });
      const names = await namesFor(
        org,
        request,
        items.map((a) => a.subjectAccountId),
      );
      return { items: items.map((a) => presentAccountability(a, names)) };
    },
  );

  app.post(
    '/api/supervision/accountability',
    {
      config: { access: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: 'Record an accountability decision (问责) on cards',
        body: Type.Object(
          {
            subjectKind: Type.Union([Type.Literal('officer'), Type.Literal('unit')]),
            subjectAccountId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { default: null }),
            subjectUnitCode: Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { default: null }),
            ...AccFields,
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: AccountabilityView }, 401, 403),
      },
    },
    async (request, reply) => {
      const record = await supervision.recordAccountability(principalOf(request).actor, request.body);
      return reply.status(201).send(await presentRecord(request, record));
    },
  );

  app.get(
    '/api/supervision/accountability/:id',
    {
      config: { access: { roles: GRADING_READERS } },
      schema: {
        tags,
        summary: 'One accountability record',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: AccountabilityView }, 401, 403, 404),
      },
    },
    async (request) =>
      presentRecord(
        request,
        await supervision.findAccountability(principalOf(request).actor.tenantId, request.params.id),
      ),
  );

  app.put(
    '/api/supervision/accountability/:id',
    {
      config: { access: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: 'Change an accountability record (send the version you read)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), ...AccFields },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: AccountabilityView }, 401, 403, 404, 409),
      },
    },
    async (request) =>
      presentRecord(
        request,
        await supervision.changeAccountability(principalOf(request).actor, request.params.id, request.body),
      ),
  );

  app.delete(
    '/api/supervision/accountability/:id',
    {
      config: { access: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: 'Withdraw an accountability record (kept, marked withdrawn)',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: withErrors({ 200: AccountabilityView }, 401, 403, 404, 409),
      },
    },
    async (request) => {
      const actor = principalOf(request).actor;
      const current = await supervision.findAccountability(actor.tenantId, request.params.id);
      return presentRecord(
        request,
        await supervision.changeAccountability(actor, request.params.id, {
          version: request.query.version,
          outcome: current.outcome,
          basis: current.basis,
          note: current.note,
          cardIds: current.cardIds,
          withdrawn: true,
        }),
      );
    },
  );
};
