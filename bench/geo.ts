/**
 * Point → unit-grid geocoding benchmark (see stack-measurements.md §7 for the reference run).
 *
 * Workload: a jittered lattice of 317 × 316 ≈ 100,000 grids near 121.4°E 31.2°N (shared jittered
 * vertices, mid-edge points, non-convex cells, exact tiling) and 1,000,000 uniform random points over
 * its box. Compared, on one core:
 *   - our GridGeocoder (flatbush + own traversal + exact half-open ray casting over typed arrays);
 *   - @turf/boolean-point-in-polygon over an rbush R-tree of the grids' boxes;
 *   - PostGIS ST_Contains over a GiST index, set-based, when BENCH_DATABASE_URL names a PostgreSQL
 *     server where CREATE EXTENSION postgis works (otherwise the row says why it was skipped).
 * Plus the same look-ups over the synthetic 上城区 demo grids (≈12,000).
 *
 * Run: npx tsx -e "import('./bench/geo.ts').then(m=>m.run([]))"   (or npm run bench -- geo)
 * Flags: --points=N (default 1,000,000), --postgis-points=N (default: all points), --runs=N (default 3).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pg from 'pg';
import RBush from 'rbush';
import type { GeocoderGrid, PolygonalGeometry } from '../src/modules/geo/index.js';
import {
  createRandom,
  generateSyntheticDistrict,
  geometryBbox,
  GridGeocoder,
  jitteredLattice,
  loadShangchengInputs,
  toGeocoderGrid,
} from '../src/modules/geo/index.js';
import type { Cell } from './table.js';
import { formatNumber, printTable } from './table.js';

interface Flags {
  points: number;
  postgisPoints: number | null;
  runs: number;
}

function parseFlags(args: string[]): Flags {
  const value = (name: string): number | null => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    if (arg === undefined) return null;
    const n = Number(arg.slice(name.length + 3).replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive integer`);
    return n;
  };
  return {
    points: value('points') ?? 1_000_000,
    postgisPoints: value('postgis-points'),
    runs: value('runs') ?? 3,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function ms(value: number): string {
  return value >= 10_000 ? `${formatNumber(value / 1000, 1)} s` : `${formatNumber(value)} ms`;
}

function mb(bytes: number): string {
  return `${formatNumber(bytes / 1e6, 1)} MB`;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

interface Points {
  x: Float64Array;
  y: Float64Array;
}

function randomPoints(count: number, box: [number, number, number, number], seed: string): Points {
  const random = createRandom(seed);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = random.range(box[0], box[2]);
    y[i] = random.range(box[1], box[3]);
  }
  return { x, y };
}

function mismatches(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

interface MethodResult {
  buildMs: number;
  lookupMs: number;
  answers: Int32Array;
}

/** The timed loop: a plain function over typed arrays, as a caller would write it. */
function locateAll(geocoder: GridGeocoder, points: Points, answers: Int32Array): void {
  const { x, y } = points;
  for (let i = 0; i < x.length; i++) answers[i] = geocoder.locate(x[i] as number, y[i] as number);
}

function runOurs(
  grids: GeocoderGrid[],
  points: Points,
  runs: number,
): MethodResult & { memoryBytes: number } {
  const builds: number[] = [];
  let geocoder = GridGeocoder.build(grids);
  for (let r = 0; r < runs; r++) {
    const t = timed(() => GridGeocoder.build(grids));
    builds.push(t.ms);
    geocoder = t.value;
  }
  const answers = new Int32Array(points.x.length);
  const lookups: number[] = [];
  const ready = geocoder;
  for (let r = 0; r < runs; r++) lookups.push(timed(() => locateAll(ready, points, answers)).ms);
  return {
    buildMs: median(builds),
    lookupMs: median(lookups),
    answers,
    memoryBytes: geocoder.memory().totalBytes,
  };
}

interface BoxItem {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  index: number;
}

function runTurf(grids: GeocoderGrid[], points: Points): MethodResult {
  const build = timed(() => {
    const tree = new RBush<BoxItem>();
    tree.load(
      grids.map((g, index) => {
        const [minX, minY, maxX, maxY] = geometryBbox(g.geometry);
        return { minX, minY, maxX, maxY, index };
      }),
    );
    return tree;
  });
  const tree = build.value;
  const n = points.x.length;
  const answers = new Int32Array(n);
  const query = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  const lookup = timed(() => {
    for (let i = 0; i < n; i++) {
      const x = points.x[i] as number;
      const y = points.y[i] as number;
      query.minX = query.maxX = x;
      query.minY = query.maxY = y;
      let found = -1;
      for (const item of tree.search(query)) {
        // Same tie rule as ours for the comparison: the lowest index among containing grids.
        if ((found < 0 || item.index < found) && booleanPointInPolygon([x, y], grids[item.index]!.geometry)) {
          found = item.index;
        }
      }
      answers[i] = found;
    }
  });
  return { buildMs: build.ms, lookupMs: lookup.ms, answers };
}

type PostgisResult = (MethodResult & { loadMs: number; points: number }) | { skipped: string };

async function runPostgis(
  grids: GeocoderGrid[],
  points: Points,
  limit: number | null,
): Promise<PostgisResult> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { skipped: 'BENCH_DATABASE_URL not set' };
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    return { skipped: `cannot connect: ${(error as Error).message}` };
  }
  const schema = `bench_geo_${process.pid}`;
  try {
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
    } catch (error) {
      return { skipped: `CREATE EXTENSION postgis failed: ${(error as Error).message}` };
    }
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}, public`);
    await client.query('CREATE TABLE grid (id int PRIMARY KEY, geom geometry(Polygon, 4326) NOT NULL)');
    await client.query('CREATE TABLE pts (id int PRIMARY KEY, geom geometry(Point, 4326) NOT NULL)');
    const loadStart = process.hrtime.bigint();
    const BATCH = 5000;
    for (let start = 0; start < grids.length; start += BATCH) {
      const rows = grids
        .slice(start, start + BATCH)
        .map((g, k) => ({ id: start + k, g: JSON.stringify(g.geometry) }));
      await client.query(
        `INSERT INTO grid (id, geom)
         SELECT r.id, ST_SetSRID(ST_GeomFromGeoJSON(r.g), 4326) FROM jsonb_to_recordset($1::jsonb) AS r(id int, g text)`,
        [JSON.stringify(rows)],
      );
    }
    const n = Math.min(limit ?? points.x.length, points.x.length);
    const POINT_BATCH = 100_000;
    for (let start = 0; start < n; start += POINT_BATCH) {
      const end = Math.min(n, start + POINT_BATCH);
      await client.query(
        `INSERT INTO pts (id, geom)
         SELECT p.id, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)
         FROM unnest($1::int[], $2::float8[], $3::float8[]) AS p(id, x, y)`,
        [
          Array.from({ length: end - start }, (_, k) => start + k),
          Array.from(points.x.subarray(start, end)),
          Array.from(points.y.subarray(start, end)),
        ],
      );
    }
    const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const indexStart = process.hrtime.bigint();
    await client.query('CREATE INDEX grid_geom ON grid USING gist (geom)');
    await client.query('ANALYZE grid');
    await client.query('ANALYZE pts');
    const buildMs = Number(process.hrtime.bigint() - indexStart) / 1e6;
    // One backend, no parallel workers: the same "one core" as the JavaScript rows.
    await client.query('SET max_parallel_workers_per_gather = 0');
    const queryStart = process.hrtime.bigint();
    await client.query(
      `CREATE TABLE answers AS
       SELECT p.id, (SELECT g.id FROM grid g WHERE ST_Contains(g.geom, p.geom) LIMIT 1) AS gid FROM pts p`,
    );
    const lookupMs = Number(process.hrtime.bigint() - queryStart) / 1e6;
    const result = await client.query<{ id: number; gid: number | null }>(
      'SELECT id, gid FROM answers ORDER BY id',
    );
    const answers = new Int32Array(n);
    for (const row of result.rows) answers[row.id] = row.gid ?? -1;
    return { buildMs, lookupMs, answers, loadMs, points: n };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  }
}

function asGrids(cells: readonly PolygonalGeometry[]): GeocoderGrid[] {
  return cells.map((geometry, i) => ({
    code: String(i),
    communityCode: '',
    streetCode: '',
    districtCode: '',
    geometry,
  }));
}

export async function run(args: string[]): Promise<void> {
  const flags = parseFlags(args);
  const lattice = jitteredLattice({
    cols: 317,
    rows: 316,
    originLng: 121.4,
    originLat: 31.2,
    seed: 'bench-geo',
  });
  const grids = asGrids(lattice.cells);
  const box: [number, number, number, number] = [
    121.4 - 0.25 * lattice.cellLng,
    31.2 - 0.25 * lattice.cellLat,
    121.4 + (317 + 0.25) * lattice.cellLng,
    31.2 + (316 + 0.25) * lattice.cellLat,
  ];
  const points = randomPoints(flags.points, box, 'bench-geo-points');
  const n = flags.points;

  const ours = runOurs(grids, points, flags.runs);
  const oursRate = n / (ours.lookupMs / 1000);
  const inside = ours.answers.reduce((sum, a) => sum + (a >= 0 ? 1 : 0), 0);
  const turf = runTurf(grids, points);
  const turfRate = n / (turf.lookupMs / 1000);
  const postgis = await runPostgis(grids, points, flags.postgisPoints);

  const rows: Cell[][] = [
    [
      'GridGeocoder (bucket grid + exact ray casting, typed arrays)',
      grids.length,
      ms(ours.buildMs),
      ms(ours.lookupMs),
      Math.round(oursRate),
      'reference',
      mb(ours.memoryBytes),
      `median of ${flags.runs}; ${formatNumber(n - inside)} points outside every grid`,
    ],
    [
      'rbush + @turf/boolean-point-in-polygon',
      grids.length,
      ms(turf.buildMs),
      ms(turf.lookupMs),
      Math.round(turfRate),
      `${formatNumber(mismatches(ours.answers, turf.answers))} / ${formatNumber(n)}`,
      '',
      'single run',
    ],
  ];
  let postgisRate: number | null = null;
  if ('skipped' in postgis) {
    rows.push([
      'PostGIS ST_Contains, GiST, set-based',
      grids.length,
      '',
      '',
      '',
      '',
      '',
      `skipped: ${postgis.skipped}`,
    ]);
  } else {
    postgisRate = postgis.points / (postgis.lookupMs / 1000);
    const ourSubset = ours.answers.subarray(0, postgis.points);
    rows.push([
      'PostGIS ST_Contains, GiST, set-based (1 backend)',
      grids.length,
      `GiST ${ms(postgis.buildMs)} (+${ms(postgis.loadMs)} loading)`,
      ms(postgis.lookupMs),
      Math.round(postgisRate),
      `${formatNumber(mismatches(ourSubset, postgis.answers))} / ${formatNumber(postgis.points)}`,
      '',
      `single run over ${formatNumber(postgis.points)} points`,
    ]);
  }

  // The synthetic 上城区 demo grids.
  const generation = timed(() => generateSyntheticDistrict(loadShangchengInputs()));
  const demo = generation.value;
  const demoGrids = demo.grids.map(toGeocoderGrid);
  const demoPoints = randomPoints(n, geometryBbox(demo.district.geometry), 'bench-geo-demo-points');
  const demoOurs = runOurs(demoGrids, demoPoints, flags.runs);
  const demoTurf = runTurf(demoGrids, demoPoints);
  const demoInside = demoOurs.answers.reduce((sum, a) => sum + (a >= 0 ? 1 : 0), 0);
  rows.push(
    [
      'GridGeocoder, synthetic 上城区 demo grids',
      demoGrids.length,
      ms(demoOurs.buildMs),
      ms(demoOurs.lookupMs),
      Math.round(n / (demoOurs.lookupMs / 1000)),
      'reference',
      mb(demoOurs.memoryBytes),
      `points over the district box; ${formatNumber(demoInside)} in a grid; generation ${ms(generation.ms)}`,
    ],
    [
      'rbush + turf, synthetic 上城区 demo grids',
      demoGrids.length,
      ms(demoTurf.buildMs),
      ms(demoTurf.lookupMs),
      Math.round(n / (demoTurf.lookupMs / 1000)),
      `${formatNumber(mismatches(demoOurs.answers, demoTurf.answers))} / ${formatNumber(n)}`,
      '',
      'single run',
    ],
  );

  printTable(
    `Point → grid geocoding, ${formatNumber(n)} random points, one core`,
    ['Method', 'Grids', 'Index build', 'Look-ups', 'Look-ups/s', 'Answers vs ours', 'Index memory', 'Note'],
    rows,
  );

  const targets: Cell[][] = [
    [
      '≥ 1,000,000 look-ups/s for 100,000 grids',
      formatNumber(Math.round(oursRate)),
      oursRate >= 1_000_000 ? 'yes' : 'NO',
    ],
    [
      '≥ 20× PostGIS (set-based, GiST)',
      postgisRate === null ? 'not measured' : `${formatNumber(oursRate / postgisRate, 1)}×`,
      postgisRate === null ? 'n/a (PostGIS skipped)' : oursRate >= 20 * postgisRate ? 'yes' : 'NO',
    ],
    ['vs rbush + turf', `${formatNumber(oursRate / turfRate, 1)}×`, ''],
    ['memory of the 100,000-grid index', mb(ours.memoryBytes), ''],
  ];
  printTable('Targets', ['Target', 'Result', 'Met'], targets);
}
