export { appendEvents } from './append.js';
export type { NewEvent, StoredEvent } from './append.js';
