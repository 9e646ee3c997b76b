/**
 * Unit grids (单元网格) are thousands of small polygons: they are loaded only for the visible area once the
 * map is zoomed in to GRID_MIN_ZOOM, and not again while the view stays inside what was loaded.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { api, unwrap } from '../../../api/client';
import { GRID_MIN_ZOOM } from './layers';

type Bbox = [number, number, number, number];
const GRID_LIMIT = 2_000;

const inside = (inner: Bbox, outer: Bbox) =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

export function followGrids(map: MapLibreMap, crs: 'wgs84' | 'gcj02'): () => void {
  let loaded: Bbox | null = null;
  let pending: AbortController | null = null;
  const update = () => {
    if (map.getZoom() < GRID_MIN_ZOOM) return;
    const b = map.getBounds();
    const view: Bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    if (loaded && inside(view, loaded)) return;
    // Half a view of margin on each side: small pans need no new request.
    const dx = (view[2] - view[0]) / 2;
    const dy = (view[3] - view[1]) / 2;
    const want: Bbox = [view[0] - dx, view[1] - dy, view[2] + dx, view[3] + dy];
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    void api
      .GET('/api/geo/features', {
        params: {
          query: { level: 'grid', crs, limit: GRID_LIMIT, bbox: want.map((n) => n.toFixed(6)).join(',') },
        },
        signal: controller.signal,
      })
      .then((r) => {
        const data = unwrap(r) as FeatureCollection & { truncated: boolean };
        void map.getSource<GeoJSONSource>('region-grid')?.setData(data);
        // A cut-short answer covers only part of the box: ask again on the next move.
        loaded = data.truncated ? null : want;
      })
      .catch(() => {
        // aborted or failed: the next move tries again
      });
  };
  map.on('moveend', update);
  update();
  return () => {
    pending?.abort();
    map.off('moveend', update);
  };
}
