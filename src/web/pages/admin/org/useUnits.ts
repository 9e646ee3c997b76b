import { api, unwrap } from '../../../api/client';
import { useLoad } from '../../../app/useLoad';
import type { Unit } from './types';

export function useUnits() {
  return useLoad<Unit[]>(async () => unwrap(await api.GET('/api/org/units')).items, []);
}
