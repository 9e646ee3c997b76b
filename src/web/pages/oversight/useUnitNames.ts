/** Unit names by code (any staff may read the unit list), for filters and for showing codes as names. */
import { api, unwrap } from '../../api/client';
import { useLoad } from '../../app/useLoad';

export interface UnitNames {
  options: { value: string; label: string }[];
  name: (code: string | null | undefined) => string;
}

export function useUnitNames(): UnitNames {
  const units = useLoad(async () => unwrap(await api.GET('/api/org/units')).items, []);
  const items = units.data ?? [];
  const byCode = new Map(items.map((u) => [u.code, u.name]));
  return {
    options: items.filter((u) => u.active).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` })),
    name: (code) => (code ? (byCode.get(code) ?? code) : '—'),
  };
}
