/**
 * Delivers queued messages to outside systems (the 12345 platform's webhook) at least once: an item is leased
 * for a minute, sent outside any transaction, then marked delivered or rescheduled with backoff. Each message
 * carries its outbox id, so the receiver can drop a duplicate.
 */
import { sql } from 'kysely';
import type { CasesDeps } from './context.js';
import * as outboxStore from './outbox-store.js';

const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;

/** 1 min, 2, 4 … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts), 6 * 3_600_000);
}

export function createOutboxWorker(deps: CasesDeps) {
  const send = deps.fetch ?? fetch;

  async function deliverDue(limit = 20): Promise<{ delivered: number; failed: number }> {
    const now = deps.clock.now();
    const items = await deps.db.transaction(async (tx) => {
      const due = await outboxStore.lockDueOutbox(tx, now, limit);
      if (due.length > 0) {
        await sql`UPDATE outbox SET next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
          WHERE (tenant_id, id) IN (SELECT * FROM unnest(${due.map((d) => d.tenantId)}::int[], ${due.map((d) => d.id)}::bigint[]))`.execute(
          tx,
        );
      }
      return due;
    });
    let delivered = 0;
    let failed = 0;
    for (const item of items) {
      let error: string | null = null;
      try {
        const response = await send(item.target, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-chengzhi-delivery': `${item.tenantId}-${item.id}`,
          },
          body: JSON.stringify({
            id: `${item.tenantId}-${item.id}`,
            topic: item.topic,
            ...(item.payload as object),
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const at = deps.clock.now();
      await deps.db.transaction((tx) =>
        outboxStore.markOutbox(
          tx,
          item,
          error === null
            ? { delivered: true, at }
            : { delivered: false, error, retryAt: new Date(at.getTime() + retryDelayMs(item.attempts)) },
        ),
      );
      if (error === null) delivered += 1;
      else failed += 1;
    }
    return { delivered, failed };
  }

  return { deliverDue };
}
