/**
 * Who may see which events on the stream, decided by the modules that own the stream types — the platform
 * imports no module. A module registers, per stream type, a function that takes the viewer (whatever the
 * app's `viewerOf` returns: the principal and its data scope) and answers with a predicate over events, or
 * null when that viewer sees none of them; optionally a presenter that masks payload fields. A stream type
 * nobody registered is never sent.
 */
import type { FeedEvent } from './horizon.js';

export type EventPredicate = (event: FeedEvent) => boolean;

export interface VisibilityRule<V = unknown> {
  /** Called once per viewer (one stream connection) and stream type. */
  visibleTo: (viewer: V) => EventPredicate | null;
  /** The payload this viewer receives; the stored payload when absent. */
  present?: (viewer: V, event: FeedEvent) => Record<string, unknown>;
}

/** One viewer's view of the log. */
export interface ViewerLens {
  visible(event: FeedEvent): boolean;
  present(event: FeedEvent): Record<string, unknown>;
}

export interface VisibilityRegistry {
  /** Registers (or replaces) the rule of a stream type; returns the function that removes it. */
  register<V = unknown>(
    streamType: string,
    visibleTo: (viewer: V) => EventPredicate | null,
    options?: { present?: (viewer: V, event: FeedEvent) => Record<string, unknown> },
  ): () => void;
  lens(viewer: unknown): ViewerLens;
  streamTypes(): string[];
}

export function createVisibilityRegistry(): VisibilityRegistry {
  const rules = new Map<string, VisibilityRule>();
  return {
    register(streamType, visibleTo, options = {}) {
      const rule = { visibleTo, ...options } as VisibilityRule;
      rules.set(streamType, rule);
      return () => {
        if (rules.get(streamType) === rule) rules.delete(streamType);
      };
    },

    lens(viewer) {
      const decided = new Map<string, { rule: VisibilityRule; predicate: EventPredicate } | null>();
      const decide = (streamType: string) => {
        let entry = decided.get(streamType);
        if (entry === undefined) {
          const rule = rules.get(streamType);
          const predicate = rule ? rule.visibleTo(viewer) : null;
          entry = rule && predicate ? { rule, predicate } : null;
          decided.set(streamType, entry);
        }
        return entry;
      };
      return {
        visible: (event) => decide(event.streamType)?.predicate(event) === true,
        present: (event) => {
          const present = decide(event.streamType)?.rule.present;
          return present ? present(viewer, event) : event.payload;
        },
      };
    },

    streamTypes: () => [...rules.keys()].sort(),
  };
}

/** The registry the stream route uses unless given another. */
export const eventVisibility: VisibilityRegistry = createVisibilityRegistry();

/** Registers who may see a stream type's events, in the process-wide registry; returns the unregister. */
export function registerVisibility<V = unknown>(
  streamType: string,
  visibleTo: (viewer: V) => EventPredicate | null,
  options?: { present?: (viewer: V, event: FeedEvent) => Record<string, unknown> },
): () => void {
  return eventVisibility.register(streamType, visibleTo, options);
}
