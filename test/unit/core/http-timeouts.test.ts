import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import net, { type AddressInfo, type Socket } from 'node:net';
import { createHttpClient } from '../../../src/core/http';
import { eventually } from '../../harness/wait.mjs';
import { rejectsWith, useHttpSuite } from './http-support';

// undici checks these timeouts on a coarse timer (about half a second), so each test takes about a second:
// they run concurrently, each on its own path.
describe('http: timeouts and the size cap', { concurrency: true }, () => {
  const suite = useHttpSuite({
    routes: (sandbox) => sandbox.route('GET', '/t/:case', () => ({ status: 200, body: { ok: true } })),
    http: { timeoutSeconds: 0.3, cacheTtlSeconds: 0, maxResponseBytes: 16 * 1024 },
    // The tests run at the same time, so none may clear the others' faults.
    resetEachTest: false,
  });
  // Accepts TCP connections and never says a word: neither a TLS handshake nor a proxy tunnel completes.
  const silent = net.createServer((socket) => sockets.add(socket));
  const sockets = new Set<Socket>();
  before(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('times out connecting when the TLS handshake never completes', async () => {
    const { port } = silent.address() as AddressInfo;
    // Only undici's connect timeout reads so; were it not set to ours, its default (10 s) would come after
    // the request's deadline (2.3 s), which says "took longer than 2.3 seconds to answer in full".
    await rejectsWith(suite.http.json({ url: `https://127.0.0.1:${port}/t/connect` }), 'timeout', /^Connecting to 127\.0\.0\.1:\d+ took longer than 0\.3 seconds\.$/);
  });

  it('times out when a proxy never answers the tunnel request', async () => {
    const { port } = silent.address() as AddressInfo;
    const proxied = createHttpClient({ timeoutSeconds: 0.3, proxy: { url: `http://127.0.0.1:${port}` } });
    try {
      await rejectsWith(proxied.json({ url: `${suite.sandbox.remoteUrl}/t/proxy` }), 'timeout');
    } finally {
      await proxied.close();
    }
  });

  it('times out waiting for the answer to start', async () => {
    suite.sandbox.addFault({ path: '/t/headers', kind: 'slowHeaders', ms: 2000, times: 1 });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/t/headers` }), 'timeout', /did not start answering within 0\.3 seconds/);
  });

  it('times out when the body stalls', async () => {
    suite.sandbox.addFault({ path: '/t/body', kind: 'slowBody', times: 1 });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/t/body` }), 'timeout', /stopped sending its answer for 0\.3 seconds/);
  });

  it('accepts a slow answer within the timeout', async () => {
    suite.sandbox.addFault({ path: '/t/slow', kind: 'slowBody', ms: 100, times: 1, body: { slow: 'but fine' } });
    assert.deepEqual(await suite.http.json({ url: `${suite.sandbox.url}/t/slow` }), { slow: 'but fine' });
  });

  it('ends a request that trickles a byte now and then at its overall deadline, freeing its slot', async () => {
    suite.sandbox.addFault({ path: '/t/trickle', kind: 'trickle', ms: 100, times: 1 });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/t/trickle` }), 'timeout', /took longer than 2\.3 seconds to answer in full/);
    assert.deepEqual(await suite.http.json({ url: `${suite.sandbox.url}/t/after-trickle` }), { ok: true });
  });

  it('close() ends the requests under way instead of waiting for them', async () => {
    const closing = createHttpClient({ timeoutSeconds: 30, cacheTtlSeconds: 0 });
    suite.sandbox.addFault({ path: '/t/held', kind: 'hold', times: 2 });
    const requests = [closing.json({ url: `${suite.sandbox.url}/t/held` }), closing.json({ url: `${suite.sandbox.url}/t/held`, method: 'POST', body: '{}' })];
    const cancelled = Promise.all(requests.map((request) => rejectsWith(request, 'cancelled')));
    await eventually(() => suite.sandbox.held, (held) => held === 2, 'both requests held');
    await closing.close();
    await cancelled;
    suite.sandbox.release('/t/held');
    // A closed client sends nothing more.
    await rejectsWith(closing.json({ url: `${suite.sandbox.url}/t/ok` }), 'cancelled');
  });

  it('stops reading at the size cap while streaming', async () => {
    suite.sandbox.addFault({ path: '/t/size', kind: 'oversize', bytes: 4 * 1024 * 1024, times: 1 });
    await rejectsWith(suite.http.json({ url: `${suite.sandbox.url}/t/size` }), 'badResponse', /larger than 16 KB and was cut off/);
  });
});
