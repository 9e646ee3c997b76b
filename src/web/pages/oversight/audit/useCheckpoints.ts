/** The tenant's latest signed checkpoints, newest first (the staff list; the public one pages oldest first). */
import { api, unwrap } from '../../../api/client';
import { useLoad } from '../../../app/useLoad';

const SHOWN = 200;

export function useCheckpoints(round: number) {
  return useLoad(
    async () =>
      unwrap(await api.GET('/api/audit/checkpoints', { params: { query: { limit: SHOWN } } })).items,
    [round],
  );
}
