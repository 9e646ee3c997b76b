/**
 * HTTP API of 综合评价: indicator tables and rankings (JSON or CSV), the monthly bulletin (JSON, .xlsx,
 * printable HTML), hot spots, stage-duration medians, the consistency check, schemes and period snapshots.
 * Every table is cut to the viewer's data scope (service.ts `visible`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { principalOf, type Principal, type Role } from '../../platform/auth/index.js';
import { formatInZone } from '../../platform/zoned-time.js';
import { errors } from '../../platform/http/app-error.js';
import { withErrors } from '../../platform/http/schemas.js';
import type { DataScope } from '../org/index.js';
import type { ObjectType } from './domain/counters.js';
import type { Scheme } from './domain/schemes.js';
import { bulletinHtml, bulletinXlsx, tableCsv } from './exports.js';
import {
  Format,
  ObjectTypeSchema,
  PeriodLabel,
  SchemeCode,
  SchemeSchema,
  SnapshotView,
  TableView,
  Within,
  strict,
} from './schemas.js';
import { periodOrThrow, type EvaluationService, type TableRow } from './service.js';
import type { Snapshot } from './store.js';

const tags = ['evaluation'];

/** Who reads evaluation results (each within their data scope). */
export const EVALUATION_READERS: readonly Role[] = [
  'leader',
  'head',
  'monitor',
  'admin',
  'shiftLead',
  'operator',
  'dispatcher',
  'handler',
  'inspector',
];
/** Who changes schemes and prepares / publishes periods. */
export const EVALUATION_ADMINS: readonly Role[] = ['admin', 'head'];

export function presentRow(r: TableRow) {
  return {
    ...(r.rank !== undefined ? { rank: r.rank } : {}),
    code: r.code,
    name: r.name,
    counts: r.indicators.counts,
    rates: r.indicators.rates,
    meanSeconds: r.indicators.meanSeconds,
    ...(r.score ? { score: r.score } : {}),
  };
}

function presentSnapshot(s: Snapshot, withResult: boolean, timeZone: string) {
  return {
    period: s.period,
    schemeCode: s.schemeCode,
    schemeYear: s.schemeYear,
    schemeVersion: s.schemeVersion,
    status: s.status,
    preparedAt: formatInZone(s.preparedAt, timeZone),
    publishedAt: s.publishedAt ? formatInZone(s.publishedAt, timeZone) : null,
    ...(withResult ? { result: s.result } : {}),
  };
}

function download(reply: FastifyReply, type: string, name: string, body: string | Buffer) {
  return reply.type(type).header('content-disposition', `attachment; filename="${name}"`).send(body);
}

export const evaluationRoutes: FastifyPluginAsyncTypebox<{
  evaluation: EvaluationService;
  scopeOf: (principal: Principal) => Promise<DataScope>;
  timeZone: (tenantId: number) => Promise<string>;
}> = async (app, { evaluation, scopeOf, timeZone }) => {
  const TableQuery = Type.Object(
    {
      objectType: ObjectTypeSchema,
      period: PeriodLabel,
      within: Type.Optional(Within),
      scheme: Type.Optional(SchemeCode),
      sort: Type.Optional(Type.String({ pattern: '^[a-zA-Z]{1,40}$' })),
      order: Type.Optional(Type.Union([Type.Literal('desc'), Type.Literal('asc')])),
      format: Type.Optional(Format),
    },
    strict,
  );

  for (const [url, summary, ranked] of [
    [
      '/api/evaluation/indicators',
      'Indicator table of every object of a type over a period (JSON or CSV)',
      false,
    ],
    [
      '/api/evaluation/rankings',
      'Ranking of every object of a type: by a scheme score or one indicator',
      true,
    ],
  ] as const) {
    app.get(
      url,
      {
        config: { access: { roles: EVALUATION_READERS } },
        schema: {
          tags,
          summary,
          description: 'format=csv answers text/csv (UTF-8 with BOM) with the same rows.',
          querystring: TableQuery,
          response: withErrors({ 200: TableView }, 403, 404),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const q = request.query;
        const period = periodOrThrow(q.period);
        const base = {
          tenantId: principal.actor.tenantId,
          objectType: q.objectType as ObjectType,
          period,
          scope: await scopeOf(principal),
          ...(q.within ? { within: q.within } : {}),
        };
        const { scheme, rows } =
          ranked || q.scheme || q.sort
            ? await evaluation.ranking({
                ...base,
                ...(q.scheme ? { schemeCode: q.scheme } : {}),
                ...(q.sort ? { sort: q.sort } : {}),
                ascending: q.order === 'asc',
              })
            : { scheme: null, rows: await evaluation.table(base) };
        if (q.format === 'csv') {
          return download(
            reply,
            'text/csv; charset=utf-8',
            `${String(q.objectType)}-${period.label}.csv`,
            tableCsv(rows),
          );
        }
        return {
          period,
          objectType: q.objectType,
          scheme: scheme
            ? {
                code: scheme.scheme.code,
                name: scheme.scheme.name,
                year: scheme.year,
                version: scheme.version,
              }
            : null,
          items: rows.map(presentRow),
        };
      },
    );
  }

  app.get(
    '/api/evaluation/bulletin',
    {
      config: { access: { roles: EVALUATION_READERS } },
      schema: {
        tags,
        summary: 'Monthly bulletin: counts, rates, sources, top categories, rankings, worst units, trend',
        description:
          'format=xlsx answers a workbook, format=html a printable page. Tenant-wide viewers only. A published ' +
          'period answers its frozen snapshot when `scheme` matches.',
        querystring: Type.Object(
          {
            period: PeriodLabel,
            scheme: Type.Optional(SchemeCode),
            format: Type.Optional(
              Type.Union([Type.Literal('json'), Type.Literal('xlsx'), Type.Literal('html')]),
            ),
          },
          strict,
        ),
        response: withErrors({ 200: Type.Record(Type.String(), Type.Unknown()) }, 403, 404),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const tenantId = principal.actor.tenantId;
      const period = periodOrThrow(request.query.period);
      const schemeCode = request.query.scheme ?? 'jinhua';
      const scope = await scopeOf(principal);
      const frozen = await evaluation.snapshot(tenantId, period.label, schemeCode);
      const b =
        frozen?.status === 'published' && scope.all
          ? (frozen.result as Awaited<ReturnType<EvaluationService['bulletin']>>)
          : await evaluation.bulletin(tenantId, period, scope, schemeCode);
      if (request.query.format === 'xlsx') {
        return download(
          reply,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `bulletin-${period.label}.xlsx`,
          await bulletinXlsx(b),
        );
      }
      if (request.query.format === 'html') {
        return reply.type('text/html; charset=utf-8').send(bulletinHtml(b));
      }
      return {
        ...b,
        units: b.units.map(presentRow),
        streets: b.streets.map(presentRow),
        worstUnits: b.worstUnits.map(presentRow),
        frozen: frozen?.status === 'published',
      };
    },
  );

  app.get(
    '/api/evaluation/hotspots',
    {
      config: { access: { roles: EVALUATION_READERS } },
      schema: {
        tags,
        summary:
          '高发问题 by category and place, repeat locations (same category, same grid ≥ N), grid heat layer',
        querystring: Type.Object(
          {
            period: PeriodLabel,
            repeatMin: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            within: Type.Optional(Within),
          },
          strict,
        ),
        response: withErrors(
          {
            200: Type.Object({
              period: Type.Unknown(),
              categories: Type.Array(Type.Object({ code: Type.String(), n: Type.Integer() })),
              places: Type.Array(
                Type.Object({ street: Type.String(), category: Type.String(), filed: Type.Integer() }),
              ),
              repeats: Type.Array(
                Type.Object({ grid: Type.String(), category: Type.String(), filed: Type.Integer() }),
              ),
              heat: Type.Object({ metric: Type.String(), grids: Type.Record(Type.String(), Type.Integer()) }),
            }),
          },
          403,
        ),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const q = request.query;
      return evaluation.hotspots(
        principal.actor.tenantId,
        periodOrThrow(q.period),
        await scopeOf(principal),
        {
          ...(q.repeatMin ? { repeatMin: q.repeatMin } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
          ...(q.within ? { within: q.within } : {}),
        },
      );
    },
  );

  app.get(
    '/api/evaluation/medians',
    {
      config: { access: { roles: EVALUATION_READERS } },
      schema: {
        tags,
        summary: 'Median stage durations (seconds) over a period, for a unit or a region (within your scope)',
        querystring: Type.Object(
          {
            period: PeriodLabel,
            unitCode: Type.Optional(Type.String({ maxLength: 40 })),
            region: Type.Optional(Type.String({ maxLength: 40 })),
          },
          strict,
        ),
        response: withErrors(
          {
            200: Type.Object({
              medianSeconds: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
            }),
          },
          403,
        ),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const q = request.query;
      const scope = await scopeOf(principal);
      const allowed =
        scope.all ||
        (q.unitCode !== undefined && scope.unitCodes.includes(q.unitCode)) ||
        (q.region !== undefined && scope.regionCodes.some((c) => q.region?.startsWith(c)));
      if (!allowed) throw errors.forbidden('outside your data scope');
      const medianSeconds = await evaluation.medians(principal.actor.tenantId, periodOrThrow(q.period), {
        ...(q.unitCode ? { unitCode: q.unitCode } : {}),
        ...(q.region ? { gridPrefix: q.region } : {}),
      });
      return { medianSeconds };
    },
  );

  app.get(
    '/api/evaluation/consistency',
    {
      config: { access: { roles: EVALUATION_ADMINS } },
      schema: {
        tags,
        summary: 'Recompute every counter from the applied case events and compare with the rollups',
        response: withErrors({ 200: Type.Record(Type.String(), Type.Unknown()) }, 403),
      },
    },
    async (request) => evaluation.consistency(principalOf(request).actor.tenantId),
  );

  app.get(
    '/api/evaluation/schemes',
    {
      config: { access: { roles: EVALUATION_READERS } },
      schema: {
        tags,
        summary: 'Scoring schemes: the shipped presets and the tenant’s versions per year',
        response: withErrors({ 200: Type.Record(Type.String(), Type.Unknown()) }, 403),
      },
    },
    async (request) => evaluation.listSchemes(principalOf(request).actor.tenantId),
  );

  app.post(
    '/api/evaluation/schemes',
    {
      config: { access: { roles: EVALUATION_ADMINS } },
      schema: {
        tags,
        summary: 'Save a new version of a scheme for a year (published periods keep their frozen scores)',
        body: Type.Object(
          { year: Type.Integer({ minimum: 2000, maximum: 2100 }), scheme: SchemeSchema },
          strict,
        ),
        response: withErrors({ 201: Type.Record(Type.String(), Type.Unknown()) }, 403),
      },
    },
    async (request, reply) => {
      const saved = await evaluation.saveScheme(
        principalOf(request).actor.tenantId,
        request.body.year,
        request.body.scheme as unknown as Scheme,
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/evaluation/snapshots',
    {
      config: { access: { roles: EVALUATION_READERS } },
      schema: {
        tags,
        summary: 'Prepared and published periods',
        response: withErrors({ 200: Type.Object({ items: Type.Array(SnapshotView) }) }, 403),
      },
    },
    async (request) => {
      const tenantId = principalOf(request).actor.tenantId;
      const tz = await timeZone(tenantId);
      return { items: (await evaluation.snapshots(tenantId)).map((s) => presentSnapshot(s, false, tz)) };
    },
  );

  const SnapshotBody = Type.Object({ period: PeriodLabel, scheme: SchemeCode }, strict);
  for (const [verb, summary] of [
    ['prepare', 'Prepare (or refresh) a period under a scheme; refused once the period is published'],
    ['publish', 'Publish a prepared period: its results are frozen from now on'],
  ] as const) {
    app.post(
      `/api/evaluation/snapshots/${verb}`,
      {
        config: { access: { roles: EVALUATION_ADMINS } },
        schema: {
          tags,
          summary,
          body: SnapshotBody,
          response: withErrors({ 200: SnapshotView }, 403, 404, 409),
        },
      },
      async (request) => {
        const tenantId = principalOf(request).actor.tenantId;
        const period = periodOrThrow(request.body.period);
        const s =
          verb === 'prepare'
            ? await evaluation.prepare(tenantId, period, request.body.scheme)
            : await evaluation.publish(tenantId, period, request.body.scheme);
        return presentSnapshot(s, false, await timeZone(tenantId));
      },
    );
  }
};
