/**
 * What the simulation acts in: the tenant's standards, its geography (random points inside the district and
 * thirty hot spots), the handling units, the staff who act (their accounts, or a system actor where the demo
 * has none), the gateway that files camera and hotline reports, and one generated after-photo.
 */
import type { Actor } from '../platform/actor.js';
import type { Role } from '../platform/auth/index.js';
import { findAccountByUsername } from '../platform/auth/index.js';
import type { Database } from '../platform/db/index.js';
import type { EvidenceService } from '../modules/evidence/index.js';
import type { GeoService } from '../modules/geo/index.js';
import type { OrgService } from '../modules/org/index.js';
import type { TaxonomyService } from '../modules/taxonomy/index.js';
import type { Standardish } from './workload.js';

export interface WorldDeps {
  readonly db: Database;
  readonly tenantId: number;
  readonly geo: GeoService;
  readonly org: OrgService;
  readonly taxonomy: TaxonomyService;
  /** Stores the after-photo the simulated handlers attach (a generated image). */
  readonly evidence: EvidenceService;
}

export async function loadWorld(deps: WorldDeps, rnd: () => number) {
  const { version } = await deps.taxonomy.current(deps.tenantId);
  const standards: Standardish[] = version.standards.map((s) => ({
    id: s.id,
    kind: s.kind,
    majorCode: s.majorCode,
    minorCode: s.minorCode,
  }));
  const index = await deps.geo.regionIndex(deps.tenantId);
  const bounds = index.geocoder.bounds();
  if (!bounds) throw new Error('the demo geography is missing; run "chengzhi seed" first');
  const [minLng, minLat, maxLng, maxLat] = bounds;
  const units = (await deps.org.listUnits(deps.tenantId)).filter(
    (u) => u.active && (u.kind === 'department' || u.kind === 'street_office'),
  );

  async function randomPoint(u: readonly [number, number]): Promise<[number, number]> {
    let [a, b] = u;
    for (let i = 0; i < 50; i += 1) {
      const lng = minLng + a * (maxLng - minLng);
      const lat = minLat + b * (maxLat - minLat);
      if (await deps.geo.locate(deps.tenantId, lng, lat, 'wgs84')) return [lng, lat];
      a = rnd();
      b = rnd();
    }
    throw new Error('no point inside the district found');
  }
  const hotSpots: [number, number][] = [];
  for (let i = 0; i < 30; i += 1) hotSpots.push(await randomPoint([rnd(), rnd()]));

  const accounts = new Map<string, Actor>();
  async function staff(username: string, roles: Role[]): Promise<Actor> {
    const known = accounts.get(username);
    if (known) return known;
    const account = await findAccountByUsername(deps.db.sql, deps.tenantId, username);
    const actor: Actor = account
      ? {
          kind: 'staff',
          tenantId: deps.tenantId,
          accountId: account.id,
          roles: account.roles,
          requestId: 'simulate',
        }
      : { kind: 'system', tenantId: deps.tenantId, accountId: null, roles, requestId: 'simulate' };
    accounts.set(username, actor);
    return actor;
  }
  const gateway: Actor = {
    kind: 'system',
    tenantId: deps.tenantId,
    accountId: null,
    roles: ['integration'],
    requestId: 'simulate',
  };

  const sharp = (await import('sharp')).default;
  const photo = (
    await deps.evidence.put(deps.tenantId, {
      bytes: await sharp({ create: { width: 64, height: 48, channels: 3, background: '#5b8c5a' } })
        .jpeg()
        .toBuffer(),
      origin: 'staff',
      accountId: null,
      actor: gateway,
    })
  ).file.sha256;

  return { standards, units, hotSpots, randomPoint, staff, gateway, photo };
}
