import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_PINS, Pins, PINS_KEY } from '../../../src/services/pins';
import { memoryStore } from './memoryStore';

const memory = (initial?: unknown) => memoryStore(PINS_KEY, initial);

describe('pinned spaces', () => {
  it('keeps the pins in the order pinned, once each, and reads them back in a new window', async () => {
    const store = memory();
    const pins = new Pins(store);
    let changes = 0;
    pins.onDidChange(() => changes++);
    assert.equal(await pins.pin('a', 'x'), true);
    assert.equal(await pins.pin('b', 'x'), true);
    assert.equal(await pins.pin('a', 'w'), true);
    assert.equal(await pins.pin('a', 'x'), false, 'pinned already');
    assert.equal(changes, 3);
    const order = [
      { accountId: 'a', spaceId: 'x' },
      { accountId: 'b', spaceId: 'x' },
      { accountId: 'a', spaceId: 'w' },
    ];
    assert.deepEqual(pins.all(), order);
    assert.deepEqual(new Pins(store).all(), order);
    assert.equal(await pins.unpin('b', 'x'), true);
    assert.equal(await pins.unpin('b', 'x'), false);
    assert.deepEqual(new Pins(store).all(), [order[0], order[2]]);
    assert.equal(pins.has('a', 'w'), true);
    assert.equal(pins.has('b', 'x'), false);
  });

  it("drops a removed account's pins and keeps the others in order", async () => {
    const store = memory();
    const pins = new Pins(store);
    for (const [account, space] of [['a', '1'], ['gone', '2'], ['a', '3']]) await pins.pin(account!, space!);
    await pins.keepOnly(['a', 'other']);
    assert.deepEqual(new Pins(store).all(), [
      { accountId: 'a', spaceId: '1' },
      { accountId: 'a', spaceId: '3' },
    ]);
  });

  it('reads a stored value as untrusted: only id pairs are kept, their other fields dropped, at most MAX_PINS', () => {
    const junk = [{ accountId: 'a', spaceId: 's', command: 'evil' }, 'x', null, { accountId: 1, spaceId: 's' }, { accountId: 'a' }];
    assert.deepEqual(new Pins(memory(junk)).all(), [{ accountId: 'a', spaceId: 's' }]);
    assert.deepEqual(new Pins(memory({ not: 'a list' })).all(), []);
    const many = Array.from({ length: MAX_PINS + 5 }, (_, i) => ({ accountId: 'a', spaceId: String(i) }));
    assert.equal(new Pins(memory(many)).all().length, MAX_PINS);
  });

  it('refuses a pin beyond MAX_PINS', async () => {
    const pins = new Pins(memory(Array.from({ length: MAX_PINS }, (_, i) => ({ accountId: 'a', spaceId: String(i) }))));
    assert.equal(await pins.pin('a', 'one more'), false);
    assert.equal(pins.all().length, MAX_PINS);
  });
});
