/**
 * The seeders, in order. Each module that owns reference or demo data contributes one; see
 * platform/tenancy/seeds.ts for how they run once per tenant.
 */
import { createDemoAccountsSeeder } from './demo/accounts.js';
import { createCalendarSeeder } from './modules/calendar/index.js';
import { createDispatchDemoSeeder } from './modules/dispatch/index.js';
import { createGeoDemoSeeder } from './modules/geo/index.js';
import { createOrgDemoSeeder } from './modules/org/index.js';
import { createOversightDemoSeeder } from './modules/oversight/index.js';
import { createTaxonomySeeder } from './modules/taxonomy/index.js';
import type { Seeder } from './platform/tenancy/seeds.js';

export const SEEDERS: readonly Seeder[] = [
  createCalendarSeeder(),
  createTaxonomySeeder(),
  createDemoAccountsSeeder(),
  createGeoDemoSeeder(),
  createOrgDemoSeeder(),
  createOversightDemoSeeder(),
  createDispatchDemoSeeder(),
];
