import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_CHANGES, STATUS_HISTORY_KEY, StatusHistory } from '../../../src/services/statusHistory';
import { StatusWatch } from '../../../src/services/statusWatch';
import { memoryStore } from './memoryStore';

const memory = (initial?: unknown) => memoryStore(STATUS_HISTORY_KEY, initial);

const found = (spaceId: string, from = 'Active', to = 'Error', accountId = 'acme') => ({ accountId, spaceId, name: `Space ${spaceId}`, from, to });

describe('the status changes seen', () => {
  it('keeps each change found with its time, newest first, and reads them back in a new window', async () => {
    const store = memory();
    let now = 1000;
    const history = new StatusHistory(store, () => now);
    await history.record(found('a'));
    now = 2000;
    await history.record(found('b', 'Error', 'Active'));
    const expected = [
      { at: 2000, accountId: 'acme', spaceId: 'b', name: 'Space b', from: 'Error', to: 'Active' },
      { at: 1000, accountId: 'acme', spaceId: 'a', name: 'Space a', from: 'Active', to: 'Error' },
    ];
    assert.deepEqual(history.list(), expected);
    assert.deepEqual(new StatusHistory(store).list(), expected);
  });

  it('keeps the last 200, the oldest going first', async () => {
    const store = memory();
    const history = new StatusHistory(store);
    for (let i = 0; i < MAX_CHANGES + 5; i++) await history.record(found(`s${i}`));
    assert.equal(MAX_CHANGES, 200);
    const kept = new StatusHistory(store).list();
    assert.equal(kept.length, 200);
    assert.deepEqual([kept[0]!.spaceId, kept.at(-1)!.spaceId], [`s${MAX_CHANGES + 4}`, 's5']);
  });

  it("lists one account's changes, and drops a removed account's", async () => {
    const store = memory();
    const history = new StatusHistory(store);
    await history.record(found('a', 'Active', 'Error', 'acme'));
    await history.record(found('b', 'Active', 'Error', 'gone'));
    assert.deepEqual(history.list(['acme']).map((c) => c.spaceId), ['a']);
    await history.keepOnly(['acme']);
    assert.deepEqual(new StatusHistory(store).list().map((c) => c.spaceId), ['a']);
  });

  it('reads what was stored as untrusted: wrong shapes dropped, text clipped, at most 200', () => {
    const good = { at: 5, accountId: 'acme', spaceId: 's', name: 'n', from: 'A', to: 'B' };
    const stored = [
      good,
      null,
      'acme',
      { ...good, at: 'yesterday' },
      { ...good, at: Number.POSITIVE_INFINITY },
      { ...good, at: -1 },
      { ...good, accountId: 'Not An Id' },
      { ...good, accountId: { toString: 'acme' } },
      { ...good, spaceId: '' },
      { ...good, name: 42 },
      { ...good, to: undefined },
      { ...good, name: 'x'.repeat(10_000), spaceId: 'y'.repeat(10_000), extra: 'dropped' },
    ];
    const list = new StatusHistory(memory(stored)).list();
    assert.equal(list.length, 2);
    assert.deepEqual(list[1], good);
    assert.deepEqual([list[0]!.name.length, list[0]!.spaceId.length, 'extra' in list[0]!], [200, 256, false]);
    assert.deepEqual(new StatusHistory(memory({ not: 'a list' })).list(), []);
    assert.equal(new StatusHistory(memory(Array.from({ length: 500 }, () => good))).list().length, 200);
  });

  it('records what a StatusWatch finds, once per new status', async () => {
    const store = memory();
    const history = new StatusHistory(store, () => 7);
    const watch = new StatusWatch(() => false);
    const following = history.follow(watch);
    const fetched = (label: string) => watch.observe({ accountId: 'acme', id: 's', name: 'Prod', status: { label } });
    fetched('Active');
    fetched('Error');
    fetched('Error');
    following.dispose();
    fetched('Stopped');
    await Promise.resolve();
    assert.deepEqual(history.list(), [{ at: 7, accountId: 'acme', spaceId: 's', name: 'Prod', from: 'Active', to: 'Error' }]);
  });
});
