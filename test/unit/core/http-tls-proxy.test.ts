import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import nodeHttp from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { createHttpClient, trustedCertificates, type ClosableHttpClient, type HttpOptions } from '../../../src/core/http';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { TestProxy } from '../../sandbox/proxy';
import { rejectsWith } from './http-support';

describe('http: HTTPS, extra CAs and proxies', () => {
  let sandbox: Sandbox;
  let proxy: TestProxy;
  let guarded: TestProxy;
  const clients: ClosableHttpClient[] = [];
  const client = (options: Partial<HttpOptions>) => {
    const made = createHttpClient({ cacheTtlSeconds: 0, ...options });
    clients.push(made);
    return made;
  };
  before(async () => {
    sandbox = await startSandbox();
    sandbox.route('GET', '/ok', () => ({ status: 200, body: { fine: true } }));
    proxy = new TestProxy();
    guarded = new TestProxy('Basic dXNlcjpwYXNz');
    await Promise.all([proxy.listen(), guarded.listen()]);
  });
  beforeEach(() => sandbox.reset());
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([sandbox.close(), proxy.close(), guarded.close()]);
  });

  it('rejects the self-signed sandbox as tls until its CA is given', async () => {
    await rejectsWith(client({}).json({ url: `${sandbox.httpsUrl}/ok` }), 'tls', /certificate of 127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    const trusting = client({ ca: [sandbox.caPem] });
    assert.deepEqual(await trusting.json({ url: `${sandbox.httpsUrl}/ok` }), { fine: true });
    assert.deepEqual(await trusting.json({ url: `${sandbox.httpsUrl.replace('127.0.0.1', 'localhost')}/ok` }), { fine: true });
  });

  it("adds extra CAs to what Node trusts: NODE_EXTRA_CA_CERTS's certificates stay trusted", async () => {
    const other = await startSandbox(); // another self-signed CA: the one the user adds
    const dir = mkdtempSync(path.join(tmpdir(), 'spaces-ca-'));
    const file = path.join(dir, 'extra.pem');
    writeFileSync(file, sandbox.caPem);
    const saved = process.env.NODE_EXTRA_CA_CERTS;
    process.env.NODE_EXTRA_CA_CERTS = file;
    try {
      const http = client({ ca: [other.caPem] });
      assert.deepEqual(await http.json({ url: `${sandbox.httpsUrl}/ok` }), { fine: true }, 'the CA from NODE_EXTRA_CA_CERTS');
      other.route('GET', '/ok', () => ({ status: 200, body: { other: true } }));
      assert.deepEqual(await http.json({ url: `${other.httpsUrl}/ok` }), { other: true }, 'the CA added in the settings');
    } finally {
      if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
      else process.env.NODE_EXTRA_CA_CERTS = saved;
      rmSync(dir, { recursive: true, force: true });
      await other.close();
    }
  });

  it('keeps the public roots (and the system store, where the runtime reads it) beside an extra CA', () => {
    const trusted = trustedCertificates([sandbox.caPem]) ?? [];
    assert.ok(trusted.includes(sandbox.caPem));
    for (const root of rootCertificates.slice(0, 5)) assert.ok(trusted.includes(root), 'a public root is kept');
    assert.equal(trustedCertificates([]), undefined, "without extra CAs Node's own choice stands");
  });

  it('goes through the proxy, for http and (tunnelled) https', async () => {
    const http = client({ proxy: { url: proxy.url }, ca: [sandbox.caPem] });
    const before = proxy.counts.tunnels + proxy.counts.forwarded;
    assert.deepEqual(await http.json({ url: `${sandbox.url}/ok`, headers: { authorization: 'Bearer x' } }), { fine: true });
    assert.deepEqual(await http.json({ url: `${sandbox.httpsUrl}/ok` }), { fine: true });
    assert.equal(proxy.counts.tunnels + proxy.counts.forwarded - before, 2);
    assert.ok(proxy.counts.targets.includes(new URL(sandbox.httpsUrl).host));
    assert.equal(sandbox.received[0]?.headers.authorization, 'Bearer x');
  });

  it('reaches noProxy hosts directly', async () => {
    const http = client({ proxy: { url: proxy.url, noProxy: ['127.0.0.1'] } });
    const before = proxy.counts;
    assert.deepEqual(await http.json({ url: `${sandbox.url}/ok` }), { fine: true });
    assert.deepEqual(proxy.counts, before);
    assert.equal(sandbox.requests, 1);
  });

  it('sends the proxy authorization, and reports a proxy that refuses', async () => {
    assert.deepEqual(await client({ proxy: { url: guarded.url, authorization: 'Basic dXNlcjpwYXNz' } }).json({ url: `${sandbox.url}/ok` }), { fine: true });
    await rejectsWith(client({ proxy: { url: guarded.url } }).json({ url: `${sandbox.url}/ok` }), 'network', /proxy refused to connect to 127\.0\.0\.1:\d+ \(status 407\)/);
    assert.equal(sandbox.requests, 1);
  });

  it('accepts any certificate through the proxy when strictSSL is off, and only there', async () => {
    const lax = client({ proxy: { url: proxy.url, strictSSL: false } });
    assert.deepEqual(await lax.json({ url: `${sandbox.httpsUrl}/ok` }), { fine: true });
    const laxButDirect = client({ proxy: { url: proxy.url, strictSSL: false, noProxy: ['127.0.0.1'] } });
    await rejectsWith(laxButDirect.json({ url: `${sandbox.httpsUrl}/ok` }), 'tls');
  });

  describe('from the environment', () => {
    const names = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];
    let saved: Record<string, string | undefined>;
    beforeEach(() => {
      saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
      for (const n of names) delete process.env[n];
    });
    afterEach(() => {
      for (const n of names) {
        if (saved[n] === undefined) delete process.env[n];
        else process.env[n] = saved[n];
      }
    });

    it('uses HTTP_PROXY and HTTPS_PROXY when asked to', async () => {
      process.env.HTTP_PROXY = proxy.url;
      process.env.HTTPS_PROXY = proxy.url;
      const before = proxy.counts.targets.length;
      await client({ proxy: { fromEnvironment: true }, ca: [sandbox.caPem] }).json({ url: `${sandbox.httpsUrl}/ok` });
      assert.equal(proxy.counts.targets.length, before + 1);
      await client({}).json({ url: `${sandbox.url}/ok` });
      assert.equal(proxy.counts.targets.length, before + 1, 'without fromEnvironment the environment is ignored');
    });

    it('honours NO_PROXY', async () => {
      process.env.HTTP_PROXY = proxy.url;
      process.env.NO_PROXY = 'example.com, 127.0.0.1';
      const before = proxy.counts.targets.length;
      await client({ proxy: { fromEnvironment: true } }).json({ url: `${sandbox.url}/ok` });
      assert.equal(proxy.counts.targets.length, before);
      assert.equal(sandbox.requests, 1);
    });
  });
});

describe('test proxy', () => {
  let sandbox: Sandbox;
  let proxy: TestProxy;
  before(async () => {
    sandbox = await startSandbox();
    sandbox.route('GET', '/ok', () => ({ status: 200, body: { fine: true } }));
    proxy = new TestProxy();
    await proxy.listen();
  });
  after(async () => Promise.all([sandbox.close(), proxy.close()]));

  /** Sends `path` (an absolute URI, or host:port for CONNECT) to the proxy; resolves with the status. */
  const ask = (method: string, path: string) =>
    new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(proxy.url);
      const req = nodeHttp.request({ hostname, port, method, path }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('connect', (res, socket) => (socket.destroy(), resolve(res.statusCode ?? 0)));
      req.on('error', reject).end();
    });

  it('forwards absolute-URI requests', async () => {
    assert.equal(await ask('GET', `${sandbox.url}/ok`), 200);
    assert.equal(proxy.counts.forwarded, 1);
    assert.equal(sandbox.requests, 1);
  });

  it('refuses targets off the loopback, without connecting to them', async () => {
    assert.equal(await ask('CONNECT', 'example.com:443'), 403);
    assert.equal(await ask('GET', 'http://example.com/'), 403);
    assert.deepEqual([proxy.counts.refused, proxy.counts.tunnels], [2, 0]);
  });
});
