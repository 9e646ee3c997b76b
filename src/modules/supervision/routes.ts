/** HTTP API of electronic supervision: cards, 纠错 responses, reviews, accountability, rules, grading. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../platform/auth/index.js';
import { errors } from '../../platform/http/app-error.js';
import { IsoDateTime, withErrors } from '../../platform/http/schemas.js';
import type { OrgService } from '../org/index.js';
import { INDICATORS, type IndicatorKey } from './domain/grading.js';
import { SEVERITIES, type Severity } from './domain/types.js';
import {
  CARD_READERS,
  CARD_RESPONDERS,
  cardViewerOf,
  canSeeCard,
  GRADING_READERS,
  SUPERVISORS,
} from './policies.js';
import { presentAccountability, presentCard, presentNotification, presentRule } from './presenters.js';
import type { SupervisionService } from './service.js';
import * as store from './store.js';
import {
  ACCOUNTABILITY_OUTCOMES,
  CARD_STATUSES,
  type Accountability,
  type AccountabilityOutcome,
  type Card,
} from './types.js';

const tags = ['supervision'];
const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const SeverityT = Type.Unsafe<Severity>({ type: 'string', enum: [...SEVERITIES] });
const OutcomeT = Type.Unsafe<AccountabilityOutcome>({
  type: 'string',
  enum: Object.keys(ACCOUNTABILITY_OUTCOMES),
});
const Json = Type.Record(Type.String(), Type.Unknown());

const CardView = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleTitle: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  severity: SeverityT,
  initialSeverity: SeverityT,
  target: Type.Object({ kind: Type.String(), id: Type.String() }),
  powerItemCode: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  gridCode: Nullable(Type.String()),
  officerAccountId: Nullable(Type.Integer()),
  officerName: Nullable(Type.String()),
  trigger: Type.Object({ seq: Type.Integer(), name: Type.String() }),
  summary: Type.String(),
  facts: Json,
  status: Type.String({ enum: [...CARD_STATUSES] }),
  outcome: Nullable(Type.String()),
  firedAt: IsoDateTime,
  dueBy: IsoDateTime,
  escalatedAt: Nullable(IsoDateTime),
  response: Nullable(Json),
  respondedAt: Nullable(IsoDateTime),
  review: Nullable(Json),
  closedAt: Nullable(IsoDateTime),
  version: Type.Integer(),
});
const NotificationView = Type.Object({
  recipientKind: Type.String(),
  accountId: Nullable(Type.Integer()),
  unitCode: Nullable(Type.String()),
  reason: Type.String(),
  createdAt: IsoDateTime,
});
const AccountabilityView = Type.Object({
  id: Type.String(),
  subjectKind: Type.String(),
  subjectAccountId: Nullable(Type.Integer()),
  subjectName: Nullable(Type.String()),
  subjectUnitCode: Nullable(Type.String()),
  outcome: OutcomeT,
  outcomeLabel: Type.String(),
  basis: Type.String(),
  note: Nullable(Type.String()),
  cardIds: Type.Array(Type.String()),
  decidedBy: Nullable(Type.Integer()),
  decidedAt: IsoDateTime,
  withdrawnAt: Nullable(IsoDateTime),
  version: Type.Integer(),
});
const RuleConfigView = Type.Object({
  powerItemCode: Nullable(Type.String()),
  enabled: Type.Boolean(),
  severity: SeverityT,
  respondWorkingDays: Type.Integer(),
  params: Json,
  version: Type.Integer(),
});
const RuleView = Type.Object({
  id: Type.String(),
  title: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  basis: Type.String(),
  triggers: Type.Array(Type.String()),
  defaults: RuleConfigView,
  effective: RuleConfigView,
  byPowerItem: Type.Array(RuleConfigView),
});
const Scheme = Type.Object(
  {
    base: Type.Number(),
    indicators: Type.Array(
      Type.Object(
        {
          key: Type.Unsafe<IndicatorKey>({ type: 'string', description: Object.keys(INDICATORS).join(', ') }),
          weight: Type.Number(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
    thresholds: Type.Object(
      { excellent: Type.Number(), good: Type.Number(), pass: Type.Number() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
const Graded = {
  score: Type.Number(),
  grade: Type.String({ enum: ['excellent', 'good', 'pass', 'fail'] }),
  label: Type.String(),
  indicators: Type.Record(Type.String(), Type.Number()),
};

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

export const supervisionRoutes: FastifyPluginAsyncTypebox<{
  supervision: SupervisionService;
  org: OrgService;
}> = async (app, { supervision, org }) => {
  async function visibleCard(request: Parameters<typeof principalOf>[0], id: string) {
    const principal = principalOf(request);
    const card = await supervision.card(principal.actor.tenantId, id);
    if (!canSeeCard(await cardViewerOf(org, principal), card)) throw errors.notFound('card');
    return card;
  }
  type Request = Parameters<typeof principalOf>[0];
  const namesFor = (request: Request, ids: readonly (number | null)[]) =>
    org.namesOf(
      principalOf(request).actor.tenantId,
      ids.filter((id): id is number => id !== null),
    );
  const presentOne = async (request: Request, card: Card) =>
    presentCard(card, await namesFor(request, [card.officerAccountId]));
  const presentRecord = async (request: Request, record: Accountability) =>
    presentAccountability(record, await namesFor(request, [record.subjectAccountId]));

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
      const names = await namesFor(request, [
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
            subjectKind: Type.String({ enum: ['officer', 'unit'] }),
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
      const b = request.body as {
        subjectKind: 'officer' | 'unit';
        subjectAccountId: number | null;
        subjectUnitCode: string | null;
        outcome: AccountabilityOutcome;
        basis: string;
        note: string | null;
        cardIds: string[];
      };
      const record = await supervision.recordAccountability(principalOf(request).actor, b);
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
