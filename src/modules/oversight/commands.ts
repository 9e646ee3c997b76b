/**
 * Power-list use cases: open a draft of the next version, edit its items, publish it with an effective date;
 * read the list in force, any version, the history and the diff between two versions; and the look-ups other
 * modules use (the item version in force on a date, the item the case loop exercises).
 *
 * Org units are read before each transaction (on PGlite a read through another connection inside a
 * transaction would wait for itself); each write appends its event in the same transaction.
 */
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { errors } from '../../platform/http/app-error.js';
import { createVersionedCache } from '../../platform/versioned-cache.js';
import { formatInZone } from '../../platform/zoned-time.js';
import type { OrgService } from '../org/index.js';
import { diffPowerLists, sortItems, type PowerListDiff } from './domain/diff.js';
import { isLocalDate, versionInForce, versionPeriods, type VersionPeriod } from './domain/in-force.js';
import type { PowerItem, PowerList, PowerListVersion } from './domain/types.js';
import { validateItems, validatePowerItem, type UnitFacts } from './domain/validate.js';
import { changeSummary, listInvalid, POWER_LIST_STREAM, publishVersion } from './publish.js';
import * as store from './store.js';

/** The power-list version in force and the item found in it. */
export interface ItemInForce {
  version: number;
  effectiveFrom: string;
  item: PowerItem;
}

interface TenantLists {
  timeZone: string;
  versions: PowerListVersion[];
  revision: number;
}

export function createOversightService(deps: { db: Database; clock: Clock; org: OrgService }) {
  const { db, clock, org } = deps;

  const cache = createVersionedCache<TenantLists>({
    clock,
    readVersion: (tenantId) => store.readRevision(db.sql, tenantId),
    load: async (tenantId) => {
      const [timeZone, versions] = await Promise.all([
        store.readTimeZone(db.sql, tenantId),
        store.readVersions(db.sql, tenantId),
      ]);
      const revision = versions.at(-1)?.version ?? 0;
      return { value: { timeZone, versions, revision }, version: revision };
    },
  });

  async function unitFacts(tenantId: number): Promise<Map<string, UnitFacts>> {
    const units = await org.listUnits(tenantId);
    return new Map(units.map((u) => [u.code, { kind: u.kind, active: u.active }]));
  }

  /** A tenant-local date: given as YYYY-MM-DD, or the local date of an instant. */
  const localDate = (on: string | Date, timeZone: string): string => {
    if (typeof on !== 'string') return formatInZone(on, timeZone).slice(0, 10);
    if (!isLocalDate(on)) throw errors.validation('on', `${on} is not a date (YYYY-MM-DD)`);
    return on;
  };

  async function today(tenantId: number): Promise<string> {
    return localDate(clock.now(), (await cache.get(tenantId)).timeZone);
  }

  // ---- reads ----

  /** The version in force on a date (default today), or null before the tenant's first list takes effect. */
  async function versionOn(tenantId: number, on?: string | Date): Promise<PowerListVersion | null> {
    const lists = await cache.get(tenantId);
    return versionInForce(lists.versions, localDate(on ?? clock.now(), lists.timeZone));
  }

  /** The item with this code in the version in force on the date; null when the list has no such item then. */
  async function itemInForce(
    tenantId: number,
    code: string,
    on?: string | Date,
  ): Promise<ItemInForce | null> {
    const v = await versionOn(tenantId, on);
    const item = v?.items.find((i) => i.code === code);
    return v && item ? { version: v.version, effectiveFrom: v.effectiveFrom, item } : null;
  }

  /** The item every case of the closed loop exercises, in the version in force on the date. */
  async function caseLoopItem(tenantId: number, on?: string | Date): Promise<ItemInForce | null> {
    const v = await versionOn(tenantId, on);
    if (!v?.caseLoopItemCode) return null;
    return itemInForce(tenantId, v.caseLoopItemCode, v.effectiveFrom);
  }

  async function history(tenantId: number): Promise<{
    today: string;
    versions: (VersionPeriod & { note: string; itemCount: number; publishedAt: string })[];
  }> {
    const lists = await cache.get(tenantId);
    const day = localDate(clock.now(), lists.timeZone);
    const byNumber = new Map(lists.versions.map((v) => [v.version, v]));
    return {
      today: day,
      versions: versionPeriods(lists.versions, day).map((p) => {
        const v = byNumber.get(p.version) as PowerListVersion;
        return { ...p, note: v.note, itemCount: v.items.length, publishedAt: v.publishedAt };
      }),
    };
  }

  async function readVersion(tenantId: number, version: number): Promise<PowerListVersion | null> {
    const lists = await cache.get(tenantId);
    return lists.versions.find((v) => v.version === version) ?? store.readVersion(db.sql, tenantId, version);
  }

  async function diff(tenantId: number, from: number, to: number): Promise<PowerListDiff> {
    const [a, b] = await Promise.all([readVersion(tenantId, from), readVersion(tenantId, to)]);
    if (!a) throw errors.notFound(`power-list version ${from}`);
    if (!b) throw errors.notFound(`power-list version ${to}`);
    return diffPowerLists(a, b);
  }

  // ---- publishing ----

  /**
   * Publishes a whole list at once (the seeder, an import). The tenant's first list may record a past
   * effective date; later ones take effect today or later.
   */
  async function publishList(
    actor: Actor,
    input: { list: PowerList; note: string; effectiveFrom: string },
  ): Promise<{ version: PowerListVersion; diff: PowerListDiff }> {
    const now = clock.now();
    const [units, day] = await Promise.all([unitFacts(actor.tenantId), today(actor.tenantId)]);
    const result = await db.transaction(async (tx) => {
      if (await store.readDraft(tx, actor.tenantId, true)) {
        throw errors.conflict(
          'DRAFT_OPEN',
          'a draft of the next version is open; publish or discard it first',
        );
      }
      return publishVersion(tx, actor, input, units, day, now);
    });
    cache.invalidate(actor.tenantId);
    return result;
  }

  // ---- the draft ----

  async function readDraft(tenantId: number): Promise<store.Draft | null> {
    return store.readDraft(db.sql, tenantId);
  }

  /** Opens the draft of the next version as a copy of the newest published one (or empty). */
  async function openDraft(actor: Actor, input: { note: string }): Promise<store.Draft> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const latest = await store.readLatest(tx, actor.tenantId);
      const list: PowerList = latest
        ? { items: latest.items, caseLoopItemCode: latest.caseLoopItemCode }
        : { items: [], caseLoopItemCode: null };
      const created = await store.insertDraft(
        tx,
        actor.tenantId,
        { baseVersion: latest?.version ?? null, note: input.note, list },
        actor.accountId,
        now,
      );
      if (!created) throw errors.conflict('DRAFT_OPEN', 'a draft of the next version is open already');
      await appendEvents(tx, actor, now, [
        {
          streamType: POWER_LIST_STREAM,
          streamId: String(actor.tenantId),
          name: 'oversight.draft.opened',
          payload: { baseVersion: latest?.version ?? null, note: input.note },
        },
      ]);
    });
    return (await store.readDraft(db.sql, actor.tenantId)) as store.Draft;
  }

  /** Runs one change to the draft: lock, check the revision the editor read, change, store, event. */
  async function changeDraft(
    actor: Actor,
    revision: number,
    change: (draft: store.Draft) => {
      note: string;
      list: PowerList;
      event: { name: string; payload: Record<string, unknown> };
    },
  ): Promise<store.Draft> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const draft = await store.readDraft(tx, actor.tenantId, true);
      if (!draft) throw errors.notFound('power-list draft');
      if (draft.revision !== revision) throw errors.versionConflict(revision, draft.revision);
      const next = change(draft);
      const newRevision = await store.updateDraft(
        tx,
        actor.tenantId,
        {
          note: next.note,
          list: { items: sortItems(next.list.items), caseLoopItemCode: next.list.caseLoopItemCode },
        },
        actor.accountId,
        now,
      );
      await appendEvents(tx, actor, now, [
        {
          streamType: POWER_LIST_STREAM,
          streamId: String(actor.tenantId),
          name: next.event.name,
          payload: { ...next.event.payload, revision: newRevision },
        },
      ]);
    });
    return (await store.readDraft(db.sql, actor.tenantId)) as store.Draft;
  }

  /** Adds or replaces one item of the draft (the item's code is its key). */
  async function saveItem(actor: Actor, input: { revision: number; item: PowerItem }): Promise<store.Draft> {
    const issues = validatePowerItem(input.item, await unitFacts(actor.tenantId));
    if (issues.length > 0) {
      throw listInvalid(
        400,
        issues.map((i) => ({ ...i, field: `item.${i.field}` })),
      );
    }
    return changeDraft(actor, input.revision, (draft) => {
      const old = draft.items.find((i) => i.code === input.item.code);
      const fields = old
        ? (diffPowerLists(
            { items: [old], caseLoopItemCode: null },
            { items: [input.item], caseLoopItemCode: null },
          ).changed[0]?.changes.map((c) => c.field) ?? [])
        : [];
      return {
        note: draft.note,
        list: {
          items: [...draft.items.filter((i) => i.code !== input.item.code), input.item],
          caseLoopItemCode: draft.caseLoopItemCode,
        },
        event: {
          name: 'oversight.draftItem.saved',
          payload: { code: input.item.code, added: !old, fields },
        },
      };
    });
  }

  async function removeItem(actor: Actor, input: { revision: number; code: string }): Promise<store.Draft> {
    return changeDraft(actor, input.revision, (draft) => {
      if (!draft.items.some((i) => i.code === input.code)) {
        throw errors.notFound(`item ${input.code} in the draft`);
      }
      return {
        note: draft.note,
        list: {
          items: draft.items.filter((i) => i.code !== input.code),
          caseLoopItemCode: draft.caseLoopItemCode === input.code ? null : draft.caseLoopItemCode,
        },
        event: { name: 'oversight.draftItem.removed', payload: { code: input.code } },
      };
    });
  }

  /** Changes the draft's note and case-loop mark, and (when given) replaces all its items at once. */
  async function updateDraft(
    actor: Actor,
    input: { revision: number; note?: string; caseLoopItemCode?: string | null; items?: PowerItem[] },
  ): Promise<store.Draft> {
    if (input.items) {
      const units = await unitFacts(actor.tenantId);
      const issues = validateItems(input.items, units);
      if (issues.length > 0) throw listInvalid(400, issues);
    }
    return changeDraft(actor, input.revision, (draft) => {
      const items = input.items ?? draft.items;
      const caseLoopItemCode =
        input.caseLoopItemCode === undefined ? draft.caseLoopItemCode : input.caseLoopItemCode;
      if (caseLoopItemCode !== null && !items.some((i) => i.code === caseLoopItemCode)) {
        throw errors.validation('caseLoopItemCode', `item ${caseLoopItemCode} is not in the draft`);
      }
      const list = { items, caseLoopItemCode };
      return {
        note: input.note ?? draft.note,
        list,
        event: {
          name: 'oversight.draft.changed',
          payload: {
            note: input.note ?? draft.note,
            caseLoopItemCode,
            ...(input.items ? { changes: changeSummary(diffPowerLists(draft, list)) } : {}),
          },
        },
      };
    });
  }

  async function discardDraft(actor: Actor, revision: number): Promise<void> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const draft = await store.readDraft(tx, actor.tenantId, true);
      if (!draft) throw errors.notFound('power-list draft');
      if (draft.revision !== revision) throw errors.versionConflict(revision, draft.revision);
      await store.deleteDraft(tx, actor.tenantId);
      await appendEvents(tx, actor, now, [
        {
          streamType: POWER_LIST_STREAM,
          streamId: String(actor.tenantId),
          name: 'oversight.draft.discarded',
          payload: { baseVersion: draft.baseVersion, revision },
        },
      ]);
    });
  }

  /** What publishing the draft would change, against the newest published version. */
  async function draftDiff(tenantId: number): Promise<PowerListDiff> {
    const [draft, latest] = await Promise.all([
      store.readDraft(db.sql, tenantId),
      store.readLatest(db.sql, tenantId),
    ]);
    if (!draft) throw errors.notFound('power-list draft');
    const d = diffPowerLists(latest ?? { items: [], caseLoopItemCode: null }, draft);
    d.fromVersion = latest?.version ?? null;
    return d;
  }

  /** Publishes the draft as the next version, in force from `effectiveFrom`; the draft is gone afterwards. */
  async function publishDraft(
    actor: Actor,
    input: { revision: number; effectiveFrom: string; note?: string },
  ): Promise<{ version: PowerListVersion; diff: PowerListDiff }> {
    if (!isLocalDate(input.effectiveFrom)) {
      throw errors.validation('effectiveFrom', `${input.effectiveFrom} is not a date (YYYY-MM-DD)`);
    }
    const now = clock.now();
    const [units, day] = await Promise.all([unitFacts(actor.tenantId), today(actor.tenantId)]);
    const result = await db.transaction(async (tx) => {
      const draft = await store.readDraft(tx, actor.tenantId, true);
      if (!draft) throw errors.notFound('power-list draft');
      if (draft.revision !== input.revision) throw errors.versionConflict(input.revision, draft.revision);
      const note = (input.note ?? draft.note).trim();
      if (!note) throw errors.validation('note', 'say why the list changes (调整说明)');
      const published = await publishVersion(
        tx,
        actor,
        { list: draft, note, effectiveFrom: input.effectiveFrom },
        units,
        day,
        now,
      );
      await store.deleteDraft(tx, actor.tenantId);
      return published;
    });
    cache.invalidate(actor.tenantId);
    return result;
  }

  return {
    // look-ups for other modules
    versionOn,
    itemInForce,
    caseLoopItem,
    /** The case loop's item as a reference a case stores: code and list version, in force now. */
    caseLoopItemRef: async (tenantId: number): Promise<{ code: string; version: number } | null> => {
      const found = await caseLoopItem(tenantId);
      return found ? { code: found.item.code, version: found.version } : null;
    },
    // reads
    history,
    readVersion,
    diff,
    today,
    // writes
    publishList,
    readDraft,
    openDraft,
    saveItem,
    removeItem,
    updateDraft,
    discardDraft,
    draftDiff,
    publishDraft,
  };
}

export type OversightService = ReturnType<typeof createOversightService>;
