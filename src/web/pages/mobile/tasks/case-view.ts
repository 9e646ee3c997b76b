/** The fields of the staff case view (presenters.ts) the inspector's task pages read. */
import type { paths } from '../../../api/client';

type ListItem = paths['/api/cases']['get']['responses'][200]['content']['application/json']['items'][number];

export type CaseView = ListItem & {
  description?: string;
  address?: string | null;
  photos?: string[];
  reportedAt?: string;
  location?: { type: 'Point'; coordinates: [number, number]; crs: 'wgs84' };
};

export const TASK_STAGES = ['verifying', 'handled'] as const;

export function pointOf(c: CaseView): [number, number] | null {
  const p = c.location?.coordinates;
  return Array.isArray(p) && p.length === 2 ? p : null;
}
