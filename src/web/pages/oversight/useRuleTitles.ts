/** The rule filter's choices; only supervisors may read the rules, others filter by rule id. */
import { api, unwrap } from '../../api/client';
import { localized } from './localized';
import { useSession } from '../../app/session';
import { SUPERVISORS } from './access';
import { useLoad } from '../../app/useLoad';

export function useRuleTitles(): { options: { value: string; label: string }[] } {
  const { hasRole } = useSession();
  const allowed = hasRole(...SUPERVISORS);
  const rules = useLoad(async () => unwrap(await api.GET('/api/supervision/rules')).items, [], allowed);
  return { options: (rules.data ?? []).map((r) => ({ value: r.id, label: localized(r.title) })) };
}
