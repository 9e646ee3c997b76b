import { api, unwrap } from '../../api/client';
import { useLoad } from '../../app/useLoad';

export interface SchemeOption {
  code: string;
  name: string;
}

/** The scoring schemes a ranking can use: the shipped presets and the tenant's own codes. */
export function useSchemes() {
  return useLoad<SchemeOption[]>(async () => {
    const body = unwrap(await api.GET('/api/evaluation/schemes')) as {
      presets?: SchemeOption[];
      stored?: { code: string; definition?: { name?: string } }[];
    };
    const out = new Map<string, SchemeOption>();
    for (const p of body.presets ?? []) out.set(p.code, { code: p.code, name: p.name });
    for (const s of body.stored ?? []) out.set(s.code, { code: s.code, name: s.definition?.name ?? s.code });
    return [...out.values()];
  }, []);
}
