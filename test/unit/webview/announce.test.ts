import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { PanelInit, PanelSpace } from '../../../src/panel/protocol';
import { Announcer, type AnnouncedState } from '../../../src/webview/announce';

const init = { locale: 'en', strings: { loading: 'Loading…', refreshing: 'Refreshing…', updated: 'Updated {0}' } } as unknown as PanelInit;
const space = (fetchedAt: number) => ({ id: 's', name: 'Space', fetchedAt }) as unknown as PanelSpace;

/** What a screen reader hears as the page goes through `states`, one entry per state. */
function heard(states: readonly AnnouncedState[], now = 1_000_000): (string | undefined)[] {
  const announcer = new Announcer();
  return states.map((state) => announcer.next(state, now));
}

describe('the space panel page, its live region', () => {
  it('says loading, then the update, once each however often the page redraws', () => {
    const loading = { init, loading: true, error: null };
    const shown = { init, space: space(1_000_000), loading: false, error: null };
    assert.deepEqual(heard([loading, loading, { ...loading, space: space(1_000_000) }, shown, shown]), ['Loading…', undefined, 'Refreshing…', 'Updated now', undefined]);
  });

  it('says a failure once, and again when a Retry fails anew', () => {
    const failed = { init, space: space(1), loading: false, error: { kind: 'server', message: 'down' } };
    const retrying = { ...failed, loading: true };
    assert.deepEqual(heard([failed, failed, retrying, failed]), ['server: down', undefined, 'Refreshing…', 'server: down']);
  });

  it('says nothing before the page knows its strings, nor for a page with neither space nor error', () => {
    assert.deepEqual(heard([{ loading: true, error: null }, { init, loading: false, error: null }]), [undefined, undefined]);
  });

  it('says a refresh that brought the same copy as updated again', () => {
    const shown = { init, space: space(1_000_000), loading: false, error: null };
    assert.deepEqual(heard([shown, { ...shown, loading: true }, shown]), ['Updated now', 'Refreshing…', 'Updated now']);
  });
});
