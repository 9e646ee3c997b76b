/**
 * A stand-in for a second server process in the "two processes fire each warning once" test: it opens its
 * own connection pool to the database named on the command line and runs the case scheduler's sweep.
 * Usage: node --import tsx sweeper-process.fixture.ts <postgres-url> <now-iso> <rounds> <parties>
 */
import { sql } from 'kysely';
import { createSecrets } from '../../platform/auth/index.js';
import { fixedClock } from '../../platform/clock.js';
import { openPostgres } from '../../platform/db/index.js';
import { createCalendarService } from '../calendar/index.js';
import { createDispatchService } from '../dispatch/index.js';
import { createGeoService } from '../geo/index.js';
import { createOrgService } from '../org/index.js';
import { createTaxonomyService } from '../taxonomy/index.js';
import { createCasesService } from './service.js';

const [url, now, rounds, parties] = process.argv.slice(2);
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
// A barrier in the database: both processes start sweeping only when both are ready, so they really
// compete for the same rows however slowly either one started.
await sql`INSERT INTO sweep_barrier (pid) VALUES (${process.pid})`.execute(db.sql);
const deadline = Date.now() + 60_000;
for (;;) {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sweep_barrier`.execute(db.sql);
  if ((r.rows[0]?.n ?? 0) >= Number(parties ?? 2) || Date.now() > deadline) break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
let warnings = 0;
for (let i = 0; i < Number(rounds ?? 20); i += 1) {
  // Small sweeps, so the two processes interleave over the same due rows.
  const r = await cases.scheduler.sweep(3);
  warnings += r.warnings;
  // A breath between sweeps lets the other process take its turn.
  await new Promise((resolve) => setTimeout(resolve, 5));
}
await db.close();
process.stdout.write(JSON.stringify({ warnings }));
