/** The map's data: the web config (optional online tiles), the district's regions and the live case points. */
import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { CaseColumns } from './map/case-points';
import { REGION_LEVELS, type MapTiles } from './map/layers';
import type { StaffPosition } from './map/staff-positions';

export type Regions = Record<(typeof REGION_LEVELS)[number], FeatureCollection>;

export interface MapSetup {
  tiles: MapTiles | null;
  regions: Regions | null;
}

const REGION_LIMIT = 5_000;

/** Tiles first (they decide the coordinate system), then the region layers in that system. */
export function useMapSetup(): MapSetup | null {
  const [setup, setSetup] = useState<MapSetup | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const tiles = await api
        .GET('/api/public/web-config')
        .then((r) => unwrap(r).mapTiles)
        .catch(() => null);
      const crs = tiles?.crs ?? 'wgs84';
      const load = (level: (typeof REGION_LEVELS)[number]) =>
        api
          .GET('/api/geo/features', { params: { query: { level, crs, limit: REGION_LIMIT } } })
          .then((r) => unwrap(r) as FeatureCollection);
      const regions = await Promise.all(REGION_LEVELS.map(load))
        .then(([district, street, community]) =>
          district && street && community ? { district, street, community } : null,
        )
        .catch(() => null);
      if (live) setSetup({ tiles, regions });
    })();
    return () => {
      live = false;
    };
  }, []);
  return setup;
}

/** The open cases as columns; loads again whenever `tick` changes (case events arrived). */
export function useCasePoints(tick: number): { points: CaseColumns | null; error: boolean } {
  const [points, setPoints] = useState<CaseColumns | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .GET('/api/cases/map')
      .then((r) => {
        if (!live) return;
        setPoints(unwrap(r));
        setError(false);
      })
      .catch(() => {
        if (live) setError(true);
      });
    return () => {
      live = false;
    };
  }, [tick]);
  return { points, error };
}

const POSITIONS_EVERY_MS = 60_000;

/**
 * Where the field staff last were (the inspector app reports about once a minute), refreshed every minute;
 * null for a viewer the server does not show positions to.
 */
export function useStaffPositions(): StaffPosition[] | null {
  const [items, setItems] = useState<StaffPosition[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api
        .GET('/api/org/positions', { params: { query: { maxAgeMinutes: 15 } } })
        .then((r) => live && setItems(unwrap(r).items))
        .catch(() => live && setItems(null));
    void load();
    const timer = setInterval(() => void load(), POSITIONS_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return items;
}

/** Code → name of the streets (for the live feed). */
export function streetNames(regions: Regions | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of regions?.street.features ?? []) {
    const p = f.properties as { code?: unknown; name?: unknown } | null;
    if (typeof p?.code === 'string' && typeof p.name === 'string') out.set(p.code, p.name);
  }
  return out;
}
