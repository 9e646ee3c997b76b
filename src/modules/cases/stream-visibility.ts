/**
 * Which case events a viewer receives on the live event stream (`GET /api/events/stream`): those of cases in
 * their data scope — decided from the scope facts every case event carries (grid, unit), so no lookup per event.
 */
import type { EventPredicate } from '../../platform/events/index.js';
import { inScope } from '../org/index.js';
import { CASE_READERS, type Viewer } from './policies.js';

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function caseEventsVisibleTo(viewer: Viewer): EventPredicate | null {
  if (!viewer.principal.account.roles.some((r) => CASE_READERS.includes(r))) return null;
  const scope = viewer.scope;
  return (event) =>
    inScope(scope, { regionCode: text(event.payload.gridCode), unitCode: text(event.payload.unitCode) });
}
