/** Field staff positions (GET /api/org/positions) as a map layer: where the inspectors last were. */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Project } from './case-points.js';

export const STAFF_SOURCE = 'staff';
export const STAFF_COLOR = '#0958d9';

export interface StaffPosition {
  accountId: number;
  displayName: string;
  lng: number;
  lat: number;
  reportedAt: string;
}

export function positionsToGeoJSON(items: readonly StaffPosition[], project?: Project): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: items.map((p) => ({
      type: 'Feature',
      id: p.accountId,
      geometry: { type: 'Point', coordinates: project ? project(p.lng, p.lat) : [p.lng, p.lat] },
      properties: { name: p.displayName, at: p.reportedAt },
    })),
  };
}

/** Blue dots (the lights use green to red) with the person's name beside them from street level. */
export function staffLayers(halo: string): LayerSpecification[] {
  return [
    {
      id: 'staff-points',
      type: 'circle',
      source: STAFF_SOURCE,
      paint: {
        'circle-color': STAFF_COLOR,
        'circle-radius': 5,
        'circle-stroke-color': halo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'staff-labels',
      type: 'symbol',
      source: STAFF_SOURCE,
      minzoom: 14,
      layout: {
        'text-field': ['get', 'name'],
        'text-size': 12,
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
      },
      paint: { 'text-color': STAFF_COLOR, 'text-halo-color': halo, 'text-halo-width': 1.5 },
    },
  ];
}
