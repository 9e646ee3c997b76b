/**
 * Field staff positions: the inspector app reports its GPS fix while open; the command center shows the fixes of
 * the last minutes for the staff in the viewer's scope. Telemetry, not records: no events (docs/org.md).
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, type Role } from '../../platform/auth/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { errors } from '../../platform/http/app-error.js';
import { IsoDateTime, withErrors } from '../../platform/http/schemas.js';
import { convertPosition, CRS_VALUES } from '../geo/index.js';
import type { OrgService } from './commands.js';
import { recentPositions, savePosition } from './positions-store.js';

const tags = ['org'];
const REPORTERS: Role[] = ['inspector', 'handler', 'officer'];
const VIEWERS: Role[] = ['leader', 'monitor', 'head', 'shiftLead', 'dispatcher', 'operator', 'admin'];
/** A fix from further ahead than this is a phone with a wrong clock, not a future position. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const PositionView = Type.Object({
  accountId: Type.Integer(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  unitCode: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  accuracyM: Type.Union([Type.Number(), Type.Null()]),
  reportedAt: IsoDateTime,
});

export const positionRoutes: FastifyPluginAsyncTypebox<{
  org: OrgService;
  db: Database;
  clock: Clock;
}> = async (app, { org, db, clock }) => {
  app.put(
    '/api/org/positions/me',
    {
      config: { access: { roles: REPORTERS } },
      schema: {
        tags,
        summary: 'Report where I am (field staff); the newer of two fixes wins',
        body: Type.Object(
          {
            lng: Type.Number({ minimum: -180, maximum: 180 }),
            lat: Type.Number({ minimum: -90, maximum: 90 }),
            crs: Type.Optional(Type.Union(CRS_VALUES.map((c) => Type.Literal(c)))),
            accuracyM: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
            at: Type.Optional(IsoDateTime),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 204: Type.Null() }, 403),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const tenantId = principal.actor.tenantId;
      const now = clock.now();
      const at = request.body.at ? new Date(request.body.at) : now;
      if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
        throw errors.validation('at', 'lies in the future');
      }
      const [lng, lat] = convertPosition(
        [request.body.lng, request.body.lat],
        request.body.crs ?? 'wgs84',
        'wgs84',
      );
      if (!(await org.findStaff(tenantId, principal.account.id))) {
        throw errors.forbidden('only staff members report positions');
      }
      await savePosition(db.sql, tenantId, {
        accountId: principal.account.id,
        lng,
        lat,
        accuracyM: request.body.accuracyM ?? null,
        reportedAt: at,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/org/positions',
    {
      config: { access: { roles: VIEWERS } },
      schema: {
        tags,
        summary: 'Latest positions of the field staff in your scope (wgs84), newest first',
        querystring: Type.Object(
          { maxAgeMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, default: 15 })) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ items: Type.Array(PositionView) }) }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const tenantId = principal.actor.tenantId;
      const scope = await org.scopeOf(tenantId, principal.account);
      const since = new Date(clock.now().getTime() - (request.query.maxAgeMinutes ?? 15) * 60_000);
      const items = await recentPositions(db.sql, tenantId, since, scope);
      return { items: items.map((p) => ({ ...p, reportedAt: p.reportedAt.toISOString() })) };
    },
  );
};
