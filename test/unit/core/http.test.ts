import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { createHttpClient } from '../../../src/core/http';
import { redactUrl } from '../../../src/core/httpErrors';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { rejectsWith, useHttpSuite } from './http-support';

const SECRET = 's3cret-value';

describe('http: basics', () => {
  const lines: string[] = [];
  const suite = useHttpSuite({
    routes: (sandbox) =>
      sandbox
        .route('GET', '/ok', () => ({ status: 200, body: { fine: true } }))
        .route('GET', '/html', () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>login</html>' }))
        .route('GET', '/big', () => ({ status: 200, body: 'x'.repeat(4096) }))
        .route('GET', '/teapot', () => ({ status: 503, body: { reason: 'busy' } }))
        .errorShape('/vendor/', (status, message) => ({ errorCode: status, errorMessage: message })),
    http: { maxResponseBytes: 1024, retryBaseDelayMs: 1, cacheTtlSeconds: 0, log: (l) => lines.push(l) },
  });
  after(() => {
    // Whatever happened above, no line may carry a header value.
    for (const line of lines) assert.doesNotMatch(line, new RegExp(SECRET));
  });

  it('returns parsed JSON and logs one line without header values', async () => {
    assert.deepEqual(await suite.http.json({ url: `${suite.sandbox.url}/ok?api_key=${SECRET}`, headers: { authorization: `Bearer ${SECRET}` } }), { fine: true });
    assert.match(lines.at(-1)!, /^GET http:\/\/127\.0\.0\.1:\d+\/ok\?api_key=\*\*\* 200 \d+ms$/);
    assert.equal(suite.sandbox.received[0]?.headers.authorization, `Bearer ${SECRET}`);
    assert.equal(suite.sandbox.received[0]?.headers.accept, 'application/json');
  });

  it('sends the next waiting request on a connection before the answer it waited for is handled', async () => {
    const client = suite.client({ maxConcurrentPerOrigin: 1 });
    const events: string[] = [];
    // undici's own report of a request's headers written to the connection.
    const written = (message: unknown) => events.push(`sent ${(message as { request: { path: string } }).request.path}`);
    diagnostics.subscribe('undici:client:sendHeaders', written);
    try {
      await Promise.all(
        ['/ok?first', '/ok?second'].map((path) => client.json({ url: `${suite.sandbox.url}${path}` }).then(() => events.push(`handled ${path}`))),
      );
    } finally {
      diagnostics.unsubscribe('undici:client:sendHeaders', written);
    }
    assert.deepEqual(events, ['sent /ok?first', 'sent /ok?second', 'handled /ok?first', 'handled /ok?second']);
  });

  it('logs the error kind and status of a failure', async () => {
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/nowhere`, headers: { 'x-api-key': SECRET } }), 'notFound');
    assert.match(lines.at(-1)!, /^GET http:\/\/127\.0\.0\.1:\d+\/nowhere 404 notFound \d+ms$/);
  });

  it('reports HTML instead of JSON as badResponse', async () => {
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/html` }), 'badResponse', /HTML/);
    suite.sandbox.addFault({ path: '/ok', kind: 'html', times: 1 });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/ok` }), 'badResponse', /HTML page/);
  });

  it('reports cut-off JSON as badResponse', async () => {
    suite.sandbox.addFault({ path: '/ok', kind: 'truncated', times: 1 });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/ok` }), 'badResponse', /incomplete or malformed JSON/);
  });

  it('cuts off a body over the size cap', async () => {
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/big` }), 'badResponse', /larger than 1 KB/);
  });

  it('lets the vendor word an error answer', async () => {
    const describeError = (status: number, body: unknown) => ({ message: `busy: ${(body as { reason: string }).reason} (${status})` });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/teapot`, describeError }), 'server', /^busy: busy \(503\)$/);
  });

  it('hands the vendor its own error body from a status fault', async () => {
    suite.sandbox.addFault({ path: '/vendor/', kind: 'status', status: 403, times: 1 });
    const describeError = (_status: number, body: unknown) => ({ message: `denied: ${(body as { errorMessage: string }).errorMessage}` });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/vendor/space`, describeError }), 'forbidden', /^denied: Sandbox fault: Forbidden$/);
  });

  it('falls back to the status when the vendor has no words', async () => {
    suite.sandbox.addFault({ path: '/ok', kind: 'status', status: 401, times: 1, body: 'nope' });
    const e = await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/ok` }), 'auth', /answered with status 401/);
    assert.equal(e.details.status, 401);
  });

  it('reports a refused connection as network', async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    await rejectsWith(suite.http.json({ url: `${url}/ok` }), 'network', /refused the connection/);
  });

  it('redacts user info and secret query values', () => {
    assert.equal(redactUrl('https://u:p@h.example/x?token=a&page=2'), 'https://h.example/x?token=***&page=2');
  });
});

describe('http: redirects', () => {
  const serve = (sandbox: Sandbox) =>
    sandbox.route('GET', '/ok', () => ({ status: 200, body: { fine: true } })).route('POST', '/form', () => ({ status: 303, headers: { location: '/ok' } }));
  const suite = useHttpSuite({ routes: serve, http: { cacheTtlSeconds: 0 } });
  /** Another server, where a redirect may point. */
  let other: Sandbox;
  const headers = { authorization: `Bearer ${SECRET}` };
  before(async () => {
    other = serve(await startSandbox());
  });
  beforeEach(() => other.reset());
  after(() => other.close());

  it('follows a same-origin redirect with the same headers', async () => {
    suite.sandbox.addFault({ path: '/moved', kind: 'redirect', status: 301, location: '/ok' });
    assert.deepEqual(await suite.http.json({ url: `${suite.sandbox.url}/moved`, headers }), { fine: true });
    assert.deepEqual(suite.sandbox.received.map((r) => [r.url, r.headers.authorization]), [
      ['/moved', headers.authorization],
      ['/ok', headers.authorization],
    ]);
  });

  it('continues a POST answered 303 as a GET', async () => {
    assert.deepEqual(await suite.http.json({ url: `${suite.sandbox.url}/form`, method: 'POST', body: 'a=1', headers }), { fine: true });
    assert.deepEqual(suite.sandbox.received.map((r) => `${r.method} ${r.url}`), ['POST /form', 'GET /ok']);
  });

  it('does not follow a redirect to another server, and names the (redacted) location', async () => {
    suite.sandbox.addFault({ path: '/away', kind: 'redirect', location: `${other.url}/ok?token=${SECRET}` });
    const e = await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/away`, headers }), 'redirect');
    assert.equal(e.details.status, 302);
    assert.equal(e.details.location, `${other.url}/ok?token=***`);
    assert.ok(e.message.includes(`${other.url}/ok?token=***`), e.message);
    assert.doesNotMatch(e.message, new RegExp(SECRET));
    assert.equal(other.requests, 0);
  });

  it('treats another host name for the same server as another origin', async () => {
    const port = new URL(suite.sandbox.url).port;
    suite.sandbox.addFault({ path: '/away', kind: 'redirect', location: `http://localhost:${port}/ok` });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/away`, headers }), 'redirect', /localhost/);
    assert.deepEqual(suite.sandbox.received.map((r) => r.url), ['/away']);
  });

  it('treats https to http on the same host as another origin', async () => {
    suite.sandbox.addFault({ path: '/down', kind: 'redirect', location: `${suite.sandbox.url}/ok` });
    const tls = createHttpClient({ ca: [suite.sandbox.caPem], cacheTtlSeconds: 0 });
    try {
      await rejectsWith(tls.json({ url: `${suite.sandbox.httpsUrl}/down`, headers }), 'redirect');
      assert.equal(suite.sandbox.requests, 1);
    } finally {
      await tls.close();
    }
  });

  it('gives up after five hops', async () => {
    suite.sandbox.addFault({ path: '/loop', kind: 'redirect', location: '/loop' });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/loop` }), 'redirect', /more than 5 times/);
    assert.equal(suite.sandbox.requests, 6);
  });
});
