/** The filters of the evaluation pages live in the URL query, so a view can be bookmarked and shared. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { defaultPeriod } from './period';

export const OBJECT_TYPES = [
  'unit',
  'street',
  'community',
  'grid',
  'district',
  'inspector',
  'operator',
  'dispatcher',
  'category',
  'channel',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export interface EvalQuery {
  objectType: ObjectType;
  period: string;
  scheme: string | undefined;
  sort: string | undefined;
  order: 'asc' | 'desc';
}

const isObjectType = (v: string | null): v is ObjectType => OBJECT_TYPES.includes(v as ObjectType);

export function useEvalQuery(): [EvalQuery, (patch: Partial<EvalQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const type = params.get('type');
  const query: EvalQuery = {
    objectType: isObjectType(type) ? type : 'unit',
    period: params.get('period') ?? defaultPeriod(),
    scheme: params.get('scheme') ?? undefined,
    sort: params.get('sort') ?? undefined,
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
  const update = useCallback(
    (patch: Partial<EvalQuery>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const keys: Record<keyof EvalQuery, string> = {
            objectType: 'type',
            period: 'period',
            scheme: 'scheme',
            sort: 'sort',
            order: 'order',
          };
          for (const [k, v] of Object.entries(patch) as [keyof EvalQuery, string | undefined][]) {
            if (v === undefined || v === '') next.delete(keys[k]);
            else next.set(keys[k], v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [query, update];
}

/** The query string the table endpoints take. */
export function apiQuery(q: EvalQuery, extra: Record<string, string> = {}): URLSearchParams {
  const p = new URLSearchParams({ objectType: q.objectType, period: q.period, ...extra });
  if (q.scheme) p.set('scheme', q.scheme);
  if (q.sort) p.set('sort', q.sort);
  if (q.order === 'asc') p.set('order', 'asc');
  return p;
}
