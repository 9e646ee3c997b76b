import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, ROLE_CODES, type Role } from '../../platform/auth/index.js';
import { errors } from '../../platform/http/app-error.js';
import { IsoDateTime, withErrors } from '../../platform/http/schemas.js';
import type { OrgService } from './commands.js';
import { presentShift, presentStaff, presentUnit } from './presenters.js';
import { UNIT_KINDS, type UnitKind } from './types.js';

const tags = ['org'];
const Code = Type.String({ pattern: '^[A-Za-z0-9_-]{2,40}$' });
const RegionCode = Type.String({ pattern: '^\\d{6,15}$' });
const Phone = Type.Union([Type.String({ pattern: '^[0-9+() -]{3,30}$' }), Type.Null()]);
const RoleSchema = Type.Union(ROLE_CODES.map((r) => Type.Literal(r)));
const UnitFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kind: Type.Unsafe<UnitKind>({ type: 'string', enum: [...UNIT_KINDS] }),
  parentCode: Type.Union([Code, Type.Null()]),
  regionCodes: Type.Array(RegionCode, { maxItems: 500, default: [] }),
  contactPhone: Type.Union([Phone, Type.Null()], { default: null }),
  dutyPhone: Type.Union([Phone, Type.Null()], { default: null }),
  address: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { default: null }),
  contractRef: Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { default: null }),
  active: Type.Boolean({ default: true }),
};
const UnitView = Type.Object({ code: Code, ...UnitFields, version: Type.Integer() });
const Scope = Type.Object(
  {
    all: Type.Boolean({ default: false }),
    regionCodes: Type.Array(RegionCode, { maxItems: 500, default: [] }),
    unitCodes: Type.Array(Code, { maxItems: 200, default: [] }),
  },
  { additionalProperties: false },
);
const StaffView = Type.Object({
  accountId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  unitCode: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  scope: Scope,
  version: Type.Integer(),
});
const BeatView = Type.Object({
  code: Code,
  name: Type.String(),
  inspectorAccountId: Type.Union([Type.Integer(), Type.Null()]),
  gridCodes: Type.Array(Type.String()),
  version: Type.Integer(),
});
const ShiftView = Type.Object({
  id: Type.Integer(),
  unitCode: Type.String(),
  accountId: Type.Integer(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  note: Type.Union([Type.String(), Type.Null()]),
});

const STAFF_READERS: readonly Role[] = [
  'admin',
  'leader',
  'head',
  'dispatcher',
  'shiftLead',
  'operator',
  'monitor',
];

export const orgRoutes: FastifyPluginAsyncTypebox<{ org: OrgService }> = async (app, { org }) => {
  app.get(
    '/api/org/units',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'All units (bureaus, departments, street offices, communities, contractors)',
        response: withErrors({ 200: Type.Object({ items: Type.Array(UnitView) }) }, 401),
      },
    },
    async (request) => ({
      items: (await org.listUnits(principalOf(request).actor.tenantId)).map(presentUnit),
    }),
  );

  app.post(
    '/api/org/units',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Create a unit',
        body: Type.Object({ code: Code, ...UnitFields }, { additionalProperties: false }),
        response: withErrors({ 201: UnitView }, 401, 403, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentUnit(await org.createUnit(principalOf(request).actor, request.body))),
  );

  app.put(
    '/api/org/units/:code',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Change a unit (send the version you read)',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          { ...UnitFields, version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: UnitView }, 401, 403, 404, 409),
      },
    },
    async (request) =>
      presentUnit(
        await org.updateUnit(principalOf(request).actor, { ...request.body, code: request.params.code }),
      ),
  );

  app.get(
    '/api/org/staff',
    {
      config: { access: { roles: STAFF_READERS } },
      schema: {
        tags,
        summary: 'Staff with their unit, roles and data scope (phones masked except for admins)',
        querystring: Type.Object(
          {
            unitCode: Type.Optional(Code),
            role: Type.Optional(RoleSchema),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            cursor: Type.Optional(Type.String({ pattern: '^\\d+$' })),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          {
            200: Type.Object({
              items: Type.Array(StaffView),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
          401,
          403,
        ),
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const items = await org.listStaff(p.actor.tenantId, {
        ...(q.unitCode ? { unitCode: q.unitCode } : {}),
        ...(q.role ? { role: q.role } : {}),
        limit: q.limit + 1,
        afterAccountId: q.cursor ? Number(q.cursor) : 0,
      });
      const page = items.slice(0, q.limit);
      return {
        items: page.map((s) => presentStaff(s, p)),
        nextCursor: items.length > q.limit ? String(page.at(-1)?.accountId) : null,
      };
    },
  );

  app.post(
    '/api/org/staff',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary:
          'Create a staff account in a unit, with roles and data scope; the password must be changed at first login',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[A-Za-z0-9._@-]{2,64}$' }),
            displayName: Type.String({ minLength: 1, maxLength: 50 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
            roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 12, uniqueItems: true }),
            unitCode: Code,
            phone: Type.Union([Phone, Type.Null()], { default: null }),
            scope: Scope,
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: StaffView }, 401, 403, 409),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const created = await org.createStaff(p.actor, { ...request.body, roles: request.body.roles });
      return reply.status(201).send(presentStaff(created, p));
    },
  );

  app.put(
    '/api/org/staff/:accountId',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Change a staff member’s roles, unit, phone or data scope (send the version you read)',
        params: Type.Object({ accountId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          {
            roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 12, uniqueItems: true }),
            unitCode: Code,
            phone: Type.Union([Phone, Type.Null()], { default: null }),
            scope: Scope,
            version: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: StaffView }, 401, 403, 404, 409),
      },
    },
    async (request) => {
      const p = principalOf(request);
      const updated = await org.updateStaff(p.actor, {
        ...request.body,
        roles: request.body.roles,
        accountId: request.params.accountId,
      });
      return presentStaff(updated, p);
    },
  );

  app.get(
    '/api/org/beats',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Responsibility grids (责任网格) and their inspectors; ?mine=true for my own',
        querystring: Type.Object(
          {
            mine: Type.Boolean({ default: false }),
            inspectorAccountId: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ items: Type.Array(BeatView) }) }, 401),
      },
    },
    async (request) => {
      const p = principalOf(request);
      const inspector = request.query.mine ? p.account.id : request.query.inspectorAccountId;
      return { items: await org.listBeats(p.actor.tenantId, inspector) };
    },
  );

  app.put(
    '/api/org/beats/:code',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Create or replace a responsibility grid: its unit grids and inspector',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            inspectorAccountId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
            gridCodes: Type.Array(Type.String({ pattern: '^\\d{15}$' }), {
              minItems: 1,
              maxItems: 2000,
              uniqueItems: true,
            }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: BeatView }, 401, 403),
      },
    },
    async (request) =>
      org.saveBeat(principalOf(request).actor, { ...request.body, code: request.params.code }),
  );

  app.get(
    '/api/org/units/:code/duty',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Who is on duty for a unit at an instant (default: now), or the shifts in a range',
        params: Type.Object({ code: Code }),
        querystring: Type.Object(
          {
            at: Type.Optional(IsoDateTime),
            from: Type.Optional(IsoDateTime),
            to: Type.Optional(IsoDateTime),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ items: Type.Array(ShiftView) }) }, 401, 404),
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      if (!(await org.findUnit(p.actor.tenantId, request.params.code))) throw errors.notFound('unit');
      if (q.from || q.to) {
        if (!q.from || !q.to) throw errors.validation(q.from ? 'to' : 'from', 'give both from and to');
        return {
          items: (
            await org.listShifts(p.actor.tenantId, request.params.code, new Date(q.from), new Date(q.to))
          ).map(presentShift),
        };
      }
      const at = q.at ? new Date(q.at) : new Date(Date.now());
      return { items: (await org.onDuty(p.actor.tenantId, request.params.code, at)).map(presentShift) };
    },
  );

  app.post(
    '/api/org/units/:code/duty',
    {
      config: { access: { roles: ['admin', 'head', 'shiftLead'] } },
      schema: {
        tags,
        summary: 'Put a staff member on duty for a unit',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            accountId: Type.Integer({ minimum: 1 }),
            startsAt: IsoDateTime,
            endsAt: IsoDateTime,
            note: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { default: null }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: ShiftView }, 401, 403),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const shift = await org.addShift(principalOf(request).actor, {
        unitCode: request.params.code,
        accountId: b.accountId,
        startsAt: new Date(b.startsAt),
        endsAt: new Date(b.endsAt),
        note: b.note,
      });
      return reply.status(201).send(presentShift(shift));
    },
  );
};
