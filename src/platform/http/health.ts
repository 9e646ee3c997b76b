import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Database } from '../db/index.js';
import { AppError } from './app-error.js';
import { withErrors } from './schemas.js';

const Status = Type.Object({ status: Type.String(), engine: Type.Optional(Type.String()) });

/** Liveness says the process answers; readiness says it can reach its database within a second. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { tags: ['health'], summary: 'Liveness', response: { 200: Status } },
    },
    () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers',
        response: withErrors({ 200: Status }, 503),
      },
    },
    async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database ping timed out')), 1000);
      });
      try {
        await Promise.race([sql`SELECT 1`.execute(db.sql), timeout]);
        return { status: 'ready', engine: db.engine };
      } catch {
        throw new AppError(503, 'SERVICE_UNAVAILABLE', 'the database does not answer');
      } finally {
        clearTimeout(timer);
      }
    },
  );
};
