/**
 * The live event feed of one process: ONE poller shared by every subscriber, which reads each subscribed
 * tenant's newly committed events (one indexed query per tenant and interval) and fans them out. A
 * subscriber that starts from an older position is first caught up from the table in batches, then joins
 * the live fan-out; every subscriber keeps its own position, so it never gets an event twice or misses one.
 * The poller runs only while someone listens.
 */
import type { Database } from '../db/index.js';
import {
  committedHead,
  comparePositions,
  FEED_START,
  positionOf,
  positionOfSeq,
  readCommitted,
  type FeedEvent,
  type FeedPosition,
} from './horizon.js';

export interface EventFeedOptions {
  db: Database;
  /** Pause between polls when the last one found nothing more to read. */
  pollIntervalMs?: number;
  /** Most events read by one query (a poll, or one page of a catch-up). */
  batchSize?: number;
}

export interface SubscribeOptions {
  /**
   * The starting position is fixed: every event committed from now on will be delivered (so a client may
   * open the stream, then load the current state, and miss nothing). Called before any onEvent.
   */
  onStart?: () => void;
  /** The subscription failed (a catch-up read, or onEvent threw) and has been ended. */
  onError?: (error: unknown) => void;
  /** Awaited between catch-up pages, so a slow client is not flooded (e.g. until its socket drains). */
  drained?: () => Promise<void> | void;
}

export interface FeedStats {
  subscribers: number;
  tenants: number;
  /** A poll is scheduled or running. */
  polling: boolean;
  /** Polls run since the feed was created. */
  polls: number;
}

export interface EventFeed {
  /**
   * Delivers the tenant's committed events after `afterSeq` (null: from now on; 0: from the beginning; an
   * unknown seq counts as now) to onEvent, in committed-horizon order, those for which `visible` is true.
   * Returns the function that ends the subscription.
   */
  subscribe(
    tenantId: number,
    afterSeq: number | null,
    visible: (event: FeedEvent) => boolean,
    onEvent: (event: FeedEvent) => void,
    options?: SubscribeOptions,
  ): () => void;
  /** Listens for failed polls (reported once when polling starts failing; the poller keeps retrying). */
  onPollError(listener: (error: unknown) => void): () => void;
  stats(): FeedStats;
  /** Stops polling, ends every subscription, and waits for reads in flight. */
  close(): Promise<void>;
}

interface TenantFeed {
  tenantId: number;
  /** Everything up to here has been fanned out to the live subscribers; null until first read. */
  head: FeedPosition | null;
  headLoading: Promise<void> | null;
  subscribers: Set<Subscriber>;
}

interface Subscriber {
  tenant: TenantFeed;
  visible: (event: FeedEvent) => boolean;
  onEvent: (event: FeedEvent) => void;
  options: SubscribeOptions;
  /** The last event this subscriber has passed (delivered or filtered out). */
  position: FeedPosition;
  /** Caught up: takes events from the poller. */
  live: boolean;
  closed: boolean;
}

export function createEventFeed({ db, pollIntervalMs = 250, batchSize = 500 }: EventFeedOptions): EventFeed {
  if (!(pollIntervalMs > 0)) throw new Error('pollIntervalMs must be positive');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');

  const tenants = new Map<number, TenantFeed>();
  const pollErrorListeners = new Set<(error: unknown) => void>();
  const catchUps = new Set<Promise<void>>();
  let subscriberCount = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  let polls = 0;
  let failing = false;

  function schedule(delayMs: number): void {
    if (closed || timer !== null || running !== null || subscriberCount === 0) return;
    timer = setTimeout(() => {
      timer = null;
      running = pollOnce().then((more) => {
        running = null;
        schedule(more ? 0 : pollIntervalMs);
      });
    }, delayMs);
  }

  /** One read per tenant with subscribers; true when a tenant had more than one batch waiting. */
  async function pollOnce(): Promise<boolean> {
    polls++;
    let more = false;
    try {
      for (const tenant of [...tenants.values()]) {
        const from = tenant.head;
        if (closed) return false;
        if (from === null || tenant.subscribers.size === 0) continue;
        const events = await readCommitted(db.sql, tenant.tenantId, from, batchSize);
        for (const event of events) {
          for (const subscriber of tenant.subscribers) if (subscriber.live) deliver(subscriber, event);
        }
        const last = events.at(-1);
        if (last) tenant.head = positionOf(last);
        if (events.length === batchSize) more = true;
      }
      failing = false;
      return more;
    } catch (error) {
      if (!failing && !closed) for (const listener of pollErrorListeners) listener(error);
      failing = true;
      return false;
    }
  }

  function deliver(subscriber: Subscriber, event: FeedEvent): void {
    if (subscriber.closed) return;
    const position = positionOf(event);
    if (comparePositions(position, subscriber.position) <= 0) return;
    subscriber.position = position;
    try {
      if (subscriber.visible(event)) subscriber.onEvent(event);
    } catch (error) {
      fail(subscriber, error);
    }
  }

  function fail(subscriber: Subscriber, error: unknown): void {
    if (subscriber.closed) return;
    remove(subscriber);
    subscriber.options.onError?.(error);
  }

  function remove(subscriber: Subscriber): void {
    if (subscriber.closed) return;
    subscriber.closed = true;
    const tenant = subscriber.tenant;
    tenant.subscribers.delete(subscriber);
    subscriberCount--;
    if (tenant.subscribers.size === 0 && tenants.get(tenant.tenantId) === tenant) {
      tenants.delete(tenant.tenantId);
    }
    if (subscriberCount === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  }

  async function loadHead(tenant: TenantFeed): Promise<FeedPosition> {
    if (tenant.head === null) {
      tenant.headLoading ??= committedHead(db.sql, tenant.tenantId).then(
        (head) => {
          tenant.head ??= head;
        },
        (error: unknown) => {
          tenant.headLoading = null;
          throw error;
        },
      );
      await tenant.headLoading;
    }
    return tenant.head as FeedPosition;
  }

  /** Finds where the subscriber starts, catches it up from the table, then lets it join the fan-out. */
  async function start(subscriber: Subscriber, afterSeq: number | null): Promise<void> {
    const tenant = subscriber.tenant;
    let position = await loadHead(tenant);
    if (afterSeq === 0) {
      position = FEED_START;
    } else if (afterSeq !== null) {
      const found = await positionOfSeq(db.sql, tenant.tenantId, afterSeq);
      position = found ?? (tenant.head as FeedPosition);
    }
    subscriber.position = position;
    if (subscriber.closed) return;
    subscriber.options.onStart?.();
    for (;;) {
      if (subscriber.closed) return;
      // Between this check and joining there is no await: the poller cannot fan out in between.
      const head = tenant.head as FeedPosition;
      if (comparePositions(subscriber.position, head) >= 0) {
        subscriber.live = true;
        return;
      }
      const events = await readCommitted(db.sql, tenant.tenantId, subscriber.position, batchSize, head);
      for (const event of events) deliver(subscriber, event);
      // A short page means everything up to the head it was bounded by has been read.
      if (events.length < batchSize && comparePositions(head, subscriber.position) > 0) {
        subscriber.position = head;
      }
      if (!subscriber.closed) await subscriber.options.drained?.();
    }
  }

  return {
    subscribe(tenantId, afterSeq, visible, onEvent, options = {}) {
      if (closed) throw new Error('the event feed is closed');
      let tenant = tenants.get(tenantId);
      if (!tenant) {
        tenant = { tenantId, head: null, headLoading: null, subscribers: new Set() };
        tenants.set(tenantId, tenant);
      }
      const subscriber: Subscriber = {
        tenant,
        visible,
        onEvent,
        options,
        position: FEED_START,
        live: false,
        closed: false,
      };
      tenant.subscribers.add(subscriber);
      subscriberCount++;
      const catchUp: Promise<void> = start(subscriber, afterSeq)
        .catch((error: unknown) => fail(subscriber, error))
        .finally(() => catchUps.delete(catchUp));
      catchUps.add(catchUp);
      schedule(pollIntervalMs);
      return () => remove(subscriber);
    },

    onPollError(listener) {
      pollErrorListeners.add(listener);
      return () => pollErrorListeners.delete(listener);
    },

    stats: () => ({
      subscribers: subscriberCount,
      tenants: tenants.size,
      polling: timer !== null || running !== null,
      polls,
    }),

    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      for (const tenant of [...tenants.values()]) {
        for (const subscriber of [...tenant.subscribers]) remove(subscriber);
      }
      await running;
      await Promise.allSettled([...catchUps]);
    },
  };
}
