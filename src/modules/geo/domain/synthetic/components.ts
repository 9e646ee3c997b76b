/**
 * Synthetic components (部件): points spread uniformly over the district's grids, each with a 16-digit
 * ID (6-digit district + 2-digit major + 2-digit minor category + 6-digit serial, CJ/T 214 layout;
 * urban-management.md §6.2), its category, owner and maintainer unit codes, and the unit grid it lies
 * in (found with the geocoder, so it agrees with how cases will be geocoded).
 *
 * The category list is a parameter: the taxonomy is owned elsewhere. Each category draws from its own
 * random stream, so changing one category's count leaves every other category's points unchanged.
 * Positions are rounded (7 decimals ≈ 1 cm) before they are located, so the stored point and its grid
 * always agree.
 */
import type { GridGeocoder } from '../geocoder.js';
import type { Bbox } from '../types.js';
import { createRandom } from './prng.js';
import type { ComponentRecord } from './records.js';
import { SYNTHETIC_SOURCE } from './records.js';

export interface ComponentCategory {
  /** 2 digits, e.g. '01' 公用设施. */
  majorCode: string;
  /** 2 digits, e.g. '01' 上水井盖. */
  minorCode: string;
  name: string;
  /** How many to generate (at most 999,999: the serial has 6 digits). */
  count: number;
  ownerUnitCode?: string;
  maintainerUnitCode?: string;
}

export interface ComponentGenerationOptions {
  /** 6-digit district code, the ID's prefix. */
  districtCode: string;
  categories: readonly ComponentCategory[];
  /** Geocoder over the district's unit grids; points outside every grid are redrawn. */
  geocoder: GridGeocoder;
  /** Default owner / maintainer unit codes for categories that do not name their own. */
  ownerUnitCode: string;
  maintainerUnitCode: string;
  seed?: string | number;
  /** Sampling box; defaults to the box around the grids. */
  bounds?: Bbox;
  /** Decimal places of the stored coordinates (default 7). */
  coordinateDecimals?: number;
}

const MAX_SERIAL = 999_999;

function checkDigits(value: string, digits: number, what: string): void {
  if (!new RegExp(`^\\d{${digits}}$`).test(value)) {
    throw new Error(`${what} "${value}" is not ${digits} digits`);
  }
}

export function generateComponents(options: ComponentGenerationOptions): ComponentRecord[] {
  const { districtCode, categories, geocoder } = options;
  checkDigits(districtCode, 6, 'district code');
  const bounds = options.bounds ?? geocoder.bounds();
  if (bounds === null) throw new Error('the geocoder has no grids to place components in');
  const scale = 10 ** (options.coordinateDecimals ?? 7);
  const root = createRandom(options.seed ?? 'chengzhi-demo-components-v1');
  const seen = new Set<string>();
  const out: ComponentRecord[] = [];
  for (const category of categories) {
    checkDigits(category.majorCode, 2, 'major category code');
    checkDigits(category.minorCode, 2, 'minor category code');
    const categoryCode = category.majorCode + category.minorCode;
    if (seen.has(categoryCode)) throw new Error(`category ${categoryCode} is listed twice`);
    seen.add(categoryCode);
    if (!Number.isInteger(category.count) || category.count < 0 || category.count > MAX_SERIAL) {
      throw new RangeError(`category ${categoryCode}: count ${category.count} is outside 0–${MAX_SERIAL}`);
    }
    const random = root.fork(categoryCode);
    const ownerUnitCode = category.ownerUnitCode ?? options.ownerUnitCode;
    const maintainerUnitCode = category.maintainerUnitCode ?? options.maintainerUnitCode;
    for (let serial = 1; serial <= category.count; serial++) {
      let lng = 0;
      let lat = 0;
      let index = -1;
      for (let attempt = 0; index < 0; attempt++) {
        if (attempt > 100_000) throw new Error('no grid found inside the sampling box');
        lng = Math.round(random.range(bounds[0], bounds[2]) * scale) / scale;
        lat = Math.round(random.range(bounds[1], bounds[3]) * scale) / scale;
        index = geocoder.locate(lng, lat);
      }
      const grid = geocoder.gridAt(index);
      if (!grid) throw new Error(`geocoder returned unknown grid ${index}`);
      out.push({
        id: districtCode + categoryCode + String(serial).padStart(6, '0'),
        categoryCode,
        majorCode: category.majorCode,
        minorCode: category.minorCode,
        name: category.name,
        location: { type: 'Point', coordinates: [lng, lat] },
        gridCode: grid.code,
        communityCode: grid.communityCode,
        streetCode: grid.streetCode,
        districtCode,
        ownerUnitCode,
        maintainerUnitCode,
        synthetic: true,
        source: SYNTHETIC_SOURCE,
      });
    }
  }
  return out;
}
