import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { eventually } from '../../harness/wait.mjs';
import { rejectsWith, useHttpSuite } from './http-support';

describe('http: retries', () => {
  const lines: string[] = [];
  const suite = useHttpSuite({
    routes: (sandbox) => sandbox.route('GET', '/r', () => ({ status: 200, body: { ok: true } })).route('POST', '/r', () => ({ status: 200, body: { posted: true } })),
    http: { cacheTtlSeconds: 0, retryBaseDelayMs: 5, maxRetryDelaySeconds: 1, log: (l) => lines.push(l) },
  });
  let url: string;
  before(() => {
    url = `${suite.sandbox.url}/r`;
  });

  it('retries a 429 when Retry-After says so, and logs the retry', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'status', status: 429, times: 1, headers: { 'retry-after': '0' } });
    assert.deepEqual(await suite.http.json({ url }), { ok: true });
    assert.equal(suite.sandbox.requests, 2);
    assert.match(lines.at(-1)!, / 200 \d+ms, 1 retry$/);
  });

  it('waits for retry-after-ms', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'status', status: 429, times: 1, headers: { 'retry-after-ms': '150' } });
    // A lower bound only, on the monotonic clock: the wait lies inside what is measured, so a busy machine
    // can only lengthen it (the 5 ms spare: a timer counts from the event loop's start-of-turn millisecond).
    const started = performance.now();
    assert.deepEqual(await suite.http.json({ url }), { ok: true });
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 145, `retried after ${elapsed.toFixed(1)} ms`);
    assert.equal(suite.sandbox.requests, 2);
  });

  it('reads Retry-After as an HTTP date', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'status', status: 503, times: 1, headers: { 'retry-after': new Date(Date.now() - 1000).toUTCString() } });
    assert.deepEqual(await suite.http.json({ url }), { ok: true });
    assert.equal(suite.sandbox.requests, 2);
  });

  it('does not wait longer than the cap: rateLimited at once, with when to retry (seconds)', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'status', status: 429, headers: { 'retry-after': '120' } });
    const started = Date.now();
    const e = await rejectsWith(suite.http.json({ url }), 'rateLimited', /asks to wait 2 minutes/);
    assert.equal(e.details.status, 429);
    assert.ok(Math.abs(e.details.retryAt! - (started + 120_000)) < 2000, `retryAt ${e.details.retryAt}`);
    assert.equal(suite.sandbox.requests, 1);
  });

  it('does not wait longer than the cap: a 503 with an HTTP date an hour away stays a server error', async () => {
    const date = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
    suite.sandbox.addFault({ path: '/r', kind: 'status', status: 503, headers: { 'retry-after': date.toUTCString() } });
    const e = await rejectsWith(suite.http.json({ url }), 'server', /60 minutes/);
    assert.equal(e.details.retryAt, date.getTime());
    assert.equal(suite.sandbox.requests, 1);
  });

  it('gives up after three tries of a 429 that stays, as rateLimited with retryAt', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    const e = await rejectsWith(suite.http.json({ url }), 'rateLimited');
    assert.equal(e.details.status, 429);
    assert.equal(typeof e.details.retryAt, 'number');
    assert.equal(suite.sandbox.requests, 3);
    assert.match(lines.at(-1)!, / 429 rateLimited \d+ms, 2 retries$/);
  });

  it('retries a 503 with backoff, then succeeds', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'status', status: 503, times: 1 });
    assert.deepEqual(await suite.http.json({ url }), { ok: true });
    assert.equal(suite.sandbox.requests, 2);
  });

  it('retries a reset connection, then succeeds', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'reset', times: 2 });
    assert.deepEqual(await suite.http.json({ url }), { ok: true });
    assert.equal(suite.sandbox.requests, 3);
    assert.match(lines.at(-1)!, / 200 \d+ms, 2 retries$/);
  });

  it('reports resets that stay as network after three tries', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'reset' });
    await rejectsWith(suite.http.json({ url }), 'network', /closed unexpectedly/);
    assert.equal(suite.sandbox.requests, 3);
  });

  it('never retries a POST', async () => {
    suite.sandbox.addFault({ path: '/r', method: 'POST', kind: 'status', status: 503, times: 1, headers: { 'retry-after': '0' } });
    await rejectsWith(suite.http.json({ url, method: 'POST', body: '{}' }), 'server');
    suite.sandbox.addFault({ path: '/r', method: 'POST', kind: 'reset', times: 1 });
    await rejectsWith(suite.http.json({ url, method: 'POST', body: '{}' }), 'network');
    assert.equal(suite.sandbox.requests, 2);
  });

  it('does not retry other statuses', async () => {
    suite.sandbox.addFault({ path: '/r', kind: 'status', status: 500, times: 1 });
    await rejectsWith(suite.http.json({ url }), 'server');
    assert.equal(suite.sandbox.requests, 1);
  });
});

describe('http: cancellation', () => {
  const suite = useHttpSuite({ routes: (sandbox) => sandbox.route('GET', '/c', () => ({ status: 200, body: { ok: true } })), http: { cacheTtlSeconds: 0, retryBaseDelayMs: 5 } });
  let url: string;
  before(() => {
    url = `${suite.sandbox.url}/c`;
  });

  it('is cancelled before it starts', async () => {
    await rejectsWith(suite.http.json({ url, signal: AbortSignal.abort() }), 'cancelled');
    await rejectsWith(suite.http.json({ url, method: 'POST', signal: AbortSignal.abort() }), 'cancelled');
    assert.equal(suite.sandbox.requests, 0);
  });

  it('is cancelled while waiting for the answer', async () => {
    suite.sandbox.addFault({ path: '/c', kind: 'hold' });
    try {
      const controller = new AbortController();
      const pending = suite.http.json({ url, signal: controller.signal });
      await eventually(() => suite.sandbox.held, (held) => held === 1, 'the request held');
      controller.abort();
      await rejectsWith(pending, 'cancelled');
      assert.equal(suite.sandbox.held, 1, 'cancelled while the answer was still held back');
    } finally {
      suite.sandbox.release();
    }
  });

  it('is cancelled while the body streams in', async () => {
    suite.sandbox.addFault({ path: '/c', kind: 'slowBody' });
    const controller = new AbortController();
    const pending = suite.http.json({ url, signal: controller.signal });
    // The sandbox sends the headers and half the body as it takes the request, then stalls for ever.
    await eventually(() => suite.sandbox.inFlight, (n) => n === 1, 'the answer under way');
    controller.abort();
    await rejectsWith(pending, 'cancelled');
  });

  it('is cancelled while waiting to retry', async () => {
    // The wait asked for is longer than any test may take: only the cancellation can end it.
    const http = suite.client({ maxRetryDelaySeconds: 3600 });
    suite.sandbox.addFault({ path: '/c', kind: 'status', status: 429, times: 1, headers: { 'retry-after-ms': '600000' } });
    const controller = new AbortController();
    const pending = http.json({ url, signal: controller.signal });
    await eventually(() => suite.sandbox.stats(), (s) => s.requests === 1 && s.inFlight === 0, 'the 429 answered');
    controller.abort();
    await rejectsWith(pending, 'cancelled');
    assert.equal(suite.sandbox.requests, 1);
  });
});
