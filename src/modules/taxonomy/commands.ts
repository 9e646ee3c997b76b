/**
 * Taxonomy use cases: publish a new version (from the API or an Excel import), change the category order,
 * and read the current version through a per-tenant cache shared with other modules.
 */
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { createVersionedCache } from '../../platform/versioned-cache.js';
import { applyCategoryOrder, checkCategoryOrder } from './domain/ordering.js';
import type { TaxonomyDiff } from './domain/versioning.js';
import { publishVersion } from './domain/versioning.js';
import type { CategoryOrder, TaxonomyTable, TaxonomyVersion } from './domain/types.js';
import * as store from './store.js';
import { exportTaxonomyXlsx, importTaxonomyXlsx } from './xlsx.js';

const diffCounts = (diff: TaxonomyDiff) =>
  Object.fromEntries(
    (['majors', 'minors', 'standards'] as const).map((k) => [
      k,
      { added: diff[k].added.length, removed: diff[k].removed.length, changed: diff[k].changed.length },
    ]),
  );

export function createTaxonomyService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const cache = createVersionedCache<store.CurrentTaxonomy>({
    clock,
    readVersion: (tenantId) => store.readRevision(db.sql, tenantId),
    load: async (tenantId) => {
      const current = await store.readCurrent(db.sql, tenantId);
      if (!current) throw errors.notFound('taxonomy');
      return { value: current, version: current.revision };
    },
  });

  // Ordering the whole table costs about as much as an intake request's other work: once per cached copy.
  const ordered = new WeakMap<store.CurrentTaxonomy, { version: TaxonomyVersion; order: CategoryOrder }>();

  /** The version new cases use, in the tenant's category order. */
  async function current(tenantId: number): Promise<{ version: TaxonomyVersion; order: CategoryOrder }> {
    const c = await cache.get(tenantId);
    let view = ordered.get(c);
    if (!view) {
      view = { version: { ...c.version, ...applyCategoryOrder(c.version, c.order) }, order: c.order };
      ordered.set(c, view);
    }
    return view;
  }

  async function publish(
    actor: Actor,
    input: { table: TaxonomyTable; note: string; effectiveFrom: string | null; order?: CategoryOrder },
  ): Promise<{ version: TaxonomyVersion; diff: TaxonomyDiff }> {
    const now = clock.now();
    const result = await db.transaction(async (tx) => {
      const previous = await store.readCurrent(tx, actor.tenantId, true);
      const published = publishVersion(previous?.version ?? null, input.table, {
        note: input.note,
        effectiveFrom: input.effectiveFrom,
      });
      if (!published.ok) {
        if (published.code === 'NO_CHANGES') {
          throw errors.conflict('NO_CHANGES', 'the table is identical to the current version');
        }
        throw new AppError(422, 'TAXONOMY_INVALID', `the table has ${published.issues.length} problem(s)`, {
          field: published.issues[0]?.path ?? 'table',
          details: { issues: published.issues.slice(0, 500) },
        });
      }
      await store.insertVersion(tx, actor.tenantId, published.version, actor.accountId, now);
      await store.setCurrent(tx, actor.tenantId, published.version.version, input.order ?? null);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'taxonomy',
          streamId: String(actor.tenantId),
          name: 'taxonomy.version.published',
          payload: {
            version: published.version.version,
            note: input.note,
            effectiveFrom: input.effectiveFrom,
            standardCount: published.version.standards.length,
            changes: diffCounts(published.diff),
          },
        },
      ]);
      return { version: published.version, diff: published.diff };
    });
    cache.invalidate(actor.tenantId);
    return result;
  }

  async function importXlsx(
    actor: Actor,
    input: { bytes: Buffer; note: string; effectiveFrom: string | null; dryRun: boolean },
  ): Promise<{ version: number | null; standardCount: number; warnings: unknown[]; dryRun: boolean }> {
    const parsed = await importTaxonomyXlsx(input.bytes);
    if (!parsed.ok) {
      throw new AppError(
        422,
        'XLSX_INVALID',
        `the sheet has ${parsed.errors.length} error(s); nothing was imported`,
        {
          field: parsed.errors[0]?.column ?? 'body',
          details: { errors: parsed.errors.slice(0, 500), warnings: parsed.warnings.slice(0, 100) },
        },
      );
    }
    if (input.dryRun) {
      return {
        version: null,
        standardCount: parsed.table.standards.length,
        warnings: parsed.warnings,
        dryRun: true,
      };
    }
    const { version } = await publish(actor, {
      table: parsed.table,
      note: input.note,
      effectiveFrom: input.effectiveFrom,
    });
    return {
      version: version.version,
      standardCount: version.standards.length,
      warnings: parsed.warnings,
      dryRun: false,
    };
  }

  async function setOrder(actor: Actor, order: CategoryOrder): Promise<void> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const currentRow = await store.readCurrent(tx, actor.tenantId, true);
      if (!currentRow) throw errors.notFound('taxonomy');
      const issues = checkCategoryOrder(order, currentRow.version.majors);
      if (issues.length > 0) {
        const first = issues[0];
        throw errors.validation(
          `order.${first?.kind ?? 'event'}`,
          `${first?.code ?? ''}: ${first?.problem ?? 'invalid'}`,
          { issues },
        );
      }
      await store.setCurrent(tx, actor.tenantId, currentRow.version.version, order);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'taxonomy',
          streamId: String(actor.tenantId),
          name: 'taxonomy.order.changed',
          payload: { ...order },
        },
      ]);
    });
    cache.invalidate(actor.tenantId);
  }

  async function exportXlsx(tenantId: number, version: number | null): Promise<Buffer> {
    const v =
      version === null
        ? (await current(tenantId)).version
        : await store.readVersion(db.sql, tenantId, version);
    if (!v) throw errors.notFound('taxonomy version');
    return exportTaxonomyXlsx(v, { version: v.version, note: v.note });
  }

  return {
    current,
    publish,
    importXlsx,
    setOrder,
    exportXlsx,
    listVersions: (tenantId: number) => store.listVersions(db.sql, tenantId),
    readVersion: (tenantId: number, version: number) => store.readVersion(db.sql, tenantId, version),
  };
}

export type TaxonomyService = ReturnType<typeof createTaxonomyService>;
