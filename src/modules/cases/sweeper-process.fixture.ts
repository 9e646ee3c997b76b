/**
 * A stand-in for a second server process in the "two processes fire each warning once" test: it opens its
 * own connection pool to the database named on the command line and runs the case scheduler's sweep.
 * Usage: node --import tsx sweeper-process.fixture.ts <postgres-url> <now-iso> <rounds> <start-at-epoch-ms>
 */
import { createSecrets } from '../../platform/auth/index.js';
import { fixedClock } from '../../platform/clock.js';
import { openPostgres } from '../../platform/db/index.js';
import { createCalendarService } from '../calendar/index.js';
import { createDispatchService } from '../dispatch/index.js';
import { createGeoService } from '../geo/index.js';
import { createOrgService } from '../org/index.js';
import { createTaxonomyService } from '../taxonomy/index.js';
import { createCasesService } from './service.js';

const [url, now, rounds, startAt] = process.argv.slice(2);
if (!url || !now) throw new Error('usage: sweeper-process.fixture.ts <url> <now> [rounds]');
const db = openPostgres({ url, maxConnections: 2 });
const clock = fixedClock(now);
const geo = createGeoService({ db, clock });
const org = createOrgService({ db, clock });
const cases = createCasesService({
  db,
  clock,
  calendars: createCalendarService({ db, clock }),
  geo,
  org,
  taxonomy: createTaxonomyService({ db, clock }),
  dispatch: createDispatchService({ db, clock, geo, org }),
  secrets: createSecrets('fixture-secret-fixture-secret-0123456'),
});
// Both processes start sweeping at the same instant, so they really compete for the same rows.
await cases.scheduler.sweep(0).catch(() => undefined);
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt ?? 0) - Date.now())));
let warnings = 0;
for (let i = 0; i < Number(rounds ?? 20); i += 1) {
  // Small sweeps, so the two processes interleave over the same due rows.
  const r = await cases.scheduler.sweep(3);
  warnings += r.warnings;
}
await db.close();
process.stdout.write(JSON.stringify({ warnings }));
