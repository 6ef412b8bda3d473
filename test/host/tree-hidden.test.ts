// Accounts hidden from the Spaces view (Select Accounts…, Hide Account): not listed, fetched, refreshed or
// searched, their pins and last known rows kept, the view's message saying so; and the stored hide list read
// as untrusted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { Config } from '../../src/config/config';
import { HIDDEN_ACCOUNTS_KEY, HiddenAccounts } from '../../src/services/hiddenAccounts';
import { SpacesTreeProvider } from '../../src/tree/provider';
import { api, eventually, labelsOf, memoryStore, rows, spacesOf, treeMemory, useDemoTree } from './support';

const ALUMIO_PATHS = '/api/v1/';

describe('the Spaces tree: hidden accounts', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it('a hidden account sends no request (listing, refresh, auto-refresh, filter, status groups), keeps its pins and last known rows, and the message says how to show it again', async () => {
    const { tree, view, autoRefresh } = await api();
    await spacesOf('ACME integrations', ['ACME Production']);
    await vscode.commands.executeCommand('spaces.pin', { accountId: 'acme-alumio', spaceId: ALUMIO_SANDBOX.spaces.seed });
    await eventually(() => rows(), (r) => labelsOf(r)[0] === 'Pinned', 'the pin');
    const configured = tree.shownAccounts().map((a) => a.id);
    const acme = tree.shownAccounts().find((a) => a.id === 'acme-alumio')!;
    try {
      await vscode.commands.executeCommand('spaces.hideAccount', { accountId: 'acme-alumio' });
      const roots = await eventually(() => rows(), (r) => !labelsOf(r).includes('ACME integrations'), 'the account gone from the view');
      assert.ok(!labelsOf(roots).includes('Pinned'), 'its pin is not shown…');
      assert.equal(tree.pins.has('acme-alumio', ALUMIO_SANDBOX.spaces.seed), true, '…but kept');
      assert.ok(tree.lastKnown.spaces(acme)?.length, 'its last known rows are kept');
      assert.match(String(view.message), /1 account is hidden: Select Accounts… in the view's title shows it again\./);
      assert.ok(!tree.shownAccounts().some((a) => a.id === 'acme-alumio'), 'Find Space and Open Space do not search it');

      // Everything that fetches, in every way, with the tree drawn after each.
      const asked = () => sandbox.received.filter((r) => r.url.startsWith(ALUMIO_PATHS)).length;
      const before = asked();
      tree.refreshAll();
      autoRefresh.now();
      tree.setFilter('sales');
      await eventually(() => rows(), (r) => r.length > 0, 'the filter drawn');
      tree.arrange({ groupBy: 'status' });
      await eventually(() => rows(), (r) => labelsOf(r).includes('Active'), 'the status groups drawn', 20_000);
      await eventually(() => sandbox.inFlight, (n) => n === 0, 'the other accounts answered');
      assert.equal(tree.accountNode('acme-alumio'), undefined, 'no row of it exists to fetch');
      assert.equal(asked(), before, 'no request to its server');
      assert.equal(await tree.confirms('acme-alumio', ALUMIO_SANDBOX.spaces.seed), false, 'a restored panel of it fetches nothing either');
    } finally {
      tree.setFilter('');
      tree.arrange({ groupBy: 'account' });
      await tree.hidden.showOnly(configured, configured);
      await tree.pins.unpin('acme-alumio', ALUMIO_SANDBOX.spaces.seed);
    }
    const back = await eventually(() => rows(), (r) => labelsOf(r).includes('ACME integrations'), 'the account shown again');
    assert.equal(back.length, 6);
    assert.equal(view.message, undefined);
  });

  it('reads the stored hide list as untrusted: only the ids of configured accounts hide anything, whatever else is stored', async () => {
    const { tree } = await api();
    const store = memoryStore();
    await store.update(HIDDEN_ACCOUNTS_KEY, [42, null, { id: 'acme-alumio' }, 'ACME-ALUMIO', 'acme-alumio/../x', 'no-such-account', 'research-onedata']);
    const config = new Config(vscode.window.createOutputChannel('spaces-test', { log: true }));
    const provider = new SpacesTreeProvider(config, tree.service, tree.extensionUri, { ...treeMemory(tree, tree.lastKnown), hidden: new HiddenAccounts(store) });
    try {
      const roots = (await provider.getChildren()).map((node) => provider.getTreeItem(node).label);
      assert.deepEqual(roots.slice(0, 4), ['ACME integrations', 'Team knowledge', 'ML evaluation', 'Process design']);
      assert.equal(provider.accountNode('research-onedata'), undefined);
    } finally {
      provider.dispose();
      config.dispose();
    }
  });
});
