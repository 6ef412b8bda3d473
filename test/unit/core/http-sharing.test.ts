import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHttpClient, type ClosableHttpClient } from '../../../src/core/http';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { rejectsWith, later } from './http-support';

describe('http: connections, sharing and the cache', () => {
  let sandbox: Sandbox;
  let served = 0;
  const lines: string[] = [];
  const clients: ClosableHttpClient[] = [];
  /** A client closed after the suite. */
  const client = (options: Parameters<typeof createHttpClient>[0]) => {
    const made = createHttpClient({ ...options, log: (l) => lines.push(l) });
    clients.push(made);
    return made;
  };
  before(async () => {
    sandbox = await startSandbox();
    // Each answer says how many came before it, so a cached answer is told apart from a fresh one.
    sandbox.route('GET', '/s', () => ({ status: 200, body: { n: ++served } }));
  });
  beforeEach(() => sandbox.reset());
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await sandbox.close();
  });

  it('keeps at most maxConcurrentPerOrigin requests in flight, over reused connections', async () => {
    const http = client({ maxConcurrentPerOrigin: 2, cacheTtlSeconds: 0 });
    sandbox.addFault({ path: '/s', kind: 'latency', ms: 40 });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => http.json({ url: `${sandbox.url}/s?i=${i}` })));
    assert.equal(answers.length, 12);
    assert.equal(sandbox.requests, 12);
    assert.equal(sandbox.maxInFlight, 2);
    assert.ok(sandbox.connections <= 2, `${sandbox.connections} connections`);
  });

  it('shares one request between concurrent identical GETs', async () => {
    const http = client({ cacheTtlSeconds: 0 });
    sandbox.addFault({ path: '/s', kind: 'latency', ms: 50 });
    const headers = { authorization: 'Bearer one' };
    const [a, b] = await Promise.all([http.json({ url: `${sandbox.url}/s`, headers }), http.json({ url: `${sandbox.url}/s`, headers: { Authorization: 'Bearer one' } })]);
    assert.deepEqual(a, b);
    assert.equal(sandbox.requests, 1);
    assert.match(lines.at(-1)!, / 200 \d+ms, shared$/);
  });

  it('does not share between different credentials', async () => {
    const http = client({ cacheTtlSeconds: 0 });
    sandbox.addFault({ path: '/s', kind: 'latency', ms: 50 });
    const [a, b] = await Promise.all([http.json({ url: `${sandbox.url}/s`, headers: { authorization: 'Bearer one' } }), http.json({ url: `${sandbox.url}/s`, headers: { authorization: 'Bearer two' } })]);
    assert.notDeepEqual(a, b);
    assert.deepEqual(sandbox.received.map((r) => r.headers.authorization).sort(), ['Bearer one', 'Bearer two']);
  });

  it('lets one sharing caller cancel without breaking the other', async () => {
    const http = client({ cacheTtlSeconds: 0 });
    sandbox.addFault({ path: '/s', kind: 'latency', ms: 100 });
    const controller = new AbortController();
    const leaving = http.json({ url: `${sandbox.url}/s`, signal: controller.signal });
    const staying = http.json({ url: `${sandbox.url}/s` });
    await later(20);
    controller.abort();
    await rejectsWith(leaving, 'cancelled');
    assert.ok(((await staying) as { n: number }).n > 0);
    assert.equal(sandbox.requests, 1);
  });

  it('aborts the shared request once every caller has gone', async () => {
    const http = client({ cacheTtlSeconds: 0 });
    sandbox.addFault({ path: '/s', kind: 'slowBody' });
    const controllers = [new AbortController(), new AbortController()];
    const cancelled = controllers.map((c) => rejectsWith(http.json({ url: `${sandbox.url}/s`, signal: c.signal }), 'cancelled'));
    await later(50);
    assert.equal(sandbox.inFlight, 1);
    controllers[0]!.abort();
    await later(20);
    assert.equal(sandbox.inFlight, 1, 'one caller left: the request goes on');
    controllers[1]!.abort();
    await Promise.all(cancelled);
    await later(50);
    assert.equal(sandbox.inFlight, 0, 'every caller left: the request was aborted');
  });

  it('caches GET results for the TTL', async () => {
    const http = client({ cacheTtlSeconds: 0.15 });
    const url = `${sandbox.url}/s?ttl`;
    const first = await http.json({ url });
    assert.deepEqual(await http.json({ url }), first);
    assert.match(lines.at(-1)!, / 200 \d+ms, cache hit$/);
    assert.equal(sandbox.requests, 1);
    await later(200);
    assert.notDeepEqual(await http.json({ url }), first);
    assert.equal(sandbox.requests, 2);
  });

  it('fetches anew on refresh and fills the cache; bypass neither reads nor fills it', async () => {
    const http = client({ cacheTtlSeconds: 60 });
    const url = `${sandbox.url}/s?modes`;
    const first = await http.json({ url });
    const refreshed = await http.json({ url, cache: 'refresh' });
    assert.notDeepEqual(refreshed, first);
    assert.deepEqual(await http.json({ url }), refreshed);
    const bypassed = await http.json({ url, cache: 'bypass' });
    assert.notDeepEqual(bypassed, refreshed);
    assert.deepEqual(await http.json({ url }), refreshed);
    assert.equal(sandbox.requests, 3);
  });

  it('evicts the least recently used entry beyond cacheMaxEntries', async () => {
    const http = client({ cacheTtlSeconds: 60, cacheMaxEntries: 2 });
    const url = (key: string) => `${sandbox.url}/s?lru=${key}`;
    await http.json({ url: url('a') });
    await http.json({ url: url('b') });
    await http.json({ url: url('a') }); // a is now the most recently used
    await http.json({ url: url('c') }); // evicts b
    assert.equal(sandbox.requests, 3);
    await http.json({ url: url('a') });
    await http.json({ url: url('c') });
    assert.equal(sandbox.requests, 3);
    await http.json({ url: url('b') });
    assert.equal(sandbox.requests, 4);
  });

  it('never serves one account the cached answer of another', async () => {
    const http = client({ cacheTtlSeconds: 60 });
    const url = `${sandbox.url}/s?accounts`;
    const one = await http.json({ url, headers: { 'x-api-key': 'one' } });
    const two = await http.json({ url, headers: { 'x-api-key': 'two' } });
    assert.notDeepEqual(one, two);
    assert.deepEqual(await http.json({ url, headers: { 'x-api-key': 'one' } }), one);
    assert.equal(sandbox.requests, 2);
  });

  it('does not cache failures or POSTs', async () => {
    const http = client({ cacheTtlSeconds: 60 });
    const url = `${sandbox.url}/s?failures`;
    sandbox.addFault({ path: '/s', kind: 'status', status: 404, times: 1 });
    await rejectsWith(http.json({ url }), 'notFound');
    await http.json({ url });
    assert.equal(sandbox.requests, 2);
    sandbox.route('POST', '/p', () => ({ status: 200, body: { n: ++served } }));
    const first = await http.json({ url: `${sandbox.url}/p`, method: 'POST' });
    assert.notDeepEqual(await http.json({ url: `${sandbox.url}/p`, method: 'POST' }), first);
  });
});
