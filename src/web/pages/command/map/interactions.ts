/** Clicks on the case layers: a cluster zooms in to where it splits; a case opens a popup linking to it. */
import { Popup, type GeoJSONSource, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import { caseHref } from '../links';
import { CASES_SOURCE } from './layers';

export interface PopupText {
  /** the case's light, already translated */
  light(warning: number): string;
  openCase(caseNo: string): string;
}

/** Returns a function that removes the handlers. */
export function bindCaseInteractions(
  map: MapLibreMap,
  text: PopupText,
  navigate: (href: string) => void,
): () => void {
  const onCluster = (e: MapLayerMouseEvent) => {
    const feature = e.features?.[0];
    const id = feature?.properties.cluster_id as number | undefined;
    if (feature?.geometry.type !== 'Point' || id === undefined) return;
    const center = feature.geometry.coordinates as [number, number];
    void map
      .getSource<GeoJSONSource>(CASES_SOURCE)
      ?.getClusterExpansionZoom(id)
      .then((zoom) => map.easeTo({ center, zoom }));
  };
  const onCase = (e: MapLayerMouseEvent) => {
    const feature = e.features?.[0];
    if (feature?.geometry.type !== 'Point') return;
    const caseNo = String(feature.properties.n);
    const warning = Number(feature.properties.w);
    const body = document.createElement('div');
    const link = document.createElement('a');
    link.href = caseHref(caseNo);
    link.textContent = caseNo;
    link.title = text.openCase(caseNo);
    // An in-app link: the router changes page without reloading the map and the session.
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      navigate(caseHref(caseNo));
    });
    const light = document.createElement('div');
    light.textContent = text.light(warning);
    body.append(link, light);
    new Popup({ closeButton: true, maxWidth: '260px' })
      .setLngLat(feature.geometry.coordinates as [number, number])
      .setDOMContent(body)
      .addTo(map);
  };
  const pointer = () => (map.getCanvas().style.cursor = 'pointer');
  const plain = () => (map.getCanvas().style.cursor = '');
  map.on('click', 'case-clusters', onCluster);
  map.on('click', 'case-points', onCase);
  for (const layer of ['case-clusters', 'case-points']) {
    map.on('mouseenter', layer, pointer);
    map.on('mouseleave', layer, plain);
  }
  return () => {
    map.off('click', 'case-clusters', onCluster);
    map.off('click', 'case-points', onCase);
    for (const layer of ['case-clusters', 'case-points']) {
      map.off('mouseenter', layer, pointer);
      map.off('mouseleave', layer, plain);
    }
  };
}
