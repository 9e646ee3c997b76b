/**
 * Staff HTTP API of the case loop: intake by channel, lists and detail within the viewer's data scope, one
 * route per lifecycle step (`POST /api/cases/{ref}/<verb>`), settings.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { principalOf, type Principal } from '../../platform/auth/index.js';
import { errors } from '../../platform/http/app-error.js';
import { withErrors } from '../../platform/http/schemas.js';
import { ACTION_ROLES, CHANNEL_ROLES, type ActionKind } from './domain/actions.js';
import { STAGE_CODES } from './domain/states.js';
import type { ReportInput } from './intake-input.js';
import type { StepInput } from './commands.js';
import { CASE_READERS } from './policies.js';
import { presentCase, presentHistory } from './presenters.js';
import {
  CaseRef,
  CaseView,
  HistoryItem,
  IdempotencyHeaders,
  INTAKE_BODIES,
  Photos,
  Reason,
  Receipt,
  StageList,
  Version,
} from './schemas.js';
import type { CasesService } from './service.js';
import type { CaseSort } from './list-store.js';
import type { Stage } from './domain/states.js';
import { settingsProblem } from './domain/settings.js';

const tags = ['cases'];
const Params = Type.Object({ ref: CaseRef });
/** The command-center map draws every open case; beyond this the district needs tiles, not a list. */
const MAP_POINTS_MAX = 200_000;
const strict = { additionalProperties: false } as const;
const Note = Type.String({ maxLength: 500 });

/** Each step: its path verb, its body (besides `version`), and how the body becomes a step. */
const STEPS: { verb: string; kind: ActionKind; summary: string; body: Record<string, TSchema> }[] = [
  {
    verb: 'verify',
    kind: 'verify',
    summary: '核实: confirm a report on site (or not, with a reason)',
    body: { confirmed: Type.Boolean(), reason: Type.Optional(Reason), photos: Type.Optional(Photos) },
  },
  {
    verb: 'file',
    kind: 'file',
    summary: '立案 against a standard row (sets 处置时限 and 结案条件)',
    body: { standardId: Type.String({ minLength: 1, maxLength: 20 }) },
  },
  { verb: 'void', kind: 'void', summary: '作废 with a reason', body: { reason: Reason } },
  { verb: 'merge', kind: 'merge', summary: '并案 into another open case', body: { intoCase: CaseRef } },
  {
    verb: 'dispatch',
    kind: 'dispatch',
    summary: '派遣: automatic by the dispatch rules (with the "why here?" trace) or manual with a reason',
    body: {
      mode: Type.Union([Type.Literal('auto'), Type.Literal('manual')]),
      unitCode: Type.Optional(Type.String({ maxLength: 40 })),
      reason: Type.Optional(Reason),
    },
  },
  {
    verb: 'redispatch',
    kind: 'redispatch',
    summary: '改派 to another unit',
    body: { unitCode: Type.String({ minLength: 1, maxLength: 40 }), reason: Reason },
  },
  { verb: 'accept', kind: 'accept', summary: '签收 by the unit', body: {} },
  { verb: 'return', kind: 'return', summary: '回退: "not ours", with a reason', body: { reason: Reason } },
  { verb: 'request-extension', kind: 'requestExtension', summary: '延期 request', body: { reason: Reason } },
  {
    verb: 'decide-extension',
    kind: 'decideExtension',
    summary: '延期 approve / reject (each approval adds one time limit; at most 2)',
    body: { approve: Type.Boolean(), reason: Type.Optional(Reason) },
  },
  {
    verb: 'request-hold',
    kind: 'requestHold',
    summary: '挂账 request until a date (≤ 1 year)',
    body: { until: Type.String({ maxLength: 40 }), reason: Reason },
  },
  {
    verb: 'decide-hold',
    kind: 'decideHold',
    summary: '挂账 approve / reject (the clock pauses until the date)',
    body: { approve: Type.Boolean(), reason: Type.Optional(Reason) },
  },
  { verb: 'resume', kind: 'resume', summary: 'End a 挂账 early (the clock resumes)', body: {} },
  {
    verb: 'report-back',
    kind: 'reportBack',
    summary: '处置反馈 with after-photos',
    body: { photos: Photos, note: Type.Optional(Note) },
  },
  {
    verb: 'check',
    kind: 'check',
    summary: '核查: pass → 待结案; fail → 返工 (reason)',
    body: { passed: Type.Boolean(), reason: Type.Optional(Reason), photos: Type.Optional(Photos) },
  },
  { verb: 'close', kind: 'close', summary: '结案', body: {} },
  { verb: 'press', kind: 'press', summary: '督办 / 催办', body: { note: Type.Optional(Note) } },
  { verb: 'appeal', kind: 'appeal', summary: '超时申诉', body: { reason: Reason } },
  {
    verb: 'decide-appeal',
    kind: 'decideAppeal',
    summary: '超时申诉 review',
    body: { approve: Type.Boolean(), reason: Type.Optional(Reason) },
  },
  {
    verb: 'force-close',
    kind: 'forceClose',
    summary: '强制结案 (reason, flagged)',
    body: { reason: Reason },
  },
  {
    verb: 'reopen',
    kind: 'reopen',
    summary: 'Reopen a closed case (reason) → 待派遣',
    body: { reason: Reason },
  },
];

const READERS = CASE_READERS;

const SORTS: readonly CaseSort[] = ['deadline', 'reportedAt', '-reportedAt', '-updatedAt'];

export const caseRoutes: FastifyPluginAsyncTypebox<{ cases: CasesService }> = async (app, { cases }) => {
  const present = async (principal: Principal, record: Parameters<typeof presentCase>[0]) =>
    presentCase(record, await cases.viewer(principal), await cases.timeZone(principal.actor.tenantId));

  for (const channel of ['inspector', 'hotline', 'linkage', 'camera', 'leader', 'media'] as const) {
    app.post(
      `/api/cases/intake/${channel}`,
      {
        config: { access: { roles: CHANNEL_ROLES[channel] } },
        schema: {
          tags,
          summary: `上报 through the ${channel} channel (Idempotency-Key supported)`,
          headers: IdempotencyHeaders,
          body: INTAKE_BODIES[channel],
          response: withErrors({ 200: Receipt, 201: Receipt }, 403, 409, 422),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { source, ...rest } = request.body as Record<string, unknown>;
        const input = {
          ...rest,
          channel: channel === 'camera' ? (source ?? 'camera') : channel,
        } as ReportInput;
        const answer = await cases.report(input, {
          actor: principal.actor,
          principal,
          ...(request.headers['idempotency-key']
            ? { idempotencyKey: request.headers['idempotency-key'] }
            : {}),
        });
        return reply.status(answer.status).send(answer.body);
      },
    );
  }

  app.get(
    '/api/cases',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary: 'Cases within your data scope, filtered and sorted (keyset pagination)',
        querystring: Type.Object(
          {
            stage: Type.Optional(StageList),
            channel: Type.Optional(Type.String({ maxLength: 20 })),
            unitCode: Type.Optional(Type.String({ maxLength: 40 })),
            streetCode: Type.Optional(Type.String({ maxLength: 20 })),
            communityCode: Type.Optional(Type.String({ maxLength: 20 })),
            gridCode: Type.Optional(Type.String({ maxLength: 24 })),
            majorCode: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
            minorCode: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
            warning: Type.Optional(
              Type.Union([Type.Literal('prompt'), Type.Literal('yellow'), Type.Literal('red')]),
            ),
            flag: Type.Optional(Type.String({ maxLength: 20 })),
            pending: Type.Optional(
              Type.Union(
                ['any', 'extension', 'hold', 'appeal'].map((k) => Type.Literal(k)),
                {
                  description: 'a request waiting for a decision (延期 / 挂账 / 申诉)',
                },
              ),
            ),
            pressed: Type.Optional(Type.Boolean({ description: 'pressed (督办) at least once' })),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            sort: Type.Optional(Type.Union(SORTS.map((s) => Type.Literal(s)))),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          },
          strict,
        ),
        response: withErrors({
          200: Type.Object({
            items: Type.Array(CaseView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const viewer = await cases.viewer(principal);
      const q = request.query;
      const stages = q.stage ? q.stage.split(',') : undefined;
      const unknown = stages?.find((s) => !STAGE_CODES.includes(s as Stage));
      if (unknown) throw errors.validation('stage', `unknown stage ${unknown}`);
      const page = await cases.list(viewer, {
        filter: {
          ...(stages ? { stages } : {}),
          ...(q.channel ? { channel: q.channel } : {}),
          ...(q.unitCode ? { unitCode: q.unitCode } : {}),
          ...(q.streetCode ? { streetCode: q.streetCode } : {}),
          ...(q.communityCode ? { communityCode: q.communityCode } : {}),
          ...(q.gridCode ? { gridCode: q.gridCode } : {}),
          ...(q.majorCode ? { majorCode: q.majorCode } : {}),
          ...(q.minorCode ? { minorCode: q.minorCode } : {}),
          ...(q.warning ? { warning: q.warning } : {}),
          ...(q.flag ? { flag: q.flag } : {}),
          ...(q.pending ? { pending: q.pending } : {}),
          ...(q.pressed ? { pressed: true } : {}),
          ...(q.q ? { q: q.q } : {}),
        },
        sort: q.sort ?? 'deadline',
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      });
      const tz = await cases.timeZone(principal.actor.tenantId);
      return { items: page.items.map((c) => presentCase(c, viewer, tz)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/cases/counts',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary:
          'Open cases per stage within your data scope (the workbench tabs), plus pendingRequests and pressed',
        response: withErrors({ 200: Type.Record(Type.String(), Type.Integer()) }),
      },
    },
    async (request) => cases.counts(await cases.viewer(principalOf(request))),
  );

  app.get(
    '/api/cases/map',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary: 'Open cases within your data scope as map points (wgs84, columns; newest first)',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAP_POINTS_MAX })) },
          strict,
        ),
        response: withErrors({
          200: Type.Object({
            count: Type.Integer(),
            truncated: Type.Boolean({ description: 'more open cases exist than were sent' }),
            ids: Type.Array(Type.String()),
            caseNos: Type.Array(Type.String()),
            lng: Type.Array(Type.Number()),
            lat: Type.Array(Type.Number()),
            warning: Type.Array(Type.Integer({ description: '0 none, 1 prompt, 2 yellow, 3 red' })),
            stage: Type.Array(Type.String()),
          }),
        }),
      },
    },
    async (request) => {
      const limit = request.query.limit ?? MAP_POINTS_MAX;
      // One more than asked tells whether the answer is cut short.
      const points = await cases.mapPoints(await cases.viewer(principalOf(request)), limit + 1);
      const truncated = points.ids.length > limit;
      const cut = <T>(xs: T[]) => (truncated ? xs.slice(0, limit) : xs);
      return {
        count: Math.min(points.ids.length, limit),
        truncated,
        ids: cut(points.ids),
        caseNos: cut(points.caseNos),
        lng: cut(points.lng),
        lat: cut(points.lat),
        warning: cut(points.warning),
        stage: cut(points.stage),
      };
    },
  );

  app.get(
    '/api/cases/:ref',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary: 'One case with its clocks and the actions you may take now',
        params: Params,
        response: withErrors({ 200: CaseView }, 404),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const viewer = await cases.viewer(principal);
      const { record, timers } = await cases.get(viewer, request.params.ref);
      return presentCase(record, viewer, await cases.timeZone(principal.actor.tenantId), { timers });
    },
  );

  app.get(
    '/api/cases/:ref/history',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary: 'The case’s append-only event history (who, role, when, reason, attachments)',
        params: Params,
        response: withErrors({ 200: Type.Object({ items: Type.Array(HistoryItem) }) }, 404),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const viewer = await cases.viewer(principal);
      const { record } = await cases.get(viewer, request.params.ref);
      const tz = await cases.timeZone(principal.actor.tenantId);
      return { items: presentHistory(await cases.history(principal.actor.tenantId, record), tz) };
    },
  );

  for (const s of STEPS) {
    app.post(
      `/api/cases/:ref/${s.verb}`,
      {
        config: { access: { roles: ACTION_ROLES[s.kind] } },
        schema: {
          tags,
          summary: s.summary,
          params: Params,
          body: Type.Object({ version: Version, ...s.body }, strict),
          response: withErrors({ 200: CaseView }, 403, 404, 409, 422),
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const viewer = await cases.viewer(principal);
        const { version, ...rest } = request.body as { version: number } & Record<string, unknown>;
        const input = { kind: s.kind, ...rest } as StepInput;
        if (
          input.kind === 'dispatch' &&
          input.mode === 'manual' &&
          !('unitCode' in input && input.unitCode)
        ) {
          throw errors.validation('unitCode', 'a manual dispatch names the unit');
        }
        const record = await cases.step(
          { actor: principal.actor, roles: principal.account.roles, viewer },
          request.params.ref,
          input,
          version,
        );
        return present(principal, record);
      },
    );
  }

  app.post(
    '/api/cases/:ref/rating',
    {
      config: { access: { roles: ['operator', 'shiftLead', 'integration'] } },
      schema: {
        tags,
        summary: '回访: the satisfaction a caller gave on the call-back (基本满意 counts 0.9 in the 满意率)',
        params: Params,
        body: Type.Object(
          {
            satisfaction: Type.Union([
              Type.Literal('satisfied'),
              Type.Literal('basically'),
              Type.Literal('dissatisfied'),
            ]),
            comment: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          },
          strict,
        ),
        response: withErrors({ 200: CaseView }, 404, 409, 422),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const viewer = await cases.viewer(principal);
      const { record } = await cases.get(viewer, request.params.ref);
      const rated = await cases.rate(
        principal.actor,
        record,
        request.body.satisfaction,
        'callback',
        request.body.comment ?? null,
      );
      return present(principal, rated);
    },
  );

  app.get(
    '/api/cases/settings',
    {
      config: { access: { roles: ['admin', 'shiftLead', 'dispatcher', 'operator'] } },
      schema: {
        tags,
        summary: 'Settings of the case loop (effective values, the stored overrides and their version)',
        response: withErrors({
          200: Type.Object({ settings: Type.Unknown(), stored: Type.Unknown(), version: Type.Integer() }),
        }),
      },
    },
    async (request) => cases.readSettings(principalOf(request).actor.tenantId),
  );

  app.put(
    '/api/cases/settings',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Replace the stored overrides (stage limits, warning shares, verified channels, webhook …)',
        body: Type.Object(
          { version: Type.Integer({ minimum: 0 }), stored: Type.Record(Type.String(), Type.Unknown()) },
          strict,
        ),
        response: withErrors(
          {
            200: Type.Object({ settings: Type.Unknown(), stored: Type.Unknown(), version: Type.Integer() }),
          },
          409,
        ),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const problem = settingsProblem(request.body.stored);
      if (problem) throw errors.validation(`stored.${problem.field}`, problem.message);
      return cases.saveSettings(principal.actor, request.body.stored, request.body.version);
    },
  );
};
