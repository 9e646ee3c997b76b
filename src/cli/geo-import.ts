/**
 * `chengzhi import regions|components <file>`: the same all-or-nothing imports as the admin API, from the
 * command line, with a progress bar and the validation report printed per feature.
 */
import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { systemActor } from '../platform/actor.js';
import { findTenantByCode } from '../platform/auth/index.js';
import {
  createGeoService,
  ImportRejectedError,
  isCrs,
  parseComponentImport,
  parseGeoJsonImport,
  parseShapefileZipImport,
  REGION_LEVELS,
  type Crs,
  type RegionLevel,
  type ValidationProblem,
} from '../modules/geo/index.js';

import { DISTRICT, type Runtime } from '../runtime.js';

export interface RegionImportOptions {
  level: string;
  crs: string;
  codeField: string;
  nameField: string;
  parentField?: string;
  layer?: string;
  synthetic: boolean;
  dryRun: boolean;
}

export class CliInputError extends Error {}

function checkCrs(crs: string): Crs {
  if (!isCrs(crs)) throw new CliInputError(`--crs must be wgs84, gcj02 or bd09, got "${crs}"`);
  return crs;
}

function printReport(problems: readonly ValidationProblem[], featureCount: number): void {
  process.stderr.write(
    `\nvalidation failed: ${problems.length} problem(s) in ${featureCount} feature(s); nothing was imported\n`,
  );
  process.stderr.write('feature\tcode\tproblem\tmessage\n');
  for (const p of problems) {
    process.stderr.write(`${p.featureIndex}\t${p.code ?? ''}\t${p.problem}\t${p.message}\n`);
  }
}

function progressBar(label: string) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

async function withGeo<T>(
  rt: Runtime,
  fn: (geo: ReturnType<typeof createGeoService>, tenantId: number) => Promise<T>,
) {
  const tenant = await findTenantByCode(rt.db.sql, DISTRICT.code);
  if (!tenant) throw new CliInputError('the district tenant is missing; run "chengzhi migrate" first');
  return fn(createGeoService({ db: rt.db, clock: rt.clock }), tenant.id);
}

export async function importRegionsFromFile(
  rt: Runtime,
  file: string,
  options: RegionImportOptions,
): Promise<boolean> {
  if (!(REGION_LEVELS as readonly string[]).includes(options.level)) {
    throw new CliInputError(`--level must be one of ${REGION_LEVELS.join(', ')}, got "${options.level}"`);
  }
  const crs = checkCrs(options.crs);
  const bytes = await readFile(file);
  const parseOptions = {
    crs,
    fields: {
      code: options.codeField,
      name: options.nameField,
      ...(options.parentField ? { parentCode: options.parentField } : {}),
    },
    ...(options.layer ? { layer: options.layer } : {}),
  };
  const parsed = file.toLowerCase().endsWith('.zip')
    ? await parseShapefileZipImport(bytes, parseOptions)
    : parseGeoJsonImport(bytes, parseOptions);
  process.stdout.write(`read ${parsed.features.length} feature(s) from ${file}; validating…\n`);
  const bar = progressBar('writing');
  try {
    const result = await withGeo(rt, (geo, tenantId) =>
      geo.importRegions(systemActor(tenantId), {
        level: options.level as RegionLevel,
        parsed,
        synthetic: options.synthetic,
        source: `import of ${file}`,
        dryRun: options.dryRun,
        onProgress: (done, total) => bar.update(done, total),
      }),
    );
    bar.stop();
    process.stdout.write(
      options.dryRun
        ? `dry run: ${result.imported} ${options.level}(s) are valid; nothing was written\n`
        : `imported ${result.imported} ${options.level}(s), replacing ${result.replaced}\n`,
    );
    return true;
  } catch (error) {
    bar.stop();
    if (error instanceof ImportRejectedError) {
      printReport(error.problems, parsed.features.length);
      return false;
    }
    throw error;
  }
}

export async function importComponentsFromFile(
  rt: Runtime,
  file: string,
  options: { crs: string; dryRun: boolean },
): Promise<boolean> {
  const crs = checkCrs(options.crs);
  let json: unknown;
  try {
    json = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new CliInputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseComponentImport(json, crs, `import of ${file}`);
  process.stdout.write(`read ${parsed.components.length} component(s) from ${file}; validating…\n`);
  const bar = progressBar('writing');
  try {
    const result = await withGeo(rt, (geo, tenantId) =>
      geo.importComponents(systemActor(tenantId), {
        ...parsed,
        dryRun: options.dryRun,
        onProgress: (d, t) => bar.update(d, t),
      }),
    );
    bar.stop();
    process.stdout.write(
      options.dryRun
        ? `dry run: ${result.imported} component(s) are valid\n`
        : `imported ${result.imported} component(s)\n`,
    );
    return true;
  } catch (error) {
    bar.stop();
    if (error instanceof ImportRejectedError) {
      printReport(error.problems, parsed.components.length + parsed.problems.length);
      return false;
    }
    throw error;
  }
}
