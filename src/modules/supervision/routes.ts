/** HTTP API of electronic supervision: cards, 纠错 responses, reviews, accountability, rules, grading. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { OrgService } from '../org/index.js';
import { accountabilityRoutes } from './accountability-routes.js';
import { cardRoutes } from './card-routes.js';
import { ruleRoutes } from './rule-routes.js';
import type { SupervisionService } from './service.js';

export const supervisionRoutes: FastifyPluginAsyncTypebox<{
  supervision: SupervisionService;
  org: OrgService;
}> = async (app, opts) => {
  await app.register(cardRoutes, opts);
  await app.register(accountabilityRoutes, opts);
  await app.register(ruleRoutes, opts);
};
