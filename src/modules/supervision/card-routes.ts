/** HTTP API of supervision cards: the list, one card, the 纠错 response and the review. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../platform/auth/index.js';
import { errors } from '../../platform/http/app-error.js';
import { IsoDateTime, withErrors } from '../../platform/http/schemas.js';
import type { OrgService } from '../org/index.js';
import { CARD_READERS, CARD_RESPONDERS, cardViewerOf, canSeeCard, SUPERVISORS } from './policies.js';
import { presentAccountability, presentCard, presentNotification } from './presenters.js';
import {
  AccountabilityView,
  CardView,
  NotificationView,
  Nullable,
  SeverityT,
  tags,
  Uuid,
} from './route-schemas.js';
import { namesFor } from './route-names.js';
import type { SupervisionService } from './service.js';
import * as store from './store.js';
import { CARD_STATUSES, type Card } from './types.js';

function decodeCursor(text: string | undefined): { firedAt: Date; id: string } | null {
  if (!text) return null;
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { t?: string; id?: string };
    if (typeof v.t !== 'string' || typeof v.id !== 'string' || Number.isNaN(Date.parse(v.t))) {
      throw new Error();
    }
    return { firedAt: new Date(v.t), id: v.id };
  } catch {
    throw errors.validation('cursor', 'not a cursor this list gave out');
  }
}

export const cardRoutes: FastifyPluginAsyncTypebox<{
  supervision: SupervisionService;
  org: OrgService;
}> = async (app, { supervision, org }) => {
  async function visibleCard(request: Parameters<typeof principalOf>[0], id: string) {
    const principal = principalOf(request);
    const card = await supervision.card(principal.actor.tenantId, id);
    if (!canSeeCard(await cardViewerOf(org, principal), card)) throw errors.notFound('card');
    return card;
  }
  const presentOne = async (request: Parameters<typeof principalOf>[0], card: Card) =>
    presentCard(card, await namesFor(org, request, [card.officerAccountId]));

  app.get(
    '/api/supervision/cards',
    {
      config: { access: { roles: CARD_READERS } },
      schema: {
        tags,
        summary: 'Cards within your data scope, newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.String({ enum: [...CARD_STATUSES] })),
            severity: Type.Optional(SeverityT),
            ruleId: Type.Optional(Type.String({ maxLength: 80 })),
            unitCode: Type.Optional(Type.String({ maxLength: 40 })),
            caseId: Type.Optional(Type.String({ maxLength: 40 })),
            caseNo: Type.Optional(Type.String({ maxLength: 40, description: 'the case ticket number' })),
            officerAccountId: Type.Optional(Type.Integer({ minimum: 1 })),
            firedFrom: Type.Optional(IsoDateTime),
            firedTo: Type.Optional(IsoDateTime),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          { 200: Type.Object({ items: Type.Array(CardView), nextCursor: Nullable(Type.String()) }) },
          401,
          403,
        ),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const viewer = await cardViewerOf(org, principal);
      const q = request.query;
      const items = await supervision.listCards(
        principal.actor.tenantId,
        {
          ...(q.status ? { status: q.status } : {}),
          ...(q.severity ? { severity: q.severity } : {}),
          ...(q.ruleId ? { ruleId: q.ruleId } : {}),
          ...(q.unitCode ? { unitCode: q.unitCode } : {}),
          ...(q.caseId ? { caseId: q.caseId } : {}),
          ...(q.caseNo ? { caseNo: q.caseNo } : {}),
          ...(q.officerAccountId !== undefined ? { officerAccountId: q.officerAccountId } : {}),
          ...(q.firedFrom ? { firedFrom: new Date(q.firedFrom) } : {}),
          ...(q.firedTo ? { firedTo: new Date(q.firedTo) } : {}),
        },
        store.cardScope(viewer.scope, viewer.accountId),
        q.limit + 1,
        decodeCursor(q.cursor),
      );
      const page = items.slice(0, q.limit);
      const names = await namesFor(
        org,
        request,
        page.map((c) => c.officerAccountId),
      );
      const last = page.at(-1);
      return {
        items: page.map((c) => presentCard(c, names)),
        nextCursor:
          items.length > q.limit && last
            ? Buffer.from(JSON.stringify({ t: last.firedAt.toISOString(), id: last.id })).toString(
                'base64url',
              )
            : null,
      };
    },
  );

  app.get(
    '/api/supervision/cards/:id',
    {
      config: { access: { roles: CARD_READERS } },
      schema: {
        tags,
        summary: 'One card with its notifications and accountability records',
        params: Type.Object({ id: Uuid }),
        response: withErrors(
          {
            200: Type.Object({
              card: CardView,
              notifications: Type.Array(NotificationView),
              accountability: Type.Array(AccountabilityView),
            }),
          },
          401,
          403,
          404,
        ),
      },
    },
    async (request) => {
      const card = await visibleCard(request, request.params.id);
      const tenantId = principalOf(request).actor.tenantId;
      const records = await supervision.listAccountability(tenantId, { cardId: card.id });
      const names = await namesFor(org, request, [
        card.officerAccountId,
        ...records.map((a) => a.subjectAccountId),
      ]);
      return {
        card: presentCard(card, names),
        notifications: (await supervision.notifications(tenantId, card.id)).map(presentNotification),
        accountability: records.map((a) => presentAccountability(a, names)),
      };
    },
  );

  app.post(
    '/api/supervision/cards/:id/respond',
    {
      config: { access: { roles: CARD_RESPONDERS } },
      schema: {
        tags,
        summary: 'Answer a card (纠错 record: explanation, corrective action, attachments)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            explanation: Type.String({ minLength: 4, maxLength: 2000 }),
            correctiveAction: Type.String({ minLength: 2, maxLength: 2000 }),
            attachments: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), {
              maxItems: 20,
              default: [],
            }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: CardView }, 401, 403, 404, 409),
      },
    },
    async (request) => {
      await visibleCard(request, request.params.id);
      return presentOne(
        request,
        await supervision.respond(principalOf(request).actor, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/api/supervision/cards/:id/review',
    {
      config: { access: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: 'Review a card: accept the response (closes it), reject it (open again) or dismiss the card',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            decision: Type.String({ enum: ['accept', 'reject', 'dismiss'] }),
            note: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { default: null }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: CardView }, 401, 403, 404, 409),
      },
    },
    async (request) => {
      await visibleCard(request, request.params.id);
      const body = request.body as {
        version: number;
        decision: 'accept' | 'reject' | 'dismiss';
        note: string | null;
      };
      return presentOne(
        request,
        await supervision.review(principalOf(request).actor, request.params.id, body),
      );
    },
  );
};
