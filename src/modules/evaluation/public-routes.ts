/**
 * Public results (政务公开): rankings of regions, units, categories and channels with counts and rates only —
 * no staff, no cases, nothing personal. Only published-month style aggregates; any period may be asked.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Tenant } from '../../platform/auth/index.js';
import { errors } from '../../platform/http/app-error.js';
import { withErrors } from '../../platform/http/schemas.js';
import { PeriodLabel, SchemeCode, strict } from './schemas.js';
import { periodOrThrow, type EvaluationService } from './service.js';

export const PUBLIC_OBJECT_TYPES = [
  'district',
  'street',
  'community',
  'unit',
  'category',
  'channel',
] as const;
/** The public sees these counts and rates (no durations, no role data). */
const PUBLIC_COUNTS = [
  'filed',
  'dueHandle',
  'handled',
  'handledOnTime',
  'dueClose',
  'closed',
  'closedOnTime',
];
const PUBLIC_RATES = ['handleRate', 'handledOnTimeRate', 'closeRate', 'closedOnTimeRate'];
const WIDE = { all: true, regionCodes: [], unitCodes: [] };

const PublicRow = Type.Object({
  rank: Type.Integer(),
  code: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  score: Type.Union([Type.Number(), Type.Null()]),
  counts: Type.Record(Type.String(), Type.Number()),
  rates: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
});

export const publicEvaluationRoutes: FastifyPluginAsyncTypebox<{
  evaluation: EvaluationService;
  resolveTenant: (code: string | undefined) => Promise<Tenant | null>;
}> = async (app, { evaluation, resolveTenant }) => {
  app.get(
    '/api/public/evaluation/rankings',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary:
          'Published-style rankings of regions and units: aggregated counts and rates, nothing personal',
        querystring: Type.Object(
          {
            tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
            period: PeriodLabel,
            objectType: Type.Union(PUBLIC_OBJECT_TYPES.map((t) => Type.Literal(t))),
            scheme: Type.Optional(SchemeCode),
          },
          strict,
        ),
        response: withErrors(
          {
            200: Type.Object({
              period: PeriodLabel,
              objectType: Type.String(),
              items: Type.Array(PublicRow),
            }),
          },
          404,
        ),
      },
    },
    async (request) => {
      const q = request.query;
      const tenant = await resolveTenant(q.tenant);
      if (!tenant) throw errors.notFound('tenant');
      const period = periodOrThrow(q.period);
      const { rows } = await evaluation.ranking({
        tenantId: tenant.id,
        objectType: q.objectType,
        period,
        scope: WIDE,
        ...(q.scheme ? { schemeCode: q.scheme } : {}),
      });
      const pick = <T>(o: Record<string, T>, keys: string[]) =>
        Object.fromEntries(keys.map((k) => [k, o[k] ?? null])) as Record<string, T>;
      return {
        period: period.label,
        objectType: q.objectType,
        items: rows.map((r) => ({
          rank: r.rank ?? 0,
          code: r.code,
          name: r.name,
          score: r.score?.total ?? null,
          counts: pick(r.indicators.counts, PUBLIC_COUNTS),
          rates: pick(r.indicators.rates, PUBLIC_RATES),
        })),
      };
    },
  );
};
