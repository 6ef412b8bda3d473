// Limits that hold inside a real extension host: one HTTP client (and so one per-origin cap) however many
// accounts load at once; a panel closed while its space loads ends quietly; Show Raw JSON and Copy as JSON
// of an answer nested thousands deep neither overflow the stack nor grow without bound. Answers are held by
// the sandbox and released by the test, so no state in between is caught by timing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseAccounts } from '../../src/core/accounts';
import { accountEntry } from '../sandbox/builders';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { startTinyproxy } from '../sandbox/tinyproxy';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { api, eventually, setAccounts } from './support';

const TOKEN_VARIABLE = 'SPACES_HOST_ROBUST_TOKEN';

describe('limits that hold', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  const alumio = (id: string, spaces: string[]) => accountEntry('alumio', sandbox.url, id, { spaces, credentialsFromEnv: { token: TOKEN_VARIABLE } });
  const account = (entry: Record<string, unknown>) => parseAccounts([entry]).accounts[0]!;
  /** Releases held answers until `done()` holds (each release lets the next queued request through). */
  async function releaseUntil(done: () => boolean): Promise<void> {
    while (!done()) {
      await eventually(async () => sandbox.held > 0 || done(), (ready) => ready);
      sandbox.release();
    }
  }

  before(async () => {
    sandbox = await startSandbox();
    process.env[TOKEN_VARIABLE] = ALUMIO_SANDBOX.token;
    process.on('unhandledRejection', onUnhandled);
    await api();
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    sandbox.release();
    await vscode.workspace.getConfiguration('spaces').update('maxConcurrentRequests', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setAccounts([]);
    await sandbox?.close();
  });

  beforeEach(() => {
    sandbox.reset();
    unhandled.length = 0;
  });

  it('accounts that load at the same moment share one HTTP client, and so its cap per origin', async () => {
    const entries = [alumio('first', ['a1', 'a2', 'a3']), alumio('second', ['b1', 'b2', 'b3'])];
    await setAccounts(entries);
    // A new cap: the next request builds the HTTP client anew, here for both accounts at once.
    await vscode.workspace.getConfiguration('spaces').update('maxConcurrentRequests', 2, vscode.ConfigurationTarget.Global);
    sandbox.addFault({ path: '/api/v1/spaces/', kind: 'hold' });
    const { service } = (await api()).tree;
    let settled = 0;
    const loads = entries.flatMap((entry) => entry.spaces.map((id) => service.getSpace(account(entry), id, { refresh: true }).finally(() => settled++)));
    const outcomes = Promise.allSettled(loads);
    // Six asked at once: the cap's two are held together, and no third comes until one is released.
    await eventually(() => sandbox.held, (held) => held === 2, 'two requests held at once');
    await releaseUntil(() => settled === loads.length);
    await outcomes;
    assert.equal(sandbox.stats().maxInFlight, 2, `2 requests in flight to the origin at most, and at once; saw ${sandbox.stats().maxInFlight}`);
    for (const id of entries.flatMap((entry) => entry.spaces)) {
      assert.ok(sandbox.received.some((r) => r.url === `/api/v1/spaces/${id}`), `space ${id} was asked for`);
    }
  });

  it('a panel closed while its space loads ends quietly: no unhandled rejection', async () => {
    await setAccounts([alumio('quiet', [ALUMIO_SANDBOX.spaces.seed])]);
    sandbox.addFault({ path: `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.seed}`, kind: 'hold' });
    await vscode.commands.executeCommand('spaces.open', { accountId: 'quiet', spaceId: ALUMIO_SANDBOX.spaces.seed });
    const { panels } = await api();
    const panel = panels.get('quiet', ALUMIO_SANDBOX.spaces.seed);
    assert.ok(panel, 'the panel opened');
    await eventually(async () => panel.pageReady && sandbox.held === 1, (ready) => ready);
    panel.panel.dispose();
    sandbox.clearFaults();
    sandbox.release();
    // Nothing in flight at the sandbox: the held answer has gone out, or its connection was closed.
    await eventually(() => sandbox.stats().inFlight, (n) => n === 0, 'the held request ended at the sandbox');
    // The next answer through the same client comes after it, in a later turn of the event loop: a rejection
    // nobody handled in the turns before has been reported by then.
    const next = await (await api()).tree.service.getSpace(account(alumio('quiet', [])), ALUMIO_SANDBOX.spaces.minimal, { refresh: true });
    assert.equal(next.id, ALUMIO_SANDBOX.spaces.minimal);
    assert.deepEqual(unhandled.map(String), []);
  });

  it("goes through the proxy in VS Code's http.proxy (Debian's tinyproxy), sends http.proxyAuthorization to it only, and honours http.noProxy", async () => {
    const proxy = await startTinyproxy({ user: 'spaces', password: 'proxy-secret-77' });
    // The view hidden, so the tree fetches nothing of its own; and a space no earlier test leaves loading:
    // each request for it counted here is the test's.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const space = ALUMIO_SANDBOX.spaces.minimal;
    const asked = () => sandbox.received.filter((r) => r.url === `/api/v1/spaces/${space}`);
    const http = vscode.workspace.getConfiguration('http');
    const set = (values: Record<string, unknown>) => Promise.all(Object.entries(values).map(([key, value]) => http.update(key, value, vscode.ConfigurationTarget.Global)));
    try {
      await set({ proxy: proxy.url, proxyAuthorization: `Basic ${Buffer.from('spaces:proxy-secret-77').toString('base64')}`, noProxy: [] });
      // The sandbox as another machine's server: loopback never goes through a proxy (the next test).
      const proxied = { ...alumio('proxied', [space]), baseUrl: sandbox.remoteUrl, allowInsecureHttp: true };
      await setAccounts([proxied]);
      const { service } = (await api()).tree;
      await service.getSpace(account(proxied), space, { refresh: true });
      const target = new URL(sandbox.remoteUrl).host;
      assert.ok(proxy.requests().some((r) => r.includes(target)), `the proxy took no request for ${target}: ${proxy.requests().join(', ')}`);
      assert.equal(asked().length, 1);
      assert.equal(asked()[0]!.headers['proxy-authorization'], undefined, 'the proxy credentials reached the vendor');
      assert.equal(asked()[0]!.headers.authorization, `Bearer ${ALUMIO_SANDBOX.token}`);

      await set({ noProxy: ['0.0.0.0'] });
      const before = proxy.requests().length;
      await service.getSpace(account(proxied), space, { refresh: true });
      assert.equal(proxy.requests().length, before, 'a noProxy host went through the proxy');
      assert.equal(asked().length, 2);
    } finally {
      await set({ proxy: undefined, proxyAuthorization: undefined, noProxy: undefined });
      await proxy.stop();
    }
  });

  it("never sends a loopback account through VS Code's http.proxy (Debian's tinyproxy), whatever http.noProxy says", async () => {
    const proxy = await startTinyproxy();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const space = ALUMIO_SANDBOX.spaces.minimal;
    const http = vscode.workspace.getConfiguration('http');
    const set = (values: Record<string, unknown>) => Promise.all(Object.entries(values).map(([key, value]) => http.update(key, value, vscode.ConfigurationTarget.Global)));
    try {
      await set({ proxy: proxy.url, noProxy: [] });
      const local = { ...alumio('local', [space]), baseUrl: sandbox.url.replace('127.0.0.1', 'localhost') };
      await setAccounts([alumio('loopback', [space]), local]);
      const { service } = (await api()).tree;
      for (const entry of [alumio('loopback', []), local]) await service.getSpace(account(entry), space, { refresh: true });
      assert.deepEqual(proxy.requests(), [], 'requests the proxy took');
      assert.ok(sandbox.received.filter((r) => r.url === `/api/v1/spaces/${space}`).length >= 2, 'the sandbox was asked directly');
    } finally {
      await set({ proxy: undefined, noProxy: undefined });
      await proxy.stop();
    }
  });

  it('Show Raw JSON and Copy as JSON of an answer nested 3,000 deep: bounded, and they say so', async () => {
    let nested: unknown = { leaf: true };
    for (let i = 0; i < 3000; i++) nested = { child: nested };
    const body = { object: { identifier: 'deep', name: 'Deep space', purpose: 'dev', extra: nested } };
    sandbox.addFault({ path: '/api/v1/spaces/deep', kind: 'status', status: 200, body });
    await setAccounts([alumio('deep', ['deep'])]);
    const target = { accountId: 'deep', spaceId: 'deep' };

    await vscode.commands.executeCommand('spaces.showRawJson', target);
    const document = await eventually(async () => vscode.window.activeTextEditor?.document, (doc) => doc?.uri.scheme === 'spaces-raw');
    assert.ok(document);
    const text = document.getText();
    assert.match(text.split('\n')[0]!, /^\/\/ Cut short: values nested deeper than 64 levels are not shown\.$/);
    assert.ok(text.length < 200_000, `${text.length} characters`);
    assert.match(text, /"name": "Deep space"/);

    await vscode.commands.executeCommand('spaces.copyAsJson', target);
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.length < 200_000 && copied.includes('nested deeper than 64 levels: not shown'), `${copied.length} characters copied`);
  });
});
