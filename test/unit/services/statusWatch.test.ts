import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { StatusWatch, type FoundChange } from '../../../src/services/statusWatch';

const space = (status: string | undefined, id = 's') => ({ accountId: 'a', id, name: 'Space', status: status === undefined ? undefined : { label: status } });

describe('the status watch', () => {
  it('marks a status other than the one last seen, once, until the space is seen; then that status is the seen one', () => {
    const watch = new StatusWatch(() => false);
    const found: FoundChange[] = [];
    const redraws: string[] = [];
    watch.onDidFind((change) => found.push(change));
    watch.onDidChange((_account, spaceId) => redraws.push(spaceId));
    watch.observe(space('Active'));
    assert.equal(watch.change('a', 's'), undefined, 'the first status fetched is the one seen');
    watch.observe(space('Error'));
    assert.deepEqual(watch.change('a', 's'), { from: 'Active', to: 'Error' });
    watch.observe(space('Error'));
    assert.equal(found.length, 1, 'the same change is found once');
    watch.observe(space('Deleting'));
    assert.deepEqual(watch.change('a', 's'), { from: 'Active', to: 'Deleting' }, 'still from what was seen');
    watch.seen('a', 's');
    assert.equal(watch.change('a', 's'), undefined);
    watch.observe(space('Deleting'));
    assert.equal(watch.change('a', 's'), undefined);
    assert.deepEqual(found.map((f) => [f.from, f.to, f.name]), [['Active', 'Error', 'Space'], ['Active', 'Deleting', 'Space']]);
    assert.deepEqual(redraws, ['s', 's', 's']);
  });

  it('drops the mark when the status goes back to the one seen, and ignores a space without a status', () => {
    const watch = new StatusWatch(() => false);
    watch.observe(space('Active'));
    watch.observe(space('Error'));
    watch.observe(space(undefined));
    assert.deepEqual(watch.change('a', 's'), { from: 'Active', to: 'Error' });
    watch.observe(space('Active'));
    assert.equal(watch.change('a', 's'), undefined);
  });

  it('marks nothing for a space on screen (its panel visible): the user sees the new status', () => {
    let onScreen = false;
    const watch = new StatusWatch(() => onScreen);
    watch.observe(space('Active'));
    onScreen = true;
    watch.observe(space('Error'));
    assert.equal(watch.change('a', 's'), undefined);
    onScreen = false;
    watch.observe(space('Active'));
    assert.deepEqual(watch.change('a', 's'), { from: 'Error', to: 'Active' });
  });

  it("forgets a removed account's spaces", () => {
    const watch = new StatusWatch(() => false);
    watch.observe(space('Active'));
    watch.observe(space('Error'));
    watch.keepOnly(['other']);
    watch.observe(space('Deleted'));
    assert.equal(watch.change('a', 's'), undefined, 'known afresh');
  });

  it("counts the spaces with a change not seen yet, of the accounts it is asked about (the view's badge)", () => {
    const watch = new StatusWatch(() => false);
    const of = (accountId: string, id: string, status: string) => ({ accountId, id, name: id, status: { label: status } });
    for (const [account, id] of [['a', 's1'], ['a', 's2'], ['hidden', 's3']]) {
      watch.observe(of(account!, id!, 'Active'));
      watch.observe(of(account!, id!, 'Error'));
    }
    watch.observe(of('a', 'quiet', 'Active'));
    assert.equal(watch.unseen(() => true), 3);
    assert.equal(watch.unseen((accountId) => accountId !== 'hidden'), 2);
    watch.seen('a', 's1');
    assert.equal(watch.unseen((accountId) => accountId !== 'hidden'), 1);
  });
});
