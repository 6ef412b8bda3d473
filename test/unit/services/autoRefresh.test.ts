import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { AutoRefresh, type Timers } from '../../../src/services/autoRefresh';

/** Timers the test fires by hand: what is waiting, and after how long. */
function manualTimers() {
  const waiting = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    setTimeout: (run, ms) => (waiting.set(++next, { run, ms }), next),
    clearTimeout: (handle) => void waiting.delete(handle as number),
  };
  return {
    timers,
    waiting: () => [...waiting.values()].map((t) => t.ms),
    fire: () => {
      const [first] = waiting.entries();
      assert.ok(first, 'a timer is waiting');
      waiting.delete(first[0]);
      first[1].run();
    },
  };
}

describe('the auto-refresh schedule', () => {
  it('is off at 0 and refreshes every N minutes once set, rescheduling when the setting changes', () => {
    const clock = manualTimers();
    let refreshes = 0;
    const auto = new AutoRefresh(() => refreshes++, clock.timers);
    auto.every(0);
    assert.deepEqual(clock.waiting(), []);
    auto.every(5);
    assert.deepEqual(clock.waiting(), [300_000]);
    clock.fire();
    assert.equal(refreshes, 1);
    assert.deepEqual(clock.waiting(), [300_000], 'the next one');
    auto.every(1);
    assert.deepEqual(clock.waiting(), [60_000], 'one timer, the new interval');
    auto.every(0);
    assert.deepEqual(clock.waiting(), []);
    assert.equal(refreshes, 1);
  });

  it('waits while the window is not focused, and refreshes as soon as it is again', () => {
    const clock = manualTimers();
    let refreshes = 0;
    const auto = new AutoRefresh(() => refreshes++, clock.timers);
    auto.every(2);
    auto.setFocused(false);
    clock.fire();
    assert.equal(refreshes, 0, 'paused');
    assert.deepEqual(clock.waiting(), [], 'nothing more while paused');
    auto.setFocused(true);
    assert.equal(refreshes, 1, 'the refresh that fell due');
    assert.deepEqual(clock.waiting(), [120_000]);
    auto.setFocused(false);
    auto.setFocused(true);
    assert.equal(refreshes, 1, 'focus alone refreshes nothing');
  });
});
