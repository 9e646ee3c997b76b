/**
 * Publishing a power-list version inside a transaction: the effective date checked against the newest
 * version and today, the list validated against the org units, the diff taken, the version stored and its
 * event appended. Both ways of publishing (a whole list, the draft) end here (commands.ts).
 */
import type { Actor } from '../../platform/actor.js';
import type { Tx } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { diffPowerLists, isEmptyDiff, sortItems, type PowerListDiff } from './domain/diff.js';
import { publishDateProblem } from './domain/in-force.js';
import type { PowerList, PowerListVersion } from './domain/types.js';
import { validatePowerList, type ListIssue, type UnitFacts } from './domain/validate.js';
import * as store from './store.js';

export const POWER_LIST_STREAM = 'powerList';

/** What changed between two versions, by item code, as the events record it. */
export const changeSummary = (diff: PowerListDiff) => ({
  added: diff.added.map((i) => i.code),
  removed: diff.removed.map((i) => i.code),
  changed: diff.changed.map((c) => ({ code: c.code, fields: c.changes.map((x) => x.field) })),
  caseLoopItemCode: diff.caseLoopItemCode,
});

/** A list that does not validate: 400 for a malformed edit, 422 for a list that cannot be published. */
export function listInvalid(status: 400 | 422, issues: ListIssue[]): AppError {
  const first = issues[0];
  const message = `${first?.field ?? 'item'}: ${first?.message ?? 'invalid'}${issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : ''}`;
  return new AppError(status, status === 400 ? 'VALIDATION_FAILED' : 'POWER_LIST_INVALID', message, {
    field: first?.field ?? 'items',
    details: { issues: issues.slice(0, 200) },
    ...(status === 400 ? { params: { field: first?.field ?? 'items' } } : {}),
  });
}

/** Checks and stores a new version inside the caller's transaction; returns it with its diff. */
export async function publishVersion(
  tx: Tx,
  actor: Actor,
  input: { list: PowerList; note: string; effectiveFrom: string },
  units: Map<string, UnitFacts>,
  day: string,
  now: Date,
): Promise<{ version: PowerListVersion; diff: PowerListDiff }> {
  const latest = await store.readLatest(tx, actor.tenantId);
  const dateProblem = publishDateProblem(latest, input.effectiveFrom, day);
  if (dateProblem) {
    throw new AppError(
      dateProblem.code === 'INVALID_DATE' ? 400 : 422,
      dateProblem.code,
      dateProblem.message,
      {
        field: 'effectiveFrom',
        details: {
          today: day,
          latestVersion: latest?.version ?? null,
          latestEffectiveFrom: latest?.effectiveFrom ?? null,
        },
      },
    );
  }
  const list: PowerList = {
    items: sortItems(input.list.items),
    caseLoopItemCode: input.list.caseLoopItemCode,
  };
  const issues = validatePowerList(list, units);
  if (issues.length > 0) throw listInvalid(422, issues);
  const diff = diffPowerLists(latest ?? { items: [], caseLoopItemCode: null }, list);
  if (latest && isEmptyDiff(diff)) {
    throw errors.conflict('NO_CHANGES', `the list is identical to version ${latest.version}`);
  }
  const version: PowerListVersion = {
    version: (latest?.version ?? 0) + 1,
    effectiveFrom: input.effectiveFrom,
    note: input.note,
    publishedAt: now.toISOString(),
    ...list,
  };
  diff.fromVersion = latest?.version ?? null;
  diff.toVersion = version.version;
  await store.insertVersion(tx, actor.tenantId, { ...version, list }, actor.accountId, now);
  await appendEvents(tx, actor, now, [
    {
      streamType: POWER_LIST_STREAM,
      streamId: String(actor.tenantId),
      name: 'oversight.powerList.published',
      payload: {
        version: version.version,
        effectiveFrom: version.effectiveFrom,
        note: version.note,
        itemCount: list.items.length,
        changes: changeSummary(diff),
      },
    },
  ]);
  return { version, diff };
}
