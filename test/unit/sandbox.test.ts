import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/server';

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
    assert.match((await res.json()).message, /No sandbox route for GET \/nowhere/);
  });

  it('counts TCP connections and requests', async () => {
    const before = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { requests: number; connections: number };
    assert.ok(before.connections >= 1);
    assert.equal(before.requests, sandbox.received.length);
  });
});
