/**
 * Who may see and handle cards. Roles decide the actions (routes declare them); the data scope decides the
 * cards, as for case lists: cards of cases in the viewer's regions or units, plus cards attributed to the
 * viewer. Leadership and machines without a staff record see the whole tenant.
 */
import type { Principal, Role } from '../../platform/auth/index.js';
import type { EventPredicate } from '../../platform/events/index.js';
import { inScope, type DataScope, type OrgService } from '../org/index.js';
import type { Card } from './types.js';

export const CARD_READERS: Role[] = [
  'admin',
  'monitor',
  'leader',
  'head',
  'shiftLead',
  'dispatcher',
  'handler',
];
/** 纠错: the unit or officer answers a card. */
export const CARD_RESPONDERS: Role[] = ['handler', 'head', 'shiftLead', 'dispatcher', 'admin'];
/** Review and close cards, keep accountability records. */
export const SUPERVISORS: Role[] = ['monitor', 'leader', 'admin'];
export const GRADING_READERS: Role[] = ['monitor', 'leader', 'head', 'admin'];

const TENANT_WIDE: readonly Role[] = ['admin', 'leader', 'head', 'monitor'];

export interface CardViewer {
  accountId: number;
  scope: DataScope;
}

export async function cardViewerOf(org: OrgService, principal: Principal): Promise<CardViewer> {
  const accountId = principal.account.id;
  const staff = await org.findStaff(principal.actor.tenantId, accountId);
  if (staff) return { accountId, scope: staff.scope };
  const wide = principal.account.roles.some((r) => TENANT_WIDE.includes(r));
  return { accountId, scope: { all: wide, regionCodes: [], unitCodes: [] } };
}

/** What decides whether a viewer sees a card: the card itself, or the facts every card event carries. */
export type CardScopeFacts = Pick<Card, 'officerAccountId' | 'caseId' | 'unitCode' | 'gridCode'>;

export function canSeeCard(viewer: CardViewer, card: CardScopeFacts): boolean {
  if (card.officerAccountId === viewer.accountId) return true;
  if (card.caseId === null && card.unitCode === null) return viewer.scope.all;
  return inScope(viewer.scope, { regionCode: card.gridCode, unitCode: card.unitCode });
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Which card events a viewer receives on the live stream (`GET /api/events/stream`): the events of the cards
 * they may see, decided from the scope facts each card event carries.
 */
export function cardEventsVisibleTo(viewer: {
  principal: Principal;
  scope: DataScope;
}): EventPredicate | null {
  if (!viewer.principal.account.roles.some((r) => CARD_READERS.includes(r))) return null;
  const cardViewer: CardViewer = { accountId: viewer.principal.account.id, scope: viewer.scope };
  return (event) =>
    canSeeCard(cardViewer, {
      officerAccountId:
        typeof event.payload.officerAccountId === 'number' ? event.payload.officerAccountId : null,
      caseId: text(event.payload.caseId),
      unitCode: text(event.payload.unitCode),
      gridCode: text(event.payload.gridCode),
    });
}
