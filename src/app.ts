/**
 * Builds the HTTP application: platform plugins first (errors, cookies, OpenAPI, access control), then each
 * module's routes, registered explicitly so the wiring can be read top to bottom.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import {
  authRoutes,
  createAuthCommands,
  installAccessControl,
  principalOf,
  type Secrets,
  type Tenant,
} from './platform/auth/index.js';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db/index.js';
import {
  auditRoutes,
  createAuditService,
  type AuditService,
  type AuditSigner,
} from './platform/audit/index.js';
import {
  createEventFeed,
  createProjector,
  createVisibilityRegistry,
  eventStreamRoutes,
  type Projection,
  type Projector,
} from './platform/events/index.js';
import { installErrorHandling } from './platform/http/error-handler.js';
import { webConfigRoutes } from './platform/http/web-config.js';
import { isWebAppPath, registerWebApp, sendIndex } from './platform/http/web-app.js';
import { LOG_REDACT } from './platform/http/log-redaction.js';
import { healthRoutes } from './platform/http/health.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { findTenantByCode } from './platform/auth/index.js';
import { calendarRoutes, createCalendarService } from './modules/calendar/index.js';
import { createGeoService, geoRoutes } from './modules/geo/index.js';
import { createDispatchService, dispatchRoutes } from './modules/dispatch/index.js';
import { createEvidenceService, evidenceRoutes } from './modules/evidence/index.js';
import { createOrgService, orgRoutes, positionRoutes } from './modules/org/index.js';
import { createOversightService, oversightRoutes } from './modules/oversight/index.js';
import { createTaxonomyService, taxonomyRoutes } from './modules/taxonomy/index.js';
import {
  CASE_STREAM,
  caseEventsVisibleTo,
  caseRoutes,
  createCasesService,
  publicCaseRoutes,
  type CasesService,
} from './modules/cases/index.js';
import {
  CARD_STREAM,
  cardEventsVisibleTo,
  createSupervisionProjection,
  createSupervisionService,
  supervisionRoutes,
  type SupervisionService,
} from './modules/supervision/index.js';
import {
  createEvaluationService,
  evaluationRoutes,
  publicEvaluationRoutes,
  rollupProjection,
  type EvaluationService,
} from './modules/evaluation/index.js';

export interface AppDeps {
  config: Pick<Config, 'logLevel' | 'trustProxy' | 'bodyLimitBytes' | 'cookieSecure' | 'sessionTtlHours'>;
  db: Database;
  clock: Clock;
  secrets: Secrets;
  /** The tenant used when a request names none. */
  defaultTenant: Tenant;
  version: string;
  /** false in tests; a pino options object or true in production. */
  logger?: boolean | Record<string, unknown>;
  /** A ready logger (tests use one that writes to memory to check what reaches the logs). */
  loggerInstance?: FastifyBaseLogger;
  /** Where evidence files (photos, PDFs) are kept, by content hash; back it up with the database. */
  filesDir: string;
  /** Signs audit checkpoints (tests pass an ephemeral key). */
  auditSigner: AuditSigner;
  /** Outbound HTTP for webhooks (tests pass a fake that records the calls). */
  fetch?: typeof fetch;
  /** The built web app (dist/web); served at / when it holds an index.html. */
  webRoot?: string;
  /** The optional online base map the web app draws under the district's layers. */
  mapTiles?: Config['mapTiles'];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The case service, for the scheduler loop in `serve` and for tests that drive time. */
    cases: CasesService;
    /** Keeps the read models (rollups, cards) up to date from the event log; `serve` runs it on an interval. */
    projector: Projector;
    /** Checkpoints of the tamper-evident record; `serve` signs one on an interval. */
    audit: AuditService;
    /** 综合评价: rankings, bulletins; `serve` runs its monthly job (`evaluation.start`). */
    evaluation: EvaluationService;
    /** Electronic supervision; `serve` runs its tick (time rules, escalation) on the scheduler interval. */
    supervision: SupervisionService;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.loggerInstance ? { loggerInstance: deps.loggerInstance } : {}),
    logger: deps.loggerInstance
      ? undefined
      : (deps.logger ?? {
          level: deps.config.logLevel,
          // Credentials and personal data never reach the logs.
          redact: LOG_REDACT,
        }),
    trustProxy: deps.config.trustProxy,
    bodyLimit: deps.config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: {
      // Unknown fields are refused with a clear error rather than silently dropped.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
  });

  let webAppServed = false;
  installErrorHandling(app, {
    webAppFallback: (request, reply) =>
      webAppServed && isWebAppPath(request) ? sendIndex(reply) : undefined,
  });
  await app.register(cookie);
  await registerOpenApi(app, deps.version);

  const auth = createAuthCommands({
    db: deps.db,
    clock: deps.clock,
    secrets: deps.secrets,
    sessionTtlHours: deps.config.sessionTtlHours,
  });
  installAccessControl(app, auth);

  const resolveTenant = async (code: string | undefined): Promise<Tenant | null> =>
    !code || code === deps.defaultTenant.code ? deps.defaultTenant : findTenantByCode(deps.db.sql, code);

  await app.register(healthRoutes, { db: deps.db });
  await app.register(webConfigRoutes, { defaultTenant: deps.defaultTenant, mapTiles: deps.mapTiles ?? null });
  const audit = createAuditService({ db: deps.db, clock: deps.clock, signer: deps.auditSigner });
  app.decorate('audit', audit);
  app.addHook('onClose', () => audit.stop());
  await app.register(auditRoutes, { audit, resolveTenant });
  await app.register(authRoutes, {
    auth,
    cookieSecure: deps.config.cookieSecure,
    clock: deps.clock,
    resolveTenant: async (code) => (await resolveTenant(code))?.id ?? null,
  });

  // Modules, in dependency order.
  const calendars = createCalendarService({ db: deps.db, clock: deps.clock });
  await app.register(calendarRoutes, { calendars, resolveTenant });
  const geo = createGeoService({ db: deps.db, clock: deps.clock });
  await app.register(geoRoutes, { geo, resolveTenant });
  const org = createOrgService({ db: deps.db, clock: deps.clock });
  await app.register(orgRoutes, { org });
  await app.register(positionRoutes, { org, db: deps.db, clock: deps.clock });
  const oversight = createOversightService({ db: deps.db, clock: deps.clock, org });
  await app.register(oversightRoutes, { oversight, org, resolveTenant });
  const taxonomyService = createTaxonomyService({ db: deps.db, clock: deps.clock });
  await app.register(taxonomyRoutes, { taxonomy: taxonomyService, resolveTenant });
  const taxonomy = taxonomyService;
  const dispatch = createDispatchService({ db: deps.db, clock: deps.clock, geo, org });
  await app.register(dispatchRoutes, { dispatch });
  const evidence = createEvidenceService({ db: deps.db, clock: deps.clock, dir: deps.filesDir });
  await app.register(evidenceRoutes, { evidence, resolveTenant });
  const cases = createCasesService({
    db: deps.db,
    clock: deps.clock,
    calendars,
    geo,
    taxonomy,
    dispatch,
    org,
    secrets: deps.secrets,
    evidence,
    caseLoopItem: oversight.caseLoopItemRef,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  app.decorate('cases', cases);
  app.addHook('onClose', () => cases.stop());
  await app.register(caseRoutes, { cases });
  await app.register(publicCaseRoutes, {
    cases,
    proveRecord: (tenantId, streamType, streamId) => audit.proof(tenantId, streamType, streamId),
    resolveTenant: (code) => resolveTenant(code),
  });

  const evaluation = createEvaluationService({ db: deps.db, clock: deps.clock, org });
  app.decorate('evaluation', evaluation);
  app.addHook('onClose', () => evaluation.stop());
  await app.register(evaluationRoutes, {
    evaluation,
    scopeOf: async (principal) => (await cases.viewer(principal)).scope,
    timeZone: (tenantId) => cases.timeZone(tenantId),
  });
  await app.register(publicEvaluationRoutes, { evaluation, resolveTenant });

  const supervision = createSupervisionService({ db: deps.db, clock: deps.clock, calendars, org, evidence });
  app.decorate('supervision', supervision);
  app.addHook('onClose', () => supervision.stop());
  await app.register(supervisionRoutes, { supervision, org });

  // Read models fed by the event log, in the order they are caught up (a module may read an earlier one's).
  const projections: Projection[] = [rollupProjection(), createSupervisionProjection()];
  const projector = createProjector({ db: deps.db, projections });
  app.decorate('projector', projector);
  app.addHook('onClose', () => projector.stop());

  const eventFeed = createEventFeed({ db: deps.db });
  app.addHook('onClose', () => eventFeed.close());
  // Each module says who sees its events on the live stream; the platform imports no module.
  const visibility = createVisibilityRegistry();
  visibility.register(CASE_STREAM, caseEventsVisibleTo);
  visibility.register(CARD_STREAM, cardEventsVisibleTo);
  await app.register(eventStreamRoutes, {
    feed: eventFeed,
    visibility,
    viewerOf: async (request) => cases.viewer(principalOf(request)),
  });

  if (deps.webRoot) webAppServed = await registerWebApp(app, deps.webRoot);

  await app.ready();
  return app;
}
