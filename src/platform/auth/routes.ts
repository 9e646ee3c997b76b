import type { Clock } from '../clock.js';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../http/app-error.js';
import { IsoDateTime, withErrors } from '../http/schemas.js';
import { principalOf, SESSION_COOKIE } from './access.js';
import type { AuthCommands } from './commands.js';
import { ROLE_CODES } from './roles.js';
import type { SignedInAccount } from './store.js';

export interface AuthRouteOptions {
  auth: AuthCommands;
  resolveTenant(code: string | undefined): Promise<number | null>;
  cookieSecure: boolean;
  clock: Clock;
}

const RoleSchema = Type.Union(ROLE_CODES.map((r) => Type.Literal(r)));

const AccountView = Type.Object({
  id: Type.Integer(),
  tenantId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  mustChangePassword: Type.Boolean(),
});

const SessionView = Type.Object({
  account: AccountView,
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'echo in X-CSRF-Token on writes' }),
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
});

const TokenView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  accountId: Type.Integer(),
  createdAt: IsoDateTime,
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
  revokedAt: Type.Union([IsoDateTime, Type.Null()]),
  lastUsedAt: Type.Union([IsoDateTime, Type.Null()]),
});

function presentAccount(a: SignedInAccount) {
  return {
    id: a.id,
    tenantId: a.tenantId,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    mustChangePassword: a.mustChangePassword,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, opts) => {
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in with username and password; sets an httpOnly session cookie',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
            tenant: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 32,
                description: 'tenant code; the default tenant when omitted',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: SessionView }, 401, 404, 429),
      },
    },
    async (request, reply) => {
      const tenantId = await opts.resolveTenant(request.body.tenant);
      if (tenantId === null) throw errors.notFound('tenant');
      const result = await opts.auth.login({
        tenantId,
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      void reply.setCookie(SESSION_COOKIE, result.cookieValue, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        path: '/',
        // Relative, so a browser whose clock is off still keeps the cookie as long as the server keeps the session.
        maxAge: Math.max(0, Math.floor((result.expiresAt.getTime() - opts.clock.now().getTime()) / 1000)),
      });
      return {
        account: presentAccount(result.account),
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated', allowPendingPasswordChange: true },
      schema: {
        tags,
        summary: 'End the current session',
        response: withErrors({ 204: Type.Null() }, 401, 403),
      },
    },
    async (request, reply) => {
      await opts.auth.logout(principalOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'authenticated', allowPendingPasswordChange: true },
      schema: { tags, summary: 'Who am I', response: withErrors({ 200: SessionView }, 401) },
    },
    (request) => {
      const p = principalOf(request);
      return {
        account: presentAccount(p.account),
        csrfToken: p.session?.csrfToken ?? null,
        expiresAt: iso(p.session?.expiresAt ?? null),
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated', allowPendingPasswordChange: true },
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
            newPassword: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 204: Type.Null() }, 401, 403),
      },
    },
    async (request, reply) => {
      await opts.auth.changePassword(
        principalOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My API tokens (never their secrets)',
        response: withErrors({ 200: Type.Object({ items: Type.Array(TokenView) }) }, 401, 403),
      },
    },
    async (request) => {
      const rows = await opts.auth.listApiTokens(principalOf(request));
      return {
        items: rows.map((t) => ({
          ...t,
          createdAt: t.createdAt.toISOString(),
          expiresAt: iso(t.expiresAt),
          revokedAt: iso(t.revokedAt),
          lastUsedAt: iso(t.lastUsedAt),
        })),
      };
    },
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Create an API token for machines; the secret is shown only in this answer',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            accountId: Type.Optional(
              Type.Integer({ minimum: 1, description: 'admins may create tokens for integration accounts' }),
            ),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: Type.Object({ token: Type.String(), item: TokenView }) }, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { token, row } = await opts.auth.createApiToken(principalOf(request), {
        name: request.body.name,
        accountId: request.body.accountId ?? null,
        expiresInDays: request.body.expiresInDays ?? null,
      });
      return reply.status(201).send({
        token,
        item: {
          ...row,
          createdAt: row.createdAt.toISOString(),
          expiresAt: iso(row.expiresAt),
          revokedAt: null,
          lastUsedAt: null,
        },
      });
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: withErrors({ 204: Type.Null() }, 401, 403, 404),
      },
    },
    async (request, reply) => {
      await opts.auth.revokeApiToken(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
