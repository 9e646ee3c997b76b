/**
 * Every staff member of the tenant as options for a picker (name, username and unit), so a person is chosen by
 * name rather than typed as an account id. Read page by page from `GET /api/org/staff`, which the supervisors
 * who record 问责 may read.
 */
import { api, unwrap } from '../../api/client';
import { useLoad } from '../../app/useLoad';

export interface StaffOption {
  value: number;
  label: string;
}

const PAGE = 500;

async function allStaff(): Promise<
  { accountId: number; displayName: string; username: string; unitCode: string }[]
> {
  const out: { accountId: number; displayName: string; username: string; unitCode: string }[] = [];
  let cursor: string | null = null;
  do {
    const query: { limit: number; cursor?: string } = cursor ? { limit: PAGE, cursor } : { limit: PAGE };
    const page = unwrap(await api.GET('/api/org/staff', { params: { query } }));
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export function useStaffOptions(unitName: (code: string) => string, enabled = true) {
  const staff = useLoad(allStaff, [], enabled);
  const options: StaffOption[] = (staff.data ?? []).map((s) => ({
    value: s.accountId,
    label: `${s.displayName}（${s.username} · ${unitName(s.unitCode)}）`,
  }));
  return { options, loading: staff.loading, error: staff.error };
}
