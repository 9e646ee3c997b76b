import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  noteAnswer,
  noteNoAnswer,
  onReachabilityChange,
  serverReachable,
} from '../../src/web/api/reachability.js';

describe('server reachability', () => {
  it('turns unreachable on a request without an answer and back on any answer, telling listeners once each', () => {
    const seen: boolean[] = [];
    const stop = onReachabilityChange(() => seen.push(serverReachable()));
    try {
      assert.equal(serverReachable(), true);
      noteNoAnswer(new DOMException('aborted', 'AbortError'));
      assert.equal(serverReachable(), true, 'a request the page aborted says nothing about the server');
      noteNoAnswer(new TypeError('Failed to fetch'));
      noteNoAnswer(new TypeError('Failed to fetch'));
      assert.equal(serverReachable(), false);
      noteAnswer();
      noteAnswer();
      assert.deepEqual(seen, [false, true]);
    } finally {
      stop();
    }
  });
});
