/** Shapes the report pages share (the generated API types leave some public answers as `unknown`). */
import type { paths } from '../../../api/client';

export type Crs = 'wgs84' | 'gcj02';
export type LocatedPlace = Omit<
  paths['/api/geo/locate']['get']['responses'][200]['content']['application/json'],
  'position'
>;
export type ReportBody = paths['/api/public/reports']['post']['requestBody']['content']['application/json'];
export type ReportReceipt =
  paths['/api/public/reports']['post']['responses'][201]['content']['application/json'];
export type CategoryType = 'component' | 'event';

/** The point the citizen chose and what the server located it to. */
export interface PickedLocation {
  lng: number;
  lat: number;
  crs: Crs;
  place: LocatedPlace | null;
  /** The server placed the point outside every grid of the district (404 OUTSIDE_GRIDS). */
  outside: boolean;
}

/** An open case near the point, as GET /api/public/cases/nearby presents it (presentNearby). */
export interface NearbyCase {
  caseNo: string;
  stageName: string;
  categoryType: CategoryType | null;
  majorCode: string | null;
  minorCode: string | null;
  description: string;
  distanceM: number;
  reportedAt: string;
  supporters: number;
  photo: string | null;
}

export interface ReportFormValues {
  location?: PickedLocation;
  category?: [CategoryType, string, string];
  description?: string;
  photos?: string[];
  name?: string;
  phone?: string;
}
