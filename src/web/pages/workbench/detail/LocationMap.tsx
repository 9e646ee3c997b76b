/**
 * A small map of the case's place: its grid's outline (when the geography has it) and a circle at the point,
 * on a plain background (no tiles, works offline). Loaded lazily: MapLibre is only fetched when this renders.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Map as MapLibre, setWorkerUrl } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Feature } from 'geojson';

// MapLibre's ESM build needs to be told where its worker module was bundled.
setWorkerUrl(workerUrl);

interface Props {
  lng: number;
  lat: number;
  gridCode: string | null;
}

export default function LocationMap({ lng, lat, gridCode }: Props) {
  const { t } = useTranslation('workbench');
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!box.current) return;
    const map = new MapLibre({
      container: box.current,
      style: {
        version: 8,
        sources: {},
        layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } }],
      },
      center: [lng, lat],
      zoom: 15,
      attributionControl: false,
    });
    map.on('load', () => {
      map.addSource('case', {
        type: 'geojson',
        data: { type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: {} },
      });
      map.addLayer({
        id: 'case',
        type: 'circle',
        source: 'case',
        paint: {
          'circle-radius': 8,
          'circle-color': '#d4380d',
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 2,
        },
      });
      map.once('idle', () => setReady(true));
      if (!gridCode) return;
      void api
        .GET('/api/geo/regions/{code}', { params: { path: { code: gridCode }, query: { crs: 'wgs84' } } })
        .then(({ data }) => {
          if (!data || !map.getStyle()) return;
          map.addSource('grid', { type: 'geojson', data: data as Feature });
          map.addLayer(
            { id: 'grid', type: 'line', source: 'grid', paint: { 'line-color': '#1d4ed8', 'line-width': 2 } },
            'case',
          );
        });
    });
    return () => map.remove();
  }, [lng, lat, gridCode]);
  return (
    <div
      ref={box}
      role="img"
      aria-label={t('detail.mapLabel')}
      data-testid="case-map"
      data-ready={ready}
      style={{ height: 240, borderRadius: 6 }}
    />
  );
}
