/** Rankings or the indicator table for the filters in the URL. */
import { api, unwrap } from '../../api/client';
import type { TableAnswer } from './types';
import type { EvalQuery } from './useEvalQuery';
import { useLoad } from '../../app/useLoad';

export function useEvalTable(kind: 'rankings' | 'indicators', q: EvalQuery) {
  return useLoad<TableAnswer>(async () => {
    const query = {
      objectType: q.objectType,
      period: q.period,
      ...(q.scheme ? { scheme: q.scheme } : {}),
      ...(q.sort ? { sort: q.sort } : {}),
      ...(q.order === 'asc' ? { order: 'asc' as const } : {}),
    };
    const res =
      kind === 'rankings'
        ? await api.GET('/api/evaluation/rankings', { params: { query } })
        : await api.GET('/api/evaluation/indicators', { params: { query } });
    return unwrap(res);
  }, [kind, q.objectType, q.period, q.scheme, q.sort, q.order]);
}
