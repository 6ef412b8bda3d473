import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { FILTER_KEY, FilterMemory, MAX_QUERY, MAX_RECENT, RECENT_FILTERS_KEY } from '../../../src/services/filterMemory';
import { memoryStore } from './memoryStore';

/** A store in memory holding `initial`'s keys (the filter memory reads two). */
function memory(initial: Record<string, unknown> = {}) {
  const store = memoryStore(FILTER_KEY);
  Object.assign(store.values, initial);
  return store;
}

describe("the filter's memory", () => {
  it('keeps the filter in effect for the next window, and forgets it once cleared', async () => {
    const [profile, window] = [memory(), memory()];
    await new FilterMemory(profile, window).use('  acme production ');
    assert.equal(new FilterMemory(profile, window).saved, 'acme production');
    await new FilterMemory(profile, window).use('');
    assert.equal(new FilterMemory(profile, window).saved, '');
    assert.deepEqual(new FilterMemory(profile, memory()).recent, ['acme production'], 'the recent ones are the profile’s, not the window’s');
  });

  it('offers the last 10 filters, the latest first and each once; clearing forgets them', async () => {
    const profile = memory();
    const filters = new FilterMemory(profile, memory());
    for (let n = 1; n <= 12; n++) await filters.use(`query ${n}`);
    await filters.use('query 5');
    assert.equal(filters.recent.length, MAX_RECENT);
    assert.deepEqual(filters.recent.slice(0, 3), ['query 5', 'query 12', 'query 11']);
    assert.deepEqual(new FilterMemory(profile, memory()).recent, filters.recent);
    await filters.clearRecent();
    assert.deepEqual(new FilterMemory(profile, memory()).recent, []);
  });

  it('reads what was stored as untrusted: strings only, trimmed and cut, at most 10', () => {
    const long = 'x'.repeat(MAX_QUERY + 100);
    const profile = memory({ [RECENT_FILTERS_KEY]: ['a', 7, null, { q: 'b' }, ' a ', long, '', ...Array.from({ length: 20 }, (_, i) => `q${i}`)] });
    const filters = new FilterMemory(profile, memory({ [FILTER_KEY]: { query: 'x' } }));
    assert.equal(filters.saved, '');
    assert.deepEqual(filters.recent.slice(0, 2), ['a', 'x'.repeat(MAX_QUERY)]);
    assert.equal(filters.recent.length, MAX_RECENT);
    assert.deepEqual(new FilterMemory(memory({ [RECENT_FILTERS_KEY]: 'a' }), memory()).recent, []);
  });
});
