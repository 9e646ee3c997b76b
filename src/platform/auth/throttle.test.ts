import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFailure, retryAfterSeconds, USER_POLICY, type ThrottleState } from './throttle.js';

const t0 = new Date('2025-10-09T02:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(n: number, spacingMs = 1000): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = afterFailure(state, at(i * spacingMs), USER_POLICY);
  return state;
}

describe('login throttling', () => {
  it('lets a user mistype a few times without being locked', () => {
    const state = failTimes(USER_POLICY.freeFailures - 1);
    assert.equal(state?.lockedUntil, null);
    assert.equal(retryAfterSeconds(state, at(5000)), 0);
  });

  it('locks after the free failures, for a time that doubles with each further failure', () => {
    const locked = failTimes(USER_POLICY.freeFailures);
    const firstLockMs =
      (locked?.lockedUntil?.getTime() ?? 0) - at((USER_POLICY.freeFailures - 1) * 1000).getTime();
    assert.equal(firstLockMs, USER_POLICY.baseLockMs);
    const more = afterFailure(locked, at(10_000), USER_POLICY);
    assert.equal((more.lockedUntil?.getTime() ?? 0) - at(10_000).getTime(), USER_POLICY.baseLockMs * 2);
  });

  it('never locks longer than the cap', () => {
    const state = failTimes(40);
    const lockMs = (state?.lockedUntil?.getTime() ?? 0) - at(39_000).getTime();
    assert.equal(lockMs, USER_POLICY.maxLockMs);
  });

  it('forgets failures once the window has passed', () => {
    const state = failTimes(3);
    const later = afterFailure(state, at(USER_POLICY.windowMs + 60_000), USER_POLICY);
    assert.equal(later.failures, 1);
  });

  it('reports the wait in whole seconds, rounded up', () => {
    const state: ThrottleState = { failures: 5, windowStartedAt: t0, lockedUntil: at(1500) };
    assert.equal(retryAfterSeconds(state, t0), 2);
    assert.equal(retryAfterSeconds(state, at(1500)), 0);
  });
});
