// How the Spaces tree's rows are fetched anew: a background refresh (a changed status marked until seen, and
// counted on the view's badge), a failure under its space and Retry, and a space fetched elsewhere (announced
// once, its row redrawn).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accountEntry } from '../sandbox/builders';
import type { Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX, ALUMIO_SEED_SPACE } from '../sandbox/vendors/alumio';
import type { AccountNode } from '../../src/tree/nodes/accountNode';
import { api, eventually, inlineActionsFor, rows, setAccounts, spacesOf, useDemoTree } from './support';

describe('the Spaces tree: a background refresh', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it('a background refresh fetches the expanded account and the open panel anew, rows kept; a changed status is marked until seen', async () => {
    const { tree, view, panels, autoRefresh } = await api();
    const acme = (await rows()).find((r) => r.label === 'ACME integrations')!;
    const selectedIds = () => view.selection.map((node) => tree.getTreeItem(node).id);
    const [before] = (await spacesOf('ACME integrations', ['ACME Production'])).filter((r) => r.label === 'ACME Production');
    // Expanded and selected in the view, as a user's click does: what a background refresh refreshes. The
    // space's row is not selected, so selecting it later is a change of selection. Collapsed first: VS Code
    // keeps a row's expansion by its id when the tree is emptied and filled again (an earlier suite's
    // accounts) without telling the extension, and a reveal of a row already expanded expands nothing.
    await vscode.commands.executeCommand('workbench.actions.treeView.spaces.explorer.collapseAll');
    await eventually(() => tree.lastKnown.isExpanded(acme.node.id), (expanded) => !expanded, 'the account collapsed');
    await view.reveal(acme.node, { expand: true, select: true, focus: true });
    await eventually(selectedIds, (ids) => ids.join() === acme.item.id, 'the account row selected');
    await eventually(() => tree.lastKnown.isExpanded(acme.node.id), (expanded) => expanded, 'the expansion to be recorded');
    const path = `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.seed}`;
    const fetches = () => sandbox.received.filter((r) => r.url === path).length;
    const row = () => rows(acme.node).then((list) => list.find((r) => r.item.id === before!.item.id)!);
    try {
      // Fetched anew first: the status the user has seen.
      const first = fetches();
      await vscode.commands.executeCommand('spaces.refresh', before!.node);
      await eventually(async () => [fetches(), (await row()).item.description], ([n, description]) => n === first + 1 && description === 'Active', 'a fresh fetch');
      // The vendor says the space failed; the refresh nobody asked for finds it.
      sandbox.addFault({ path, kind: 'status', status: 200, body: { object: { ...ALUMIO_SEED_SPACE, status: 'error' } } });
      const fetched = fetches();
      autoRefresh.now();
      const marked = await eventually(row, (r) => r?.item.description === 'Active → Error', 'the row marked');
      assert.equal(fetches(), fetched + 1);
      assert.equal(marked.node, before!.node, 'the same row, so it stays as it was (expanded or not)');
      assert.match((marked.item.tooltip as vscode.MarkdownString).value.replaceAll('&nbsp;', ' '), /Status changed since you last looked: Active → Error\./);
      // The view's badge counts it.
      assert.deepEqual(view.badge, { value: 1, tooltip: '1 space changed status' });
      // Selecting the row is looking at it.
      await view.reveal(marked.node, { select: true, focus: false });
      await eventually(selectedIds, (ids) => ids.join() === marked.item.id, 'the space row selected');
      await eventually(row, (r) => r?.item.description === 'Error', 'the mark gone once seen');
      assert.equal(view.badge, undefined, 'the badge cleared');

      // An open panel refreshes too; on screen, its new status is seen as it comes: nothing to mark.
      sandbox.clearFaults();
      await vscode.commands.executeCommand('spaces.open', marked.node);
      const panel = panels.get('acme-alumio', ALUMIO_SANDBOX.spaces.seed)!;
      await eventually(() => panel.current?.status?.label, (label) => label !== undefined, 'the panel to show the space');
      autoRefresh.now();
      await eventually(() => panel.current?.status?.label, (label) => label === 'Active', 'the panel refreshed');
      assert.equal((await row()).item.description, 'Active');
    } finally {
      sandbox.clearFaults();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});

describe('the Spaces tree: failures and Retry', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it('says at the account that a credential is missing when there is no space to fetch', async () => {
    await setAccounts([{ id: 'nocreds', vendor: 'sharely', workspaceId: 'ws-1' }]);
    const account = (await eventually(() => rows(), (r) => r[0]?.label === 'nocreds'))[0]!;
    const [row] = await rows(account.node);
    assert.match(row!.label, /^config: No Workspace API key \(sk-sharely-…\) is set for this Sharely\.ai account/);
    assert.deepEqual(inlineActionsFor(String(row!.item.contextValue)), ['retry', 'setCredentials', 'openSettings', 'showLog']);
  });

  it('shows a failure as "<kind>: <message>" under the space, and Retry recovers', async () => {
    await setAccounts([accountEntry('alumio', sandbox.url, 'solo', { spaces: [ALUMIO_SANDBOX.spaces.minimal], credentialsFromEnv: { token: 'SPACES_DEMO_ALUMIO_TOKEN' } })]);
    sandbox.addFault({ path: `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.minimal}`, kind: 'status', status: 401 });
    const account = (await eventually(() => rows(), (r) => r.length === 1 && r[0]!.label === 'solo'))[0]!;
    // Anew, not from the cache an earlier test filled: the fault must be met.
    await vscode.commands.executeCommand('spaces.refreshAll');
    const [space] = await eventually(() => rows(account.node), (s) => s[0]?.item.description === 'auth');
    const [error] = await rows(space!.node);
    assert.match(error!.label, /^auth: Alumio did not accept/);
    assert.equal(error!.item.contextValue, 'error.auth.credentials');

    sandbox.clearFaults();
    await vscode.commands.executeCommand('spaces.retry', error!.node);
    const recovered = await eventually(() => rows(account.node), (s) => s[0]?.label === 'Minimal space');
    assert.equal(recovered[0]!.label, 'Minimal space');
  });
});

describe('the Spaces tree: a space fetched elsewhere', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it('announces a fetched space once: a cached answer gives back the same details and redraws nothing', async () => {
    const { tree } = await api();
    // A space no demo account shows: the view, still drawing those accounts, never asks for it.
    const spaceId = ALUMIO_SANDBOX.spaces.extra;
    await setAccounts([accountEntry('alumio', sandbox.url, 'once', { spaces: [spaceId], credentialsFromEnv: { token: 'SPACES_DEMO_ALUMIO_TOKEN' } })]);
    const { account } = (await eventually(() => rows(), (r) => r[0]?.label === 'once'))[0]!.node as AccountNode;
    const mark = sandbox.received.length;
    const announced: string[] = [];
    const listening = tree.service.onDidFetchSpace((details) => details.id === spaceId && announced.push(details.accountId));
    try {
      const first = await tree.service.getSpace(account, spaceId, { refresh: true });
      const cached = await tree.service.getSpace(account, spaceId);
      assert.equal(cached, first, 'a cache hit made new details');
      assert.equal(sandbox.received.slice(mark).filter((r) => r.url === `/api/v1/spaces/${spaceId}`).length, 1);
      const fresh = await tree.service.getSpace(account, spaceId, { refresh: true });
      assert.notEqual(fresh, first);
      assert.deepEqual(announced, ['once', 'once']);
    } finally {
      listening.dispose();
    }
  });

  it("redraws a space's row when its panel fetches a newer copy", async () => {
    const spaceId = ALUMIO_SANDBOX.spaces.seed;
    await setAccounts([accountEntry('alumio', sandbox.url, 'solo2', { spaces: [spaceId], credentialsFromEnv: { token: 'SPACES_DEMO_ALUMIO_TOKEN' } })]);
    sandbox.addFault({ path: `/api/v1/spaces/${spaceId}`, kind: 'status', status: 503, headers: { 'retry-after': '3600' } });
    const account = (await eventually(() => rows(), (r) => r[0]?.label === 'solo2'))[0]!;
    await vscode.commands.executeCommand('spaces.refreshAll');
    const [failed] = await eventually(() => rows(account.node), (s) => s[0]?.item.description === 'server');
    assert.equal(failed!.label, spaceId);

    sandbox.clearFaults();
    await vscode.commands.executeCommand('spaces.open', failed!.node);
    const { panels } = await api();
    const panel = await eventually(async () => panels.get('solo2', spaceId), (p) => p?.current !== undefined);
    assert.equal(panel?.current?.name, 'ACME Production');
    const [redrawn] = await eventually(() => rows(account.node), (s) => s[0]?.label === 'ACME Production');
    assert.equal(redrawn!.item.description, 'Active');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
