/**
 * Reference data the workbench shows next to codes: unit names, category names and standard rows, streets.
 * Loaded once per page load and shared (they change rarely; a reload picks up changes).
 */
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { TimeLimit } from './types';

export interface Unit {
  code: string;
  name: string;
  active: boolean;
  kind: string;
}

export interface Minor {
  kind: 'component' | 'event';
  majorCode: string;
  code: string;
  name: string;
}

export interface Standard {
  id: string;
  kind: 'component' | 'event';
  majorCode: string;
  minorCode: string;
  seq: number;
  filingCondition: string;
  timeLimit: TimeLimit;
  closingCondition: string;
}

export interface Reference {
  units: Map<string, Unit>;
  minors: Map<string, Minor>;
  standards: Standard[];
  streets: { code: string; name: string }[];
}

export const minorKey = (kind: string | null, major: string | null, minor: string | null): string =>
  `${kind ?? ''}:${major ?? ''}:${minor ?? ''}`;

let cache: Promise<Reference> | null = null;

async function load(): Promise<Reference> {
  const [units, taxonomy, regions] = await Promise.all([
    api.GET('/api/org/units').then(unwrap),
    api.GET('/api/taxonomy').then(unwrap),
    api.GET('/api/geo/regions').then(unwrap),
  ]);
  const minors = taxonomy.minors as Minor[];
  return {
    units: new Map(units.items.map((u) => [u.code, u])),
    minors: new Map(minors.map((m) => [minorKey(m.kind, m.majorCode, m.code), m])),
    standards: taxonomy.standards as Standard[],
    streets: regions.items.filter((r) => r.level === 'street').map((r) => ({ code: r.code, name: r.name })),
  };
}

export function loadReference(): Promise<Reference> {
  cache ??= load().catch((e: unknown) => {
    cache = null;
    throw e;
  });
  return cache;
}

/** The reference data, or null while it loads (pages show codes until then). */
export function useReference(): Reference | null {
  const [ref, setRef] = useState<Reference | null>(null);
  useEffect(() => {
    let live = true;
    loadReference()
      .then((r) => live && setRef(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return ref;
}

export function unitName(ref: Reference | null, code: string | null): string {
  if (!code) return '—';
  return ref?.units.get(code)?.name ?? code;
}

export function categoryName(
  ref: Reference | null,
  c: { categoryType: string | null; majorCode: string | null; minorCode: string | null },
): string {
  if (!c.minorCode) return '—';
  return (
    ref?.minors.get(minorKey(c.categoryType, c.majorCode, c.minorCode))?.name ??
    `${c.majorCode ?? ''}${c.minorCode}`
  );
}
