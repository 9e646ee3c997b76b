import { convertPosition, type Crs } from './crs.js';
import type { ValidationProblem } from './validation-types.js';

/** A component read from an import file, in WGS-84, before it is placed in a grid. */
export interface ParsedComponent {
  id: string;
  majorCode: string;
  minorCode: string;
  name: string;
  lng: number;
  lat: number;
  ownerUnit: string | null;
  maintainerUnit: string | null;
  status: string;
  synthetic: boolean;
  source: string | null;
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== ''
    ? v.trim()
    : typeof v === 'number' && Number.isFinite(v)
      ? String(v)
      : null;

/**
 * Components come as GeoJSON points with properties `id` (16 digits), `name`, and optionally `ownerUnit`,
 * `maintainerUnit`, `status`. The category is read from the id (digits 7–10), so the two cannot disagree.
 */
export function parseComponentImport(
  input: unknown,
  crs: Crs,
  source: string,
): { components: ParsedComponent[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const features =
    typeof input === 'object' && input !== null && (input as { type?: unknown }).type === 'FeatureCollection'
      ? (input as { features?: unknown }).features
      : null;
  if (!Array.isArray(features)) {
    return {
      components: [],
      problems: [
        {
          featureIndex: -1,
          problem: 'INVALID_GEOMETRY',
          message: 'expected a GeoJSON FeatureCollection of points',
        },
      ],
    };
  }
  const components: ParsedComponent[] = [];
  const seen = new Set<string>();
  features.forEach((feature: unknown, featureIndex) => {
    const f = (feature ?? {}) as {
      properties?: Record<string, unknown>;
      geometry?: { type?: unknown; coordinates?: unknown };
    };
    const props = f.properties ?? {};
    const id = text(props.id);
    const code = id ?? undefined;
    const coords = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    if (!id || !/^\d{16}$/.test(id)) {
      problems.push({
        featureIndex,
        code,
        problem: 'BAD_CODE',
        message: 'id must have 16 digits (6 district + 2 major + 2 minor + 6 serial)',
      });
      return;
    }
    if (seen.has(id)) {
      problems.push({
        featureIndex,
        code,
        problem: 'DUPLICATE_CODE',
        message: `component ${id} appears twice`,
      });
    }
    seen.add(id);
    if (
      !Array.isArray(coords) ||
      coords.length < 2 ||
      !coords.slice(0, 2).every((c) => typeof c === 'number' && Number.isFinite(c))
    ) {
      problems.push({
        featureIndex,
        code,
        problem: 'INVALID_GEOMETRY',
        message: 'a component is a Point with numeric coordinates',
      });
      return;
    }
    const name = text(props.name);
    if (!name) {
      problems.push({ featureIndex, code, problem: 'MISSING_NAME', message: 'a component needs a name' });
      return;
    }
    const [lng, lat] = convertPosition([coords[0] as number, coords[1] as number], crs, 'wgs84');
    components.push({
      id,
      majorCode: id.slice(6, 8),
      minorCode: id.slice(8, 10),
      name,
      lng,
      lat,
      ownerUnit: text(props.ownerUnit),
      maintainerUnit: text(props.maintainerUnit),
      status: text(props.status) ?? 'in_service',
      synthetic: props.synthetic === true,
      source,
    });
  });
  return { components, problems };
}
