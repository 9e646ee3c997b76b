/**
 * The citizen side: nearby open cases before reporting ("me too"), the public report, tracking by case number
 * and verification code, and the satisfaction rating after closure. Nothing personal is ever returned.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Tenant } from '../../platform/auth/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { withErrors } from '../../platform/http/schemas.js';
import { RecordProofSchema, type RecordProof } from '../../platform/audit/index.js';
import { CASE_STREAM } from './events.js';
import { presentNearby, presentPublic } from './presenters.js';
import { Category, IdempotencyHeaders, INTAKE_BODIES, Photos, PublicCase, Receipt } from './schemas.js';
import type { CasesService } from './service.js';

const tags = ['public'];
const strict = { additionalProperties: false } as const;
const TenantQuery = Type.Object(
  { tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })) },
  strict,
);
const CaseNo = Type.String({ pattern: '^[0-9A-Za-z]{1,20}-\\d{8}-\\d{5,}$', description: 'case number' });
const Code = Type.String({ pattern: '^\\d{6}$', description: 'the verification code given when reporting' });

/** Wrong tracking codes per client address before a pause (a six-digit code must not be guessable). */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

export const publicCaseRoutes: FastifyPluginAsyncTypebox<{
  cases: CasesService;
  resolveTenant(code: string | undefined): Promise<Tenant | null>;
  /** Proves a case's public history against a signed checkpoint. */
  proveRecord(tenantId: number, streamType: string, streamId: string): Promise<RecordProof | null>;
}> = async (app, opts) => {
  const { cases } = opts;
  const failures = new Map<string, { count: number; since: number }>();

  async function tenantOf(code: string | undefined): Promise<number> {
    const tenant = await opts.resolveTenant(code);
    if (!tenant) throw errors.notFound('tenant');
    return tenant.id;
  }

  async function tracked(ip: string, tenantId: number, caseNo: string, code: string) {
    const now = Date.now();
    const f = failures.get(ip);
    if (f && now - f.since < WINDOW_MS && f.count >= MAX_FAILURES) {
      throw errors.rateLimited(Math.ceil((f.since + WINDOW_MS - now) / 1000));
    }
    try {
      return await cases.track(tenantId, caseNo, code);
    } catch (e) {
      if (e instanceof AppError && e.code === 'TRACKING_FAILED') {
        const fresh = !f || now - f.since >= WINDOW_MS;
        failures.set(ip, { count: fresh ? 1 : f.count + 1, since: fresh ? now : f.since });
      }
      throw e;
    }
  }

  app.get(
    '/api/public/cases/nearby',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Open cases of the same category near a point (default 250 m, up to 5): join one instead of reporting',
        querystring: Type.Object(
          {
            tenant: Type.Optional(Type.String({ maxLength: 32 })),
            lng: Type.Number({ minimum: -180, maximum: 180 }),
            lat: Type.Number({ minimum: -90, maximum: 90 }),
            crs: Type.Optional(
              Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02'), Type.Literal('bd09')]),
            ),
            categoryType: Type.Optional(Category.properties.categoryType),
            majorCode: Type.Optional(Category.properties.majorCode),
            minorCode: Type.Optional(Category.properties.minorCode),
          },
          strict,
        ),
        response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Unknown()) }) }),
      },
    },
    async (request) => {
      const q = request.query;
      const tenantId = await tenantOf(q.tenant);
      const category =
        q.categoryType && q.majorCode && q.minorCode
          ? { categoryType: q.categoryType, majorCode: q.majorCode, minorCode: q.minorCode }
          : null;
      const found = await cases.nearby(tenantId, { lng: q.lng, lat: q.lat, crs: q.crs ?? 'wgs84' }, category);
      const tz = await cases.timeZone(tenantId);
      return { items: found.map((f) => presentNearby(f.record, f.distanceM, tz)) };
    },
  );

  app.post(
    '/api/public/reports',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'A citizen’s report (anonymous allowed). The answer carries the case number and a tracking code',
        querystring: TenantQuery,
        headers: IdempotencyHeaders,
        body: INTAKE_BODIES.public,
        response: withErrors({ 200: Receipt, 201: Receipt }, 409, 422),
      },
    },
    async (request, reply) => {
      const tenantId = await tenantOf(request.query.tenant);
      const answer = await cases.report(
        { ...request.body, channel: 'public' },
        {
          actor: { kind: 'public', tenantId, accountId: null, roles: [], requestId: request.id },
          principal: null,
          ...(request.headers['idempotency-key']
            ? { idempotencyKey: request.headers['idempotency-key'] }
            : {}),
        },
      );
      return reply.status(answer.status).send(answer.body);
    },
  );

  app.post(
    '/api/public/cases/:caseNo/support',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '我也遇到 ("me too"): confirm an open case instead of reporting it again',
        params: Type.Object({ caseNo: CaseNo }),
        querystring: TenantQuery,
        body: Type.Object(
          {
            photos: Type.Optional(Photos),
            note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          },
          strict,
        ),
        response: withErrors(
          { 200: Type.Object({ caseNo: Type.String(), supporters: Type.Integer() }) },
          404,
          422,
        ),
      },
    },
    async (request) => {
      const tenantId = await tenantOf(request.query.tenant);
      const record = await cases.support(
        { kind: 'public', tenantId, accountId: null, roles: [], requestId: request.id },
        request.params.caseNo,
        request.body,
      );
      return { caseNo: record.caseNo, supporters: record.supporters };
    },
  );

  app.post(
    '/api/public/tracking',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Track a case: its public history (no staff names, no reporter identity)',
        querystring: TenantQuery,
        body: Type.Object({ caseNo: CaseNo, code: Code }, strict),
        response: withErrors({ 200: PublicCase }, 404, 429),
      },
    },
    async (request) => {
      const tenantId = await tenantOf(request.query.tenant);
      const record = await tracked(request.ip, tenantId, request.body.caseNo, request.body.code);
      const history = await cases.history(tenantId, record);
      return presentPublic(record, history, await cases.timeZone(tenantId));
    },
  );

  app.post(
    '/api/public/tracking/proof',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Prove a case’s history against a published, signed checkpoint (event names and times, body digests; nothing private)',
        description:
          'Verify with the public key from /api/public/audit/keys: recompute the hash chain from the headers and body digests, the Merkle path to the checkpoint root, the checkpoint hash and its Ed25519 signature (docs/audit.md). 404 until the next checkpoint has signed the case.',
        querystring: TenantQuery,
        body: Type.Object({ caseNo: CaseNo, code: Code }, strict),
        response: withErrors({ 200: RecordProofSchema }, 404, 429),
      },
    },
    async (request) => {
      const tenantId = await tenantOf(request.query.tenant);
      const record = await tracked(request.ip, tenantId, request.body.caseNo, request.body.code);
      const proof = await opts.proveRecord(tenantId, CASE_STREAM, record.id);
      if (!proof) throw errors.notFound('checkpoint');
      return proof;
    },
  );

  app.post(
    '/api/public/rating',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Rate a closed case: 满意 / 基本满意 / 不满意 (once)',
        querystring: TenantQuery,
        body: Type.Object(
          {
            caseNo: CaseNo,
            code: Code,
            satisfaction: Type.Union([
              Type.Literal('satisfied'),
              Type.Literal('basically'),
              Type.Literal('dissatisfied'),
            ]),
            comment: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          },
          strict,
        ),
        response: withErrors({ 200: PublicCase }, 404, 409, 422, 429),
      },
    },
    async (request) => {
      const tenantId = await tenantOf(request.query.tenant);
      const record = await tracked(request.ip, tenantId, request.body.caseNo, request.body.code);
      const actor = { kind: 'public' as const, tenantId, accountId: null, roles: [], requestId: request.id };
      const rated = await cases.rate(
        actor,
        record,
        request.body.satisfaction,
        'reporter',
        request.body.comment ?? null,
      );
      const history = await cases.history(tenantId, rated);
      return presentPublic(rated, history, await cases.timeZone(tenantId));
    },
  );
};
