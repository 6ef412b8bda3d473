// The untrusted-input contract inside a real extension host: command arguments name ids and nothing else of
// them is used; a workspace's settings cannot turn the network limits off; stored secrets go when their
// account leaves the settings, however it leaves. Two sandboxes in this process: the configured vendor, and
// an "attacker" origin that must never hear from the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseAccounts } from '../../src/core/accounts';
import { isSpacesError } from '../../src/core/errors';
import { accountEntry } from '../sandbox/builders';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { api, eventually, setAccounts } from './support';

/** The value an attacker's account would read from the environment: it must never leave the extension host. */
const CANARY_VARIABLE = 'SPACES_HOST_CANARY';
const CANARY = 'canary-secret-0123456789';
const TOKEN_VARIABLE = 'SPACES_HOST_ALUMIO_TOKEN';

/** Every command that takes an argument. */
const COMMANDS_WITH_ARGUMENTS = [
  'testConnection',
  'setCredentials',
  'editAccount',
  'removeAccount',
  'addSpace',
  'removeSpace',
  'refresh',
  'retry',
  'loadMore',
  'open',
  'showRawJson',
  'copySpaceId',
  'copyAsJson',
  'openInBrowser',
];

describe('untrusted input', function () {
  this.timeout(60_000);
  let vendor: Sandbox;
  let attacker: Sandbox;

  const legit = () => accountEntry('alumio', vendor.url, 'legit', { spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: TOKEN_VARIABLE } });

  /** Every request either sandbox received that carries the canary anywhere (URL, headers, body). */
  const leaks = () => [...vendor.received, ...attacker.received].filter((r) => JSON.stringify(r).includes(CANARY));

  before(async () => {
    vendor = await startSandbox();
    attacker = await startSandbox();
    process.env[TOKEN_VARIABLE] = ALUMIO_SANDBOX.token;
    process.env[CANARY_VARIABLE] = CANARY;
    await api();
  });

  after(async () => {
    await setAccounts([]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    delete process.env[CANARY_VARIABLE];
    await vendor?.close();
    await attacker?.close();
  });

  describe('commands trust ids only', () => {
    beforeEach(async () => {
      await setAccounts([legit()]);
      vendor.received.length = 0;
      attacker.received.length = 0;
    });

    it('an argument naming an unconfigured account, with its own baseUrl and credentialsFromEnv, sends nothing anywhere', async () => {
      const crafted = {
        accountId: 'evil',
        account: { id: 'evil', vendor: 'alumio', label: 'Evil', baseUrl: attacker.url, spaces: ['x'], credentialsFromEnv: { token: CANARY_VARIABLE } },
        spaceId: 'x',
        configured: true,
      };
      for (const command of COMMANDS_WITH_ARGUMENTS) {
        // Until the command is done, or the attacker hears from it (a command that trusted its argument may
        // then wait on a dialog for ever, so its end is not waited for alone).
        let done = false;
        void vscode.commands.executeCommand(`spaces.${command}`, crafted).then(
          () => (done = true),
          () => (done = true),
        );
        await eventually(async () => done || attacker.received.length > 0, (stop) => stop, `spaces.${command} to finish`, 30_000);
        assert.deepEqual(attacker.received.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`), [], `spaces.${command} sent a request to the attacker's origin`);
        assert.ok(done, `spaces.${command} did not finish`);
      }
      assert.deepEqual(leaks(), [], 'the canary variable was sent');
      assert.deepEqual(vendor.received, [], 'nothing was fetched for an account that is not configured');
    });

    it('a configured id with another baseUrl and credentialsFromEnv in the argument still goes to the configured server, with its own credentials', async () => {
      const crafted = {
        account: { ...legit(), baseUrl: attacker.url, credentialsFromEnv: { token: CANARY_VARIABLE } },
        spaceId: ALUMIO_SANDBOX.spaces.seed,
      };
      await vscode.commands.executeCommand('spaces.testConnection', crafted);
      await vscode.commands.executeCommand('spaces.copyAsJson', crafted);
      assert.deepEqual(attacker.received, []);
      assert.deepEqual(leaks(), []);
      const sent = vendor.received.filter((r) => r.url.includes(ALUMIO_SANDBOX.spaces.seed));
      // The connection test asks the server; Copy as JSON may take that same answer from the cache.
      assert.ok(sent.length >= 1, 'the configured server was asked');
      for (const request of sent) assert.equal(request.headers.authorization, `Bearer ${ALUMIO_SANDBOX.token}`);
      assert.match(await vscode.env.clipboard.readText(), /"identifier": "acme-production"/);
    });

    it('a command hands its caller nothing back: no panel, node or client to go around the commands with', async () => {
      const target = { accountId: 'legit', spaceId: ALUMIO_SANDBOX.spaces.seed };
      const returned: unknown[] = [];
      for (const command of ['spaces.open', 'spaces.pin', 'spaces.unpin']) returned.push(await vscode.commands.executeCommand(command, target));
      assert.deepEqual(returned.map((value) => typeof value), ['undefined', 'undefined', 'undefined']);
      assert.ok((await api()).panels.get('legit', ALUMIO_SANDBOX.spaces.seed), 'the space was opened');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('a space id the configured account does not show is refused before any request', async () => {
      await vscode.commands.executeCommand('spaces.copyAsJson', { account: { id: 'legit' }, spaceId: 'not-configured' });
      await vscode.commands.executeCommand('spaces.open', { accountId: 'legit', spaceId: '..' });
      assert.deepEqual(vendor.received, []);
      const { panels } = await api();
      assert.equal(panels.get('legit', 'not-configured'), undefined);
    });
  });

  describe('a workspace cannot disarm the client', () => {
    const workspaceSettings = () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'the host tier opens a workspace folder');
      return vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    };
    const user = (values: Record<string, number | undefined>) =>
      Promise.all(Object.entries(values).map(([key, value]) => vscode.workspace.getConfiguration('spaces').update(key, value, vscode.ConfigurationTarget.Global)));

    before(async () => {
      // What a cloned repository could ship: every limit off, and a marker that shows the file was read.
      const hostile = {
        'spaces.requestTimeoutSeconds': 0,
        'spaces.maxResponseMegabytes': 100000,
        'spaces.maxConcurrentRequests': 0,
        'spaces.autoRefreshMinutes': 0.0001,
        'spaces.notifyOnStatusChange': true,
        'spaces.followActivePanel': false,
        'editor.tabSize': 7,
      };
      await vscode.workspace.fs.writeFile(workspaceSettings(), Buffer.from(JSON.stringify(hostile)));
      await eventually(async () => vscode.workspace.getConfiguration('editor').get('tabSize'), (size) => size === 7);
      assert.equal(vscode.workspace.getConfiguration('editor').get('tabSize'), 7, 'the workspace settings file was read');
      // The user's own limits, set after the workspace's, so the HTTP client is built anew from them.
      await user({ requestTimeoutSeconds: 1, maxResponseMegabytes: 1, maxConcurrentRequests: 2 });
      await setAccounts([legit()]);
    });

    after(async () => {
      await vscode.workspace.fs.delete(workspaceSettings());
      await user({ requestTimeoutSeconds: undefined, maxResponseMegabytes: undefined, maxConcurrentRequests: undefined });
      vendor.clearFaults();
    });

    const account = () => parseAccounts([legit()]).accounts[0]!;
    const fetchSpace = async (id: string) => (await api()).tree.service.getSpace(account(), id, { refresh: true });
    const kindOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (err: unknown) => (isSpacesError(err) ? err.kind : String(err)));

    it('auto-refresh every 0.0001 minutes in the workspace starts no refresh, and no other spaces.* setting is taken from it', async () => {
      assert.equal((await api()).autoRefresh.interval, 0, 'the workspace started a background refresh');
      const spaces = vscode.workspace.getConfiguration('spaces');
      assert.deepEqual([spaces.get('autoRefreshMinutes'), spaces.get('notifyOnStatusChange'), spaces.get('followActivePanel')], [0, false, true]);
    });

    it('timeout 0 in the workspace leaves the timeout on', async () => {
      vendor.addFault({ path: '/api/v1/spaces/', kind: 'slowHeaders', ms: 10_000, times: 1 });
      assert.equal(await kindOf(fetchSpace(ALUMIO_SANDBOX.spaces.seed)), 'timeout');
    });

    it('size 100000 in the workspace leaves the size cap on', async () => {
      vendor.addFault({ path: '/api/v1/spaces/', kind: 'oversize', bytes: 3 * 1024 * 1024, times: 1 });
      const error = await fetchSpace(ALUMIO_SANDBOX.spaces.seed).then(() => undefined, (err: unknown) => err);
      assert.ok(isSpacesError(error), 'the 3 MB answer was refused');
      assert.match(error.message, /larger than 1 MB and was cut off/);
    });

    it('concurrency 0 in the workspace leaves the concurrency limit on', async () => {
      vendor.reset();
      vendor.addFault({ path: '/api/v1/spaces/', kind: 'latency', ms: 100, times: 8 });
      await Promise.all(Array.from({ length: 8 }, (_, i) => kindOf(fetchSpace(`parallel-${i}`))));
      const asked = vendor.received.filter((r) => r.url.startsWith('/api/v1/spaces/parallel-')).length;
      assert.equal(asked, 8, 'every fetch reached the vendor');
      // Eight asked at once, each answer 100 ms away: the cap, reached and not passed.
      const { maxInFlight } = vendor.stats();
      assert.equal(maxInFlight, 2, `2 requests in flight to the origin at most, and at once; saw ${maxInFlight}`);
    });
  });

  describe('secrets go when the account goes', () => {
    it('deleting the entry from settings.json by hand deletes its stored secrets; a broken entry keeps them', async () => {
      const { secrets } = await api();
      const entry = { id: 'stored', vendor: 'alumio', baseUrl: vendor.url };
      const stored = parseAccounts([entry]).accounts[0]!;
      await setAccounts([entry]);
      await secrets.store(stored, { token: 'stored-token-value' });
      assert.equal((await secrets.read(stored)).token, 'stored-token-value');

      // Being edited: the entry is broken for a moment (its base URL half typed), its secrets stay.
      await setAccounts([{ ...entry, baseUrl: 'htp:/' }]);
      await setAccounts([entry]);
      assert.equal((await secrets.read(stored)).token, 'stored-token-value');

      await setAccounts([]);
      await eventually(async () => (await secrets.read(stored)).token, (token) => token === undefined);
      assert.equal((await secrets.read(stored)).token, undefined, 'the secret outlived its account');
      // Added again under the same id, it asks for its credentials anew.
      await setAccounts([entry]);
      assert.equal((await secrets.read(stored)).token, undefined);
    });
  });
});
