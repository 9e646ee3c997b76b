/**
 * The oversight module's public face: the power and responsibility lists (权力清单 / 责任清单), versioned per
 * tenant with effective dates, their public disclosure and the diff between versions. Other modules import
 * only from here. See docs/oversight.md.
 *
 * For the case loop and electronic supervision: `OversightService.itemInForce(tenantId, code, on)` and
 * `OversightService.caseLoopItem(tenantId, on)` return the item version in force on a date (a Date is read
 * in the tenant's zone), with the list version it comes from — store (version, item code) on the record.
 */

// Types and labels
export type {
  AccountabilityCase,
  Delegation,
  LegalBasis,
  PowerItem,
  PowerItemField,
  PowerList,
  PowerListVersion,
  PowerSource,
  PowerTimeLimit,
  PowerType,
  Responsibility,
  ResponsibilityStage,
} from './domain/types.js';
export {
  POWER_ITEM_FIELDS,
  POWER_SOURCES,
  POWER_SOURCE_LABELS,
  POWER_TYPES,
  POWER_TYPE_LABELS,
  RESPONSIBILITY_STAGES,
  STAGE_LABELS,
} from './domain/types.js';

// Pure functions: diff, effective-version selection, validation
export type { ChangedItem, ItemFieldChange, PowerListDiff } from './domain/diff.js';
export { applyDiff, diffPowerLists, invertDiff, isEmptyDiff } from './domain/diff.js';
export type { DatedVersion, VersionPeriod, VersionStatus } from './domain/in-force.js';
export { publishDateProblem, versionInForce, versionPeriods } from './domain/in-force.js';
export type { ListIssue, UnitFacts } from './domain/validate.js';
export { validatePowerItem, validatePowerList } from './domain/validate.js';

// Service, routes, seeding
export { createOversightService, type ItemInForce, type OversightService } from './commands.js';
export { POWER_LIST_STREAM } from './publish.js';
export { oversightRoutes } from './routes.js';
export { createOversightDemoSeeder } from './seeder.js';
export { CASE_LOOP_ITEM_CODE, demoPowerList } from './demo-list.js';
