/**
 * The map to pick a report's location. MapLibre (and its CSS) is imported only here, on demand, so no other
 * page pays for it. Offline the map is a plain background with the district's street outlines from the API;
 * when the server configures an online base map (web-config), its tiles go underneath, in their own
 * coordinate system, and the outlines and the picked point use that system too.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap, Marker, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { Crs } from './types';

type MapTiles = { url: string; attribution: string; crs: Crs } | null;

interface Props {
  /** The picked point, in the map's coordinate system. */
  point: { lng: number; lat: number } | null;
  onPick: (lng: number, lat: number, crs: Crs) => void;
}

function bounds(fc: FeatureCollection): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as [number, number];
      b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
    } else {
      c.forEach(walk);
    }
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
  return b;
}

function styleOf(
  tiles: MapTiles,
  streets: FeatureCollection,
  district: FeatureCollection,
): StyleSpecification {
  return {
    version: 8,
    sources: {
      streets: { type: 'geojson', data: streets },
      district: { type: 'geojson', data: district },
      ...(tiles
        ? { base: { type: 'raster', tiles: [tiles.url], tileSize: 256, attribution: tiles.attribution } }
        : {}),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } },
      ...(tiles ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
      {
        id: 'street-fill',
        type: 'fill',
        source: 'streets',
        paint: { 'fill-color': '#d6e4f5', 'fill-opacity': tiles ? 0.12 : 0.7 },
      },
      {
        id: 'street-line',
        type: 'line',
        source: 'streets',
        paint: { 'line-color': '#4a74b5', 'line-width': 1 },
      },
      {
        id: 'district-line',
        type: 'line',
        source: 'district',
        paint: { 'line-color': '#0958d9', 'line-width': 3 },
      },
    ],
  };
}

export default function LocationPicker({ point, onPick }: Props) {
  const { t } = useTranslation('citizenReport');
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const marker = useRef<Marker | null>(null);
  const makeMarker = useRef<(() => Marker) | null>(null);
  const pick = useRef(onPick);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [offline, setOffline] = useState(true);

  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [lib, worker, config] = await Promise.all([
          import('maplibre-gl'),
          import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
          api.GET('/api/public/web-config').then(unwrap),
          import('maplibre-gl/dist/maplibre-gl.css'),
        ]);
        lib.setWorkerUrl(worker.default);
        const tiles = config.mapTiles;
        const crs: Crs = tiles?.crs ?? 'wgs84';
        const layer = (level: 'street' | 'district') =>
          api
            .GET('/api/geo/features', { params: { query: { level, crs, limit: 500 } } })
            .then((r) => unwrap(r) as unknown as FeatureCollection);
        const [streets, district] = await Promise.all([layer('street'), layer('district')]);
        if (cancelled || !container.current) return;
        const box = bounds(district) ?? bounds(streets);
        const m = new lib.Map({
          container: container.current,
          style: styleOf(tiles, streets, district),
          ...(box
            ? { bounds: box, fitBoundsOptions: { padding: 16 } }
            : { center: [120.17, 30.25], zoom: 11 }),
          attributionControl: tiles ? { compact: true } : false,
          locale: {
            'NavigationControl.ZoomIn': t('location.zoomIn'),
            'NavigationControl.ZoomOut': t('location.zoomOut'),
          },
        });
        m.addControl(new lib.NavigationControl({ showCompass: false }), 'top-right');
        m.on('click', (e) => pick.current(e.lngLat.lng, e.lngLat.lat, crs));
        m.on('load', () => !cancelled && setState('ready'));
        m.on('error', () => undefined);
        map.current = m;
        makeMarker.current = () => new lib.Marker({ color: '#d4380d' });
        setOffline(!tiles);
      } catch {
        if (!cancelled) setState('failed');
      }
    })();
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
    // Built once; the zoom buttons keep the language the page had when the map was made.
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || state !== 'ready') return;
    if (!point) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    marker.current ??= makeMarker.current?.() ?? null;
    marker.current?.setLngLat([point.lng, point.lat]).addTo(m);
    m.easeTo({ center: [point.lng, point.lat], zoom: Math.max(m.getZoom(), 14) });
  }, [point, state]);

  return (
    <div className="cz-map-wrap">
      <div
        ref={container}
        className="cz-map"
        role="application"
        aria-label={t('location.mapLabel')}
        data-testid="report-map"
        data-state={state}
      />
      {state === 'loading' && <div className="cz-map-note">{t('location.mapLoading')}</div>}
      {state === 'failed' && (
        <div className="cz-map-note" role="status">
          {t('location.mapFailed')}
        </div>
      )}
      {state === 'ready' && offline && <div className="cz-map-caption">{t('location.offlineBase')}</div>}
    </div>
  );
}
