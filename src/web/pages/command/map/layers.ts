/**
 * The map's style and layers: an offline background (or the configured raster tiles), the district's regions
 * from the API, and the case points clustered on the GPU side of MapLibre. Pure data, unit-tested.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { STAFF_SOURCE, staffLayers } from './staff-positions.js';
import type { FeatureCollection } from 'geojson';
import { LIGHT_COLORS } from './case-points.js';

export interface MapTiles {
  url: string;
  crs: 'wgs84' | 'gcj02';
  attribution: string;
}

export const REGION_LEVELS = ['district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number] | 'grid';
/** Unit grids are many and small: only loaded for the view when zoomed in this far. */
export const GRID_MIN_ZOOM = 15;
export const CASES_SOURCE = 'cases';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export interface Palette {
  background: string;
  district: string;
  street: string;
  streetFill: string;
  community: string;
  grid: string;
  label: string;
  labelHalo: string;
}

export const LIGHT_PALETTE: Palette = {
  background: '#eef2f6',
  district: '#1d39c4',
  street: '#597ef7',
  streetFill: 'rgba(89, 126, 247, 0.06)',
  community: '#9aa5b1',
  grid: '#b37feb',
  label: '#1f2933',
  labelHalo: '#ffffff',
};

export const DARK_PALETTE: Palette = {
  background: '#0b1526',
  district: '#40a9ff',
  street: '#2f6fb5',
  streetFill: 'rgba(64, 169, 255, 0.08)',
  community: '#33506f',
  grid: '#6b4fa3',
  label: '#e6f4ff',
  labelHalo: '#0b1526',
};

/**
 * The base style. Without tiles the map is a plain colour and works offline. Online tiles in gcj02 (AMap,
 * Tencent) are offset from wgs84 by up to ~500 m in China, so when the tiles are gcj02 every feature and case
 * point is drawn in gcj02 too (the API converts regions; case points are converted in the browser); the
 * residual error of the conversion is a few metres.
 */
export function baseStyle(tiles: MapTiles | null, palette: Palette): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': palette.background } },
  ];
  if (tiles) {
    sources.base = { type: 'raster', tiles: [tiles.url], tileSize: 256, attribution: tiles.attribution };
    layers.push({ id: 'base', type: 'raster', source: 'base' });
  }
  for (const level of [...REGION_LEVELS, 'grid'] as const) {
    sources[`region-${level}`] = { type: 'geojson', data: empty() };
  }
  sources[CASES_SOURCE] = casesSource();
  sources[STAFF_SOURCE] = { type: 'geojson', data: empty() };
  layers.push(...regionLayers(palette), ...staffLayers(palette.labelHalo), ...caseLayers(palette));
  return { version: 8, sources, layers };
}

function regionLayers(p: Palette): LayerSpecification[] {
  return [
    {
      id: 'street-fill',
      type: 'fill',
      source: 'region-street',
      paint: { 'fill-color': p.streetFill, 'fill-outline-color': p.street },
    },
    {
      id: 'grid-line',
      type: 'line',
      source: 'region-grid',
      minzoom: GRID_MIN_ZOOM,
      paint: { 'line-color': p.grid, 'line-width': 0.8, 'line-dasharray': [2, 2] },
    },
    {
      id: 'community-line',
      type: 'line',
      source: 'region-community',
      minzoom: 12,
      paint: { 'line-color': p.community, 'line-width': 0.8 },
    },
    {
      id: 'street-line',
      type: 'line',
      source: 'region-street',
      paint: { 'line-color': p.street, 'line-width': 1.4 },
    },
    {
      id: 'district-line',
      type: 'line',
      source: 'region-district',
      paint: { 'line-color': p.district, 'line-width': 3 },
    },
    {
      id: 'street-label',
      type: 'symbol',
      source: 'region-street',
      maxzoom: 15,
      layout: { 'text-field': ['get', 'name'], 'text-size': 13 },
      paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}

const isLevel = (level: number): ExpressionSpecification => ['case', ['==', ['get', 'w'], level], 1, 0];

/** Clustered in MapLibre's worker; each cluster sums its red, yellow and prompt cases to show its worst light. */
export function casesSource(): SourceSpecification {
  return {
    type: 'geojson',
    data: empty(),
    cluster: true,
    clusterRadius: 50,
    clusterMaxZoom: 14,
    clusterProperties: {
      red: ['+', isLevel(3)],
      yellow: ['+', isLevel(2)],
      prompt: ['+', isLevel(1)],
    },
  };
}

/** A cluster's colour: its worst light. */
export function clusterColor(): ExpressionSpecification {
  return [
    'case',
    ['>', ['get', 'red'], 0],
    LIGHT_COLORS.red,
    ['>', ['get', 'yellow'], 0],
    LIGHT_COLORS.yellow,
    ['>', ['get', 'prompt'], 0],
    LIGHT_COLORS.prompt,
    LIGHT_COLORS.normal,
  ];
}

export function pointColor(): ExpressionSpecification {
  return [
    'match',
    ['get', 'w'],
    3,
    LIGHT_COLORS.red,
    2,
    LIGHT_COLORS.yellow,
    1,
    LIGHT_COLORS.prompt,
    LIGHT_COLORS.normal,
  ];
}

function caseLayers(p: Palette): LayerSpecification[] {
  return [
    {
      id: 'case-clusters',
      type: 'circle',
      source: CASES_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': clusterColor(),
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 100, 24, 1000, 30, 10000, 38],
        'circle-stroke-color': p.labelHalo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'case-cluster-count',
      type: 'symbol',
      source: CASES_SOURCE,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-size': 13,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: 'case-points',
      type: 'circle',
      source: CASES_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': pointColor(),
        'circle-radius': 6,
        'circle-stroke-color': p.labelHalo,
        'circle-stroke-width': 1.5,
      },
    },
  ];
}
