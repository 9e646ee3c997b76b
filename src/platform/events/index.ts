export { appendEvents, chainHeadKey } from './append.js';
export type { AppendOptions, ChainHead, NewEvent, StoredEvent } from './append.js';
export {
  comparePositions,
  committedHead,
  FEED_START,
  positionOf,
  positionOfSeq,
  readCommitted,
} from './horizon.js';
export type { FeedEvent, FeedPosition } from './horizon.js';
export { createEventFeed } from './feed.js';
export type { EventFeed, EventFeedOptions, FeedStats, SubscribeOptions } from './feed.js';
export { createVisibilityRegistry, eventVisibility, registerVisibility } from './visibility.js';
export type { EventPredicate, ViewerLens, VisibilityRegistry, VisibilityRule } from './visibility.js';
export { eventStreamRoutes, formatEvent } from './stream-routes.js';
export type { EventStreamOptions, StreamedEvent } from './stream-routes.js';
export { createProjector } from './projection.js';
export type { Projection, ProjectionRun, Projector } from './projection.js';
