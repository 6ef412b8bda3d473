import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { HIDDEN_ACCOUNTS_KEY, HiddenAccounts, MAX_HIDDEN } from '../../../src/services/hiddenAccounts';
import { memoryStore } from './memoryStore';

const memory = (initial?: unknown) => memoryStore(HIDDEN_ACCOUNTS_KEY, initial);

describe('the hidden accounts', () => {
  it('hides an account once, and a new window reads it back', async () => {
    const store = memory();
    const hidden = new HiddenAccounts(store);
    let changes = 0;
    hidden.onDidChange(() => changes++);
    assert.equal(await hidden.hide('zone'), true);
    assert.equal(await hidden.hide('zone'), false, 'hidden already');
    assert.equal(changes, 1);
    assert.equal(new HiddenAccounts(store).has('zone'), true);
    assert.deepEqual(store.saved, ['zone'], 'ids only');
  });

  it('Select Accounts…: shows exactly the checked accounts, keeping the ids of accounts configured elsewhere', async () => {
    const store = memory(['other-machine', 'b']);
    const hidden = new HiddenAccounts(store);
    await hidden.showOnly(['b'], ['a', 'b', 'c']);
    assert.deepEqual(['a', 'b', 'c', 'other-machine'].map((id) => hidden.has(id)), [true, false, true, true]);
    await hidden.showOnly(['a', 'b', 'c'], ['a', 'b', 'c']);
    assert.deepEqual(store.saved, ['other-machine']);
  });

  it('reads what was stored as untrusted: account-id-shaped strings only, once each, at most a bound', () => {
    const hostile = ['ok', 'ok', 42, null, { id: 'x' }, 'Bad Id', '../etc', 'x'.repeat(300), ['nested'], 'also-ok'];
    assert.deepEqual(['ok', 'also-ok', 'Bad Id', '../etc'].map((id) => new HiddenAccounts(memory(hostile)).has(id)), [true, true, false, false]);
    for (const shape of [{ ok: true }, 'ok', 7, null]) assert.equal(new HiddenAccounts(memory(shape)).has('ok'), false, JSON.stringify(shape));
    const many = Array.from({ length: MAX_HIDDEN + 50 }, (_, i) => `a${i}`);
    const bounded = new HiddenAccounts(memory(many));
    assert.equal(bounded.has('a0'), false, 'the oldest beyond the bound are dropped');
    assert.equal(bounded.has(`a${MAX_HIDDEN + 49}`), true);
  });
});
