// What the account commands stand on, inside a real extension host against the sandbox started in this
// process, with no stand-in for any UI: the settings helper (user settings only, entries kept verbatim),
// the secrets (SecretStorage through AccountSecrets, never the settings), the service's connection test of
// unsaved settings, and the settings changes behind Add Space and Remove Space. The commands themselves
// (their inputs, dialogs and notifications) are driven in the real workbench: test/e2e/accounts-*.test.mjs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Config } from '../../src/config/config';
import { withSpaceRemoved, withSpacesAdded } from '../../src/accounts/entries';
import { parseAccounts, type Account } from '../../src/core/accounts';
import type { SpacesExplorerApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import { accountEntry } from '../sandbox/builders';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { testProfile } from '../sandbox/testProfile';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { api, eventually, setAccounts } from './support';

const config = () => vscode.workspace.getConfiguration('spaces');
const userAccounts = (): unknown[] => (config().inspect<unknown[]>('accounts')?.globalValue ?? []);

function account(entry: Record<string, unknown>): Account {
  const { accounts, broken } = parseAccounts([entry]);
  assert.deepEqual(broken, []);
  return accounts[0]!;
}

/** Duck-typed: the tree's nodes are the extension bundle's classes, not this bundle's. */
type AccountRow = TreeNode & { account: Account; refresh(): void };
type SpaceRow = TreeNode & { account: Account; spaceId: string; configured: boolean; details?: { name: string }; error?: { kind: string }; load(o?: { refresh?: boolean }): Promise<void> };

async function accountRow(tree: SpacesExplorerApi['tree'], id: string): Promise<AccountRow> {
  const rows = await eventually(
    async () => ((await tree.getChildren()) ?? []),
    (nodes) => nodes.some((n) => (n as Partial<AccountRow>).account?.id === id),
    `account row ${id}`,
  );
  return rows.find((n) => (n as Partial<AccountRow>).account?.id === id) as AccountRow;
}

async function spaceRows(node: AccountRow): Promise<SpaceRow[]> {
  const children = ((await node.getChildren()) ?? []);
  const spaces = children.filter((c): c is SpaceRow => 'spaceId' in c);
  await Promise.all(spaces.map((s) => s.load()));
  return spaces;
}

describe('Account settings and secrets', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;

  before(async () => {
    sandbox = await startSandbox();
    // credentialsFromEnv reads the extension host's environment: this very process.
    Object.assign(process.env, testProfile(sandbox.url).env);
    await api();
  });

  after(async () => {
    await setAccounts([]);
    await sandbox?.close();
  });

  it('secrets go to SecretStorage under the account id (merged, deleted as one), never to the settings; an env-mapped field is read from the environment', async () => {
    const { tree, secrets } = await api();
    const entry = accountEntry('onedata', sandbox.url, 'vault', { authMode: 'basic' });
    const mapped = accountEntry('alumio', sandbox.url, 'mapped', { credentialsFromEnv: { token: 'SPACES_DEMO_ALUMIO_TOKEN' } });
    await setAccounts([entry, mapped]);
    await secrets.delete('vault');
    await secrets.delete('mapped');

    const changed: string[] = [];
    const listening = secrets.onDidChange((id) => changed.push(id));
    try {
      await secrets.store(account(entry), { username: ONEDATA_SANDBOX.username });
      await secrets.store(account(entry), { password: ONEDATA_SANDBOX.password });
      await secrets.store(account(mapped), { token: 'stored-but-not-used' });
      // SecretStorage itself reports each write, under the account id.
      await eventually(() => changed, (ids) => ids.filter((id) => id === 'vault').length === 2 && ids.includes('mapped'), 'SecretStorage to report the writes');
    } finally {
      listening.dispose();
    }
    assert.deepEqual(await secrets.read(account(entry)), { username: ONEDATA_SANDBOX.username, password: ONEDATA_SANDBOX.password });
    assert.deepEqual(await secrets.read(account(mapped)), { token: ALUMIO_SANDBOX.token }, 'the environment wins over a stored value');

    const settingsJson = JSON.stringify(config().inspect('accounts'));
    for (const secret of [ONEDATA_SANDBOX.password, 'stored-but-not-used', ALUMIO_SANDBOX.token]) assert.ok(!settingsJson.includes(secret), 'no secret in any settings scope');
    assert.deepEqual(userAccounts(), [entry, mapped], 'the entries are as written');

    // The tree lists the account with the stored user name and password.
    const spaces = await spaceRows(await accountRow(tree, 'vault'));
    assert.deepEqual(spaces.map((s) => s.details?.name), ['My Private space']);

    await secrets.delete('vault');
    assert.deepEqual(await secrets.read(account(entry)), { username: undefined, password: undefined });
  });

  it('stored secrets go only to the server they were entered for: the same id pointed elsewhere asks again', async () => {
    const { tree, secrets } = await api();
    const entry = accountEntry('alumio', sandbox.url, 'moved', { spaces: [ALUMIO_SANDBOX.spaces.seed] });
    await setAccounts([entry]);
    await secrets.store(account(entry), { token: ALUMIO_SANDBOX.token });
    assert.deepEqual(await secrets.read(account(entry)), { token: ALUMIO_SANDBOX.token });
    // A path under the same origin is the same server; another port is not.
    assert.deepEqual(await secrets.read(account({ ...entry, baseUrl: `${sandbox.url}/tenant` })), { token: ALUMIO_SANDBOX.token });
    const elsewhere = { ...entry, baseUrl: sandbox.httpsUrl };
    assert.deepEqual(await secrets.read(account(elsewhere)), { token: undefined });

    const mark = sandbox.received.length;
    await setAccounts([elsewhere]);
    const [space] = await eventually(async () => spaceRows(await accountRow(tree, 'moved')), (s) => s[0]?.error !== undefined, 'the space to fail');
    assert.equal(space!.error?.kind, 'config');
    // Without a credential for this server the space fails before anything is sent: nothing to look through.
    assert.deepEqual(sandbox.received.slice(mark).map((r) => `${r.method} ${r.url}`), [], 'a request went out without a credential');
    assert.ok(sandbox.received.slice(mark).every((r) => !JSON.stringify(r.headers).includes(ALUMIO_SANDBOX.token)), 'the token went to the other server');
    // Stored anew for the new server, the account works there.
    await secrets.store(account(elsewhere), { token: 'token-for-elsewhere' });
    assert.deepEqual(await secrets.read(account(elsewhere)), { token: 'token-for-elsewhere' });
    assert.deepEqual(await secrets.read(account(entry)), { token: undefined }, 'one server at a time');
    await secrets.delete('moved');
  });

  it("a connection test of unsaved settings does not touch the tree's client for that account id", async () => {
    const { tree, secrets } = await api();
    const entry = accountEntry('alumio', sandbox.url, 'cached', { spaces: [ALUMIO_SANDBOX.spaces.seed] });
    await setAccounts([entry]);
    await secrets.store(account(entry), { token: ALUMIO_SANDBOX.token });
    const [space] = await spaceRows(await accountRow(tree, 'cached'));
    assert.equal(space!.details?.name, 'ACME Production');
    await assert.rejects(tree.service.testAccount(account(entry), { token: 'wrong' }), (err: Error & { kind?: string }) => err.kind === 'auth');
    const details = await tree.service.getSpace(account(entry), ALUMIO_SANDBOX.spaces.seed, { refresh: true });
    assert.equal(details.name, 'ACME Production');
  });

  it('what a vendor client can do (list, find) is answered without reading any secret', async () => {
    const { tree, secrets } = await api();
    const read = secrets.read.bind(secrets);
    const asked: string[] = [];
    secrets.read = (account) => {
      asked.push(account.id);
      return read(account);
    };
    try {
      const blueworks = accountEntry('blueworks', sandbox.url, 'bw', { clientId: 'client', spaces: [] });
      const onedata = accountEntry('onedata', sandbox.url, 'od', { spaces: [] });
      assert.deepEqual(await tree.service.capabilities(account(blueworks)), { list: false, find: true });
      assert.deepEqual(await tree.service.capabilities(account(onedata)), { list: true, find: false });
      assert.deepEqual(asked, []);
    } finally {
      delete (secrets as { read?: unknown }).read;
    }
  });

  it("Add Space's settings change: the id joins the account in user settings (other keys and entries verbatim), and the tree shows it as configured", async () => {
    const { tree, secrets } = await api();
    const entry = accountEntry('alumio', sandbox.url, 'acme', { spaces: [ALUMIO_SANDBOX.spaces.seed], extra: 'kept' });
    const broken = { id: 'Bad', vendor: 'x' };
    await setAccounts([entry, broken]);
    await secrets.store(account(entry), { token: ALUMIO_SANDBOX.token });
    const settings = new Config(vscode.window.createOutputChannel('spaces-test', { log: true }));
    try {
      await settings.updateAccounts((e) => withSpacesAdded(e, 'acme', [ALUMIO_SANDBOX.spaces.minimal, ALUMIO_SANDBOX.spaces.seed]));
    } finally {
      settings.dispose();
    }
    assert.deepEqual(userAccounts(), [{ ...entry, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] }, broken]);
    const spaces = await eventually(async () => spaceRows(await accountRow(tree, 'acme')), (s) => s.length === 2, 'the added space in the tree');
    assert.deepEqual(
      spaces.map((s) => [s.spaceId, s.configured, s.details?.name]),
      [
        [ALUMIO_SANDBOX.spaces.seed, true, 'ACME Production'],
        [ALUMIO_SANDBOX.spaces.minimal, true, 'Minimal space'],
      ],
    );
  });

  it('Remove Space: takes the configured id off the account', async () => {
    const { tree } = await api();
    const entry = accountEntry('alumio', sandbox.url, 'acme', { spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] });
    await setAccounts([entry, { id: 'Bad', vendor: 'x' }]);
    const spaces = await spaceRows(await accountRow(tree, 'acme'));
    const minimal = spaces.find((s) => s.spaceId === ALUMIO_SANDBOX.spaces.minimal)!;
    assert.equal(minimal.configured, true);
    await vscode.commands.executeCommand('spaces.removeSpace', minimal);
    const entries = await eventually(userAccounts, (e) => ((e[0] as { spaces?: string[] }).spaces ?? []).length === 1, 'the space to go');
    assert.deepEqual(entries, [{ ...entry, spaces: [ALUMIO_SANDBOX.spaces.seed] }, { id: 'Bad', vendor: 'x' }]);
  });

  it('a settings change says what it affects: the accounts, or what the HTTP client is built from', async () => {
    const settings = new Config(vscode.window.createOutputChannel('spaces-test', { log: true }));
    const heard: string[] = [];
    settings.onDidChangeAccounts(() => heard.push('accounts'));
    settings.onDidChangeHttp(() => heard.push('http'));
    try {
      await config().update('cacheTtlSeconds', 120, vscode.ConfigurationTarget.Global);
      await eventually(() => [...heard], (h) => h.length > 0, 'the cache TTL change');
      await setAccounts([accountEntry('alumio', sandbox.url, 'a')]);
      await eventually(() => [...heard], (h) => h.length > 1, 'the accounts change');
      await vscode.workspace.getConfiguration('http').update('proxy', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
      await eventually(() => [...heard], (h) => h.length > 2, 'the proxy change');
      assert.deepEqual(heard, ['http', 'accounts', 'http']);
    } finally {
      settings.dispose();
      await config().update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('http').update('proxy', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the settings helper writes user settings only, keeps untouched entries verbatim and serialises quick changes', async () => {
    const broken = { id: 'Broken', vendor: 'nope', nested: { a: [1, 2] } };
    await setAccounts([broken, accountEntry('alumio', sandbox.url, 'a')]);
    const settings = new Config(vscode.window.createOutputChannel('spaces-test', { log: true }));
    try {
      await Promise.all([
        settings.updateAccounts((e) => withSpacesAdded(e, 'a', ['s1'])),
        settings.updateAccounts((e) => withSpacesAdded(e, 'a', ['s2'])),
        settings.updateAccounts((e) => withSpaceRemoved(e, 'a', 's1')),
      ]);
      assert.deepEqual(userAccounts(), [broken, accountEntry('alumio', sandbox.url, 'a', { spaces: ['s2'] })]);
      assert.equal(config().inspect('accounts')?.workspaceValue, undefined);
    } finally {
      settings.dispose();
    }
  });
});
