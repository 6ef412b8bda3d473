// What the extension saved itself is no source of new targets: the ids of the last-known tree, of the pins
// and of a restored panel's page are shown, but fetched with the account's credentials only once the account's
// settings or its fresh listing show them; a command takes none of them for a target before that.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { Config } from '../../src/config/config';
import { parseAccounts } from '../../src/core/accounts';
import { VIEW_TYPE } from '../../src/panel/protocol';
import { LastKnownTree } from '../../src/services/lastKnown';
import type { AccountNode } from '../../src/tree/nodes/accountNode';
import type { SpaceNode } from '../../src/tree/nodes/spaceNode';
import { SpacesTreeProvider } from '../../src/tree/provider';
import { accountEntry } from '../sandbox/builders';
import { testProfile } from '../sandbox/testProfile';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { api, eventually, setAccounts, treeMemory } from './support';

const TOKEN_VARIABLE = 'SPACES_HOST_SAVED_STATE_TOKEN';

describe('saved state is not a source of new targets', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  /** Every request the sandbox received for a path holding `id`. */
  const askedFor = (id: string) => sandbox.received.filter((r) => r.url.includes(id)).map((r) => `${r.method} ${r.url}`);
  const alumio = () => accountEntry('alumio', sandbox.url, 'acme', { label: 'ACME', spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: TOKEN_VARIABLE } });

  before(async () => {
    sandbox = await startSandbox();
    process.env[TOKEN_VARIABLE] = ALUMIO_SANDBOX.token;
  });

  after(async () => {
    await setAccounts([]);
    await sandbox?.close();
  });

  afterEach(() => {
    sandbox.clearFaults();
    sandbox.release();
    sandbox.reset();
  });

  it('a last-known id the fresh listing leaves out: shown until the listing comes, never fetched, never a command target', async () => {
    const profile = testProfile(sandbox.url);
    Object.assign(process.env, profile.env);
    await setAccounts(profile.accounts);
    const entry = profile.accounts.find((a) => a.vendor === 'onedata')!;
    const account = parseAccounts([entry]).accounts[0]!;
    // What an earlier window saved, with one id more than the vendor lists: a file anyone could have written.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'spaces-saved-')), 'tree.json');
    const saved = new LastKnownTree(file, 0);
    saved.listed(account, [{ id: 'ghost-space', name: 'Ghost' }]);
    await saved.flush();

    sandbox.addFault({ path: '/api/v3/onezone/user/effective_spaces', kind: 'hold' });
    const { tree } = await api();
    const config = new Config(vscode.window.createOutputChannel('spaces-test', { log: true }));
    const provider = new SpacesTreeProvider(config, tree.service, tree.extensionUri, treeMemory(tree, new LastKnownTree(file, 0)));
    try {
      const roots = await provider.getChildren();
      const accountRow = roots.find((node) => (node as AccountNode).account?.id === account.id) as AccountNode;
      const [ghost] = (await provider.getChildren(accountRow)) as SpaceNode[];
      assert.equal(provider.getTreeItem(ghost!).label, 'Ghost', 'the remembered row is shown');
      const under = await provider.getChildren(ghost);
      assert.deepEqual(under?.map((node) => provider.getTreeItem(node).label), ['Loading…']);
      assert.equal(provider.spaceNode(account.id, 'ghost-space'), undefined, 'a command would take the remembered row for a target');
      await eventually(() => sandbox.held, (held) => held === 1, 'the listing to be held');

      sandbox.release();
      assert.equal(await provider.confirms(account.id, 'ghost-space'), false);
      assert.deepEqual(askedFor('ghost-space'), [], 'requests for the remembered id');
    } finally {
      provider.dispose();
      config.dispose();
    }
  });

  it('a pin the account does not show: "no longer listed", never fetched, not opened, and Unpin still takes it away', async () => {
    await setAccounts([alumio()]);
    const { tree } = await api();
    await tree.pins.pin('acme', 'ghost-pin');
    try {
      const pinned = async () => {
        const [group] = await tree.getChildren();
        return ((await tree.getChildren(group)) ?? []).map((node) => ({ node, item: tree.getTreeItem(node) }));
      };
      const [row] = await eventually(pinned, (rows) => rows[0]?.item.description === 'no longer listed · ACME', 'the pin marked no longer listed');
      await vscode.commands.executeCommand('spaces.open', row!.node);
      await vscode.commands.executeCommand('spaces.open', { accountId: 'acme', spaceId: 'ghost-pin' });
      assert.equal((await api()).panels.get('acme', 'ghost-pin'), undefined, 'a panel was opened');
      assert.deepEqual(askedFor('ghost-pin'), [], 'requests for the pinned id');
      await vscode.commands.executeCommand('spaces.unpin', row!.node);
      assert.equal(tree.pins.has('acme', 'ghost-pin'), false);
    } finally {
      await tree.pins.unpin('acme', 'ghost-pin');
    }
  });

  it('a restored panel of a space the account does not show says so, without a request; one it shows is fetched', async () => {
    await setAccounts([alumio()]);
    const { panels } = await api();
    const restore = async (spaceId: string) => {
      const webview = vscode.window.createWebviewPanel(VIEW_TYPE, spaceId, vscode.ViewColumn.Active, {});
      await panels.deserializeWebviewPanel(webview, { vendor: 'alumio', accountId: 'acme', spaceId });
      return { webview, panel: panels.get('acme', spaceId)! };
    };
    const ghost = await restore('ghost-panel');
    const shown = await restore(ALUMIO_SANDBOX.spaces.seed);
    try {
      const failure = await eventually(async () => ghost.panel.failure, (f) => f !== undefined, 'the restored panel to say why');
      assert.equal(failure?.kind, 'notFound');
      assert.match(failure?.message ?? '', /no longer lists this space, so it was not fetched/);
      assert.deepEqual(askedFor('ghost-panel'), [], 'requests for the restored id');
      const details = await eventually(async () => shown.panel.current, (d) => d !== undefined, 'the configured space to be fetched');
      assert.equal(details?.name, 'ACME Production');
    } finally {
      ghost.webview.dispose();
      shown.webview.dispose();
    }
  });
});
