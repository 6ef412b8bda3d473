import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import { startSandbox, type Sandbox, type SandboxStats } from '../../sandbox/server';

describe('sandbox server', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
    sandbox.route('GET', '/things/:id', (req) => ({ status: 200, body: { id: req.params.id, q: req.query.get('q') } }));
  });
  after(() => sandbox.close());

  it('listens on loopback only, on a free port', () => {
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(sandbox.url, 'http://127.0.0.1:0');
  });

  it('routes with path parameters and records what it received', async () => {
    const res = await fetch(`${sandbox.url}/things/a%20b?q=1`, { headers: { 'x-probe': 'yes' } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { id: 'a b', q: '1' });
    const last = sandbox.received.at(-1)!;
    assert.equal(last.url, '/things/a%20b?q=1');
    assert.equal(last.headers['x-probe'], 'yes');
  });

  it('answers unknown paths with a JSON 404', async () => {
    const res = await fetch(`${sandbox.url}/nowhere`);
    assert.equal(res.status, 404);
    assert.match(((await res.json()) as { message: string }).message, /No sandbox route for GET \/nowhere/);
  });

  it('counts TCP connections and requests', async () => {
    /** A GET over `agent` (false: a connection of its own), read to its end; its body. */
    const get = (path: string, agent: http.Agent | false) =>
      new Promise<string>((resolve, reject) => {
        http
          .get(`${sandbox.url}${path}`, { agent }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
    sandbox.reset();
    // Counted here, not by the sandbox: three requests on a connection each, three more over one kept alive.
    for (let i = 0; i < 3; i++) await get(`/things/own-${i}`, false);
    const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 3; i++) await get(`/things/shared-${i}`, keptAlive);
    } finally {
      keptAlive.destroy();
    }
    // The control request opens a fifth connection and counts as no request.
    const stats = JSON.parse(await get('/__sandbox/stats', false)) as SandboxStats;
    assert.deepEqual({ requests: stats.requests, connections: stats.connections }, { requests: 6, connections: 5 });
    assert.deepEqual(
      sandbox.received.map((r) => r.url),
      ['own-0', 'own-1', 'own-2', 'shared-0', 'shared-1', 'shared-2'].map((id) => `/things/${id}`),
    );
  });
});

describe('sandbox control over HTTP', () => {
  let sandbox: Sandbox;
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.url}/__sandbox/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  before(async () => {
    sandbox = await startSandbox();
    sandbox.route('GET', '/api/thing', () => ({ status: 200, body: { ok: true } }));
    sandbox.errorShape('/api/', (status, message) => ({ code: status, detail: message }));
  });
  beforeEach(() => sandbox.reset());
  after(() => sandbox.close());

  it('adds a fault for a number of requests, in the vendor error shape', async () => {
    assert.equal((await control('POST', 'faults', { path: '/api/', kind: 'status', status: 429, times: 1, headers: { 'retry-after': '7' } })).status, 201);
    const faulted = await fetch(`${sandbox.url}/api/thing`);
    assert.equal(faulted.status, 429);
    assert.equal(faulted.headers.get('retry-after'), '7');
    assert.deepEqual(await faulted.json(), { code: 429, detail: 'Sandbox fault: Too Many Requests' });
    assert.equal((await fetch(`${sandbox.url}/api/thing`)).status, 200);
  });

  it('clears faults, and refuses invalid ones', async () => {
    await control('POST', 'faults', { path: '/api/', kind: 'html' });
    assert.match(await (await fetch(`${sandbox.url}/api/thing`)).text(), /<html>/);
    assert.equal((await control('DELETE', 'faults')).status, 200);
    assert.equal((await fetch(`${sandbox.url}/api/thing`)).status, 200);
    assert.equal((await control('POST', 'faults', { path: 'api', kind: 'explode' })).status, 400);
    assert.equal((await control('POST', 'faults', { path: '/api/', kind: 'redirect' })).status, 400);
  });

  it('matches the method when given', async () => {
    await control('POST', 'faults', { path: '/api/', method: 'POST', kind: 'status', status: 500 });
    assert.equal((await fetch(`${sandbox.url}/api/thing`)).status, 200);
  });

  it('reports what it received, and resets counters', async () => {
    await fetch(`${sandbox.url}/api/thing?x=1`, { headers: { 'x-probe': 'yes' } });
    const { requests } = (await (await control('GET', 'received')).json()) as { requests: { method: string; url: string; headers: Record<string, string> }[] };
    assert.deepEqual(requests.map((r) => [r.method, r.url, r.headers['x-probe']]), [['GET', '/api/thing?x=1', 'yes']]);
    assert.equal((await control('POST', 'reset')).status, 200);
    assert.deepEqual({ ...sandbox.stats(), connections: 0, openSockets: 0 }, { requests: 0, connections: 0, openSockets: 0, inFlight: 0, maxInFlight: 0 });
    assert.equal(sandbox.received.length, 0);
  });

  it('serves the same routes over HTTPS with a certificate for 127.0.0.1', async () => {
    assert.match(sandbox.httpsUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      https.get(`${sandbox.httpsUrl}/api/thing`, { ca: sandbox.caPem }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      }).on('error', reject);
    });
    assert.deepEqual(JSON.parse(body), { ok: true });
  });
});
