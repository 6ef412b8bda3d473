// The Spaces tree after a window reload: the last known rows at once (marked, expanded as before) while the
// vendors hold every answer, then the fresh ones.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testProfile } from '../sandbox/testProfile';
import type { Sandbox } from '../sandbox/server';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Config } from '../../src/config/config';
import { LastKnownTree } from '../../src/services/lastKnown';
import { FilterMemory } from '../../src/services/filterMemory';
import { SpacesTreeProvider } from '../../src/tree/provider';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import type { AccountNode } from '../../src/tree/nodes/accountNode';
import { api, eventually, memoryStore, setAccounts, treeMemory, useDemoTree } from './support';

describe('the Spaces tree after a window reload', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  /**
   * Two windows of one tree, one after the other (a window reload), over the demo's accounts: each its own
   * provider and its own last known tree, both kept in one file. `open` makes the next window (with the
   * filter memory given, if any) and finds the account row labelled so.
   */
  async function reloadable() {
    const { tree } = await api();
    await setAccounts(testProfile(sandbox.url).accounts);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'spaces-last-known-')), 'tree.json');
    const config = new Config(vscode.window.createOutputChannel('spaces-test', { log: true }));
    const windows: SpacesTreeProvider[] = [];
    return {
      open: async (accountLabel: string, filters?: FilterMemory) => {
        const lastKnown = new LastKnownTree(file, 0);
        const provider = new SpacesTreeProvider(config, tree.service, tree.extensionUri, treeMemory(tree, lastKnown, filters));
        windows.push(provider);
        const roots = await provider.getChildren();
        return { lastKnown, provider, account: roots.find((r) => provider.getTreeItem(r).label === accountLabel) as AccountNode };
      },
      labelled: (provider: SpacesTreeProvider, nodes: TreeNode[]) => nodes.map((n) => provider.getTreeItem(n)).map((i) => [i.label, i.description]),
      close: async () => {
        sandbox.clearFaults();
        sandbox.release();
        for (const provider of windows) provider.dispose();
        config.dispose();
        await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
      },
    };
  }
  /** The reload: a new HTTP client (no cache), and the vendor holds every answer under `prefix`. */
  async function reloadHolding(prefix: string): Promise<void> {
    await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', 298, vscode.ConfigurationTarget.Global);
    sandbox.reset();
    sandbox.addFault({ path: prefix, kind: 'hold' });
  }
  const notRefreshed = (description: unknown) => typeof description === 'string' && description.endsWith('(not yet refreshed)');

  it('after a window reload, shows the last known rows at once (marked, expanded as before) while every answer is held, then the fresh ones', async () => {
    const windows = await reloadable();
    const { labelled } = windows;
    try {
      const before = await windows.open('Research data');
      const shown = await eventually(
        async () => labelled(before.provider, await before.provider.getChildren(before.account)),
        (list) => list.length > 0 && list.every(([, description]) => description !== undefined && description !== 'loading…'),
        'the names and statuses',
      );
      before.lastKnown.setExpanded(before.account.id, true);
      await before.lastKnown.flush();

      await reloadHolding('/api/v3/onezone/');
      const after = await windows.open('Research data');
      assert.equal(after.provider.getTreeItem(after.account).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const remembered = labelled(after.provider, await after.provider.getChildren(after.account));
      assert.deepEqual(
        remembered.map(([label]) => label),
        shown.map(([label]) => label),
        'the names known before, at once',
      );
      assert.ok(remembered.every(([, description]) => notRefreshed(description)), JSON.stringify(remembered));
      // Every request the new window made is still held: the rows needed no answer.
      const made = () => sandbox.received.filter((r) => r.url.startsWith('/api/v3/onezone/')).length;
      await eventually(() => sandbox.held, (held) => held === made(), 'every request to be held');

      sandbox.clearFaults();
      sandbox.release();
      const fresh = await eventually(
        async () => labelled(after.provider, await after.provider.getChildren(after.account)),
        (list) => list.every(([, description]) => !notRefreshed(description) && description !== 'loading…'),
        'the fresh rows',
      );
      assert.deepEqual(fresh, shown);
    } finally {
      await windows.close();
    }
  });

  it('after a window reload, a listing that comes before the view reads the account (Alumio lists without asking) still shows the last known rows, and a space restored expanded does not hold up the tree', async () => {
    const windows = await reloadable();
    const { labelled } = windows;
    try {
      const before = await windows.open('ACME integrations');
      const [space] = await eventually(
        () => before.provider.getChildren(before.account),
        (list) => list.length > 0 && list.every((row) => before.provider.getTreeItem(row).description !== 'loading…'),
        'the names and statuses',
      );
      before.lastKnown.setExpanded(before.account.id, true);
      before.lastKnown.setExpanded(space!.id, true);
      await before.lastKnown.flush();

      await reloadHolding('/api/v1/spaces/');
      const after = await windows.open('ACME integrations');
      // Before the view draws the account: a restored panel following itself into the tree lists it.
      await after.account.listing();
      const remembered = await after.provider.getChildren(after.account);
      assert.ok(labelled(after.provider, remembered).every(([, description]) => notRefreshed(description)), JSON.stringify(labelled(after.provider, remembered)));
      const restored = remembered.find((row) => row.id === space!.id)!;
      assert.equal(after.provider.getTreeItem(restored).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      // VS Code draws nothing above an expanded row until its rows come: they must not wait for the vendor.
      let children: TreeNode[] | undefined;
      void after.provider.getChildren(restored).then((rows) => (children = rows));
      const made = () => sandbox.received.filter((r) => r.url.startsWith('/api/v1/spaces/')).length;
      await eventually(() => sandbox.held, (held) => held > 0 && held === made(), 'the details to be asked for and held');
      await eventually(() => children, (rows) => rows !== undefined, "the restored space's rows while its details are held");
    } finally {
      await windows.close();
    }
  });

  it('after a window reload, the filter in effect is back at once, drawn from the last known rows while every answer is held', async () => {
    const windows = await reloadable();
    const { labelled } = windows;
    // The window's state and the profile's, as VS Code keeps them across a reload.
    const [profile, window] = [memoryStore(), memoryStore()];
    try {
      const before = await windows.open('Research data', new FilterMemory(profile, window));
      await eventually(
        async () => labelled(before.provider, await before.provider.getChildren(before.account)),
        (list) => list.some(([label]) => label === 'Climate data'),
        'the names',
      );
      before.provider.setFilter('climate');
      await before.lastKnown.flush();

      await reloadHolding('/api/v3/onezone/');
      const after = await windows.open('Research data', new FilterMemory(profile, window));
      assert.equal(after.provider.filter?.query, 'climate');
      assert.ok(after.account, 'the account with the match, from the last known rows');
      const matches = labelled(after.provider, await after.provider.getChildren(after.account));
      assert.deepEqual(matches.map(([label]) => label), ['Climate data']);
      assert.ok(notRefreshed(matches[0]![1]), JSON.stringify(matches));
      const made = () => sandbox.received.filter((r) => r.url.startsWith('/api/v3/onezone/')).length;
      await eventually(() => sandbox.held, (held) => held === made(), 'every request to be held');
      assert.deepEqual(new FilterMemory(profile, window).recent, ['climate'], 'among the recent filters too');
    } finally {
      await windows.close();
    }
  });
});
