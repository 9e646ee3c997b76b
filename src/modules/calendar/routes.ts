import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../platform/auth/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { registerErrorMapper } from '../../platform/http/error-handler.js';
import { IsoDateTime, withErrors } from '../../platform/http/schemas.js';
import { formatInZone, parseInstant } from '../../platform/zoned-time.js';
import type { CalendarService } from './commands.js';
import { CalendarInputError } from './domain/errors.js';
import { TIME_UNITS } from './domain/units.js';

export interface CalendarRouteOptions {
  calendars: CalendarService;
  /** Tenant id for a tenant code, or the default tenant when none is named; null when unknown. */
  resolveTenant(code: string | undefined): Promise<{ id: number; timeZone: string } | null>;
}

registerErrorMapper((error) =>
  error instanceof CalendarInputError
    ? new AppError(400, 'VALIDATION_FAILED', error.message, {
        field: error.field,
        params: { field: error.message },
      })
    : null,
);

const Unit = Type.Union(
  TIME_UNITS.map((u) => Type.Literal(u)),
  {
    description:
      'urgent_hour, natural_day (continuous); work_hour, work_day (office time); calendar_day, working_day (legal)',
  },
);
const Instant = Type.String({
  minLength: 10,
  maxLength: 40,
  description: 'ISO-8601; without an offset it is read in the tenant’s zone',
  examples: ['2025-10-09T10:00:00+08:00'],
});
const TenantCode = Type.Optional(
  Type.String({ minLength: 1, maxLength: 32, description: 'tenant code; the default tenant when omitted' }),
);
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2025-10-01'] });
const Window = Type.Object(
  { start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) },
  { additionalProperties: false },
);

const DayView = Type.Object({
  date: LocalDate,
  isOffDay: Type.Boolean(),
  name: Type.String(),
  source: Type.Optional(Type.String()),
});
const ChangeView = Type.Object({
  date: LocalDate,
  before: Type.Union([DayView, Type.Null()]),
  after: Type.Union([DayView, Type.Null()]),
  workingChanged: Type.Boolean(),
});

export const calendarRoutes: FastifyPluginAsyncTypebox<CalendarRouteOptions> = async (app, opts) => {
  const tags = ['calendar'];

  async function tenantOf(code: string | undefined) {
    const tenant = await opts.resolveTenant(code);
    if (!tenant) throw errors.validation('tenant', `unknown tenant ${code ?? ''}`);
    return tenant;
  }

  function instant(text: string, field: string, timeZone: string): number {
    const ms = parseInstant(text, timeZone);
    if (ms === null) {
      throw errors.validation(
        field,
        `${field} must be an ISO-8601 date-time, e.g. 2025-10-09T10:00:00+08:00`,
      );
    }
    return ms;
  }

  app.get(
    '/api/calendar/deadline',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Deadline = start + amount in a time-limit unit, on the tenant’s working calendar',
        querystring: Type.Object(
          {
            start: Instant,
            amount: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }),
            unit: Unit,
            tenant: TenantCode,
          },
          { additionalProperties: false },
        ),
        response: withErrors({
          200: Type.Object({ deadline: IsoDateTime, start: IsoDateTime, amount: Type.Number(), unit: Unit }),
        }),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const calendar = await opts.calendars.forTenant(tenant.id);
      const start = instant(request.query.start, 'start', tenant.timeZone);
      const deadline = calendar.deadline(start, request.query.amount, request.query.unit);
      return {
        deadline: formatInZone(deadline, tenant.timeZone),
        start: formatInZone(start, tenant.timeZone),
        amount: request.query.amount,
        unit: request.query.unit,
      };
    },
  );

  app.get(
    '/api/calendar/elapsed',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Time elapsed between two instants in a unit: minutes for hour units, fractional days for day units',
        querystring: Type.Object(
          { from: Instant, to: Instant, unit: Unit, tenant: TenantCode },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ elapsed: Type.Number(), unit: Unit }) }),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const calendar = await opts.calendars.forTenant(tenant.id);
      const from = instant(request.query.from, 'from', tenant.timeZone);
      const to = instant(request.query.to, 'to', tenant.timeZone);
      return {
        elapsed: calendar.elapsed(from, to, request.query.unit),
        unit: request.query.unit,
      };
    },
  );

  app.get(
    '/api/calendar/days',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The calendar: time zone, office windows and listed days (holidays and make-up working days) in a range',
        querystring: Type.Object(
          { from: Type.Optional(LocalDate), to: Type.Optional(LocalDate), tenant: TenantCode },
          { additionalProperties: false },
        ),
        response: withErrors({
          200: Type.Object({
            version: Type.Integer(),
            timeZone: Type.String(),
            officeWindows: Type.Array(Window),
            days: Type.Array(DayView),
          }),
        }),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const calendar = await opts.calendars.forTenant(tenant.id);
      const { from = '0000-01-01', to = '9999-12-31' } = request.query;
      const def = calendar.definition;
      return {
        version: await opts.calendars.versionOf(tenant.id),
        timeZone: def.timeZone,
        officeWindows: [...def.officeWindows],
        days: def.days.filter((d) => d.date >= from && d.date <= to),
      };
    },
  );

  app.get(
    '/api/calendar/dates/:date',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether a local date is a working day, and why',
        params: Type.Object({ date: LocalDate }),
        querystring: Type.Object({ tenant: TenantCode }, { additionalProperties: false }),
        response: withErrors({
          200: Type.Object({
            date: LocalDate,
            working: Type.Boolean(),
            kind: Type.String(),
            name: Type.Union([Type.String(), Type.Null()]),
          }),
        }),
      },
    },
    async (request) => {
      const tenant = await tenantOf(request.query.tenant);
      const calendar = await opts.calendars.forTenant(tenant.id);
      const d = calendar.describeDate(request.params.date);
      return {
        date: request.params.date,
        working: calendar.isWorkingDate(request.params.date),
        kind: d.kind,
        name: d.name ?? null,
      };
    },
  );

  app.post(
    '/api/calendar/amendments',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary:
          'Amend the holiday calendar (e.g. a later State Council notice); emits calendar.calendar.amended',
        body: Type.Object(
          {
            reference: Type.String({
              minLength: 1,
              maxLength: 500,
              description: 'the notice that makes the change',
            }),
            entries: Type.Array(
              Type.Object(
                {
                  date: LocalDate,
                  isOffDay: Type.Union([Type.Boolean(), Type.Null()], {
                    description: 'null removes the listing',
                  }),
                  name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 400 },
            ),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          { 200: Type.Object({ version: Type.Integer(), changes: Type.Array(ChangeView) }) },
          401,
          403,
        ),
      },
    },
    async (request) => {
      const actor = principalOf(request).actor;
      const entries = request.body.entries.map((e) => ({ ...e, source: request.body.reference }));
      const result = await opts.calendars.amend(actor, { entries, reference: request.body.reference });
      return { version: result.version, changes: [...result.changes] };
    },
  );

  app.put(
    '/api/calendar/settings',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Change the time zone or office windows (version must be the one read)',
        body: Type.Object(
          {
            timeZone: Type.String({ minLength: 1, maxLength: 64 }),
            officeWindows: Type.Array(Window, { minItems: 1, maxItems: 6 }),
            version: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ version: Type.Integer() }) }, 401, 403, 409),
      },
    },
    async (request) => {
      const version = await opts.calendars.updateSettings(principalOf(request).actor, request.body);
      return { version };
    },
  );
};
