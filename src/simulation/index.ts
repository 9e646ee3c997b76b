/**
 * `chengzhi simulate` and the demo's living traffic: builds the services on a clock of their own (history
 * replays the past) over the same database, and runs the workload through the real case commands.
 */
import type { Secrets } from '../platform/auth/index.js';
import { fixedClock } from '../platform/clock.js';
import type { Database } from '../platform/db/index.js';
import { parseInstant, formatInZone } from '../platform/zoned-time.js';
import { createCalendarService } from '../modules/calendar/index.js';
import { createCasesService } from '../modules/cases/index.js';
import { createOversightService } from '../modules/oversight/index.js';
import { createDispatchService } from '../modules/dispatch/index.js';
import { createEvidenceService } from '../modules/evidence/index.js';
import { createGeoService } from '../modules/geo/index.js';
import { createOrgService } from '../modules/org/index.js';
import { createTaxonomyService } from '../modules/taxonomy/index.js';
import { createSimulation, isEmptyOfCases, type SimulationStats } from './runner.js';

export { isEmptyOfCases };
export type { SimulationStats };

export interface SimulateOptions {
  readonly db: Database;
  readonly secrets: Secrets;
  readonly filesDir: string;
  readonly tenantId: number;
  readonly seed?: number;
  readonly log: (message: string) => void;
}

export async function openSimulation(options: SimulateOptions) {
  const clock = fixedClock(new Date());
  const { db } = options;
  const calendars = createCalendarService({ db, clock });
  const geo = createGeoService({ db, clock });
  const org = createOrgService({ db, clock });
  const taxonomy = createTaxonomyService({ db, clock });
  const evidence = createEvidenceService({ db, clock, dir: options.filesDir });
  const cases = createCasesService({
    db,
    clock,
    calendars,
    geo,
    org,
    taxonomy,
    dispatch: createDispatchService({ db, clock, geo, org }),
    secrets: options.secrets,
    evidence,
    caseLoopItem: createOversightService({ db, clock, org }).caseLoopItemRef,
  });
  const calendar = await calendars.forTenant(options.tenantId);
  const sim = await createSimulation(
    {
      db,
      tenantId: options.tenantId,
      cases,
      geo,
      org,
      taxonomy,
      calendar,
      clock,
      log: options.log,
      evidence,
    },
    options.seed ?? 1,
  );

  /** Days of history ending at `end` (now, unless a test fixes it: the history depends on the weekdays). */
  async function history(
    days: number,
    perDay: number,
    signal?: AbortSignal,
    end: Date = new Date(),
  ): Promise<SimulationStats> {
    return sim.history(end, days, perDay, signal);
  }

  /** New reports on the real clock at `perDay` a day, until `signal` aborts. */
  async function live(perDay: number, signal: AbortSignal): Promise<void> {
    const tz = calendar.definition.timeZone;
    let planned = '';
    while (!signal.aborted) {
      const now = Date.now();
      const day = formatInZone(now, tz).slice(0, 10);
      if (day !== planned) {
        sim.planReports(parseInstant(`${day}T00:00:00`, tz) ?? now, perDay, now);
        planned = day;
      }
      await sim.runUntil(now, signal);
      await new Promise((resolve) => setTimeout(resolve, 10_000).unref());
    }
  }

  return { history, live, stats: sim.stats, stop: () => cases.stop() };
}
