import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { PanelInit, PanelSpace } from '../../../src/panel/protocol';
import { readState } from '../../../src/panel/savedState';
import { PageStore, type Part } from '../../../src/webview/store';

const space = (id: string, name = 'Space'): PanelSpace => ({ vendor: 'alumio', accountId: 'a', id, name, facts: [], groups: [], fetchedAt: 1 });
const init = (spaceId: string) => ({ identity: { vendor: 'alumio', accountId: 'a', spaceId } }) as unknown as PanelInit;

/** A store whose effects are written down: each redraw's parts, and how many saves. */
function recording(saved?: unknown, maxStateChars = 500_000) {
  const redraws: Part[][] = [];
  let saves = 0;
  const store = new PageStore(readState(saved), { save: () => saves++, redraw: (parts) => redraws.push([...parts]) }, maxStateChars);
  return { store, redraws, saves: () => saves };
}

describe('the space panel page, its store', () => {
  it('redraws only what a message changed, and saves only what is worth keeping', () => {
    const { store, redraws, saves } = recording();
    store.apply({ type: 'init', init: init('s') });
    store.apply({ type: 'loading', loading: true });
    store.apply({ type: 'error', error: { kind: 'network', message: 'down' } });
    store.apply({ type: 'space', space: space('s') });
    store.apply({ type: 'error', error: null });
    assert.deepEqual(redraws, [['header', 'banner', 'content'], ['header'], ['banner', 'content'], ['header', 'content'], ['banner']]);
    assert.equal(saves(), 2, 'init and space');
    assert.equal(store.loading, true);
    assert.deepEqual(store.state(0), { vendor: 'alumio', accountId: 'a', spaceId: 's', space: space('s'), view: undefined });
  });

  it('shows the saved copy as cached until fresh data replaces it, with where its reader was', () => {
    const saved = { vendor: 'alumio', accountId: 'a', spaceId: 's', space: space('s', 'Old'), view: { scrollY: 300, tables: [{ group: 'g', filter: 'x', scrollTop: 5 }] } };
    const { store } = recording(saved);
    assert.equal(store.cached, true);
    assert.equal(store.space?.name, 'Old');
    assert.equal(store.pendingScrollY, 300);
    store.apply({ type: 'init', init: init('s') });
    assert.deepEqual(store.table('g'), { filter: 'x', scrollTop: 5 });
    store.apply({ type: 'space', space: space('s', 'New') });
    assert.equal(store.cached, false);
    assert.equal(store.state(0)?.space?.name, 'New');
  });

  it('drops a saved copy of another space, and where its reader was', () => {
    const saved = { vendor: 'alumio', accountId: 'a', spaceId: 'other', space: space('other'), view: { scrollY: 300, tables: [{ group: 'g', filter: 'x', scrollTop: 5 }] } };
    const { store } = recording(saved);
    store.apply({ type: 'init', init: init('s') });
    assert.equal(store.space, undefined);
    assert.equal(store.cached, false);
    assert.equal(store.pendingScrollY, undefined);
    assert.deepEqual(store.table('g'), { filter: '', scrollTop: 0 });
    assert.deepEqual(store.state(0), { vendor: 'alumio', accountId: 'a', spaceId: 's', space: undefined, view: undefined });
  });

  it('saves nothing before it knows its space, and a space too large to keep is saved without it', () => {
    const { store } = recording(undefined, 10);
    assert.equal(store.state(0), undefined);
    store.apply({ type: 'init', init: init('s') });
    store.apply({ type: 'space', space: space('s') });
    assert.equal(store.space?.id, 's');
    assert.equal(store.state(12)?.space, undefined);
    assert.deepEqual(store.state(12)?.view, { scrollY: 12, tables: [] });
  });
});
