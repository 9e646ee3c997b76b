// shpjs 6 ships no typings; this declares the part of its API the geo module uses (lib/index.js).
declare module 'shpjs' {
  export interface ShpFeature {
    type: 'Feature';
    geometry: unknown;
    properties: Record<string, unknown>;
  }
  export interface ShpFeatureCollection {
    type: 'FeatureCollection';
    features: ShpFeature[];
    /** The layer's file name inside the zip, without extension. */
    fileName?: string;
  }
  /**
   * Parses a zipped shapefile (.shp + .dbf, optional .prj and .cpg). With a .prj, coordinates are
   * reprojected to WGS-84 longitude/latitude with proj4. One layer gives one collection, several an array.
   */
  export function parseZip(
    buffer: ArrayBuffer | ArrayBufferView,
    whiteList?: string[],
  ): Promise<ShpFeatureCollection | ShpFeatureCollection[]>;
  const getShapefile: (
    base: ArrayBuffer | ArrayBufferView,
  ) => Promise<ShpFeatureCollection | ShpFeatureCollection[]>;
  export default getShapefile;
}
