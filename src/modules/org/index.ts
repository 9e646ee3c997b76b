/** Organisation: units, staff and their data scope, responsibility grids (beats), duty rosters. */
export { createOrgService, type OrgService } from './commands.js';
export { orgRoutes } from './routes.js';
export { positionRoutes } from './position-routes.js';
export { createOrgDemoSeeder, DEMO_DEPARTMENTS, streetOfficeCode, communityUnitCode } from './demo-seeder.js';
export { inScope } from './domain/scope.js';
export { maskPhone } from './presenters.js';
export {
  UNIT_KINDS,
  type Beat,
  type DataScope,
  type DutyShift,
  type StaffMember,
  type Unit,
  type UnitKind,
} from './types.js';
