/**
 * Login throttling, as pure decisions over stored counters. A username is locked after a few failures in a
 * window, for a time that doubles with every further failure; an address is locked after many failures
 * across usernames (password spraying). While locked, the password is not even checked.
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  windowMs: number;
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const USER_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freeFailures: 5,
  baseLockMs: 60_000,
  maxLockMs: 15 * 60_000,
};

export const ADDRESS_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freeFailures: 50,
  baseLockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
};

/** Seconds until another attempt is allowed, or 0 when allowed now. */
export function retryAfterSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > policy.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  if (failures < policy.freeFailures) return { failures, windowStartedAt, lockedUntil: null };
  const lockMs = Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** (failures - policy.freeFailures));
  return { failures, windowStartedAt, lockedUntil: new Date(now.getTime() + lockMs) };
}
