import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, errors } from '../http/app-error.js';
import type { AuthCommands, Principal } from './commands.js';
import type { Role } from './roles.js';
import { safeEqual } from './secrets.js';

/**
 * Every API route declares who may call it; a route without a declaration fails at start-up, so a missed
 * check cannot ship. Single-record and data-scope checks (policies) come on top of this, in the modules.
 */
export type Access = 'public' | 'authenticated' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the account still has to replace its one-time password. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'cz_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The authenticated principal of a route that declared a non-public access. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw errors.unauthenticated();
  return request.principal;
}

export function describeAccess(access: Access): string {
  if (access === 'public' || access === 'authenticated') return access;
  return `roles: ${access.roles.join(', ')}`;
}

export interface RouteAccess {
  method: string;
  url: string;
  access: string;
}

const inventories = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every route with who may call it: reviewed as a whole, a diff in it is a change of who can do what. */
export function routeInventory(app: FastifyInstance): RouteAccess[] {
  return [...(inventories.get(app) ?? [])].sort(
    (a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
  );
}

export function installAccessControl(app: FastifyInstance, auth: AuthCommands): void {
  app.decorateRequest('principal', null);
  const inventory: RouteAccess[] = [];
  inventories.set(app, inventory);

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    const access = route.config?.access;
    if (isApi && !access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    }
    if (access) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') inventory.push({ method, url: route.url, access: describeAccess(access) });
      }
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    const authorization = request.headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw errors.unauthenticated('use "Authorization: Bearer <token>"');
      }
      request.principal = await auth.fromBearerToken(token, request.id);
      if (!request.principal) throw errors.unauthenticated('the API token is unknown, expired or revoked');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) request.principal = await auth.fromSessionCookie(cookie, request.id);
    }

    if (!access || access === 'public') return;
    const principal = request.principal;
    if (!principal) throw errors.unauthenticated();
    if (principal.session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.session.csrfToken)) {
        throw new AppError(403, 'CSRF_FAILED', 'missing or wrong X-CSRF-Token header', {
          field: 'x-csrf-token',
        });
      }
    }
    if (principal.account.mustChangePassword && !request.routeOptions.config?.allowPendingPasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'change your one-time password first');
    }
    if (access !== 'authenticated' && !access.roles.some((role) => principal.account.roles.includes(role))) {
      throw errors.forbidden(`requires one of the roles ${access.roles.join(', ')}`, {
        requiredRoles: access.roles,
      });
    }
  });
}
