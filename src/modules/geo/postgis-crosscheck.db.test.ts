/**
 * The in-memory geocoder against PostGIS ST_Contains over the demo grids, on 100,000 random points: the
 * answers must be identical. Runs on PostgreSQL when the postgis extension can be created (CI installs
 * postgresql-15-postgis-3); skipped on PGlite, which has no PostGIS in this project.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../../test/helpers/db.js';
import { GridGeocoder } from './domain/geocoder.js';
import { createRandom } from './domain/synthetic/prng.js';
import { generateSyntheticDistrict } from './domain/synthetic/district.js';
import { loadShangchengInputs } from './reference-data.js';

const POINTS = 100_000;

describe('geocoder vs PostGIS', () => {
  let t: TestDb | null = null;
  let postgis = false;
  before(async () => {
    if (TEST_ENGINE !== 'postgres') return;
    t = await createTestDb();
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS postgis`.execute(t.db.sql);
      postgis = true;
    } catch {
      postgis = false;
    }
  });
  after(async () => {
    await t?.close();
  });

  it('gives identical answers to ST_Contains on 100,000 random points over the demo grids', async (ctx) => {
    if (!t || !postgis) {
      ctx.skip(
        TEST_ENGINE === 'postgres'
          ? 'the postgis extension is not installed'
          : 'PostGIS needs a PostgreSQL server',
      );
      return;
    }
    const db = t.db;
    const district = generateSyntheticDistrict(loadShangchengInputs());
    const grids = district.grids;
    const geocoder = GridGeocoder.build(
      grids.map((g) => ({
        code: g.code,
        communityCode: g.communityCode ?? '',
        streetCode: g.streetCode ?? '',
        districtCode: g.districtCode,
        geometry: g.geometry,
      })),
    );
    await sql`CREATE TABLE pg_grids (code text PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL)`.execute(
      db.sql,
    );
    for (let i = 0; i < grids.length; i += 1000) {
      const rows = grids.slice(i, i + 1000).map((g) => ({ code: g.code, geometry: g.geometry }));
      await sql`
        INSERT INTO pg_grids (code, geom)
        SELECT code, ST_SetSRID(ST_GeomFromGeoJSON(geometry::text), 4326)
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(code text, geometry jsonb)`.execute(
        db.sql,
      );
    }
    await sql`CREATE INDEX pg_grids_geom ON pg_grids USING gist (geom)`.execute(db.sql);

    const [minX, minY, maxX, maxY] = [120.13, 30.19, 120.3, 30.4];
    const random = createRandom('postgis-crosscheck');
    const points: [number, number][] = [];
    for (let i = 0; i < POINTS; i++) points.push([random.range(minX, maxX), random.range(minY, maxY)]);
    await sql`CREATE TABLE pg_points (id int PRIMARY KEY, geom geometry(Point, 4326) NOT NULL)`.execute(
      db.sql,
    );
    for (let i = 0; i < points.length; i += 20_000) {
      const chunk = points.slice(i, i + 20_000);
      await sql`
        INSERT INTO pg_points (id, geom)
        SELECT ${i} + ord - 1, ST_SetSRID(ST_MakePoint(lng, lat), 4326)
        FROM unnest(${chunk.map((p) => p[0])}::float8[], ${chunk.map((p) => p[1])}::float8[]) WITH ORDINALITY AS u(lng, lat, ord)`.execute(
        db.sql,
      );
    }
    const answered = await sql<{ id: number; code: string }>`
      SELECT p.id, g.code FROM pg_points p JOIN pg_grids g ON ST_Contains(g.geom, p.geom)`.execute(db.sql);
    const postgisAnswer = new Map<number, string[]>();
    for (const row of answered.rows) {
      postgisAnswer.set(row.id, [...(postgisAnswer.get(row.id) ?? []), row.code]);
    }

    let mismatches = 0;
    let inside = 0;
    const examples: string[] = [];
    points.forEach(([lng, lat], id) => {
      const index = geocoder.locate(lng, lat);
      const ours = index >= 0 ? (geocoder.gridAt(index)?.code ?? null) : null;
      const theirs = postgisAnswer.get(id) ?? [];
      if (ours) inside++;
      const same = ours === null ? theirs.length === 0 : theirs.length === 1 && theirs[0] === ours;
      if (!same) {
        mismatches++;
        if (examples.length < 5) {
          examples.push(`${lng},${lat}: ours ${ours ?? '-'} postgis ${theirs.join('|') || '-'}`);
        }
      }
    });
    assert.ok(inside > POINTS * 0.3, `enough points fall inside the district (${inside})`);
    assert.equal(mismatches, 0, examples.join('\n'));
  });
});
