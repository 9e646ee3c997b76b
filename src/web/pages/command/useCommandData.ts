/** Everything the command center shows, loaded once for both its console and big-screen layouts. */
import { useMemo } from 'react';
import type { StreamEvent } from '../../api/events';
import { countByLight, type CaseColumns, type Light } from './map/case-points';
import { useKpiData, type KpiData } from './useKpiData';
import { useLiveCases } from './useLiveCases';
import type { StaffPosition } from './map/staff-positions';
import { streetNames, useCasePoints, useMapSetup, useStaffPositions, type MapSetup } from './useMapData';

export interface CommandData {
  setup: MapSetup | null;
  points: CaseColumns | null;
  staff: StaffPosition[] | null;
  lights: Record<Light, number> | null;
  events: StreamEvent[];
  kpis: KpiData | null;
  streets: Map<string, string>;
  units: Map<string, string>;
}

export function useCommandData(): CommandData {
  const setup = useMapSetup();
  const { events, tick } = useLiveCases();
  const { points } = useCasePoints(tick);
  const staff = useStaffPositions();
  const kpis = useKpiData(tick);
  const lights = useMemo(() => (points ? countByLight(points.warning) : null), [points]);
  const streets = useMemo(() => streetNames(setup?.regions ?? null), [setup]);
  const units = useMemo(
    () => new Map((kpis?.unitRanking ?? []).flatMap((u) => (u.name ? [[u.code, u.name] as const] : []))),
    [kpis],
  );
  return { setup, points, staff, lights, events, kpis, streets, units };
}
