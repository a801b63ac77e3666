import type { RequestStore } from './requestStore';
import type { SqliteStorage } from './sqliteStorage';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionDays {
  /** Submitted requests, counted from submission. */
  requests: number;
  /** Conversation and user state (a half-finished form's answers), counted from the last turn. */
  conversationState: number;
}

export interface PurgeResult {
  requests: number;
  requestsBefore: Date;
  states: number;
  statesBefore: Date;
}

/**
 * Deletes what is past its retention: requests (with their staff notifications) and idle
 * conversation state. Run by `npm run requests -- purge`, at start-up and daily by the server.
 */
export function purgeExpired(stores: { requests: RequestStore; state: SqliteStorage }, days: RetentionDays, now = new Date()): PurgeResult {
  const requestsBefore = new Date(now.getTime() - days.requests * DAY_MS);
  const statesBefore = new Date(now.getTime() - days.conversationState * DAY_MS);
  return {
    requests: stores.requests.purgeCreatedBefore(requestsBefore),
    requestsBefore,
    states: stores.state.purgeIdleSince(statesBefore),
    statesBefore,
  };
}
