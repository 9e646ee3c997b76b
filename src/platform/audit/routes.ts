/**
 * Published checkpoints and the signing key (public), on-demand checkpoints and verification (admin).
 * A citizen's proof of their own case is served by the cases module, which checks the tracking code.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf, type Tenant } from '../auth/index.js';
import { errors } from '../http/app-error.js';
import { withErrors } from '../http/schemas.js';
import type { Checkpoint } from './checkpoints.js';
import { checkpointJson } from './proof.js';
import type { AuditService } from './service.js';

const CheckpointView = Type.Object({
  tenantId: Type.Integer(),
  no: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  createdAtUs: Type.String({ description: 'microseconds since the epoch, as signed' }),
  txId: Type.String(),
  seq: Type.Integer(),
  eventCount: Type.Integer(),
  leafCount: Type.Integer(),
  root: Type.String(),
  prevHash: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
  keyId: Type.String(),
  signature: Type.String(),
});

const present = (c: Checkpoint) => ({ ...checkpointJson(c), createdAt: c.createdAt.toISOString() });

const Problem = Type.Object({
  kind: Type.String(),
  streamType: Type.Optional(Type.String()),
  streamId: Type.Optional(Type.String()),
  streamVersion: Type.Optional(Type.Integer()),
  checkpoint: Type.Optional(Type.Integer()),
  message: Type.String(),
});

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncTypebox<{
  audit: AuditService;
  resolveTenant: (code: string | undefined) => Promise<Tenant | null>;
}> = async (app, opts) => {
  const { audit } = opts;
  const tenantOf = async (code: string | undefined): Promise<number> => {
    const tenant = await opts.resolveTenant(code);
    if (!tenant) throw errors.notFound('tenant');
    return tenant.id;
  };

  app.get(
    '/api/public/audit/checkpoints',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Published checkpoints of the tamper-evident record, oldest first (page with `after`)',
        querystring: Type.Object({
          tenant: Type.Optional(Type.String({ maxLength: 32 })),
          after: Type.Optional(Type.Integer({ minimum: 0 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: withErrors({ 200: Type.Object({ items: Type.Array(CheckpointView) }) }, 404),
      },
    },
    async (request) => {
      const tenantId = await tenantOf(request.query.tenant);
      const items = await audit.checkpoints(tenantId, request.query.after ?? 0, request.query.limit ?? 100);
      return { items: items.map(present) };
    },
  );

  app.get(
    '/api/public/audit/keys',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The Ed25519 public keys that sign checkpoints (raw 32 bytes, hex)',
        response: withErrors({
          200: Type.Object({
            items: Type.Array(Type.Object({ keyId: Type.String(), publicKey: Type.String() })),
          }),
        }),
      },
    },
    async () => ({
      items: [...audit.trustedKeys].map(([keyId, key]) => ({ keyId, publicKey: key.toString('hex') })),
    }),
  );

  app.get(
    '/api/audit/checkpoints',
    {
      config: { access: { roles: ['admin', 'monitor', 'leader'] } },
      schema: {
        tags,
        summary: 'The tenant’s checkpoints, newest first (page with `before`, a checkpoint number)',
        querystring: Type.Object(
          {
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ items: Type.Array(CheckpointView) }) }),
      },
    },
    async (request) => {
      const { before, limit } = request.query;
      const items = await audit.recentCheckpoints(principalOf(request).actor.tenantId, before ?? null, limit);
      return { items: items.map(present) };
    },
  );

  app.post(
    '/api/audit/checkpoints',
    {
      config: { access: { roles: ['admin', 'monitor'] } },
      schema: {
        tags,
        summary: 'Sign a checkpoint now (null when nothing changed since the last one)',
        response: withErrors({ 200: Type.Object({ checkpoint: Type.Union([CheckpointView, Type.Null()]) }) }),
      },
    },
    async (request) => {
      const c = await audit.checkpoint(principalOf(request).actor.tenantId);
      return { checkpoint: c ? present(c) : null };
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { access: { roles: ['admin', 'monitor'] } },
      schema: {
        tags,
        summary: 'Re-verify every chain and checkpoint of the tenant; names each broken record and event',
        response: withErrors({
          200: Type.Object({
            ok: Type.Boolean(),
            events: Type.Integer(),
            records: Type.Integer(),
            checkpoints: Type.Integer(),
            heads: Type.Integer(),
            problems: Type.Array(Problem),
            moreProblems: Type.Integer(),
            ms: Type.Integer(),
          }),
        }),
      },
    },
    async (request) => {
      const r = await audit.verify(principalOf(request).actor.tenantId);
      return {
        ok: r.problems.length === 0,
        events: r.events,
        records: r.records,
        checkpoints: r.checkpoints,
        heads: r.heads,
        problems: r.problems,
        moreProblems: r.moreProblems,
        ms: r.ms,
      };
    },
  );
};
