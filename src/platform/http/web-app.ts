import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built web app (dist/web) from the API's own process, so `npm start` is one server. Any GET that is
 * not an API path and names no file gets index.html: the browser-side router owns those URLs. Hashed assets
 * are cached for a year; index.html and the service worker are revalidated on every load so a deploy is seen at
 * once.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<boolean> {
  const index = path.join(webRoot, 'index.html');
  if (!existsSync(index)) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (res, file) => {
      const immutable = file.includes(`${path.sep}assets${path.sep}`);
      void res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
    sendIndex(reply),
  );
  return true;
}

function sendIndex(reply: FastifyReply) {
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
}

/** True when a not-found request should be answered with the web app rather than a JSON 404. */
export function isWebAppPath(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url.split('?')[0] ?? '';
  if (url.startsWith('/api/') || url === '/api' || url === '/healthz' || url === '/readyz') return false;
  // A missing asset is a real 404, not a page.
  return !/\.[a-z0-9]{1,8}$/i.test(url);
}

export { sendIndex };
