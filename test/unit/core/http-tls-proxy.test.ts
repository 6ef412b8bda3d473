import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import nodeHttp from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { trustedCertificates } from '../../../src/core/connections';
import { startSandbox } from '../../sandbox/server';
import { TestProxy } from '../../sandbox/proxy';
import { rejectsWith, useHttpSuite } from './http-support';

describe('http: HTTPS, extra CAs and proxies', () => {
  const suite = useHttpSuite({ routes: (sandbox) => sandbox.route('GET', '/ok', () => ({ status: 200, body: { fine: true } })), http: { cacheTtlSeconds: 0 } });
  let proxy: TestProxy;
  let guarded: TestProxy;
  before(async () => {
    proxy = new TestProxy();
    guarded = new TestProxy('Basic dXNlcjpwYXNz');
    await Promise.all([proxy.listen(), guarded.listen()]);
  });
  after(async () => Promise.all([proxy.close(), guarded.close()]));

  it('rejects the self-signed sandbox as tls until its CA is given', async () => {
    await rejectsWith(suite.client({}).json({ url: `${suite.sandbox.httpsUrl}/ok` }), 'tls', /certificate of 127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    const trusting = suite.client({ ca: [suite.sandbox.caPem] });
    assert.deepEqual(await trusting.json({ url: `${suite.sandbox.httpsUrl}/ok` }), { fine: true });
    assert.deepEqual(await trusting.json({ url: `${suite.sandbox.httpsUrl.replace('127.0.0.1', 'localhost')}/ok` }), { fine: true });
  });

  it("adds extra CAs to what Node trusts: NODE_EXTRA_CA_CERTS's certificates stay trusted", async () => {
    const other = await startSandbox(); // another self-signed CA: the one the user adds
    const dir = mkdtempSync(path.join(tmpdir(), 'spaces-ca-'));
    const file = path.join(dir, 'extra.pem');
    writeFileSync(file, suite.sandbox.caPem);
    const saved = process.env.NODE_EXTRA_CA_CERTS;
    process.env.NODE_EXTRA_CA_CERTS = file;
    try {
      const http = suite.client({ ca: [other.caPem] });
      assert.deepEqual(await http.json({ url: `${suite.sandbox.httpsUrl}/ok` }), { fine: true }, 'the CA from NODE_EXTRA_CA_CERTS');
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
    const trusted = trustedCertificates([suite.sandbox.caPem]) ?? [];
    assert.ok(trusted.includes(suite.sandbox.caPem));
    for (const root of rootCertificates.slice(0, 5)) assert.ok(trusted.includes(root), 'a public root is kept');
    assert.equal(trustedCertificates([]), undefined, "without extra CAs Node's own choice stands");
  });

  it('goes through the proxy, for http and (tunnelled) https', async () => {
    const http = suite.client({ proxy: { url: proxy.url }, ca: [suite.sandbox.caPem] });
    const before = proxy.counts.tunnels + proxy.counts.forwarded;
    assert.deepEqual(await http.json({ url: `${suite.sandbox.remoteUrl}/ok`, headers: { authorization: 'Bearer x' } }), { fine: true });
    assert.deepEqual(await http.json({ url: `${suite.sandbox.remoteHttpsUrl}/ok` }), { fine: true });
    assert.equal(proxy.counts.tunnels + proxy.counts.forwarded - before, 2);
    assert.ok(proxy.counts.targets.includes(new URL(suite.sandbox.remoteHttpsUrl).host));
    assert.equal(suite.sandbox.received[0]?.headers.authorization, 'Bearer x');
  });

  it('reaches noProxy hosts directly', async () => {
    const http = suite.client({ proxy: { url: proxy.url, noProxy: ['0.0.0.0'] } });
    const before = proxy.counts;
    assert.deepEqual(await http.json({ url: `${suite.sandbox.remoteUrl}/ok` }), { fine: true });
    assert.deepEqual(proxy.counts, before);
    assert.equal(suite.sandbox.requests, 1);
  });

  it('sends the proxy authorization, and reports a proxy that refuses', async () => {
    assert.deepEqual(await suite.client({ proxy: { url: guarded.url, authorization: 'Basic dXNlcjpwYXNz' } }).json({ url: `${suite.sandbox.remoteUrl}/ok` }), { fine: true });
    await rejectsWith(suite.client({ proxy: { url: guarded.url } }).json({ url: `${suite.sandbox.remoteUrl}/ok` }), 'network', /proxy refused to connect to 0\.0\.0\.0:\d+ \(status 407\)/);
    assert.equal(suite.sandbox.requests, 1);
  });

  it('accepts any certificate through the proxy when strictSSL is off, and only there', async () => {
    const lax = suite.client({ proxy: { url: proxy.url, strictSSL: false } });
    assert.deepEqual(await lax.json({ url: `${suite.sandbox.remoteHttpsUrl}/ok` }), { fine: true });
    const laxButDirect = suite.client({ proxy: { url: proxy.url, strictSSL: false, noProxy: ['0.0.0.0'] } });
    await rejectsWith(laxButDirect.json({ url: `${suite.sandbox.remoteHttpsUrl}/ok` }), 'tls');
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
      await suite.client({ proxy: { fromEnvironment: true }, ca: [suite.sandbox.caPem] }).json({ url: `${suite.sandbox.remoteHttpsUrl}/ok` });
      assert.equal(proxy.counts.targets.length, before + 1);
      await suite.client({}).json({ url: `${suite.sandbox.remoteUrl}/ok` });
      assert.equal(proxy.counts.targets.length, before + 1, 'without fromEnvironment the environment is ignored');
    });

    it('honours NO_PROXY', async () => {
      process.env.HTTP_PROXY = proxy.url;
      process.env.NO_PROXY = 'example.com, 0.0.0.0';
      const before = proxy.counts.targets.length;
      await suite.client({ proxy: { fromEnvironment: true } }).json({ url: `${suite.sandbox.remoteUrl}/ok` });
      assert.equal(proxy.counts.targets.length, before);
      assert.equal(suite.sandbox.requests, 1);
    });
  });
});

describe('test proxy', () => {
  const suite = useHttpSuite({ routes: (sandbox) => sandbox.route('GET', '/ok', () => ({ status: 200, body: { fine: true } })), resetEachTest: false });
  let proxy: TestProxy;
  before(async () => {
    proxy = new TestProxy();
    await proxy.listen();
  });
  after(() => proxy.close());

  /** Sends `path` (an absolute URI, or host:port for CONNECT) to the proxy; resolves with the status. */
  const ask = (method: string, path: string) =>
    new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(proxy.url);
      const req = nodeHttp.request({ hostname, port, method, path }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('connect', (res, socket) => (socket.destroy(), resolve(res.statusCode ?? 0)));
      req.on('error', reject).end();
    });

  it('forwards absolute-URI requests', async () => {
    assert.equal(await ask('GET', `${suite.sandbox.url}/ok`), 200);
    assert.equal(proxy.counts.forwarded, 1);
    assert.equal(suite.sandbox.requests, 1);
  });

  it('refuses targets off the loopback, without connecting to them', async () => {
    assert.equal(await ask('CONNECT', 'example.com:443'), 403);
    assert.equal(await ask('GET', 'http://example.com/'), 403);
    assert.deepEqual([proxy.counts.refused, proxy.counts.tunnels], [2, 0]);
  });
});
