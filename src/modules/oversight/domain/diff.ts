import { sameJson } from './canonical.js';
import { POWER_ITEM_FIELDS, type PowerItem, type PowerItemField, type PowerList } from './types.js';

/**
 * 动态调整: what changed from one version of the power list to another. Items are matched by code (a code
 * keeps its meaning across versions); a changed item lists each changed field with its value before and
 * after. The diff is complete — applying it to the older list gives the newer one — and inverting it
 * gives the diff the other way round (both are property-tested).
 */

export interface ItemFieldChange {
  field: PowerItemField;
  before: unknown;
  after: unknown;
}

export interface ChangedItem {
  code: string;
  /** The item's name in the newer version. */
  name: string;
  changes: ItemFieldChange[];
}

export interface PowerListDiff {
  fromVersion: number | null;
  toVersion: number | null;
  added: PowerItem[];
  removed: PowerItem[];
  changed: ChangedItem[];
  /** Set when the item marked as the case loop's changed. */
  caseLoopItemCode: { before: string | null; after: string | null } | null;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The canonical order of a list's items (by code), used for storage and for comparison. */
export const sortItems = (items: readonly PowerItem[]): PowerItem[] => [...items].sort(byCode);

const versionOf = (list: PowerList | (PowerList & { version: number })): number | null =>
  'version' in list ? list.version : null;

export function diffPowerLists(
  a: PowerList | (PowerList & { version: number }),
  b: PowerList | (PowerList & { version: number }),
): PowerListDiff {
  const before = new Map(a.items.map((item) => [item.code, item]));
  const after = new Map(b.items.map((item) => [item.code, item]));
  const added = sortItems(b.items.filter((item) => !before.has(item.code)));
  const removed = sortItems(a.items.filter((item) => !after.has(item.code)));
  const changed: ChangedItem[] = [];
  for (const item of sortItems(b.items)) {
    const old = before.get(item.code);
    if (!old) continue;
    const changes = POWER_ITEM_FIELDS.filter((field) => !sameJson(old[field], item[field])).map((field) => ({
      field,
      before: old[field],
      after: item[field],
    }));
    if (changes.length > 0) changed.push({ code: item.code, name: item.name, changes });
  }
  return {
    fromVersion: versionOf(a),
    toVersion: versionOf(b),
    added,
    removed,
    changed,
    caseLoopItemCode:
      a.caseLoopItemCode === b.caseLoopItemCode
        ? null
        : { before: a.caseLoopItemCode, after: b.caseLoopItemCode },
  };
}

export const isEmptyDiff = (d: PowerListDiff): boolean =>
  d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0 && d.caseLoopItemCode === null;

const nameBefore = (c: ChangedItem): string => {
  const before = c.changes.find((x) => x.field === 'name')?.before;
  return typeof before === 'string' ? before : c.name;
};

/** The diff from b back to a. */
export function invertDiff(d: PowerListDiff): PowerListDiff {
  return {
    fromVersion: d.toVersion,
    toVersion: d.fromVersion,
    added: d.removed,
    removed: d.added,
    changed: d.changed.map((c) => ({
      code: c.code,
      // The name the item has on the newer side of the inverted diff (the older side of the original).
      name: nameBefore(c),
      changes: c.changes.map((x) => ({ field: x.field, before: x.after, after: x.before })),
    })),
    caseLoopItemCode: d.caseLoopItemCode
      ? { before: d.caseLoopItemCode.after, after: d.caseLoopItemCode.before }
      : null,
  };
}

/**
 * Applies a diff to the list it was taken from. Refuses (throws) when the list does not match the diff's
 * "before" side, so a diff can never be applied to the wrong version silently.
 */
export function applyDiff(list: PowerList, d: PowerListDiff): PowerList {
  const items = new Map(list.items.map((item) => [item.code, item]));
  for (const item of d.removed) {
    if (!sameJson(items.get(item.code), item)) throw new Error(`removed item ${item.code} does not match`);
    items.delete(item.code);
  }
  for (const c of d.changed) {
    const old = items.get(c.code);
    if (!old) throw new Error(`changed item ${c.code} is not in the list`);
    const next: Record<string, unknown> = { ...old };
    for (const x of c.changes) {
      if (!sameJson(old[x.field], x.before)) throw new Error(`${c.code}.${x.field} does not match`);
      next[x.field] = x.after;
    }
    items.set(c.code, next as unknown as PowerItem);
  }
  for (const item of d.added) {
    if (items.has(item.code)) throw new Error(`added item ${item.code} is already in the list`);
    items.set(item.code, item);
  }
  let caseLoopItemCode = list.caseLoopItemCode;
  if (d.caseLoopItemCode) {
    if (d.caseLoopItemCode.before !== caseLoopItemCode) throw new Error('case-loop item does not match');
    caseLoopItemCode = d.caseLoopItemCode.after;
  }
  return { items: sortItems([...items.values()]), caseLoopItemCode };
}
