import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { InFlight, TtlCache } from '../../../src/core/cache';
import { later } from './http-support';

describe('TtlCache', () => {
  const clock = () => {
    let now = 1000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('keeps entries for the TTL', () => {
    const time = clock();
    const cache = new TtlCache<string>({ ttlMs: 100, maxEntries: 10, now: time.now });
    cache.set('a', 'A');
    time.advance(99);
    assert.equal(cache.get('a'), 'A');
    time.advance(1);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });

  it('drops the least recently used entry beyond maxEntries', () => {
    const cache = new TtlCache<number>({ ttlMs: 100, maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [1, undefined, 3]);
  });

  it('replaces an entry and renews its TTL', () => {
    const time = clock();
    const cache = new TtlCache<number>({ ttlMs: 100, maxEntries: 2, now: time.now });
    cache.set('a', 1);
    time.advance(60);
    cache.set('a', 2);
    time.advance(60);
    assert.equal(cache.get('a'), 2);
    assert.equal(cache.size, 1);
  });

  it('is bounded by bytes as well as entries: the least recently used go first, a value beyond the bound is not kept', () => {
    const cache = new TtlCache<string>({ ttlMs: 100, maxEntries: 100, maxBytes: 10, sizeOf: (value) => value.length });
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    cache.get('a');
    cache.set('c', 'cccc');
    assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], ['aaaa', undefined, 'cccc']);
    assert.equal(cache.bytes, 8);
    cache.set('huge', 'x'.repeat(11));
    assert.equal(cache.get('huge'), undefined);
    assert.equal(cache.bytes, 8, 'what was kept stays');
    cache.set('a', 'a');
    assert.equal(cache.bytes, 5, 'a replaced entry counts once');
  });

  it('drops expired entries when another is added, so nothing stale holds memory', () => {
    const time = clock();
    const cache = new TtlCache<string>({ ttlMs: 100, maxEntries: 100, maxBytes: 1000, sizeOf: (value) => value.length, now: time.now });
    for (let i = 0; i < 40; i++) cache.set(`k${i}`, 'x'.repeat(20));
    assert.equal(cache.bytes, 800);
    time.advance(100);
    cache.set('fresh', 'y');
    assert.deepEqual([cache.size, cache.bytes], [1, 1]);
  });

  it('is off with a TTL of 0', () => {
    const cache = new TtlCache<number>({ ttlMs: 0, maxEntries: 2 });
    cache.set('a', 1);
    assert.equal(cache.get('a'), undefined);
  });
});

describe('InFlight', () => {
  it('runs identical concurrent work once', async () => {
    const flights = new InFlight<number>();
    let runs = 0;
    const work = async () => (await later(10), ++runs);
    const a = flights.run('k', undefined, work);
    const b = flights.run('k', undefined, work);
    assert.deepEqual([a.shared, b.shared], [false, true]);
    assert.deepEqual(await Promise.all([a.promise, b.promise]), [1, 1]);
    assert.equal(flights.size, 0);
    assert.equal(await flights.run('k', undefined, work).promise, 2, 'finished work is not reused');
  });

  it('passes a failure to every caller', async () => {
    const flights = new InFlight<number>();
    const work = async () => Promise.reject(new Error('boom'));
    const calls = [flights.run('k', undefined, work), flights.run('k', undefined, work)];
    for (const call of calls) await assert.rejects(call.promise, /boom/);
  });

  it('aborts the work only when every caller has left, and starts afresh after', async () => {
    const flights = new InFlight<string>();
    const signals: AbortSignal[] = [];
    const work = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => resolve('done'), 200);
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))));
      });
    };
    const [one, two] = [new AbortController(), new AbortController()];
    const a = flights.run('k', one.signal, work);
    const b = flights.run('k', two.signal, work);
    one.abort();
    await assert.rejects(a.promise, { name: 'AbortError' });
    assert.equal(signals[0]!.aborted, false);
    two.abort();
    await assert.rejects(b.promise, { name: 'AbortError' });
    assert.equal(signals[0]!.aborted, true);
    const c = flights.run('k', undefined, work);
    assert.equal(c.shared, false);
    assert.equal(await c.promise, 'done');
  });

  it('does not start work for a caller that has already left', async () => {
    const flights = new InFlight<number>();
    let started = false;
    const call = flights.run('k', AbortSignal.abort(), async () => ((started = true), 1));
    await assert.rejects(call.promise, { name: 'AbortError' });
    assert.equal(started, false);
  });
});
