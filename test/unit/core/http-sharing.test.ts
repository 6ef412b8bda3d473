import { describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import { eventually } from '../../harness/wait.mjs';
import { rejectsWith, useHttpSuite } from './http-support';

describe('http: connections, sharing and the cache', () => {
  let served = 0;
  const lines: string[] = [];
  const suite = useHttpSuite({
    // Each answer says how many came before it, so a cached answer is told apart from a fresh one.
    routes: (sandbox) => sandbox.route('GET', '/s', () => ({ status: 200, body: { n: ++served } })),
    http: { log: (l) => lines.push(l) },
  });

  it('keeps at most maxConcurrentPerOrigin requests in flight, over reused connections', async () => {
    const http = suite.client({ maxConcurrentPerOrigin: 2, cacheTtlSeconds: 0 });
    suite.sandbox.addFault({ path: '/s', kind: 'latency', ms: 40 });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => http.json({ url: `${suite.sandbox.url}/s?i=${i}` })));
    assert.equal(answers.length, 12);
    assert.equal(suite.sandbox.requests, 12);
    assert.equal(suite.sandbox.maxInFlight, 2);
    assert.ok(suite.sandbox.connections <= 2, `${suite.sandbox.connections} connections`);
  });

  it('opens no connection for requests cancelled while they wait for one', async () => {
    const http = suite.client({ maxConcurrentPerOrigin: 6, cacheTtlSeconds: 0 });
    suite.sandbox.addFault({ path: '/s', kind: 'hold' });
    const controllers = Array.from({ length: 60 }, () => new AbortController());
    const outcomes = controllers.map((c, i) => http.json({ url: `${suite.sandbox.url}/s?i=${i}`, signal: c.signal }).then(() => 'answered', (err: unknown) => (err as { kind?: string }).kind));
    await eventually(() => suite.sandbox.held, (held) => held === 6, 'six requests at the server');
    // A page of rows the user collapsed: what has not been sent yet is cancelled.
    for (const controller of controllers.slice(6)) controller.abort();
    suite.sandbox.clearFaults();
    suite.sandbox.release();
    const kinds = await Promise.all(outcomes);
    assert.deepEqual([kinds.filter((k) => k === 'answered').length, kinds.filter((k) => k === 'cancelled').length], [6, 54]);
    await http.json({ url: `${suite.sandbox.url}/s?after` });
    assert.equal(suite.sandbox.requests, 7);
    assert.ok(suite.sandbox.connections <= 6, `${suite.sandbox.connections} connections for 7 requests`);
  });

  it('shares one request between concurrent identical GETs', async () => {
    const http = suite.client({ cacheTtlSeconds: 0 });
    suite.sandbox.addFault({ path: '/s', kind: 'latency', ms: 50 });
    const headers = { authorization: 'Bearer one' };
    const [a, b] = await Promise.all([http.json({ url: `${suite.sandbox.url}/s`, headers }), http.json({ url: `${suite.sandbox.url}/s`, headers: { Authorization: 'Bearer one' } })]);
    assert.deepEqual(a, b);
    assert.equal(suite.sandbox.requests, 1);
    assert.match(lines.at(-1)!, / 200 \d+ms, shared$/);
  });

  it('does not share between different credentials', async () => {
    const http = suite.client({ cacheTtlSeconds: 0 });
    suite.sandbox.addFault({ path: '/s', kind: 'latency', ms: 50 });
    const [a, b] = await Promise.all([http.json({ url: `${suite.sandbox.url}/s`, headers: { authorization: 'Bearer one' } }), http.json({ url: `${suite.sandbox.url}/s`, headers: { authorization: 'Bearer two' } })]);
    assert.notDeepEqual(a, b);
    assert.deepEqual(suite.sandbox.received.map((r) => r.headers.authorization).sort(), ['Bearer one', 'Bearer two']);
  });

  it('lets one sharing caller cancel without breaking the other', async () => {
    const http = suite.client({ cacheTtlSeconds: 0 });
    suite.sandbox.addFault({ path: '/s', kind: 'hold' });
    const controller = new AbortController();
    const leaving = http.json({ url: `${suite.sandbox.url}/s`, signal: controller.signal });
    const staying = http.json({ url: `${suite.sandbox.url}/s` });
    await eventually(() => suite.sandbox.held, (held) => held === 1, 'the shared request held');
    controller.abort();
    await rejectsWith(leaving, 'cancelled');
    suite.sandbox.release();
    assert.ok(((await staying) as { n: number }).n > 0);
    assert.equal(suite.sandbox.requests, 1);
  });

  it('aborts the shared request once every caller has gone', async () => {
    const http = suite.client({ cacheTtlSeconds: 0 });
    const url = `${suite.sandbox.url}/s`;
    suite.sandbox.addFault({ path: '/s', kind: 'hold' });
    try {
      // One of two callers leaves: the request goes on, and the other gets its answer.
      let controllers = [new AbortController(), new AbortController()];
      const [leaving, staying] = controllers.map((c) => http.json({ url, signal: c.signal }));
      await eventually(() => suite.sandbox.held, (held) => held === 1, 'the shared request held');
      controllers[0]!.abort();
      await rejectsWith(leaving!, 'cancelled');
      suite.sandbox.release();
      assert.ok(((await staying!) as { n: number }).n > 0, 'one caller left: the request went on');
      assert.equal(suite.sandbox.requests, 1);

      // Both leave: the request is aborted, and the sandbox sees its connection close.
      controllers = [new AbortController(), new AbortController()];
      const cancelled = controllers.map((c) => rejectsWith(http.json({ url, signal: c.signal }), 'cancelled'));
      await eventually(() => suite.sandbox.held, (held) => held === 1, 'the second shared request held');
      assert.equal(suite.sandbox.inFlight, 1);
      controllers[0]!.abort();
      await cancelled[0];
      controllers[1]!.abort();
      await Promise.all(cancelled);
      await eventually(() => suite.sandbox.inFlight, (n) => n === 0, 'every caller left: the request aborted');
      assert.equal(suite.sandbox.requests, 2);
    } finally {
      suite.sandbox.release();
    }
  });

  it('caches GET results for the TTL', async (t) => {
    // The cache reads the clock it was made with: this test's, moved by hand.
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    t.after(() => mock.timers.reset());
    const http = suite.client({ cacheTtlSeconds: 0.15 });
    const url = `${suite.sandbox.url}/s?ttl`;
    const first = await http.json({ url });
    mock.timers.tick(149);
    assert.deepEqual(await http.json({ url }), first);
    assert.match(lines.at(-1)!, / 200 \d+ms, cache hit$/);
    assert.equal(suite.sandbox.requests, 1);
    mock.timers.tick(1);
    assert.notDeepEqual(await http.json({ url }), first);
    assert.equal(suite.sandbox.requests, 2);
  });

  it('fetches anew on refresh and fills the cache; bypass neither reads nor fills it', async () => {
    const http = suite.client({ cacheTtlSeconds: 60 });
    const url = `${suite.sandbox.url}/s?modes`;
    const first = await http.json({ url });
    const refreshed = await http.json({ url, cache: 'refresh' });
    assert.notDeepEqual(refreshed, first);
    assert.deepEqual(await http.json({ url }), refreshed);
    const bypassed = await http.json({ url, cache: 'bypass' });
    assert.notDeepEqual(bypassed, refreshed);
    assert.deepEqual(await http.json({ url }), refreshed);
    assert.equal(suite.sandbox.requests, 3);
  });

  it('evicts the least recently used entry beyond cacheMaxEntries', async () => {
    const http = suite.client({ cacheTtlSeconds: 60, cacheMaxEntries: 2 });
    const url = (key: string) => `${suite.sandbox.url}/s?lru=${key}`;
    await http.json({ url: url('a') });
    await http.json({ url: url('b') });
    await http.json({ url: url('a') }); // a is now the most recently used
    await http.json({ url: url('c') }); // evicts b
    assert.equal(suite.sandbox.requests, 3);
    await http.json({ url: url('a') });
    await http.json({ url: url('c') });
    assert.equal(suite.sandbox.requests, 3);
    await http.json({ url: url('b') });
    assert.equal(suite.sandbox.requests, 4);
  });

  it('never serves one account the cached answer of another', async () => {
    const http = suite.client({ cacheTtlSeconds: 60 });
    const url = `${suite.sandbox.url}/s?accounts`;
    const one = await http.json({ url, headers: { 'x-api-key': 'one' } });
    const two = await http.json({ url, headers: { 'x-api-key': 'two' } });
    assert.notDeepEqual(one, two);
    assert.deepEqual(await http.json({ url, headers: { 'x-api-key': 'one' } }), one);
    assert.equal(suite.sandbox.requests, 2);
  });

  it('does not cache failures or POSTs', async () => {
    const http = suite.client({ cacheTtlSeconds: 60 });
    const url = `${suite.sandbox.url}/s?failures`;
    suite.sandbox.addFault({ path: '/s', kind: 'status', status: 404, times: 1 });
    await rejectsWith(http.json({ url }), 'notFound');
    await http.json({ url });
    assert.equal(suite.sandbox.requests, 2);
    suite.sandbox.route('POST', '/p', () => ({ status: 200, body: { n: ++served } }));
    const first = await http.json({ url: `${suite.sandbox.url}/p`, method: 'POST' });
    assert.notDeepEqual(await http.json({ url: `${suite.sandbox.url}/p`, method: 'POST' }), first);
  });
});
