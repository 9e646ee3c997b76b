/** `chengzhi calendar deadline|elapsed` and `chengzhi geo locate`: the same answers as the API, for scripts. */
import { findTenantByCode } from '../platform/auth/index.js';
import { formatInZone, parseInstant } from '../platform/zoned-time.js';
import { createCalendarService, isTimeUnit, type TimeUnit } from '../modules/calendar/index.js';
import { createGeoService, isCrs } from '../modules/geo/index.js';
import { DISTRICT, type Runtime } from '../runtime.js';
import { CliInputError } from './geo-import.js';

async function district(rt: Runtime) {
  const tenant = await findTenantByCode(rt.db.sql, DISTRICT.code);
  if (!tenant) throw new CliInputError('the district tenant is missing; run "chengzhi migrate" first');
  return tenant;
}

function unitOf(text: string): TimeUnit {
  if (!isTimeUnit(text)) {
    throw new CliInputError(
      `--unit must be one of urgent_hour, natural_day, work_hour, work_day, calendar_day, working_day`,
    );
  }
  return text;
}

function instantOf(text: string, name: string, timeZone: string): number {
  const ms = parseInstant(text, timeZone);
  if (ms === null) {
    throw new CliInputError(`--${name} must be an ISO-8601 date-time, e.g. 2025-10-09T10:00:00+08:00`);
  }
  return ms;
}

export async function printDeadline(
  rt: Runtime,
  o: { start: string; amount: string; unit: string },
): Promise<void> {
  const tenant = await district(rt);
  const calendar = await createCalendarService({ db: rt.db, clock: rt.clock }).forTenant(tenant.id);
  const amount = Number(o.amount);
  const deadline = calendar.deadline(instantOf(o.start, 'start', tenant.timeZone), amount, unitOf(o.unit));
  process.stdout.write(JSON.stringify({ deadline: formatInZone(deadline, tenant.timeZone) }) + '\n');
}

export async function printElapsed(
  rt: Runtime,
  o: { from: string; to: string; unit: string },
): Promise<void> {
  const tenant = await district(rt);
  const calendar = await createCalendarService({ db: rt.db, clock: rt.clock }).forTenant(tenant.id);
  const unit = unitOf(o.unit);
  const elapsed = calendar.elapsed(
    instantOf(o.from, 'from', tenant.timeZone),
    instantOf(o.to, 'to', tenant.timeZone),
    unit,
  );
  process.stdout.write(JSON.stringify({ elapsed, unit }) + '\n');
}

export async function printLocation(
  rt: Runtime,
  o: { lng: string; lat: string; crs: string },
): Promise<boolean> {
  const tenant = await district(rt);
  if (!isCrs(o.crs)) throw new CliInputError('--crs must be wgs84, gcj02 or bd09');
  const [lng, lat] = [Number(o.lng), Number(o.lat)];
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
    throw new CliInputError('--lng and --lat must be numbers');
  }
  const located = await createGeoService({ db: rt.db, clock: rt.clock }).locate(tenant.id, lng, lat, o.crs);
  const brief = (r: { code: string; name: string; synthetic: boolean } | null) =>
    r ? { code: r.code, name: r.name, synthetic: r.synthetic } : null;
  if (!located) {
    process.stderr.write('the point lies outside every unit grid\n');
    return false;
  }
  process.stdout.write(
    JSON.stringify({
      grid: brief(located.grid),
      community: brief(located.community),
      street: brief(located.street),
      district: brief(located.district),
    }) + '\n',
  );
  return true;
}
