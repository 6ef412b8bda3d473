// The HTTP layer through a real proxy from Debian (tinyproxy, started here on loopback): http and https
// through it, `noProxy` honoured, the proxy's credentials sent to the proxy only, and a 50 MB answer cut
// off at the size cap with memory flat.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HttpOptions } from '../../../src/core/http';
import { startTinyproxy, type Tinyproxy } from '../../sandbox/tinyproxy';
import { eventually } from '../../harness/wait.mjs';
import { rejectsWith, useHttpSuite } from './http-support';

const AUTH = { user: 'spaces', password: 'proxy-secret-5e1f' };
const PROXY_AUTHORIZATION = `Basic ${Buffer.from(`${AUTH.user}:${AUTH.password}`).toString('base64')}`;

describe('http: through a real proxy (tinyproxy)', () => {
  const suite = useHttpSuite({ routes: (sandbox) => sandbox.route('GET', '/ok', () => ({ status: 200, body: { fine: true } })), http: { cacheTtlSeconds: 0 } });
  /** A client of the suite that trusts the sandbox's CA. */
  const client = (options: Partial<HttpOptions>) => suite.client({ ca: [suite.sandbox.caPem], ...options });
  let proxy: Tinyproxy;
  before(async () => {
    proxy = await startTinyproxy(AUTH);
  });
  after(async () => {
    await proxy?.stop();
  });

  it('goes through it for http and https, and the proxy credentials never reach the vendor', async () => {
    const http = client({ proxy: { url: proxy.url, authorization: PROXY_AUTHORIZATION } });
    assert.deepEqual(await http.json({ url: `${suite.sandbox.remoteUrl}/ok`, headers: { authorization: 'Bearer vendor-token' } }), { fine: true });
    assert.deepEqual(await http.json({ url: `${suite.sandbox.remoteHttpsUrl}/ok` }), { fine: true });
    const targets = [new URL(suite.sandbox.remoteUrl).host, new URL(suite.sandbox.remoteHttpsUrl).host];
    assert.deepEqual(proxy.requests().filter((r) => targets.some((t) => r.includes(t))).length, 2, proxy.requests().join('\n'));
    assert.equal(suite.sandbox.received.length, 2);
    for (const request of suite.sandbox.received) assert.equal(request.headers['proxy-authorization'], undefined, 'the proxy credentials reached the vendor');
    assert.equal(suite.sandbox.received[0]!.headers.authorization, 'Bearer vendor-token', "the vendor's own credentials arrive");
  });

  it('never carries a request to this machine, whatever noProxy says: loopback accounts send in clear', async () => {
    const before = proxy.requests().length;
    const http = client({ proxy: { url: proxy.url, authorization: PROXY_AUTHORIZATION, noProxy: [] } });
    const port = new URL(suite.sandbox.url).port;
    for (const origin of [suite.sandbox.url, `http://localhost:${port}`, suite.sandbox.httpsUrl]) {
      assert.deepEqual(await http.json({ url: `${origin}/ok`, headers: { authorization: 'Bearer loopback-token' } }), { fine: true }, origin);
    }
    assert.deepEqual(proxy.requests().slice(before), [], 'requests the proxy took');
    assert.equal(suite.sandbox.received.length, 3);
    for (const request of suite.sandbox.received) assert.equal(request.headers.authorization, 'Bearer loopback-token');
  });

  it('is refused without its credentials, as a network error that says so', async () => {
    await rejectsWith(client({ proxy: { url: proxy.url } }).json({ url: `${suite.sandbox.remoteUrl}/ok` }), 'network', /proxy refused to connect to 0\.0\.0\.0:\d+ \(status 407\)/);
    assert.equal(suite.sandbox.received.length, 0);
  });

  it('reaches noProxy hosts directly', async () => {
    const before = proxy.requests().length;
    assert.deepEqual(await client({ proxy: { url: proxy.url, authorization: PROXY_AUTHORIZATION, noProxy: ['0.0.0.0'] } }).json({ url: `${suite.sandbox.remoteUrl}/ok` }), { fine: true });
    assert.equal(proxy.requests().length, before, 'the proxy was not asked');
    assert.equal(suite.sandbox.received.length, 1);
  });

  it('cuts a 50 MB answer off at the size cap, memory flat', async () => {
    // The sandbox in a process of its own, so what is measured here is the client's memory alone.
    // out/test/unit/core → out/sandbox/main.js
    const server = spawn(process.execPath, [path.join(__dirname, '..', '..', '..', 'sandbox', 'main.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(readline.createInterface({ input: server.stdout }), 'line')) as [string];
      const { url } = JSON.parse(line) as { url: string };
      const fault = { path: '/big', kind: 'oversize', bytes: 50 * 1024 * 1024, times: 1 };
      assert.equal((await fetch(`${url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) })).ok, true);

      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const used = () => {
        gc();
        const { heapUsed, arrayBuffers } = process.memoryUsage();
        return heapUsed + arrayBuffers;
      };
      const http = client({ proxy: { url: proxy.url, authorization: PROXY_AUTHORIZATION } });
      const baseline = used();
      await rejectsWith(http.json({ url: `${url}/big` }), 'badResponse', /larger than 10 MB and was cut off/);
      // Right after, what the client holds is bounded by the 10 MB cap, not by the 50 MB sent; once the
      // connection is torn down it is all given back.
      const right = used() - baseline;
      assert.ok(right < 30 * 1024 * 1024, `memory grew by ${(right / 1024 / 1024).toFixed(1)} MB`);
      await eventually(() => used() - baseline, (grown) => grown < 4 * 1024 * 1024, 'the memory to be given back');
    } finally {
      server.kill();
    }
  });
});
