/** Display names of the accounts a response mentions (officers of cards, subjects of 问责, graded officers). */
import { principalOf } from '../../platform/auth/index.js';
import type { OrgService } from '../org/index.js';

export function namesFor(
  org: OrgService,
  request: Parameters<typeof principalOf>[0],
  ids: readonly (number | null)[],
): Promise<Map<number, string>> {
  return org.namesOf(
    principalOf(request).actor.tenantId,
    ids.filter((id): id is number => id !== null),
  );
}
