/** The card filters live in the URL query (bookmarkable, shareable); dates are district-local days. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { CardQuery } from '../types';
import { CARD_STATUSES, SEVERITIES } from '../types';

export interface CardFilters {
  status?: string;
  severity?: string;
  rule?: string;
  unit?: string;
  case?: string;
  officer?: string;
  from?: string;
  to?: string;
}
const KEYS = ['status', 'severity', 'rule', 'unit', 'case', 'officer', 'from', 'to'] as const;

export function useCardQuery(): [CardFilters, (patch: CardFilters) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters: CardFilters = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const update = useCallback(
    (patch: CardFilters) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return [filters, update, clear];
}

const TICKET = /^\d{6}-\d{8}-\d{5}$/;

// The district's zone (Asia/Shanghai) has no daylight saving, so a local day starts at +08:00 midnight.
const dayStart = (day: string) => `${day}T00:00:00+08:00`;
const dayEnd = (day: string) => `${day}T23:59:59.999+08:00`;

/** The API query for the filters; values the API would refuse are left out rather than sent. */
export function toApiQuery(f: CardFilters, cursor?: string): CardQuery {
  const q: CardQuery = { limit: 50 };
  if (f.status && (CARD_STATUSES as readonly string[]).includes(f.status)) {
    q.status = f.status as CardQuery['status'];
  }
  if (f.severity && (SEVERITIES as readonly string[]).includes(f.severity)) {
    q.severity = f.severity as CardQuery['severity'];
  }
  if (f.rule) q.ruleId = f.rule;
  if (f.unit) q.unitCode = f.unit;
  // People know the ticket number (案件编号); anything else is taken as the case id.
  if (f.case && TICKET.test(f.case)) q.caseNo = f.case;
  else if (f.case) q.caseId = f.case;
  if (f.officer && /^\d+$/.test(f.officer)) q.officerAccountId = Number(f.officer);
  if (f.from && /^\d{4}-\d{2}-\d{2}$/.test(f.from)) q.firedFrom = dayStart(f.from);
  if (f.to && /^\d{4}-\d{2}-\d{2}$/.test(f.to)) q.firedTo = dayEnd(f.to);
  if (cursor) q.cursor = cursor;
  return q;
}
