/**
 * The district map (lazy chunk: MapLibre is ~250 KB gzipped). Regions from the API, live cases as clustered
 * WebGL circles. For tests and tooling the container dispatches two DOM events (bubbling, no globals):
 * `cz-map-ready` with the MapLibre instance as `detail`, and `cz-points-rendered` with `{ count, ms }` once
 * the map is idle after new points (ms: from handing the points to the map until drawn).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Alert } from 'antd';
import type { FeatureCollection } from 'geojson';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { bboxOf, columnsToGeoJSON, lightOf, type CaseColumns, type Project } from './case-points';
import { followGrids } from './grids';
import { positionsToGeoJSON, STAFF_SOURCE, type StaffPosition } from './staff-positions';
import { bindCaseInteractions } from './interactions';
import { baseStyle, CASES_SOURCE, DARK_PALETTE, LIGHT_PALETTE, REGION_LEVELS, type MapTiles } from './layers';
import type { Regions } from '../useMapData';

setWorkerUrl(workerUrl);

export interface CaseMapProps {
  tiles: MapTiles | null;
  regions: Regions | null;
  points: CaseColumns | null;
  staff?: readonly StaffPosition[] | null;
  dark?: boolean;
}

/** wgs84 → gcj02 for points drawn over gcj02 tiles; gcoord only loads when such tiles are configured. */
async function projectionFor(tiles: MapTiles | null): Promise<Project | undefined> {
  if (tiles?.crs !== 'gcj02') return undefined;
  const gcoord = (await import('gcoord')).default;
  return (lng, lat) => gcoord.transform<[number, number]>([lng, lat], gcoord.WGS84, gcoord.GCJ02);
}

export default function CaseMap({ tiles, regions, points, staff = null, dark = false }: CaseMapProps) {
  const { t } = useTranslation(['command', 'common']);
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const bounds = bboxOf(regions?.district.features.map((f) => f.geometry) ?? []);
    let instance: MapLibreMap;
    try {
      instance = new MapLibreMap({
        container: el,
        style: baseStyle(tiles, dark ? DARK_PALETTE : LIGHT_PALETTE),
        ...(bounds ? { bounds, fitBoundsOptions: { padding: 24 } } : { center: [105, 35], zoom: 3 }),
        attributionControl: tiles ? { compact: true } : false,
        dragRotate: false,
        locale: {
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
          'NavigationControl.ResetBearing': t('map.resetBearing'),
          'Map.Title': t('map.label'),
        },
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    instance.getCanvas().setAttribute('aria-label', t('map.label'));
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.addControl(new ScaleControl({}), 'bottom-left');
    instance.on('error', (e) => console.warn('map:', e.error.message));
    const unbind = bindCaseInteractions(
      instance,
      {
        light: (w) => t(`legend.${lightOf(w)}`),
        openCase: (caseNo) => t('map.openCase', { caseNo }),
      },
      (href) => void navigate(href),
    );
    let unfollow = () => {};
    instance.on('load', () => {
      unfollow = followGrids(instance, tiles?.crs ?? 'wgs84');
      setMap(instance);
      el.dispatchEvent(new CustomEvent('cz-map-ready', { detail: instance, bubbles: true }));
    });
    return () => {
      unbind();
      unfollow();
      setMap(null);
      instance.remove();
    };
    // Built once per page (tiles and theme do not change while it is open); a language switch relabels the
    // controls on the next visit.
  }, [tiles, dark]);

  useEffect(() => {
    if (!map || !regions) return;
    for (const level of REGION_LEVELS) {
      void map.getSource<GeoJSONSource>(`region-${level}`)?.setData(regions[level]);
    }
  }, [map, regions]);

  useEffect(() => {
    if (!map || !points) return;
    let live = true;
    void projectionFor(tiles).then((project) => {
      if (!live) return;
      const data: FeatureCollection = columnsToGeoJSON(points, project);
      const started = performance.now();
      void map.getSource<GeoJSONSource>(CASES_SOURCE)?.setData(data);
      void map.once('idle', () => {
        const el = container.current;
        if (!live || !el) return;
        el.dataset.points = String(data.features.length);
        const detail = { count: data.features.length, ms: Math.round(performance.now() - started) };
        el.dispatchEvent(new CustomEvent('cz-points-rendered', { detail, bubbles: true }));
      });
    });
    return () => {
      live = false;
    };
  }, [map, points, tiles]);

  useEffect(() => {
    if (!map || !staff) return;
    let live = true;
    void projectionFor(tiles).then((project) => {
      if (live) void map.getSource<GeoJSONSource>(STAFF_SOURCE)?.setData(positionsToGeoJSON(staff, project));
    });
    return () => {
      live = false;
    };
  }, [map, staff, tiles]);

  return (
    <div style={{ position: 'absolute', inset: 0 }}>
      <div ref={container} data-testid="case-map" style={{ position: 'absolute', inset: 0 }} />
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ position: 'absolute', top: 12, left: 12, right: 12 }}
          title={t('map.failed', { reason: error })}
        />
      )}
    </div>
  );
}
